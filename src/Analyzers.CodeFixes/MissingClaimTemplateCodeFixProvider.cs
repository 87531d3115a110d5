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

    /// <summary>
    /// Fix All appends each missing name once per chain, in the order first mounted: a batch of independent fixes
    /// would insert two claims at one place (one of them dropped as a conflict) or the same claim twice.
    /// </summary>
    public override FixAllProvider GetFixAllProvider() => FixAllProvider.Create(FixAllInDocumentAsync);

    /// <inheritdoc />
    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        foreach (var diagnostic in context.Diagnostics)
        {
            if (await ClaimFor(context.Document, diagnostic, context.CancellationToken).ConfigureAwait(false) is not { } claim)
            {
                continue;
            }

            context.RegisterCodeFix(
                CodeAction.Create(
                    "Add claim template \"" + claim.Name + "\"",
                    async token =>
                    {
                        var text = await context.Document.GetTextAsync(token).ConfigureAwait(false);
                        return context.Document.WithText(text.WithChanges(claim.Change));
                    },
                    Key),
                diagnostic);
        }
    }

    private static async Task<Document?> FixAllInDocumentAsync(FixAllContext context, Document document, ImmutableArray<Diagnostic> diagnostics)
    {
        var claims = new List<ClaimInsertion>();
        foreach (var diagnostic in diagnostics.OrderBy(d => d.Location.SourceSpan.Start))
        {
            if (await ClaimFor(document, diagnostic, context.CancellationToken).ConfigureAwait(false) is { } claim
                && !claims.Any(c => c.Change.Span == claim.Change.Span && c.Name == claim.Name))
            {
                claims.Add(claim);
            }
        }

        if (claims.Count == 0)
        {
            return null;
        }

        // One insertion per chain end, the chain's claims in order.
        var changes = claims
            .GroupBy(c => c.Change.Span)
            .Select(g => new TextChange(g.Key, string.Concat(g.Select(c => c.Change.NewText))));
        var text = await document.GetTextAsync(context.CancellationToken).ConfigureAwait(false);
        return document.WithText(text.WithChanges(changes));
    }

    /// <summary>The claim template that fixes <paramref name="diagnostic"/>, or null when the mount's name is not a literal in a builder chain.</summary>
    private static async Task<ClaimInsertion?> ClaimFor(Document document, Diagnostic diagnostic, CancellationToken cancellationToken)
    {
        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        var model = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
        if (root is null || model is null
            || StringLiteralFix.At(root, diagnostic.Location.SourceSpan) is not { } literal
            || BuilderChain(literal, model, cancellationToken) is not { } chain)
        {
            return null;
        }

        var name = literal.Token.ValueText;
        var accessMode = AccessModeName(model, chain.SpanStart);
        var call = ".VolumeClaim(" + SyntaxFactory.Literal(name).Text + ", v => v.AccessModes(" + accessMode + "." + nameof(AccessMode.ReadWriteOncePod) + ").Storage(\"1Gi\"))";
        return new ClaimInsertion(name, new TextChange(new TextSpan(chain.Span.End, 0), LineBreakBefore(chain) + call));
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

    /// <summary>A claim template to append: the claim's name and the insertion at the chain's end.</summary>
    private sealed class ClaimInsertion(string name, TextChange change)
    {
        public string Name { get; } = name;

        public TextChange Change { get; } = change;
    }
}
