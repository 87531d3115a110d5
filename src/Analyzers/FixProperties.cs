using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace StatefulManifests.Analyzers;

/// <summary>
/// The <see cref="Diagnostic.Properties"/> keys through which the analyzer hands code fixes the replacement the DSL
/// computed, so a fix never re-derives it. The fixes live in <c>StatefulManifests.Analyzers.CodeFixes</c>.
/// </summary>
internal static class FixProperties
{
    /// <summary>SM1008: the valid spellings of the quantity, decimal first, separated by <see cref="Separator"/> (<c>10G|10Gi</c>).</summary>
    public const string QuantitySuggestions = "suggestions";

    /// <summary>SM1002 on a DNS-1123 name: the repaired name (<c>My_Web</c> → <c>my-web</c>).</summary>
    public const string DnsName = "dnsName";

    /// <summary>
    /// A flag or enum set to an unsafe value: the safe value as the manifest writes it (<c>false</c>, <c>Always</c>),
    /// from <see cref="StatefulManifests.Rules.Finding.Replacement"/>.
    /// </summary>
    public const string Replacement = "replacement";

    /// <summary>Separates the values of a multi-valued property.</summary>
    public const char Separator = '|';

    /// <summary>
    /// <paramref name="properties"/> when the diagnostic sits exactly on the kind of expression its fix rewrites — a
    /// string literal for a quantity or a name, a <c>true</c>/<c>false</c> literal or an enum member (<c>X.Y</c>) for a
    /// replacement — else none: a value from a constant or an expression has no single literal to fix.
    /// </summary>
    public static ImmutableDictionary<string, string?>? OnlyWhereFixable(ImmutableDictionary<string, string?>? properties, Location location)
    {
        if (properties is null || location.SourceTree is not { } tree)
        {
            return null;
        }

        var node = tree.GetRoot().FindNode(location.SourceSpan, getInnermostNodeForTie: true);
        if (node.Span != location.SourceSpan)
        {
            return null;
        }

        var fixable = properties.ContainsKey(Replacement)
            ? node.IsKind(SyntaxKind.TrueLiteralExpression) || node.IsKind(SyntaxKind.FalseLiteralExpression) || node.IsKind(SyntaxKind.SimpleMemberAccessExpression)
            : node.IsKind(SyntaxKind.StringLiteralExpression);
        return fixable ? properties : null;
    }
}
