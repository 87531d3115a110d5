namespace StatefulManifests.Reconciliation;

/// <summary>
/// §B.4 step 10 — processCondemned in stateful_set_control.go: condemned pods are deleted highest ordinal first (after <see cref="CondemnedClaimsPhase"/> fixed all
/// their claims). OrderedReady deletes one per pass, waits for it to vanish, and only deletes an unhealthy pod if it
/// is the first unavailable one, so two unhealthy condemned pods deadlock the scale-down (§B.12 — ValidateStatefulSetStatus in pkg/apis/apps/validation/validation.go). Parallel deletes
/// them all in one pass.
/// </summary>
internal sealed class ScaleDownPhase
{
    private readonly PodControl pods;

    public ScaleDownPhase(PodControl pods) => this.pods = pods;

    public PassStop? Run(PassState state) =>
        PodBatches.RunForAll(state.Condemned.Count, state.Monotonic, i => Process(state, state.Condemned[i]));

    private PassStop? Process(PassState state, SimulatedPod pod)
    {
        if (pod.IsTerminating)
        {
            return state.Monotonic ? Stop(pod, pod.Name + " is terminating; OrderedReady waits for it to be gone before the next scale-down step") : null;
        }

        var healthy = pod.IsRunningAndReady && PodConditions.IsRunningAndAvailable(pod, state.MinReadySeconds, state.Now);
        if (state.Monotonic && !healthy && pod.Name != state.FirstUnavailable)
        {
            return Stop(pod, pod.Name + " is unhealthy (" + pod.DisplayStatus + ") but the first unavailable pod is " + state.FirstUnavailable + "; OrderedReady only removes the first unhealthy pod");
        }

        var error = pods.DeleteStatefulPod(state.Set, pod.Name, "scale down");
        if (error is not null)
        {
            return Stop(pod, "could not delete " + pod.Name, error);
        }

        return state.Monotonic ? Stop(pod, "deleted " + pod.Name + " (scale down); OrderedReady removes one pod per pass") : null;
    }

    private static PassStop Stop(SimulatedPod pod, string reason, ApiError? error = null) => new(PassStage.ScaleDown, pod.Name, reason, error);
}
