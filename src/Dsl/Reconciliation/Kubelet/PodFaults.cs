namespace StatefulManifests.Reconciliation;

/// <summary>
/// Fault injection. Lasting faults (<see cref="NeverReady"/>, <see cref="CrashLoop"/>, <see cref="ImagePullFailure"/>,
/// <see cref="Unschedulable"/>, <see cref="SlowStart"/>, <see cref="FlappingReadiness"/>) are rules the kubelet applies
/// to every matching pod, present and future, until <see cref="Remove"/>d. One-off faults (<see cref="Fail"/>,
/// <see cref="Evict"/>, <see cref="Succeed"/>, <see cref="Crash"/>) hit the pod that exists now at an ordinal. Node
/// faults (<see cref="LoseNode"/>) hit every pod on the node; <see cref="Delete"/> is an outside deletion.
/// </summary>
public sealed class PodFaults
{
    private readonly StatefulSetSimulation simulation;

    internal PodFaults(StatefulSetSimulation simulation) => this.simulation = simulation;

    /// <summary>The lasting faults in force, oldest first.</summary>
    public IReadOnlyList<FaultRule> Rules => simulation.KubeletModel.Rules;

    /// <summary>The nodes currently lost.</summary>
    public IReadOnlyCollection<string> LostNodes => simulation.KubeletModel.LostNodes;

    /// <summary>Matching pods run but never pass readiness (Running, not Ready): the classic bad rollout.</summary>
    public FaultRule NeverReady(PodMatch pods) => Add(new FaultRule(FaultKind.NeverReady, pods));

    /// <summary>Matching pods crash-loop: Running, not Ready, <c>CrashLoopBackOff</c>, restart count growing.</summary>
    public FaultRule CrashLoop(PodMatch pods) => Add(new FaultRule(FaultKind.CrashLoop, pods));

    /// <summary>Matching pods cannot pull their image and stay Pending (<c>ImagePullBackOff</c>).</summary>
    public FaultRule ImagePullFailure(PodMatch pods) => Add(new FaultRule(FaultKind.ImagePullFailure, pods));

    /// <summary>Matching pods cannot be scheduled and stay Pending on no node.</summary>
    public FaultRule Unschedulable(PodMatch pods) => Add(new FaultRule(FaultKind.Unschedulable, pods));

    /// <summary>Matching pods (created after this call) take extra ticks to start and to become Ready.</summary>
    public FaultRule SlowStart(PodMatch pods, int pendingTicks, int unreadyTicks) =>
        Add(new FaultRule(FaultKind.SlowStart, pods, PendingTicks: RequireNonNegative(pendingTicks, nameof(pendingTicks)), UnreadyTicks: RequireNonNegative(unreadyTicks, nameof(unreadyTicks))));

    /// <summary>Readiness of matching running pods flips every <paramref name="period"/> ticks.</summary>
    public FaultRule FlappingReadiness(PodMatch pods, int period = 1) =>
        Add(new FaultRule(FaultKind.FlappingReadiness, pods, Period: period < 1 ? throw new ArgumentOutOfRangeException(nameof(period), period, "at least one tick") : period));

    /// <summary>Removes a lasting fault; matching pods recover on the following ticks.</summary>
    public void Remove(FaultRule rule)
    {
        if (simulation.KubeletModel.RemoveRule(rule))
        {
            simulation.Note("fault removed: " + rule);
        }
    }

    /// <summary>Removes every lasting fault.</summary>
    public void Clear()
    {
        simulation.KubeletModel.ClearRules();
        simulation.Note("all faults removed");
    }

    /// <summary>The pod at <paramref name="ordinal"/> fails (phase Failed), as when its node shuts down.</summary>
    public void Fail(int ordinal, string reason = "Error") =>
        Terminate(ordinal, PodPhase.Failed, reason, "Pod failed: " + reason);

    /// <summary>The kubelet evicts the pod at <paramref name="ordinal"/> (node pressure): phase Failed, reason Evicted.</summary>
    public void Evict(int ordinal) =>
        Terminate(ordinal, PodPhase.Failed, "Evicted", "The node was low on resource: memory.");

    /// <summary>The pod at <paramref name="ordinal"/> completes (phase Succeeded); the controller replaces it like a failed pod.</summary>
    public void Succeed(int ordinal) => Terminate(ordinal, PodPhase.Succeeded, "Completed", "Pod completed");

    /// <summary>Someone deletes the pod at <paramref name="ordinal"/> (gracefully), as <see cref="StatefulSetSimulation.DeletePod"/> does.</summary>
    public void Delete(int ordinal) => simulation.DeletePod(ordinal);

    /// <summary>The container of the pod at <paramref name="ordinal"/> crashes once: not Ready for <paramref name="restartTicks"/> ticks.</summary>
    public void Crash(int ordinal, int restartTicks = 1)
    {
        var pod = simulation.Pod(ordinal);
        simulation.KubeletModel.Crash(pod, restartTicks);
        simulation.Note("fault: " + pod.Name + " crashed");
    }

    /// <summary>
    /// The node stops responding: its pods turn not Ready and, after <see cref="SimulationOptions.NodeEvictionTimeout"/>,
    /// are marked for deletion but stay Terminating until <see cref="RestoreNode"/> or a force delete.
    /// </summary>
    public void LoseNode(string nodeName)
    {
        simulation.KubeletModel.LoseNode(nodeName);
        simulation.Note("fault: node " + nodeName + " lost");
    }

    /// <summary>The node responds again: its terminating pods finish, the others recover.</summary>
    public void RestoreNode(string nodeName)
    {
        simulation.KubeletModel.RestoreNode(nodeName);
        simulation.Note("node " + nodeName + " restored");
    }

    private void Terminate(int ordinal, PodPhase phase, string reason, string message)
    {
        var pod = simulation.Pod(ordinal);
        simulation.KubeletModel.Terminate(pod, phase, reason, message);
        simulation.Note("fault: " + pod.Name + " " + phase + " (" + reason + ")");
    }

    private FaultRule Add(FaultRule rule)
    {
        simulation.KubeletModel.AddRule(rule);
        simulation.Note("fault: " + rule);
        return rule;
    }

    private static int RequireNonNegative(int value, string name) =>
        value < 0 ? throw new ArgumentOutOfRangeException(name, value, "must not be negative") : value;
}
