namespace StatefulManifests.Reconciliation;

/// <summary>
/// The pod predicates of reference §B.2 — isRunningAndReady/isRunningAndAvailable in stateful_set_utils.go. A null pod is a placeholder: a slot the pass has not (or not yet, as far
/// as its own copy knows) created.
/// </summary>
internal static class PodConditions
{
    /// <summary>"created": the pod object exists (has a phase). Placeholders, including pods created in this pass, are not.</summary>
    public static bool IsCreated(SimulatedPod? pod) => pod is not null;

    public static bool IsRunningAndReady(SimulatedPod? pod) => pod is { IsRunningAndReady: true };

    /// <summary>"available": Running, Ready, and Ready for at least minReadySeconds ("≤ now").</summary>
    public static bool IsRunningAndAvailable(SimulatedPod? pod, int minReadySeconds, DateTimeOffset now) =>
        pod is { Phase: PodPhase.Running } && pod.IsAvailable(minReadySeconds, now);

    public static bool IsTerminating(SimulatedPod? pod) => pod is { IsTerminating: true };

    /// <summary>"unavailable" (for gating): a placeholder, terminating, or not running, ready and available.</summary>
    public static bool IsUnavailable(SimulatedPod? pod, int minReadySeconds, DateTimeOffset now) =>
        pod is null || pod.IsTerminating || !IsRunningAndReady(pod) || !IsRunningAndAvailable(pod, minReadySeconds, now);

    /// <summary>Failed or Succeeded: dead, to be replaced.</summary>
    public static bool IsFinished(SimulatedPod? pod) => pod is { Phase: PodPhase.Failed or PodPhase.Succeeded };

    public static bool IsPending(SimulatedPod? pod) => pod is { Phase: PodPhase.Pending };
}
