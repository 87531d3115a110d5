using StatefulManifests.Model;

namespace StatefulManifests.Reconciliation;

/// <summary>
/// The status a pass computes (reference §B.8 — computeReplicaStatus / completeRollingUpdate): counts over the pod objects the pass looked at (placeholders and
/// pods created in this pass excluded), the rolling-update decrements, then the completion rule.
/// </summary>
internal static class StatusCalculator
{
    public static StatefulSetStatus Compute(PassState state, IEnumerable<SimulatedPod> pods)
    {
        int replicas = 0, ready = 0, available = 0, current = 0, updated = 0;
        foreach (var pod in pods)
        {
            replicas++;
            if (pod.IsRunningAndReady)
            {
                ready++;
                if (PodConditions.IsRunningAndAvailable(pod, state.MinReadySeconds, state.Now))
                {
                    available++;
                }
            }

            if (!pod.IsTerminating)
            {
                // When both revisions are the same, a pod counts in both.
                if (pod.Revision == state.Revisions.Current.Name)
                {
                    current++;
                }

                if (pod.Revision == state.Revisions.Update.Name)
                {
                    updated++;
                }
            }
        }

        return new StatefulSetStatus
        {
            ObservedGeneration = state.Set.Metadata?.Generation ?? 0,
            Replicas = replicas,
            ReadyReplicas = ready,
            AvailableReplicas = available,
            CurrentReplicas = current - state.CurrentReplicasAdjustment,
            UpdatedReplicas = updated,
            CurrentRevision = state.Revisions.Current.Name,
            UpdateRevision = state.Revisions.Update.Name,
            CollisionCount = state.Revisions.CollisionCount,
            Conditions = state.Set.Status?.Conditions,
        };
    }

    /// <summary>
    /// The v1.36 completion rule: for RollingUpdate, when updated == ready == replicas == spec.replicas, the update is
    /// complete (currentRevision := updateRevision). availableReplicas and minReadySeconds play no part; OnDelete
    /// never completes.
    /// </summary>
    public static StatefulSetStatus CompleteRollingUpdate(StatefulSet set, StatefulSetStatus status)
    {
        if (set.Spec?.UpdateStrategy?.Type?.Known == UpdateStrategyType.RollingUpdate &&
            status.UpdatedReplicas == status.ReadyReplicas &&
            status.ReadyReplicas == status.Replicas &&
            status.Replicas == (set.Spec.Replicas ?? 0))
        {
            return status with { CurrentReplicas = status.UpdatedReplicas, CurrentRevision = status.UpdateRevision };
        }

        return status;
    }

    /// <summary><c>inconsistentStatus</c>: the status is written only when one of these differs (or the generation advanced).</summary>
    public static bool DiffersFromStored(StatefulSetStatus status, StatefulSetStatus? stored) =>
        (status.ObservedGeneration ?? 0) > (stored?.ObservedGeneration ?? 0) ||
        (status.Replicas ?? 0) != (stored?.Replicas ?? 0) ||
        (status.CurrentReplicas ?? 0) != (stored?.CurrentReplicas ?? 0) ||
        (status.ReadyReplicas ?? 0) != (stored?.ReadyReplicas ?? 0) ||
        (status.UpdatedReplicas ?? 0) != (stored?.UpdatedReplicas ?? 0) ||
        (status.AvailableReplicas ?? 0) != (stored?.AvailableReplicas ?? 0) ||
        (status.CurrentRevision ?? string.Empty) != (stored?.CurrentRevision ?? string.Empty) ||
        (status.UpdateRevision ?? string.Empty) != (stored?.UpdateRevision ?? string.Empty);
}
