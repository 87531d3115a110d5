using System.Globalization;

namespace StatefulManifests.Reconciliation;

/// <summary>
/// A simple model of the scheduler, the kubelets and the node lifecycle controller. Each <see cref="Tick"/> moves
/// every pod one step: unscheduled pods are bound to a node, Pending pods start (after their configured ticks),
/// running pods become Ready (after theirs), terminating pods finish and disappear. Lasting faults (<see cref="FaultRule"/>)
/// hold matching pods back; pods on a lost node turn not Ready and, after the eviction timeout, are marked for
/// deletion but never finish terminating until the node returns or the pod is force-deleted.
/// </summary>
internal sealed class Kubelet
{
    private const string KubeletSource = "kubelet";
    private const int MaxRestartBackoffTicks = 32;
    private readonly ApiServer api;
    private readonly EventRecorder events;
    private readonly SimulationOptions options;
    private readonly Dictionary<string, PodRuntime> runtimes;
    private readonly List<FaultRule> rules;
    private readonly Dictionary<string, DateTimeOffset> lostNodes;

    public Kubelet(ApiServer api, EventRecorder events, SimulationOptions options)
        : this(api, events, options, new Dictionary<string, PodRuntime>(StringComparer.Ordinal), new List<FaultRule>(), new Dictionary<string, DateTimeOffset>(StringComparer.Ordinal))
    {
    }

    private Kubelet(ApiServer api, EventRecorder events, SimulationOptions options, Dictionary<string, PodRuntime> runtimes, List<FaultRule> rules, Dictionary<string, DateTimeOffset> lostNodes)
    {
        this.api = api;
        this.events = events;
        this.options = options;
        this.runtimes = runtimes;
        this.rules = rules;
        this.lostNodes = lostNodes;
    }

    public IReadOnlyList<FaultRule> Rules => rules;

    public IReadOnlyCollection<string> LostNodes => lostNodes.Keys;

    /// <summary>
    /// True while some pod is counting down (starting, becoming ready, terminating, restarting, flapping). Pods on a
    /// lost node and pods held back by a lasting fault are not: nothing will happen to them until someone acts.
    /// </summary>
    public bool HasPendingWork
    {
        get
        {
            foreach (var pod in api.Store.Pods.Values)
            {
                if (!IsOnLostNode(pod) && HasPendingWorkFor(pod))
                {
                    return true;
                }
            }

            return false;
        }
    }

    /// <summary>The next time-based event: a lost node's pods being marked for deletion.</summary>
    public DateTimeOffset? NextDeadline()
    {
        DateTimeOffset? next = null;
        foreach (var pod in api.Store.Pods.Values)
        {
            if (!pod.IsTerminating && pod.NodeName is { } node && lostNodes.TryGetValue(node, out var lostAt))
            {
                var deadline = lostAt + options.NodeEvictionTimeout;
                if (deadline > api.Clock.Now && (next is null || deadline < next))
                {
                    next = deadline;
                }
            }
        }

        return next;
    }

    private bool HasPendingWorkFor(SimulatedPod pod) =>
        pod.IsTerminating ||
        (pod.Phase == PodPhase.Pending && !IsHeldPending(pod)) ||
        (pod.Phase == PodPhase.Running && !pod.Ready && !IsHeldUnready(pod)) ||
        (pod.Phase == PodPhase.Running && Applies(FaultKind.FlappingReadiness, pod)) ||
        (runtimes.TryGetValue(pod.Uid, out var rt) && rt.CrashLeft > 0);

    public void AddRule(FaultRule rule) => rules.Add(rule);

    public bool RemoveRule(FaultRule rule) => rules.Remove(rule);

    public void ClearRules() => rules.Clear();

    public void LoseNode(string node)
    {
        if (!lostNodes.ContainsKey(node))
        {
            lostNodes[node] = api.Clock.Now;
            events.Warning("node-controller", "node/" + node, "NodeNotReady", "Node " + node + " status is now: NodeNotReady");
        }
    }

    public void RestoreNode(string node)
    {
        if (lostNodes.Remove(node))
        {
            events.Normal("kubelet", "node/" + node, "NodeReady", "Node " + node + " status is now: NodeReady");
        }
    }

    /// <summary>One-off crash of the pod's container: not Ready for <paramref name="restartTicks"/> ticks, one more restart.</summary>
    public void Crash(SimulatedPod pod, int restartTicks)
    {
        Runtime(pod).CrashLeft = Math.Max(1, restartTicks);
        api.UpdatePodStatus(SetReady(pod, false) with { RestartCount = pod.RestartCount + 1 });
        events.Warning(KubeletSource, "pod/" + pod.Name, "BackOff", "Back-off restarting failed container " + ContainerName(pod) + " in pod " + pod.Name);
    }

    /// <summary>Moves the pod to a terminal phase (Failed or Succeeded) with a reason, as the kubelet reports it.</summary>
    public void Terminate(SimulatedPod pod, PodPhase phase, string reason, string message)
    {
        api.UpdatePodStatus(SetReady(pod, false) with { Phase = phase, Reason = reason });
        if (phase == PodPhase.Failed)
        {
            events.Warning(KubeletSource, "pod/" + pod.Name, reason, message);
        }
        else
        {
            events.Normal(KubeletSource, "pod/" + pod.Name, reason, message);
        }
    }

    public void Tick()
    {
        var changed = new List<(SimulatedPod Pod, bool Quiet)>();
        var removed = new List<SimulatedPod>();
        foreach (var pod in api.Store.Pods.Values)
        {
            var next = Advance(pod, out var gone, out var quiet);
            if (gone)
            {
                removed.Add(pod);
            }
            else if (next is not null)
            {
                changed.Add((next, quiet));
            }
        }

        foreach (var pod in removed)
        {
            api.Store.RemovePod(pod.Name);
            runtimes.Remove(pod.Uid);
        }

        foreach (var (pod, quiet) in changed)
        {
            if (quiet)
            {
                api.Store.PutPodWithoutVersionChange(pod);
            }
            else
            {
                api.UpdatePodStatus(pod);
            }
        }

        // Events in ordinal order (stable within a pod), so the log does not depend on storage order.
        foreach (var e in pendingEvents.OrderBy(e => e.Ordinal).ThenBy(e => e.PodName, StringComparer.Ordinal))
        {
            if (e.Type == EventType.Normal)
            {
                events.Normal(e.Source, e.Object, e.Reason, e.Message);
            }
            else
            {
                events.Warning(e.Source, e.Object, e.Reason, e.Message);
            }
        }

        pendingEvents.Clear();

        // Forget runtimes of pods deleted outright (force delete, unscheduled, finished).
        if (runtimes.Count > api.Store.Pods.Count)
        {
            var live = new HashSet<string>(api.Store.Pods.Values.Select(p => p.Uid), StringComparer.Ordinal);
            foreach (var uid in runtimes.Keys.Where(u => !live.Contains(u)).ToList())
            {
                runtimes.Remove(uid);
            }
        }
    }

    public Kubelet Clone(ApiServer newApi, EventRecorder newEvents) =>
        new(newApi, newEvents, options,
            runtimes.ToDictionary(p => p.Key, p => p.Value.Clone(), StringComparer.Ordinal),
            new List<FaultRule>(rules),
            new Dictionary<string, DateTimeOffset>(lostNodes, StringComparer.Ordinal));

    private readonly List<(int Ordinal, string PodName, EventType Type, string Source, string Object, string Reason, string Message)> pendingEvents = new();

    private SimulatedPod? Advance(SimulatedPod pod, out bool gone, out bool quiet)
    {
        gone = false;
        quiet = false;
        var rt = Runtime(pod);
        if (pod.IsTerminating)
        {
            if (IsOnLostNode(pod))
            {
                return null; // the kubelet is unreachable: the pod stays Terminating
            }

            if (rt.TerminationLeft is null)
            {
                rt.TerminationLeft = options.TerminationTicks;
                Report(pod, rt, EventType.Normal, KubeletSource, "Killing", "Stopping container " + ContainerName(pod));
            }

            if (rt.TerminationLeft == 0)
            {
                gone = true;
                return null;
            }

            rt.TerminationLeft--;
            return null;
        }

        if (pod.Phase is PodPhase.Failed or PodPhase.Succeeded)
        {
            return null;
        }

        if (IsOnLostNode(pod))
        {
            return OnLostNode(pod, rt);
        }

        var updated = pod;
        if (updated.Phase == PodPhase.Pending)
        {
            updated = AdvancePending(updated, rt);
            if (updated.Phase == PodPhase.Pending)
            {
                return updated == pod ? null : updated;
            }
        }

        var beforeRunning = updated;
        updated = AdvanceRunning(updated, rt);
        if (ReferenceEquals(updated, pod) || updated == pod)
        {
            return null;
        }

        // Only the restart count changed: kubelet bookkeeping the controller never reads, so nothing "happened".
        quiet = beforeRunning == pod && updated == pod with { RestartCount = updated.RestartCount };
        return updated;
    }

    private SimulatedPod AdvancePending(SimulatedPod pod, PodRuntime rt)
    {
        if (string.IsNullOrEmpty(pod.NodeName))
        {
            var node = ChooseNode(pod);
            if (node is null)
            {
                Report(pod, rt, EventType.Warning, "default-scheduler", "FailedScheduling", "0/" + options.NodeCount.ToString(CultureInfo.InvariantCulture) + " nodes are available: pod didn't fit on any node.");
                return pod;
            }

            pod = pod with { Spec = pod.Spec with { NodeName = node } };
            Report(pod, rt, EventType.Normal, "default-scheduler", "Scheduled", "Successfully assigned " + pod.Namespace + "/" + pod.Name + " to " + node);
        }

        if (Applies(FaultKind.ImagePullFailure, pod))
        {
            Report(pod, rt, EventType.Warning, KubeletSource, "Failed", "Error: ImagePullBackOff (image " + pod.Image + ")");
            return pod with { Reason = "ImagePullBackOff" };
        }

        if (rt.PendingLeft > 0)
        {
            rt.PendingLeft--;
            return pod;
        }

        Report(pod, rt, EventType.Normal, KubeletSource, "Started", "Started container " + ContainerName(pod));
        return pod with { Phase = PodPhase.Running, Reason = null, PodIP = ClusterStore.PodIpFor(pod.Uid) };
    }

    private SimulatedPod AdvanceRunning(SimulatedPod pod, PodRuntime rt)
    {
        rt.RunningTicks++;
        string? reason = null;
        bool ready;
        if (Applies(FaultKind.CrashLoop, pod))
        {
            ready = false;
            reason = "CrashLoopBackOff";
            if (rt.RunningTicks >= rt.NextRestartAt)
            {
                // Restart counts grow with a capped exponential back-off; they are kubelet bookkeeping the controller never reads.
                rt.NextRestartAt = rt.RunningTicks + Math.Min(MaxRestartBackoffTicks, Math.Max(1, rt.NextRestartAt));
                pod = pod with { RestartCount = pod.RestartCount + 1 };
                Report(pod, rt, EventType.Warning, KubeletSource, "BackOff", "Back-off restarting failed container " + ContainerName(pod) + " in pod " + pod.Name);
            }
        }
        else if (Applies(FaultKind.NeverReady, pod))
        {
            ready = false;
            Report(pod, rt, EventType.Warning, KubeletSource, "Unhealthy", "Readiness probe failed");
        }
        else if (rt.CrashLeft > 0)
        {
            rt.CrashLeft--;
            ready = false;
        }
        else if (rt.UnreadyLeft > 0)
        {
            rt.UnreadyLeft--;
            ready = false;
        }
        else if (Rule(FaultKind.FlappingReadiness, pod) is { } flapping)
        {
            ready = rt.RunningTicks / Math.Max(1, flapping.Period) % 2 == 0;
        }
        else
        {
            ready = true;
        }

        // Unchanged pods stay the same object, so a steady cluster costs no allocation and no deep comparison.
        var result = SetReady(pod, ready);
        return result.Reason == reason ? result : result with { Reason = reason };
    }

    private SimulatedPod? OnLostNode(SimulatedPod pod, PodRuntime rt)
    {
        var lostAt = lostNodes[pod.NodeName!];
        var updated = SetReady(pod, false) with { Reason = "NodeLost" };
        Report(pod, rt, EventType.Warning, "node-controller", "NodeNotReady", "Node is not ready");
        if (api.Clock.Now >= lostAt + options.NodeEvictionTimeout)
        {
            // The taint manager deletes the pod; the unreachable kubelet never confirms, so it stays Terminating.
            updated = updated with { DeletionTimestamp = api.Clock.Now };
            Report(pod, rt, EventType.Normal, "taint-eviction-controller", "TaintManagerEviction", "Marking for deletion Pod " + pod.Namespace + "/" + pod.Name);
        }

        return updated == pod ? null : updated;
    }

    private SimulatedPod SetReady(SimulatedPod pod, bool ready) =>
        pod.Ready == ready && pod.ReadyTransitionTime is not null ? pod : pod with { Ready = ready, ReadyTransitionTime = api.Clock.Now };

    private string? ChooseNode(SimulatedPod pod)
    {
        if (Applies(FaultKind.Unschedulable, pod))
        {
            return null;
        }

        var healthy = Enumerable.Range(1, Math.Max(1, options.NodeCount))
            .Select(i => "node-" + i.ToString(CultureInfo.InvariantCulture))
            .Where(n => !lostNodes.ContainsKey(n))
            .ToList();
        return healthy.Count == 0 ? null : healthy[Math.Max(0, pod.Ordinal) % healthy.Count];
    }

    private PodRuntime Runtime(SimulatedPod pod)
    {
        if (!runtimes.TryGetValue(pod.Uid, out var rt))
        {
            var slow = Rule(FaultKind.SlowStart, pod);
            rt = new PodRuntime(options.PendingTicks + (slow?.PendingTicks ?? 0), options.UnreadyTicks + (slow?.UnreadyTicks ?? 0));
            runtimes[pod.Uid] = rt;
        }

        return rt;
    }

    private bool IsOnLostNode(SimulatedPod pod) => pod.NodeName is { } node && lostNodes.ContainsKey(node);

    private bool IsHeldPending(SimulatedPod pod) =>
        Applies(FaultKind.ImagePullFailure, pod) || (string.IsNullOrEmpty(pod.NodeName) && (Applies(FaultKind.Unschedulable, pod) || lostNodes.Count >= options.NodeCount));

    private bool IsHeldUnready(SimulatedPod pod) => Applies(FaultKind.NeverReady, pod) || Applies(FaultKind.CrashLoop, pod);

    private bool Applies(FaultKind kind, SimulatedPod pod) => Rule(kind, pod) is not null;

    private FaultRule? Rule(FaultKind kind, SimulatedPod pod)
    {
        foreach (var rule in rules)
        {
            if (rule.Kind == kind && rule.Match.Matches(pod))
            {
                return rule;
            }
        }

        return null;
    }

    // A lasting condition is reported once per pod object; events are written at the end of the tick.
    private void Report(SimulatedPod pod, PodRuntime rt, EventType type, string source, string reason, string message)
    {
        if (reason is "BackOff" || rt.MarkReported(reason + "|" + message))
        {
            pendingEvents.Add((pod.Ordinal, pod.Name, type, source, "pod/" + pod.Name, reason, message));
        }
    }

    private static string ContainerName(SimulatedPod pod) => pod.Spec.Containers is { Count: > 0 } c ? c[0].Name ?? "main" : "main";
}
