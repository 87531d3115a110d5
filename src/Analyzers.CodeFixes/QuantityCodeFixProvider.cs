using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using StatefulManifests.Model;
using StatefulManifests.Rules;

namespace StatefulManifests.Analyzers.CodeFixes;

/// <summary>
/// SM1008: replaces a mistyped quantity literal (<c>"10GB"</c>) with one of the valid spellings the analyzer passed
/// (<c>"10G"</c> in powers of 1000, <c>"10Gi"</c> in powers of 1024), one action each. The equivalence keys name the
/// unit family, so Fix All applies the same family everywhere.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(QuantityCodeFixProvider))]
public sealed class QuantityCodeFixProvider : CodeFixProvider
{
    /// <summary>The equivalence key of the powers-of-1024 spelling.</summary>
    public const string BinaryKey = RuleIds.InvalidQuantity + ":binary";

    /// <summary>The equivalence key of the powers-of-1000 spelling.</summary>
    public const string DecimalKey = RuleIds.InvalidQuantity + ":decimal";

    /// <inheritdoc />
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = [RuleIds.InvalidQuantity];

    /// <inheritdoc />
    public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    /// <inheritdoc />
    public override Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        foreach (var diagnostic in context.Diagnostics)
        {
            if (!diagnostic.Properties.TryGetValue(FixProperties.QuantitySuggestions, out var suggestions) || suggestions is null)
            {
                continue;
            }

            foreach (var suggestion in suggestions.Split(FixProperties.Separator))
            {
                var binary = Quantity.FromText(suggestion).Format == QuantityFormat.BinarySI;
                var title = "Write \"" + suggestion + "\" (" + (binary ? "powers of 1024" : "powers of 1000") + ")";
                context.RegisterCodeFix(
                    CodeAction.Create(
                        title,
                        token => StringLiteralFix.ReplaceAsync(context.Document, diagnostic.Location.SourceSpan, suggestion, token),
                        binary ? BinaryKey : DecimalKey),
                    diagnostic);
            }
        }

        return Task.CompletedTask;
    }
}
