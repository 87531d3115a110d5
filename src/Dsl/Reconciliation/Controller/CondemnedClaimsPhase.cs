namespace StatefulManifests.Reconciliation;

/// <summary>
/// §B.4 step 9 — fixPodClaim in updateStatefulSet: before any condemned pod is deleted, the claims of every condemned pod get the owner references the
/// retention policy wants (with whenScaled=Delete: owned by the pod, so the garbage collector removes them with it).
/// </summary>
internal sealed class CondemnedClaimsPhase
{
    private readonly PodControl pods;

    public CondemnedClaimsPhase(PodControl pods) => this.pods = pods;

    public PassStop? Run(PassState state) =>
        PodBatches.RunForAll(state.Condemned.Count, state.Monotonic, i =>
        {
            var pod = state.Condemned[i];
            if (pods.ClaimsMatchRetentionPolicy(state.Set, pod))
            {
                return null;
            }

            var error = pods.UpdateClaimsForRetentionPolicy(state.Set, pod);
            return error is null ? null : new PassStop(PassStage.CondemnedClaims, pod.Name, "could not update the claims of condemned " + pod.Name, error);
        });
}
