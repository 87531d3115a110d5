using StatefulManifests.Model;
using StatefulManifests.Rules.Api;
using StatefulManifests.Rules.Support;
using StatefulManifests.Validation;
using StatefulManifests.Versions;

namespace StatefulManifests.Rules;

/// <summary>
/// Runs everything that can be said about a workload: the API server's validation (as SM1xxx findings) and every
/// rule of the catalogue. The Roslyn analyzers and the YAML linter both call this, so each rule exists once.
/// </summary>
public static class WorkloadLinter
{
    /// <summary>
    /// Lints a StatefulSet and, when known, its governing Service and its PodDisruptionBudget. Returns every finding,
    /// in a deterministic order, each with the offending <see cref="Finding.Value"/> where there is one; never throws
    /// on odd input.
    /// </summary>
    public static IReadOnlyList<Finding> Lint(StatefulSet statefulSet, Service? service = null, PodDisruptionBudget? disruptionBudget = null) =>
        Lint(statefulSet, service, disruptionBudget, TargetCluster.Default);

    /// <summary>
    /// Lints a workload for <paramref name="target"/>: validation follows its release and gates, fields it does not
    /// have are SM1010, fields its gates drop are SM1011 (SM2014 for maxUnavailable).
    /// </summary>
    public static IReadOnlyList<Finding> Lint(StatefulSet statefulSet, Service? service, PodDisruptionBudget? disruptionBudget, TargetCluster target) =>
        Lint(statefulSet, service, disruptionBudget, [], target);

    /// <summary>
    /// Lints a workload with the objects it owns (<see cref="StatefulWorkload.Owned"/>): their validation errors and
    /// the rules about them (an autoscaler against the budget, a NetworkPolicy for the pods ...) come with the rest,
    /// each naming its object (<see cref="Finding.Object"/>).
    /// </summary>
    public static IReadOnlyList<Finding> Lint(StatefulSet statefulSet, Service? service, PodDisruptionBudget? disruptionBudget, IReadOnlyList<IKubernetesObject> owned, TargetCluster target)
    {
        target ??= TargetCluster.Default;
        owned ??= [];
        if (statefulSet is null)
        {
            throw new ArgumentNullException(nameof(statefulSet));
        }

        // The rules read a workload as the manifest will say it; a null list item or map value has no manifest form
        // (validation reports each one), so until those are fixed only the validation findings are given.
        var writable = !TextValueRules.HoldsNullItems(statefulSet)
            && (service is null || !TextValueRules.HoldsNullItems(service))
            && (disruptionBudget is null || !TextValueRules.HoldsNullItems(disruptionBudget))
            && owned.All(o => o is not null && !TextValueRules.HoldsNullItems(o));
        var workload = new WorkloadContext(statefulSet, service, disruptionBudget, owned.Where(o => o is not null).ToList(), target);
        var ruleFindings = writable ? RuleSet.All.SelectMany(rule => rule.Check(workload)).ToList() : [];
        var findings = Combine(ValidatorErrors.Collect(statefulSet, service, disruptionBudget, target).Concat(ValidatorErrors.CollectOwned(workload.Owned)), ruleFindings);
        return new ManifestValues(statefulSet, service, disruptionBudget).Attach(findings).ToList();
    }

    /// <summary>
    /// Everything the analyzers report for a workload built with the DSL, as findings: the catalogue's findings on what
    /// its YAML says (patches applied) that apply to YAML, then each patch that does not apply and each
    /// <see cref="StatefulWorkload.DeclarationErrors"/> entry, with the SM1xxx rule of its error type. Used where no compiler is there to report them (the build's evaluation of declarations the
    /// compiler could not run).
    /// </summary>
    public static IReadOnlyList<Finding> Lint(StatefulWorkload workload) => Lint(workload, TargetCluster.Default);

    /// <summary>As <see cref="Lint(StatefulWorkload)"/>, for <paramref name="target"/>'s release and feature gates.</summary>
    public static IReadOnlyList<Finding> Lint(StatefulWorkload workload, TargetCluster target)
    {
        if (workload is null)
        {
            throw new ArgumentNullException(nameof(workload));
        }

        var applied = workload.Applied(out var patchErrors);
        return Lint(applied.StatefulSet, applied.Service, applied.DisruptionBudget, applied.Owned, target)
            .Where(f => RuleCatalog.Find(f.RuleId) is { AppliesToYaml: true })
            .Concat(patchErrors.Concat(workload.DeclarationErrors).Select(e => ApiFindings.FromValidation(e, SubjectOf(e))))
            .ToList();
    }

    private static FindingSubject SubjectOf(FieldError error) => WorkloadDocuments.Of(error) switch
    {
        WorkloadDocument.Owned => FindingSubject.OwnedObject,
        WorkloadDocument.Service => FindingSubject.Service,
        WorkloadDocument.DisruptionBudget => FindingSubject.PodDisruptionBudget,
        _ => FindingSubject.StatefulSet,
    };

    /// <summary>
    /// Merges validation errors and rule findings. A rule whose descriptor <see cref="RuleDescriptor.Supersedes"/> an
    /// error type replaces the validation error of that type at exactly its path and object: the user sees one
    /// finding, in DSL terms.
    /// </summary>
    internal static IReadOnlyList<Finding> Combine(IEnumerable<(FieldError Error, FindingSubject Subject)> validationErrors, IReadOnlyList<Finding> ruleFindings)
    {
        var superseding = new HashSet<(FieldErrorType, FindingSubject, string?, string)>(
            ruleFindings
                .Select(f => (Finding: f, RuleCatalog.Find(f.RuleId)?.Supersedes))
                .Where(x => x.Supersedes is not null)
                .Select(x => (x.Supersedes!.Value, x.Finding.Subject, x.Finding.Object, x.Finding.Path.ToString())));
        var findings = validationErrors
            .Where(e => !superseding.Contains((e.Error.Type, e.Subject, e.Subject == FindingSubject.OwnedObject ? e.Error.Object : null, e.Error.Path.ToString())))
            .Select(e => ApiFindings.FromValidation(e.Error, e.Subject))
            .Concat(ruleFindings)
            .ToList();
        findings.Sort(FindingOrder.Instance);
        return findings;
    }
}
