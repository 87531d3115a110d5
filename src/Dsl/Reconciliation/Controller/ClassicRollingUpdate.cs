namespace StatefulManifests.Reconciliation;

/// <summary>
/// §B.4 step 13 — the rolling update in updateStatefulSet, the rolling update with the MaxUnavailableStatefulSet gate off (the v1.36 default): from the highest
/// index down to the partition, delete the first pod not on updateRevision (one deletion per pass, decrementing
/// currentReplicas), or stop at the first pod that is unavailable. Pods below the partition are never deleted.
/// </summary>
internal sealed class ClassicRollingUpdate
{
    private readonly PodControl pods;

    public ClassicRollingUpdate(PodControl pods) => this.pods = pods;

    public PassStop Run(PassState state)
    {
        var updateMin = state.Set.Spec?.UpdateStrategy?.RollingUpdate?.Partition ?? 0;
        var update = state.Revisions.Update.Name;
        for (var target = state.ReplicaCount - 1; target >= updateMin; target--)
        {
            var pod = state.Replicas[target];
            var name = state.PodNameAt(target);
            if (state.RevisionAt(target) != update && !PodConditions.IsTerminating(pod))
            {
                var error = pods.DeleteStatefulPod(state.Set, name, "rolling update to " + update);
                if (error is not null && error.Reason != ApiErrorReason.NotFound)
                {
                    return new PassStop(PassStage.RollingUpdate, name, "could not delete " + name, error);
                }

                state.CurrentReplicasAdjustment++;
                return new PassStop(PassStage.RollingUpdate, name, "deleted " + name + " to update it to " + update + " (one pod per pass)");
            }

            if (state.IsUnavailable(pod))
            {
                return new PassStop(PassStage.RollingUpdate, name, "waiting for " + name + " to be Running, Ready and available");
            }
        }

        return new PassStop(PassStage.RollingUpdate, null, updateMin > 0
            ? "every pod from index " + updateMin.ToString(System.Globalization.CultureInfo.InvariantCulture) + " (the partition) up is on " + update
            : "every pod is on " + update);
    }
}
