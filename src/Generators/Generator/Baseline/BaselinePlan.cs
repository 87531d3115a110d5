using StatefulManifests.Generators.Helpers;
using StatefulManifests.Generators.Models;
using StatefulManifests.Generators.Shared;
using StatefulManifests.Model;
using StatefulManifests.Reconciliation;
using StatefulManifests.Rules.Updates;
using StatefulManifests.Versions;

namespace StatefulManifests.Generators.Baseline;

/// <summary>
/// The build's rollout plan: for each valid workload of a declaration whose released version (matched as the baseline
/// check matches it) has a different spec, the controller model runs baseline → new with healthy pods
/// (<see cref="RolloutPlan.Between"/>, the same plan <c>stateful plan</c> prints). A workload with no released
/// version, or whose spec is what the API server already stores, gets nothing: the build stays silent about it.
/// </summary>
internal static class BaselinePlan
{
    /// <summary>
    /// The most replicas (either side) the build simulates. The model takes far more, but this step runs in the
    /// compiler on every edit that changes the workload; beyond it the build says the plan was not made.
    /// </summary>
    public const int MaxReplicas = 1000;

    /// <summary>Plans every changed workload of <paramref name="spec"/>; never throws.</summary>
    public static BaselinePlans Plan(DeclarationSpec spec, EquatableArray<BaselineFile> files, TargetCluster target, CancellationToken cancellationToken)
    {
        var plans = new List<PlanOutput>();
        foreach (var workload in spec.Workloads)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (Planned(workload, files, target) is { } plan)
            {
                plans.Add(plan);
            }
        }

        return new BaselinePlans(spec.Declaration.PlanHintName, plans.ToEquatableArray());
    }

    private static PlanOutput? Planned(WorkloadSpec workload, EquatableArray<BaselineFile> files, TargetCluster target)
    {
        var path = ManifestPaths.RelativePath(workload.Environment, ManifestPaths.PlanFileName(workload.FileName));
        var label = workload.Identity.Name + (workload.Environment is { } environment ? " (" + environment + ")" : string.Empty);
        try
        {
            // An invalid workload writes no manifest, so there is nothing its plan would describe.
            var released = BaselineCheck.ReleasedFor(workload.Environment, files);
            if (!workload.IsValid || released.Count == 0 || BaselineCheck.New(workload) is not { } updated
                || UpdateCheck.FindReleased(released, updated.StatefulSet) is not { } baseline
                || !Changed(baseline.StatefulSet, updated.StatefulSet, target))
            {
                return null;
            }

            var replicas = Math.Max(baseline.StatefulSet.Spec?.Replicas ?? 1, updated.StatefulSet.Spec?.Replicas ?? 1);
            if (replicas > MaxReplicas)
            {
                return NotPlanned(path, label, replicas.ToString(System.Globalization.CultureInfo.InvariantCulture) + " replicas is more than the " + MaxReplicas.ToString(System.Globalization.CultureInfo.InvariantCulture) + " the build simulates; run `stateful plan` on the released and the new manifests");
            }

            var options = new SimulationOptions { TerminationTicks = 1, FeatureGates = target.FeatureGates };
            var plan = RolloutPlan.Between(baseline.StatefulSet, updated.StatefulSet, baseline.Service ?? updated.Service, options) with { Name = label };

            // A rejected update fails the build with its SM5001/SM5005 error already; the page says it, the log does not repeat it.
            return new PlanOutput(path, plan.ToMarkdown(), plan.Accepted ? "plan for " + plan.Summary + " (" + path + ")" : null);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // Beyond what the model simulates (an ArgumentException at its limits), or a defect: said, never thrown.
            return NotPlanned(path, label, e is ArgumentException ? e.Message : e.GetType().Name + ": " + e.Message);
        }
    }

    private static PlanOutput NotPlanned(string path, string label, string reason) =>
        new(path, null, "plan for " + label + ": not made: " + reason);

    // Changed as the API server stores it: both specs defaulted, so spelling a default out (or leaving it out) is no change.
    private static bool Changed(StatefulSet baseline, StatefulSet updated, TargetCluster target) =>
        !Equals(StatefulSetDefaulting.Apply(baseline, target.FeatureGates).Spec, StatefulSetDefaulting.Apply(updated, target.FeatureGates).Spec);
}
