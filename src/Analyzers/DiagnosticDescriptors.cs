using Microsoft.CodeAnalysis;
using StatefulManifests.Rules;
using StatefulManifests.Validation;

namespace StatefulManifests.Analyzers;

/// <summary>
/// The Roslyn descriptors of the rules this analyzer reports. IDs, titles, message formats, severities and help
/// links come from the DSL's rule catalogue (<see cref="RuleCatalog"/>), the one place rules are defined; only
/// SM0005, which is about C# declarations rather than workloads, is defined here.
/// </summary>
internal static class DiagnosticDescriptors
{
    /// <summary>SM0001: part of a <c>[StatefulWorkload]</c> declaration cannot be evaluated at compile time.</summary>
    public static readonly DiagnosticDescriptor CannotEvaluate = From(RuleCatalog.DeclarationNotEvaluable);

    /// <summary>SM0005: the typed class is not generated because an enclosing type is not partial.</summary>
    /// <remarks>
    /// Not in RuleCatalog yet: src/Dsl belongs to another issue, and its tests require the catalogue, the docs pages
    /// and AnalyzerReleases.Unshipped.md to list exactly the same IDs. Moving this RuleDescriptor into the catalogue
    /// (with a docs page and a release-tracking row) is all it takes to make it a catalogue rule like the others.
    /// </remarks>
    public static readonly DiagnosticDescriptor NotPartial = From(new RuleDescriptor(
        "SM0005",
        "Enclosing type of a workload declaration is not partial",
        "'{0}' is not partial, so the generator cannot add {1} (names, YAML constants, model) beside '{2}'; the YAML is still written at build",
        FindingSeverity.Warning,
        RuleCategory.Usage,
        appliesToYaml: false));

    private static readonly Dictionary<string, DiagnosticDescriptor> ByRuleId =
        RuleCatalog.All.ToDictionary(r => r.Id, From, StringComparer.Ordinal);

    /// <summary>Every descriptor the analyzer may report: SM0001, SM0005 and the catalogue's validation rules.</summary>
    public static IEnumerable<DiagnosticDescriptor> Supported =>
        new[] { CannotEvaluate, NotPartial }.Concat(RuleCatalog.All.Where(ReportsValidation).Select(r => ByRuleId[r.Id]));

    /// <summary>
    /// True for the rules that stand for the API server's validation: the SM1xxx rules and the DSL-worded rules that
    /// replace a validation error (duplicate names, mounts of missing volumes). The other rules (reliability,
    /// security, best practice) belong to the analyzers issue.
    /// </summary>
    public static bool ReportsValidation(RuleDescriptor rule) => rule.Category == RuleCategory.ApiValidation || rule.Supersedes is not null;

    /// <summary>The descriptor of a catalogue rule.</summary>
    public static DiagnosticDescriptor ForRule(string ruleId) => ByRuleId[ruleId];

    /// <summary>
    /// The API-validation rule for an error the linter does not see (a patch that does not apply): one per
    /// Kubernetes error type, as the catalogue numbers them.
    /// </summary>
    public static DiagnosticDescriptor ForErrorType(FieldErrorType type) => From(type switch
    {
        FieldErrorType.Required => RuleCatalog.ApiRequired,
        FieldErrorType.Invalid => RuleCatalog.ApiInvalid,
        FieldErrorType.NotSupported => RuleCatalog.ApiNotSupported,
        FieldErrorType.Duplicate => RuleCatalog.ApiDuplicate,
        FieldErrorType.Forbidden => RuleCatalog.ApiForbidden,
        FieldErrorType.TooLong => RuleCatalog.ApiTooLong,
        _ => RuleCatalog.ApiNotFound,
    });

    private static DiagnosticDescriptor From(RuleDescriptor rule) => new(
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
        helpLinkUri: rule.HelpLink);
}
