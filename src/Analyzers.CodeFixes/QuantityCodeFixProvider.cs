using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using StatefulManifests.Model;
using StatefulManifests.Rules;

namespace StatefulManifests.Analyzers.CodeFixes;

/// <summary>
/// SM1008: replaces a mistyped quantity literal (<c>"10GB"</c>) with one of the valid spellings the analyzer passed
/// (<c>"10G"</c> in powers of 1000, <c>"10Gi"</c> in powers of 1024; just <c>"1Gi"</c> for <c>"1 Gi"</c>), one action
/// each. The equivalence keys name the unit family, so Fix All applies the same family everywhere.
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

            var spellings = suggestions.Split(FixProperties.Separator);
            foreach (var suggestion in spellings)
            {
                var binary = Quantity.FromText(suggestion).Format == QuantityFormat.BinarySI;
                var title = "Write \"" + suggestion + "\"" + (spellings.Length == 1 ? string.Empty : binary ? " (powers of 1024)" : " (powers of 1000)");
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
