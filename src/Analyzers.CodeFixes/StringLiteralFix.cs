using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;

namespace StatefulManifests.Analyzers.CodeFixes;

/// <summary>Finds the string literal a diagnostic covers and replaces its value, keeping the literal's trivia.</summary>
internal static class StringLiteralFix
{
    /// <summary>The string literal exactly at <paramref name="span"/>, or null when the diagnostic is on something else.</summary>
    public static LiteralExpressionSyntax? At(SyntaxNode root, TextSpan span) =>
        root.FindNode(span, getInnermostNodeForTie: true) is LiteralExpressionSyntax literal
        && literal.IsKind(SyntaxKind.StringLiteralExpression)
        && literal.Span == span
            ? literal
            : null;

    /// <summary><paramref name="document"/> with the literal at <paramref name="span"/> now saying <paramref name="value"/>.</summary>
    public static async Task<Document> ReplaceAsync(Document document, TextSpan span, string value, CancellationToken cancellationToken)
    {
        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        if (root is null || At(root, span) is not { } literal)
        {
            return document;
        }

        var replacement = SyntaxFactory.LiteralExpression(SyntaxKind.StringLiteralExpression, SyntaxFactory.Literal(value))
            .WithTriviaFrom(literal);
        return document.WithSyntaxRoot(root.ReplaceNode(literal, replacement));
    }
}
