using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using StatefulManifests.Generators.Evaluation;
using StatefulManifests.Model;
using StatefulManifests.Rules;
using StatefulManifests.Rules.Api;
using StatefulManifests.Validation;

namespace StatefulManifests.Analyzers;

/// <summary>One problem to report: the rule, its message arguments and the plan node it belongs on.</summary>
/// <param name="Descriptor">The rule.</param>
/// <param name="Arguments">The rule's message arguments.</param>
/// <param name="Site">The call or argument node that caused it (and related nodes), or null for the declaration.</param>
/// <param name="Properties">What a code fix needs (<see cref="FixProperties"/>), or null when there is no fix.</param>
/// <param name="Where">The object and field path the problem is at (<c>Service web spec.ports[0].targetPort</c>'s parts), when it has one.</param>
/// <param name="BadValue">The validator's bad value, formatted as in its message, when it reported one.</param>
internal sealed record WorkloadProblem(
    DiagnosticDescriptor Descriptor,
    object?[] Arguments,
    ProblemSite? Site,
    ImmutableDictionary<string, string?>? Properties = null,
    ProblemField? Where = null,
    string? BadValue = null);

/// <summary>The object a problem is in and its field path there.</summary>
/// <param name="Document">The document (StatefulSet, Service, budget).</param>
/// <param name="Path">The field path.</param>
/// <param name="Object">For an owned object, which one (<c>Kind "name"</c>); null otherwise.</param>
internal sealed record ProblemField(WorkloadDocument Document, FieldPath Path, string? Object = null);

/// <summary>
/// Everything the catalogue says about an evaluated workload, placed on plan nodes: the DSL's linter
/// (<see cref="WorkloadLinter.Lint(Model.StatefulSet, Model.Service, Model.PodDisruptionBudget)"/>) finds the problems — API validation, reliability, security, best practice —
/// and <see cref="OriginLocator"/> maps each finding's field path to the call that set the field, and within it to the
/// argument holding the offending value (the validator's bad value, or the finding's <see cref="Finding.Value"/>). A
/// field no call set (a missing probe, a missing security context) goes to the closest call that set its parent
/// (the container's <c>.Container(...)</c> call), else to the <c>Workload.StatefulSet(...)</c> call. The errors the
/// linter cannot see (a patch that does not apply) keep the SM1xxx rule of their error type. No rule is decided here.
/// </summary>
internal static class WorkloadProblems
{
    /// <summary>The problems of an evaluated workload (none for a clean one), one per mistake (<see cref="ProblemFolding"/>).</summary>
    public static IReadOnlyList<WorkloadProblem> Of(EvaluatedWorkload evaluated) => Of(evaluated, Versions.TargetCluster.Default);

    /// <summary>As <see cref="Of(EvaluatedWorkload)"/>, for the project's target cluster (release and feature gates).</summary>
    public static IReadOnlyList<WorkloadProblem> Of(EvaluatedWorkload evaluated, Versions.TargetCluster target) => ProblemFolding.Fold(Unfolded(evaluated, target).ToList());

    private static IEnumerable<WorkloadProblem> Unfolded(EvaluatedWorkload evaluated, Versions.TargetCluster target)
    {
        var workload = evaluated.Workload;
        var origins = evaluated.Builder.Origins;
        var declaration = DeclarationCall(origins);
        // Lint what the YAML will say: a patch may set a value the rules must see.
        var applied = workload.Applied(out var patchErrors);
        foreach (var finding in WorkloadLinter.Lint(applied.StatefulSet, applied.Service, applied.DisruptionBudget, applied.Owned, target))
        {
            if (RuleCatalog.Find(finding.RuleId) is not { AppliesToYaml: true })
            {
                continue;
            }

            var document = DocumentOf(finding.Subject);
            var error = evaluated.Errors.FirstOrDefault(e => OriginLocator.DocumentOf(e, applied.Owned) == document
                && (document != WorkloadDocument.Owned || e.Object == finding.Object)
                && e.Path.Equals(finding.Path));
            yield return new WorkloadProblem(
                DiagnosticDescriptors.ForRule(finding.RuleId),
                finding.Arguments.Cast<object?>().ToArray(),
                (error is null
                    ? OriginLocator.Locate(origins, finding.PlacedAt, document, finding.IsValue, traceDerived: false, finding.Object)
                    : OriginLocator.Locate(origins, finding.PlacedAt, document, IsValue(finding, error), traceDerived: true, finding.Object)) ?? declaration,
                FixFor(finding, error),
                new ProblemField(document, finding.Path, finding.Object),
                error?.BadValue is { } bad ? FieldError.FormatValue(bad) : null);
        }

        foreach (var error in patchErrors.Concat(workload.DeclarationErrors))
        {
            var document = OriginLocator.DocumentOf(error, applied.Owned);
            var owned = document == WorkloadDocument.Owned ? error.Object : null;
            yield return new WorkloadProblem(
                DiagnosticDescriptors.ForErrorType(error.Type),
                [error.Path.ToString(), error.Message],
                OriginLocator.Locate(origins, error.Path, document, OriginLocator.IsBadValue(error), traceDerived: true, owned) ?? declaration,
                Where: new ProblemField(document, error.Path, owned),
                BadValue: error.BadValue is { } bad ? FieldError.FormatValue(bad) : null);
        }
    }

    /// <summary>
    /// The plan node of the name argument of <c>Workload.StatefulSet("name")</c>, where a duplicate workload name is
    /// reported; null when the declaration did not record it.
    /// </summary>
    public static ProblemSite? NameArgument(EvaluatedWorkload evaluated) =>
        RootToken(evaluated.Builder.Origins) is { ArgumentNodes.Count: > 0 } token ? OriginLocator.ArgumentSite(token, 0) : null;

    /// <summary>
    /// The replacement a code fix offers, computed by the DSL: the valid spellings of a mistyped quantity (SM1008),
    /// the repaired DNS-1123 name (SM1002 on a name's format) or the safe value of a flag or enum. Null when the DSL
    /// has none.
    /// </summary>
    private static ImmutableDictionary<string, string?>? FixFor(Finding finding, FieldError? error)
    {
        if (finding.RuleId == RuleIds.InvalidQuantity
            && finding.Arguments.Count > 1
            && QuantitySuggestions.For(finding.Arguments[1]) is { Count: > 0 } spellings)
        {
            return ImmutableDictionary<string, string?>.Empty.Add(FixProperties.QuantitySuggestions, string.Join(FixProperties.Separator.ToString(), spellings.Reverse()));
        }

        if (finding.RuleId == RuleIds.ApiInvalid && error is not null && NameSuggestions.TryRepairDnsName(error, out var repaired))
        {
            return ImmutableDictionary<string, string?>.Empty.Add(FixProperties.DnsName, repaired);
        }

        if (finding.Replacement is { } replacement)
        {
            return ImmutableDictionary<string, string?>.Empty.Add(FixProperties.Replacement, replacement);
        }

        return null;
    }

    // The validator's bad value (typed, so traceable through derived fields) or, when it reports none (a Required or
    // Forbidden error), the value the finding found at the path.
    private static Func<object, bool> IsValue(Finding finding, FieldError error) =>
        OriginLocator.IsBadValue(error) is { } isBadValue ? argument => isBadValue(argument) || finding.IsValue(argument) : finding.IsValue;

    /// <summary>The node of the <c>Workload.StatefulSet(...)</c> call (the first origin: it names the set).</summary>
    private static ProblemSite? DeclarationCall(IReadOnlyList<FieldOrigin> origins) =>
        RootToken(origins) is { } token ? ProblemSite.At(token.Call) : null;

    private static CallSiteToken? RootToken(IReadOnlyList<FieldOrigin> origins) =>
        origins.FirstOrDefault(o => o.Token is CallSiteToken && o.Document == WorkloadDocument.StatefulSet && o.Path.ToString() == "metadata.name")?.Token as CallSiteToken;

    private static WorkloadDocument DocumentOf(FindingSubject subject) => subject switch
    {
        FindingSubject.Service => WorkloadDocument.Service,
        FindingSubject.PodDisruptionBudget => WorkloadDocument.DisruptionBudget,
        FindingSubject.OwnedObject => WorkloadDocument.Owned,
        _ => WorkloadDocument.StatefulSet,
    };
}
