using Microsoft.CodeAnalysis;
using StatefulManifests.Rules;
using StatefulManifests.Validation;

namespace StatefulManifests.Analyzers;

/// <summary>
/// The Roslyn descriptors of the rules this analyzer reports. IDs, titles, message formats, severities and help
/// links come from the DSL's rule catalogue (<see cref="RuleCatalog"/>), the one place rules are defined.
/// </summary>
internal static class DiagnosticDescriptors
{
    private static readonly Dictionary<string, DiagnosticDescriptor> ByRuleId =
        RuleCatalog.All.ToDictionary(r => r.Id, From, StringComparer.Ordinal);

    /// <summary>SM0001: part of a <c>[StatefulWorkload]</c> declaration cannot be evaluated at compile time.</summary>
    public static DiagnosticDescriptor CannotEvaluate => ByRuleId[RuleIds.DeclarationNotEvaluable];

    /// <summary>SM0002: two workloads of one compilation have the same name (reported at compilation end).</summary>
    public static DiagnosticDescriptor DuplicateWorkloadName => ByRuleId[RuleIds.DuplicateWorkloadName];

    /// <summary>SM0006: the attributed member cannot be a workload declaration.</summary>
    public static DiagnosticDescriptor NotAWorkloadDeclaration => ByRuleId[RuleIds.NotAWorkloadDeclaration];

    /// <summary>SM0007: evaluating the declaration fails as running it would.</summary>
    public static DiagnosticDescriptor DeclarationThrows => ByRuleId[RuleIds.DeclarationThrows];

    /// <summary>SM0008: the project's environments do not fit the declaration's environment parameter.</summary>
    public static DiagnosticDescriptor EnvironmentMismatch => ByRuleId[RuleIds.EnvironmentMismatch];

    /// <summary>SM1012: the project's target Kubernetes version or feature gates cannot be read (reported at compilation end).</summary>
    public static DiagnosticDescriptor InvalidTargetCluster => ByRuleId[RuleIds.InvalidTargetCluster];

    /// <summary>SM0005: the typed class is not generated because an enclosing type is not partial.</summary>
    public static DiagnosticDescriptor NotPartial => ByRuleId[RuleIds.EnclosingTypeNotPartial];

    /// <summary>
    /// Every descriptor the analyzer may report: every catalogue rule that applies to C# declarations (all but the
    /// ones about YAML text: SM1009 unreadable manifest, SM2022 duplicate YAML key).
    /// </summary>
    public static IEnumerable<DiagnosticDescriptor> Supported =>
        RuleCatalog.All.Where(r => r.Id is not RuleIds.UnreadableManifest and not RuleIds.DuplicateYamlKey).Select(r => ByRuleId[r.Id]);

    /// <summary>The descriptor of a catalogue rule.</summary>
    public static DiagnosticDescriptor ForRule(string ruleId) => ByRuleId[ruleId];

    /// <summary>
    /// The API-validation rule for an error the linter does not see (a patch that does not apply): one per
    /// Kubernetes error type, as the catalogue numbers them.
    /// </summary>
    public static DiagnosticDescriptor ForErrorType(FieldErrorType type) => ForRule(RuleCatalog.ForErrorType(type).Id);

    private static DiagnosticDescriptor From(RuleDescriptor rule) =>
        Generators.Helpers.RuleDiagnostics.Descriptor(rule, compilationEnd: rule.Id is RuleIds.DuplicateWorkloadName or RuleIds.ManifestFileClash or RuleIds.InvalidTargetCluster);
}
