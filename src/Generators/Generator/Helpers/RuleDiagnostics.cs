using Microsoft.CodeAnalysis;
using StatefulManifests.Rules;

namespace StatefulManifests.Generators.Helpers;

/// <summary>
/// A catalogue rule as a Roslyn descriptor: ID, title, message format, category, severity and help link from
/// <see cref="RuleCatalog"/>. The analyzers and the generator's baseline check both build their descriptors here.
/// </summary>
internal static class RuleDiagnostics
{
    /// <summary>The descriptor of <paramref name="rule"/>.</summary>
    /// <param name="rule">The catalogue rule.</param>
    /// <param name="compilationEnd">True for a rule reported at compilation end.</param>
    public static DiagnosticDescriptor Descriptor(RuleDescriptor rule, bool compilationEnd = false) => new(
        rule.Id,
        rule.Title,
        rule.MessageFormat,
        rule.CategoryName,
        rule.DefaultSeverity switch
        {
            FindingSeverity.Error => DiagnosticSeverity.Error,
            FindingSeverity.Warning => DiagnosticSeverity.Warning,
            _ => DiagnosticSeverity.Info,
        },
        isEnabledByDefault: true,
        helpLinkUri: rule.HelpLink,
        customTags: compilationEnd ? [WellKnownDiagnosticTags.CompilationEnd] : []);
}
