using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;
using StatefulManifests.Model;
using StatefulManifests.Rules;

namespace StatefulManifests.Analyzers.CodeFixes;

/// <summary>
/// SM0004 on a mount of a volume or claim that does not exist (<c>.Mount("cache", ...)</c>): appends a claim template
/// of that name to the end of the declaration's StatefulSet builder chain, on its own line when the chain is written
/// one call per line: <c>.VolumeClaim("cache", v => v.AccessModes(AccessMode.ReadWriteOncePod).Storage("1Gi"))</c>.
/// ReadWriteOncePod and 1Gi are the safe defaults the rules ask for (SM2016, SM2017); the user adjusts the size.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(MissingClaimTemplateCodeFixProvider))]
public sealed class MissingClaimTemplateCodeFixProvider : CodeFixProvider
{
    /// <summary>The equivalence key of the action.</summary>
    public const string Key = RuleIds.MountOfMissingVolume + ":claim-template";

    private const string BuilderTypeName = "StatefulManifests.StatefulSetBuilder";

    /// <inheritdoc />
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = [RuleIds.MountOfMissingVolume];

    /// <summary>None: two claims appended at one place by a batch would conflict; each mount is fixed on its own.</summary>
    public override FixAllProvider? GetFixAllProvider() => null;

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
            if (StringLiteralFix.At(root, diagnostic.Location.SourceSpan) is not { } literal
                || BuilderChain(literal, model, context.CancellationToken) is not { } chain)
            {
                continue;
            }

            var name = literal.Token.ValueText;
            var accessMode = AccessModeName(model, chain.SpanStart);
            var call = ".VolumeClaim(" + SyntaxFactory.Literal(name).Text + ", v => v.AccessModes(" + accessMode + "." + nameof(AccessMode.ReadWriteOncePod) + ").Storage(\"1Gi\"))";
            var insertion = LineBreakBefore(chain) + call;
            context.RegisterCodeFix(
                CodeAction.Create(
                    "Add claim template \"" + name + "\"",
                    async token =>
                    {
                        var text = await context.Document.GetTextAsync(token).ConfigureAwait(false);
                        return context.Document.WithText(text.WithChanges(new TextChange(new TextSpan(chain.Span.End, 0), insertion)));
                    },
                    Key),
                diagnostic);
        }
    }

    /// <summary>
    /// The whole builder chain the literal is part of: the outermost invocation above it whose type is the
    /// StatefulSet builder (the mount sits inside a container lambda, which sits inside that chain).
    /// </summary>
    private static InvocationExpressionSyntax? BuilderChain(SyntaxNode literal, SemanticModel model, CancellationToken cancellationToken) =>
        literal.Ancestors()
            .TakeWhile(n => n is not MemberDeclarationSyntax)
            .OfType<InvocationExpressionSyntax>()
            .Where(i => i.Parent is not MemberAccessExpressionSyntax)
            .LastOrDefault(i => model.GetTypeInfo(i, cancellationToken).Type?.ToDisplayString() == BuilderTypeName);

    /// <summary>The line break and indentation of the chain's last call when it starts its own line, else nothing.</summary>
    private static string LineBreakBefore(InvocationExpressionSyntax chain)
    {
        if (chain.Expression is not MemberAccessExpressionSyntax { OperatorToken: var dot }
            || dot.GetPreviousToken().TrailingTrivia.LastOrDefault(t => t.IsKind(SyntaxKind.EndOfLineTrivia)) is not { RawKind: not 0 } lineBreak)
        {
            return string.Empty;
        }

        return lineBreak.ToFullString() + string.Concat(dot.LeadingTrivia.Where(t => t.IsKind(SyntaxKind.WhitespaceTrivia)).Select(t => t.ToFullString()));
    }

    /// <summary><c>AccessMode</c> when it is in scope at the chain, else its fully qualified name.</summary>
    private static string AccessModeName(SemanticModel model, int position) =>
        model.LookupNamespacesAndTypes(position, name: nameof(AccessMode)).Any(s => s.ToDisplayString() == typeof(AccessMode).FullName)
            ? nameof(AccessMode)
            : "global::" + typeof(AccessMode).FullName;
}
