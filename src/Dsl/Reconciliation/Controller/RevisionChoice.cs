using StatefulManifests.Model;

namespace StatefulManifests.Reconciliation;

/// <summary>Which revision a new or re-created pod gets (reference §B.6 — newVersionedStatefulSetPod in stateful_set_utils.go, Kubernetes' <c>newVersionedStatefulSetPod</c>).</summary>
internal static class RevisionChoice
{
    /// <summary>
    /// currentRevision when the strategy is RollingUpdate with a nil rollingUpdate and the ordinal is below
    /// <c>start + status.currentReplicas</c> (the stored status), or when rollingUpdate is set and the ordinal is below
    /// <c>start + partition</c>; otherwise updateRevision (always for OnDelete).
    /// </summary>
    public static SimulatedRevision ForNewPod(StatefulSet set, RevisionPair revisions, int ordinal)
    {
        var spec = set.Spec!;
        var start = spec.Ordinals?.Start ?? 0;
        var strategy = spec.UpdateStrategy;
        var rollingUpdate = strategy?.RollingUpdate;
        var nilRule = strategy?.Type?.Known == UpdateStrategyType.RollingUpdate && rollingUpdate is null &&
                      ordinal < (long)start + (set.Status?.CurrentReplicas ?? 0);
        var partitionRule = rollingUpdate is not null && ordinal < (long)start + (rollingUpdate.Partition ?? 0);
        return nilRule || partitionRule ? revisions.Current : revisions.Update;
    }
}
