using System.Globalization;
using StatefulManifests.Model;
using StatefulManifests.Rules.Updates;

namespace StatefulManifests.Reconciliation;

/// <summary>
/// The risks a <see cref="RolloutPlan"/> names, read off the two objects and the model's run: the things that make a
/// rollout not happen, not wait, not finish, or lose data.
/// </summary>
internal static class RolloutRisks
{
    public static IReadOnlyList<string> Of(StatefulSet baseline, StatefulSet next, StabilityReport report, int replicas)
    {
        var risks = new List<string>();
        var spec = next.Spec ?? new StatefulSetSpec();
        var strategy = spec.UpdateStrategy?.Type?.Known ?? UpdateStrategyType.RollingUpdate;
        var orderedReady = (spec.PodManagementPolicy?.Known ?? PodManagementPolicy.OrderedReady) == PodManagementPolicy.OrderedReady;
        var templateChanged = !Equals(baseline.Spec?.Template, spec.Template);
        if (!report.Converged)
        {
            risks.Add("The rollout does not settle even with healthy pods: " + report.Explanation);
        }

        if (templateChanged && strategy == UpdateStrategyType.OnDelete)
        {
            risks.Add("updateStrategy is OnDelete: no pod is replaced until someone deletes it, so the pods stay on the old template.");
        }

        if (templateChanged && strategy == UpdateStrategyType.RollingUpdate && spec.UpdateStrategy?.RollingUpdate?.Partition is > 0 and var partition)
        {
            risks.Add("partition " + N(partition) + " holds ordinals below " + N(partition) + " on the old template until the partition is lowered.");
        }

        if (templateChanged && strategy == UpdateStrategyType.RollingUpdate && orderedReady)
        {
            var containers = spec.Template?.Spec?.Containers ?? ValueList<Container>.Empty;
            if (containers.All(c => c.ReadinessProbe is null))
            {
                risks.Add("No container has a readinessProbe, so the rollout will not wait: each pod counts as Ready once its containers start, and a revision that runs but does not work reaches every pod.");
            }

            risks.Add("If the new template never becomes Ready, the rollout stops at the first replaced pod, and reverting the template does not replace that pod: after the revert, delete it by hand (kubernetes#67250; the StatefulSet docs' \"Forced rollback\").");
        }

        // Whether a scale-down deletes claims is the update check's rule (SM5004); the plan only words it.
        var before = baseline.Spec?.Replicas ?? 1;
        foreach (var change in UpdateCheck.Compare(baseline, next).Changes.Where(c => c.Kind == UpdateChangeKind.ScaleDownDeletesClaims))
        {
            risks.Add("Scaling down from " + N(before) + " to " + N(replicas) + " with whenScaled: Delete deletes the claims of the removed ordinals, and their data (" + string.Join(", ", change.Claims) + ").");
        }

        return risks;
    }

    private static string N(int value) => value.ToString(CultureInfo.InvariantCulture);
}
