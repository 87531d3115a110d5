using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using StatefulManifests.Model;
using StatefulManifests.Rules;

namespace StatefulManifests.Analyzers.CodeFixes;

/// <summary>
/// A flag or enum argument set to an unsafe value (<c>AllowPrivilegeEscalation(true)</c>,
/// <c>ImagePullPolicy(PullPolicy.IfNotPresent)</c>, <c>ClaimRetention(whenScaled: ClaimRetentionPolicy.Delete)</c>):
/// writes the safe value the rule named (<see cref="Finding.Replacement"/>, passed by the analyzer) over the argument.
/// Offered for every rule whose descriptor says <see cref="RuleDescriptor.OffersReplacement"/>.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(ReplacementCodeFixProvider))]
public sealed class ReplacementCodeFixProvider : CodeFixProvider
{
    /// <inheritdoc />
    public override ImmutableArray<string> FixableDiagnosticIds { get; } =
        RuleCatalog.All.Where(r => r.OffersReplacement).Select(r => r.Id).ToImmutableArray();

    /// <summary>The equivalence key of the action for a rule: Fix All writes the safe value everywhere that rule fired.</summary>
    public static string KeyFor(string ruleId) => ruleId + ":replacement";

    /// <inheritdoc />
    public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    /// <inheritdoc />
    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        var model = await context.Document.GetSemanticModelAsync(context.CancellationToken).ConfigureAwait(false);
        if (root is null || model is null)
        {
            return;
        }

        foreach (var diagnostic in context.Diagnostics)
        {
            if (!diagnostic.Properties.TryGetValue(FixProperties.Replacement, out var replacement) || replacement is null)
            {
                continue;
            }

            var node = root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true);
            if (Rewrite(node, replacement, model, context.CancellationToken) is not { } rewritten)
            {
                continue;
            }

            context.RegisterCodeFix(
                CodeAction.Create(
                    "Write " + rewritten.ToString(),
                    _ => Task.FromResult(context.Document.WithSyntaxRoot(root.ReplaceNode(node, rewritten.WithTriviaFrom(node)))),
                    KeyFor(diagnostic.Id)),
                diagnostic);
        }
    }

    // The expression to write: the other boolean literal, or the enum member whose wire name is the replacement.
    private static ExpressionSyntax? Rewrite(SyntaxNode node, string replacement, SemanticModel model, CancellationToken cancellationToken)
    {
        if (node.IsKind(SyntaxKind.TrueLiteralExpression) || node.IsKind(SyntaxKind.FalseLiteralExpression))
        {
            return replacement switch
            {
                "true" => SyntaxFactory.LiteralExpression(SyntaxKind.TrueLiteralExpression),
                "false" => SyntaxFactory.LiteralExpression(SyntaxKind.FalseLiteralExpression),
                _ => null,
            };
        }

        if (node is MemberAccessExpressionSyntax access
            && model.GetSymbolInfo(access, cancellationToken).Symbol is IFieldSymbol { ContainingType: { TypeKind: TypeKind.Enum } type }
            && type.GetMembers().OfType<IFieldSymbol>().FirstOrDefault(f => WireName(f) == replacement) is { } member)
        {
            return access.WithName(SyntaxFactory.IdentifierName(member.Name));
        }

        return null;
    }

    private static string WireName(IFieldSymbol member) =>
        member.GetAttributes()
            .FirstOrDefault(a => a.AttributeClass?.ToDisplayString() == typeof(WireNameAttribute).FullName)?
            .ConstructorArguments.FirstOrDefault().Value as string ?? member.Name;
}
