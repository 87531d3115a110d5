using StatefulManifests.Model;

namespace StatefulManifests.Reconciliation;

/// <summary>
/// A deterministic model of a Kubernetes v1.36 cluster running one StatefulSet: the API server (defaulting,
/// validation, storage), the StatefulSet controller (reference §B — pkg/controller/statefulset), a kubelet, the garbage collector and cluster DNS,
/// on a virtual clock. Drive it from a unit test:
/// <code>
/// var sim = StatefulSetSimulation.Create(web);
/// sim.RunUntilStable();                       // three pods, created one by one
/// sim.Faults.NeverReady(PodMatch.Image("nginx:broken"));
/// sim.SetImage("nginx:broken");
/// var outcome = sim.RunUntilStable();         // stuck: web-2 is never Ready (kubernetes#67250)
/// Assert.False(outcome.Converged, outcome.Explanation);
/// </code>
/// Actions (<see cref="Apply(StatefulSet)"/>, <see cref="Scale"/>, <see cref="DeletePod"/>, <see cref="Faults"/>,
/// <see cref="Clock"/>) change the world; <see cref="Reconcile"/> runs one controller pass, <see cref="Tick"/> moves
/// the kubelet, garbage collector and clock one tick, <see cref="Step()"/> does both. Queries (<see cref="Pods"/>,
/// <see cref="Claims"/>, <see cref="Revisions"/>, <see cref="Status"/>, <see cref="Events"/>, <see cref="Timeline"/>,
/// <see cref="Dns"/>) show the result after each step.
/// </summary>
public sealed partial class StatefulSetSimulation
{
    /// <summary>
    /// The most replicas a simulation accepts (100,000: ten times the largest benchmarked set). Every pod, claim,
    /// revision and step is modelled in memory, so a larger set (<c>Scale(int.MaxValue)</c>) could only run out of
    /// memory; <see cref="Create(StatefulSet, SimulationOptions?)"/>, <see cref="Apply(StatefulSet)"/> and
    /// <see cref="Scale(int)"/> throw <see cref="ArgumentOutOfRangeException"/> above it.
    /// </summary>
    public const int MaxReplicas = 100_000;

    private readonly ClusterStore store;
    private readonly ApiServer api;
    private readonly EventRecorder recorder;
    private readonly GarbageCollector garbageCollector;
    private readonly StatefulSetController controller;
    private readonly Admission admission;
    private readonly List<PassReport> passes;
    private string lastKnownName = string.Empty;
    private int passCount;

    private StatefulSetSimulation(SimulationOptions options, ClusterStore store, VirtualClock clock, EventLog events, RolloutTimeline timeline, List<PassReport> passes, Func<ApiServer, EventRecorder, Kubelet>? kubelet, Func<ApiServer, GarbageCollector>? garbageCollector, int ticks)
    {
        Options = options;
        this.store = store;
        Clock = clock;
        Events = events;
        Timeline = timeline;
        this.passes = passes;
        TickCount = ticks;
        api = new ApiServer(store, clock);
        recorder = new EventRecorder(events, clock);
        KubeletModel = kubelet?.Invoke(api, recorder) ?? new Kubelet(api, recorder, options);
        this.garbageCollector = garbageCollector?.Invoke(api) ?? new GarbageCollector(api, options);
        controller = new StatefulSetController(api, recorder, options);
        admission = new Admission(options, store, clock);
        Faults = new PodFaults(this);
        Cluster = new ClusterClient(this);
    }

    /// <summary>The options the simulation runs with.</summary>
    public SimulationOptions Options { get; }

    /// <summary>The virtual clock: <c>sim.Clock.Advance(TimeSpan.FromSeconds(30))</c> to let minReadySeconds pass.</summary>
    public VirtualClock Clock { get; }

    /// <summary>Fault injection: pods that never become Ready, crash, fail, are evicted; lost nodes.</summary>
    public PodFaults Faults { get; }

    /// <summary>Direct edits of cluster objects, as another API client would make them (labels, claim owners, revisions).</summary>
    public ClusterClient Cluster { get; }

    /// <summary>Every event, oldest first; <c>Events.Render()</c> prints them like <c>kubectl get events</c>.</summary>
    public EventLog Events { get; }

    /// <summary>The rollout, pass by pass; <c>Timeline.RenderText()</c> shows it as a table.</summary>
    public RolloutTimeline Timeline { get; }

    /// <summary>Every controller pass so far, oldest first (the latest ones only, with <see cref="SimulationOptions.PassHistoryLimit"/>).</summary>
    public IReadOnlyList<PassReport> Passes => passes;

    /// <summary>The latest controller pass, or null before the first.</summary>
    public PassReport? LastPass => passes.Count == 0 ? null : passes[passes.Count - 1];

    /// <summary>Controller passes so far.</summary>
    public int PassCount => passCount;

    /// <summary>World ticks so far (kubelet, garbage collector, clock).</summary>
    public int TickCount { get; private set; }

    internal Kubelet KubeletModel { get; }

    internal ClusterStore Store => store;

    internal ApiServer Api => api;

    /// <summary>
    /// Creates a simulation and submits <paramref name="statefulSet"/> to its API server (defaulted and validated
    /// as Kubernetes would; a set the API server would reject throws <see cref="StatefulSetRejectedException"/>).
    /// No controller pass has run yet.
    /// </summary>
    public static StatefulSetSimulation Create(StatefulSet statefulSet, SimulationOptions? options = null) => Create(statefulSet, null, options);

    /// <summary>Creates a simulation with the StatefulSet and its governing headless Service (for <see cref="Dns"/>).</summary>
    public static StatefulSetSimulation Create(StatefulSet statefulSet, Service? service, SimulationOptions? options = null)
    {
        if (statefulSet is null)
        {
            throw new ArgumentNullException(nameof(statefulSet));
        }

        SimulationLimits.CheckSize(statefulSet, nameof(statefulSet));
        options ??= new SimulationOptions();
        var clock = new VirtualClock(options.StartTime);
        var store = new ClusterStore(statefulSet.Metadata?.Namespace ?? options.Namespace);
        var simulation = new StatefulSetSimulation(options, store, clock, new EventLog(clock), new RolloutTimeline(), new List<PassReport>(), null, null, 0);
        store.SetStatefulSet(simulation.admission.Create(statefulSet));
        simulation.lastKnownName = store.StatefulSet!.Metadata!.Name!;
        if (service is not null)
        {
            store.SetService(service);
        }

        simulation.Note("create statefulset " + statefulSet.Metadata?.Name + " (" + Describe(store.StatefulSet!) + ")");
        return simulation;
    }

    /// <summary>
    /// An independent copy of the whole simulation (objects, kubelet state, faults, clock, events, timeline): branch a
    /// scenario and explore two futures from the same point.
    /// </summary>
    public StatefulSetSimulation Fork()
    {
        var clock = Clock.Clone();
        var copy = new StatefulSetSimulation(
            Options,
            store.Clone(),
            clock,
            Events.Clone(clock),
            Timeline.Clone(),
            new List<PassReport>(passes),
            (newApi, newRecorder) => KubeletModel.Clone(newApi, newRecorder),
            newApi => garbageCollector.Clone(newApi),
            TickCount);
        copy.lastKnownName = lastKnownName;
        copy.passCount = passCount;
        return copy;
    }

    /// <inheritdoc />
    public override string ToString() => DescribePods();

    internal void Note(string note)
    {
        if (Options.RecordTimeline)
        {
            Timeline.Note(VirtualClock.FormatAge(Clock.Elapsed) + ": " + note);
        }
    }

    private static string Describe(StatefulSet set)
    {
        var spec = set.Spec!;
        var parts = new List<string>
        {
            "replicas " + (spec.Replicas ?? 0).ToString(System.Globalization.CultureInfo.InvariantCulture),
            spec.PodManagementPolicy?.Value ?? string.Empty,
            spec.UpdateStrategy?.Type?.Value ?? string.Empty,
        };
        if (spec.UpdateStrategy?.RollingUpdate?.Partition is > 0 and var partition)
        {
            parts.Add("partition " + partition.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        if (spec.UpdateStrategy?.RollingUpdate?.MaxUnavailable is { } maxUnavailable)
        {
            parts.Add("maxUnavailable " + maxUnavailable);
        }

        if (spec.Template?.Spec?.Containers is { Count: > 0 } containers)
        {
            parts.Add("image " + containers[0].Image);
        }

        return string.Join(", ", parts);
    }
}
