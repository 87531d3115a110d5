namespace StatefulManifests.Reconciliation;

/// <summary>
/// How the simulated cluster behaves: feature gates, the namespace, the virtual clock, how fast pods start and stop,
/// and how long <see cref="StatefulSetSimulation.RunUntilStable"/> may run. Every value has a sensible default, so
/// <c>new SimulationOptions()</c> (or no options at all) gives a Kubernetes v1.36 cluster whose pods start at once.
/// </summary>
public sealed record SimulationOptions
{
    // Negative counts and durations are rejected where they are set: the simulation could never converge with them.
    private readonly TimeSpan tickDuration = TimeSpan.FromSeconds(1);
    private readonly int pendingTicks;
    private readonly int unreadyTicks;
    private readonly int terminationTicks;
    private readonly int garbageCollectionDelayTicks;
    private readonly int nodeCount = 3;
    private readonly TimeSpan nodeEvictionTimeout = TimeSpan.FromMinutes(5);
    private readonly int? passHistoryLimit;
    private readonly int? maxSteps;

    /// <summary>The feature gates (default: Kubernetes v1.36).</summary>
    public FeatureGates FeatureGates { get; init; } = FeatureGates.Kubernetes136;

    /// <summary>The namespace used when the StatefulSet does not name one (default <c>default</c>).</summary>
    public string Namespace { get; init; } = "default";

    /// <summary>The cluster domain used in DNS names (default <c>cluster.local</c>).</summary>
    public string ClusterDomain { get; init; } = "cluster.local";

    /// <summary>The virtual time the simulation starts at (default 2026-01-01T00:00:00Z).</summary>
    public DateTimeOffset StartTime { get; init; } = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>How far the virtual clock moves on every <see cref="StatefulSetSimulation.Tick"/> (default one second).</summary>
    public TimeSpan TickDuration { get => tickDuration; init => tickDuration = value > TimeSpan.Zero ? value : throw OutOfRange(nameof(TickDuration), value, "must be greater than zero"); }

    /// <summary>
    /// Kubelet ticks a new pod stays <c>Pending</c> before it runs (default 0: it runs at the first tick after its
    /// creation).
    /// </summary>
    public int PendingTicks { get => pendingTicks; init => pendingTicks = NonNegative(nameof(PendingTicks), value); }

    /// <summary>Kubelet ticks a running pod stays not Ready before its readiness passes (default 0).</summary>
    public int UnreadyTicks { get => unreadyTicks; init => unreadyTicks = NonNegative(nameof(UnreadyTicks), value); }

    /// <summary>
    /// Kubelet ticks a deleted pod stays <c>Terminating</c> (default 0: the pod object is gone at the next tick).
    /// Set it to 1 or more to let controller passes observe terminating pods.
    /// </summary>
    public int TerminationTicks { get => terminationTicks; init => terminationTicks = NonNegative(nameof(TerminationTicks), value); }

    /// <summary>
    /// Ticks the garbage collector (and the PVC protection finalizer) waits before removing an object whose owners are
    /// gone (default 0: removed in the same tick). A delay lets a test observe stale claims (§B.9 — KEP-1847, stateful_pod_control.go).
    /// </summary>
    public int GarbageCollectionDelayTicks { get => garbageCollectionDelayTicks; init => garbageCollectionDelayTicks = NonNegative(nameof(GarbageCollectionDelayTicks), value); }

    /// <summary>
    /// Whether the garbage collector runs on every <see cref="StatefulSetSimulation.Tick"/> (default true). Turn it off to
    /// decide when it processes what: <see cref="StatefulSetSimulation.CollectGarbage()"/> runs one round for everything,
    /// <see cref="StatefulSetSimulation.CollectGarbageOf(string, string)"/> and
    /// <see cref="StatefulSetSimulation.CollectDependentsOfPod(int)"/> for the dependents of one deleted owner — so a
    /// test can say "the collector has not processed this pod yet". The PVC protection controller runs either way.
    /// </summary>
    public bool AutomaticGarbageCollection { get; init; } = true;

    /// <summary>Number of nodes pods are scheduled on (<c>node-1</c> … <c>node-N</c>; default 3).</summary>
    public int NodeCount { get => nodeCount; init => nodeCount = NonNegative(nameof(NodeCount), value); }

    /// <summary>
    /// How long pods stay on a lost node before the taint manager marks them for deletion (default five minutes, the
    /// <c>not-ready</c>/<c>unreachable</c> toleration Kubernetes adds to every pod).
    /// </summary>
    public TimeSpan NodeEvictionTimeout { get => nodeEvictionTimeout; init => nodeEvictionTimeout = value >= TimeSpan.Zero ? value : throw OutOfRange(nameof(NodeEvictionTimeout), value, "must not be negative"); }

    /// <summary>
    /// Models the v1.36 fix for maxUnavailable under <c>Parallel</c> (kubernetes#137666, §B.7 step 3). Set it to false to
    /// reproduce the v1.35.0–1.35.3 deadlock (#137409). Only matters when the MaxUnavailableStatefulSet gate is on.
    /// </summary>
    public bool MaxUnavailableParallelFix { get; init; } = true;

    /// <summary>
    /// Whether <see cref="StatefulSetSimulation.Create(StatefulManifests.Model.StatefulSet, SimulationOptions?)"/> and
    /// <see cref="StatefulSetSimulation.Apply(StatefulManifests.Model.StatefulSet)"/> run the project's validator (§C — ValidateStatefulSet in pkg/apis/apps/validation/validation.go) and reject
    /// what the API server would reject (default true).
    /// </summary>
    public bool Validate { get; init; } = true;

    /// <summary>
    /// Whether every step is recorded in <see cref="StatefulSetSimulation.Timeline"/> (default true; benchmarks of
    /// very large sets turn it off).
    /// </summary>
    public bool RecordTimeline { get; init; } = true;

    /// <summary>
    /// How many pass reports <see cref="StatefulSetSimulation.Passes"/> keeps, newest last (null, the default, keeps
    /// all). Long or large simulations can bound their memory with it; keep at least 10 for the stability report's
    /// livelock detection.
    /// </summary>
    public int? PassHistoryLimit { get => passHistoryLimit; init => passHistoryLimit = value is null ? null : NonNegative(nameof(PassHistoryLimit), value.Value); }

    /// <summary>
    /// The most steps <see cref="StatefulSetSimulation.RunUntilStable"/> takes before giving up; null (the default)
    /// means 1,000 plus 20 per replica per tick of pod start-up and termination.
    /// </summary>
    public int? MaxSteps { get => maxSteps; init => maxSteps = value is null ? null : NonNegative(nameof(MaxSteps), value.Value); }

    private static int NonNegative(string name, int value) => value >= 0 ? value : throw OutOfRange(name, value, "must not be negative");

    private static ArgumentOutOfRangeException OutOfRange(string name, object value, string detail) => new(name, value, name + " " + detail);
}
