using StatefulManifests.Model;

namespace StatefulManifests.Reconciliation;

/// <summary>
/// §B.7 — KEP-961, updateStatefulSetAfterInvariantEstablished, the rolling update with the MaxUnavailableStatefulSet gate on: a budget of maxUnavailable (percent of
/// spec.replicas rounded <b>down</b>, at least 1) minus the unavailable in-range replicas (including those below the
/// partition); under Parallel, v1.36 does not charge old-revision pods that still need the update against the budget.
/// Several deletions can happen in one pass, highest index first, never below the partition.
/// </summary>
internal sealed class MaxUnavailableRollingUpdate
{
    private readonly PodControl pods;
    private readonly bool parallelFix;

    public MaxUnavailableRollingUpdate(PodControl pods, bool parallelFix)
    {
        this.pods = pods;
        this.parallelFix = parallelFix;
    }

    /// <summary>The scaled budget: an int as is, <c>N%</c> of replicas rounded down, nil → 1, never below 1.</summary>
    public static int Budget(IntOrString? maxUnavailable, int replicas) =>
        Math.Max(1, (maxUnavailable ?? IntOrString.FromInt(1)).Scaled(replicas, roundUp: false));

    public PassStop Run(PassState state, out int budget, out int unavailable)
    {
        var rollingUpdate = state.Set.Spec?.UpdateStrategy?.RollingUpdate;
        var updateMin = rollingUpdate?.Partition ?? 0;
        budget = rollingUpdate is null ? 1 : Budget(rollingUpdate.MaxUnavailable, state.ReplicaCount);
        var update = state.Revisions.Update.Name;

        unavailable = 0;
        var needUpdate = 0;
        for (var i = 0; i < state.ReplicaCount; i++)
        {
            var pod = state.Replicas[i];
            if (!state.IsUnavailable(pod))
            {
                continue;
            }

            unavailable++;
            if (!state.Monotonic && parallelFix && i >= updateMin && state.RevisionAt(i) != update && !PodConditions.IsTerminating(pod))
            {
                needUpdate++;
            }
        }

        var effective = unavailable - needUpdate;
        if (effective >= budget)
        {
            return new PassStop(PassStage.RollingUpdate, null, Count(effective) + " unavailable, budget maxUnavailable " + Count(budget) + " is used up; waiting");
        }

        var deleted = new List<string>();
        for (var target = state.ReplicaCount - 1; target >= updateMin && deleted.Count < budget - effective; target--)
        {
            if (state.RevisionAt(target) == update || PodConditions.IsTerminating(state.Replicas[target]))
            {
                continue;
            }

            var name = state.PodNameAt(target);
            var error = pods.DeleteStatefulPod(state.Set, name, "rolling update to " + update + " (maxUnavailable " + Count(budget) + ")");
            if (error is not null && error.Reason != ApiErrorReason.NotFound)
            {
                return new PassStop(PassStage.RollingUpdate, name, "could not delete " + name, error);
            }

            deleted.Add(name);
            state.CurrentReplicasAdjustment++;
        }

        return new PassStop(PassStage.RollingUpdate, deleted.Count == 0 ? null : deleted[deleted.Count - 1], deleted.Count == 0
            ? "no pod from the partition up needs the update"
            : "deleted " + string.Join(", ", deleted) + " to update them to " + update + " (budget " + Count(budget) + ", " + Count(effective) + " unavailable)");
    }

    private static string Count(int n) => n.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
