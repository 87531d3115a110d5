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
/// SM2016: in the claim template call the diagnostic covers, writes <c>AccessMode.ReadWriteOncePod</c> where it says
/// <c>AccessMode.ReadWriteOnce</c> (other access modes in the same call are left as they are).
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(AccessModeCodeFixProvider))]
public sealed class AccessModeCodeFixProvider : CodeFixProvider
{
    /// <summary>The equivalence key of the action.</summary>
    public const string Key = RuleIds.ReadWriteOnceClaim + ":ReadWriteOncePod";

    /// <inheritdoc />
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = [RuleIds.ReadWriteOnceClaim];

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
            var references = ReadWriteOnceReferences(root, model, diagnostic, context.CancellationToken);
            if (references.Count == 0)
            {
                continue;
            }

            context.RegisterCodeFix(
                CodeAction.Create(
                    "Use AccessMode." + nameof(AccessMode.ReadWriteOncePod),
                    _ => Task.FromResult(context.Document.WithSyntaxRoot(root.ReplaceNodes(
                        references,
                        (original, _) => SyntaxFactory.IdentifierName(nameof(AccessMode.ReadWriteOncePod)).WithTriviaFrom(original)))),
                    Key),
                diagnostic);
        }
    }

    /// <summary>The <c>ReadWriteOnce</c> names inside the diagnostic's span that bind to <see cref="AccessMode.ReadWriteOnce"/>.</summary>
    private static List<IdentifierNameSyntax> ReadWriteOnceReferences(SyntaxNode root, SemanticModel model, Diagnostic diagnostic, CancellationToken cancellationToken) =>
        root.FindNode(diagnostic.Location.SourceSpan)
            .DescendantNodesAndSelf()
            .OfType<IdentifierNameSyntax>()
            .Where(n => diagnostic.Location.SourceSpan.Contains(n.Span) && n.Identifier.ValueText == nameof(AccessMode.ReadWriteOnce))
            .Where(n => model.GetSymbolInfo(n, cancellationToken).Symbol is IFieldSymbol { ContainingType: { } type }
                && type.ToDisplayString() == typeof(AccessMode).FullName)
            .ToList();
}
