using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using StatefulManifests.Rules;

namespace StatefulManifests.Analyzers.CodeFixes;

/// <summary>
/// SM1002 on a name that is not a DNS-1123 name (<c>Workload.StatefulSet("My_Web")</c>): writes the repaired name the
/// analyzer passed (<c>"my-web"</c>) into the string literal. Other SM1002 findings carry no repair and get no action.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(DnsNameCodeFixProvider))]
public sealed class DnsNameCodeFixProvider : CodeFixProvider
{
    /// <summary>The equivalence key of the action.</summary>
    public const string Key = RuleIds.ApiInvalid + ":dns-name";

    /// <inheritdoc />
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = [RuleIds.ApiInvalid];

    /// <inheritdoc />
    public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    /// <inheritdoc />
    public override Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        foreach (var diagnostic in context.Diagnostics)
        {
            if (diagnostic.Properties.TryGetValue(FixProperties.DnsName, out var name) && name is { Length: > 0 })
            {
                context.RegisterCodeFix(
                    CodeAction.Create(
                        "Rename to \"" + name + "\"",
                        token => StringLiteralFix.ReplaceAsync(context.Document, diagnostic.Location.SourceSpan, name, token),
                        Key),
                    diagnostic);
            }
        }

        return Task.CompletedTask;
    }
}
