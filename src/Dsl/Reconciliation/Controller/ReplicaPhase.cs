namespace StatefulManifests.Reconciliation;

/// <summary>
/// §B.4 step 8 — processReplica in stateful_set_control.go, Kubernetes' <c>processReplica</c>, for every in-range slot in ascending order: replace finished
/// pods, create missing ones (after the stale-claim check), re-create missing claims of Pending pods, wait for health
/// (OrderedReady only), and repair identity, storage and claim references in place.
/// </summary>
internal sealed class ReplicaPhase
{
    private readonly PodControl pods;

    public ReplicaPhase(PodControl pods) => this.pods = pods;

    public PassStop? Run(PassState state) => PodBatches.RunForAll(state.ReplicaCount, state.Monotonic, i => Process(state, i));

    private PassStop? Process(PassState state, int index)
    {
        var pod = state.Replicas[index];
        var set = state.Set;
        var updateSet = set;
        var name = pod?.Name ?? state.PodNameAt(index);

        if (PodConditions.IsFinished(pod))
        {
            if (!pod!.IsTerminating)
            {
                var deleteError = pods.DeleteStatefulPod(set, pod.Name, pod.Phase + " pod");
                if (deleteError is not null)
                {
                    return Stop(name, "could not delete " + pod.Phase + " pod " + name, deleteError);
                }
            }

            // The replacement is created on a later pass, once the object is gone.
            return Stop(name, name + " is " + pod.Phase + "; deleted, to be re-created once it is gone");
        }

        if (pod is null)
        {
            if (pods.ClaimIsStale(set, name, state.Start + index))
            {
                return Stop(name, "a claim of " + name + " still belongs to an earlier " + name + " (stale); waiting for the garbage collector before creating the pod");
            }

            var revision = state.RevisionNamed(state.PlaceholderRevisions[index]!);
            var newPod = PodIdentity.NewPod(set, revision.Template, state.Start + index, revision.Name);
            var createError = pods.CreateStatefulPod(set, newPod, "ordinal " + (state.Start + index).ToString(System.Globalization.CultureInfo.InvariantCulture) + " at revision " + revision.Name);
            if (createError is not null)
            {
                return Stop(name, "could not create " + name, createError);
            }

            return state.Monotonic ? Stop(name, "created " + name + "; OrderedReady waits for it to be Running and Ready") : null;
        }

        if (PodConditions.IsPending(pod))
        {
            var claimsError = pods.CreateMissingClaims(set, pod) ?? pods.UpdateClaimsForRetentionPolicy(updateSet, pod);
            if (claimsError is not null)
            {
                return Stop(name, "could not create the missing claims of pending " + name, claimsError);
            }
        }

        if (state.Monotonic)
        {
            if (pod.IsTerminating)
            {
                return Stop(name, name + " is terminating; OrderedReady waits for it to be gone");
            }

            if (!pod.IsRunningAndReady)
            {
                return Stop(name, name + " is not Running and Ready (" + pod.DisplayStatus + (pod.Ready ? ", Ready" : ", not Ready") + "); OrderedReady waits for it");
            }

            if (!PodConditions.IsRunningAndAvailable(pod, state.MinReadySeconds, state.Now))
            {
                return Stop(name, name + " is Ready but not yet available (minReadySeconds " + state.MinReadySeconds.ToString(System.Globalization.CultureInfo.InvariantCulture) + "); OrderedReady waits for it");
            }
        }

        if (PodIdentity.IdentityMatches(set, pod) && PodIdentity.StorageMatches(set, pod) && pods.ClaimsMatchRetentionPolicy(updateSet, pod))
        {
            return null;
        }

        var updateError = pods.UpdateStatefulPod(updateSet, pod);
        return updateError is null ? null : Stop(name, "could not repair " + name, updateError);
    }

    private static PassStop Stop(string pod, string reason, ApiError? error = null) => new(PassStage.ReplicaPhase, pod, reason, error);
}
