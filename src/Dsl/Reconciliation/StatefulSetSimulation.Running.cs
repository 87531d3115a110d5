using System.Globalization;

namespace StatefulManifests.Reconciliation;

public sealed partial class StatefulSetSimulation
{
    /// <summary>
    /// Runs exactly one controller pass (§B.1 — sync in stateful_set.go then §B.4 — updateStatefulSet in stateful_set_control.go) against the cluster as it is now; the kubelet, garbage
    /// collector and clock do not move. Returns what the pass did and why it stopped.
    /// </summary>
    public PassReport Reconcile()
    {
        var report = controller.Sync(++passCount);
        passes.Add(report);
        if (Options.PassHistoryLimit is { } limit && passes.Count > Math.Max(1, limit))
        {
            passes.RemoveRange(0, passes.Count - Math.Max(1, limit));
        }

        if (Options.RecordTimeline)
        {
            Timeline.Record(report, store, store.Revisions.Values, Clock.Now, Clock.Elapsed);
        }

        return report;
    }

    /// <summary>
    /// Moves the world around the controller by one tick, without a controller pass: the kubelet advances every pod
    /// (start, readiness, termination, faults), the garbage collector removes objects whose owners are gone, and the
    /// clock moves by <see cref="SimulationOptions.TickDuration"/>.
    /// </summary>
    public void Tick()
    {
        KubeletModel.Tick();
        foreach (var note in garbageCollector.Tick())
        {
            Note(note);
        }

        Clock.Advance(Options.TickDuration);
        TickCount++;
    }

    /// <summary>One step: a controller pass (<see cref="Reconcile"/>), then a world tick (<see cref="Tick"/>).</summary>
    public PassReport Step()
    {
        var report = Reconcile();
        Tick();
        return report;
    }

    /// <summary>Runs <paramref name="steps"/> steps and returns the last pass.</summary>
    public PassReport Step(int steps)
    {
        if (steps < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(steps), steps, "at least one step");
        }

        PassReport last = null!;
        for (var i = 0; i < steps; i++)
        {
            last = Step();
        }

        return last;
    }

    /// <summary>
    /// Steps until nothing changes any more (a fixed point), jumping the clock ahead when the only thing left is
    /// waiting (minReadySeconds, node eviction). Stops after <paramref name="maxSteps"/> (default
    /// <see cref="SimulationOptions.MaxSteps"/>) when the cluster never settles. The report says whether the set
    /// converged and, when it did not, explains why in terms of the reference (the stuck rollout of §B.11 — docs: StatefulSet forced rollback, kubernetes#67250, the
    /// scale-down deadlock and livelock of §B.12 — ValidateStatefulSetStatus in pkg/apis/apps/validation/validation.go, a pod stuck on a lost node …).
    /// </summary>
    public StabilityReport RunUntilStable(int? maxSteps = null)
    {
        if (maxSteps is < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(maxSteps), maxSteps, "maxSteps must not be negative");
        }

        var budget = maxSteps ?? Options.MaxSteps ?? DefaultBudget();
        var jumped = TimeSpan.Zero;
        for (var steps = 1; steps <= budget; steps++)
        {
            var before = ProgressMark();
            Step();
            if (ProgressMark() != before || KubeletModel.HasPendingWork || garbageCollector.HasPendingWork)
            {
                continue;
            }

            if (NextDeadline() is { } deadline)
            {
                var wait = deadline - Clock.Now;
                if (wait > TimeSpan.Zero)
                {
                    Clock.Advance(wait);
                    jumped += wait;
                    Note("waited " + VirtualClock.FormatAge(wait) + " (clock advanced to the next deadline)");
                }

                continue;
            }

            return ConvergenceAnalysis.Analyze(this, settled: true, steps);
        }

        return ConvergenceAnalysis.Analyze(this, settled: false, budget);
    }

    /// <summary>
    /// Like <see cref="RunUntilStable"/>, but throws <see cref="SimulationDidNotConvergeException"/> (with the
    /// explanation and the timeline) unless the set converged.
    /// </summary>
    public StabilityReport RunUntilConverged(int? maxSteps = null)
    {
        var report = RunUntilStable(maxSteps);
        if (!report.Converged)
        {
            throw new SimulationDidNotConvergeException(report, Options.RecordTimeline ? Timeline.RenderText() : DescribePods());
        }

        return report;
    }

    /// <summary>Advances until <paramref name="condition"/> holds after a step; throws when it does not within <paramref name="maxSteps"/>.</summary>
    public int StepUntil(Func<StatefulSetSimulation, bool> condition, int maxSteps = 1000)
    {
        if (condition is null)
        {
            throw new ArgumentNullException(nameof(condition));
        }

        for (var steps = 1; steps <= maxSteps; steps++)
        {
            Step();
            if (condition(this))
            {
                return steps;
            }
        }

        throw new SimulationDidNotConvergeException(
            "the condition did not hold within " + maxSteps.ToString(CultureInfo.InvariantCulture) + " steps",
            Options.RecordTimeline ? Timeline.RenderText() : DescribePods());
    }

    // What counts as something happening. While the set is being deleted in the foreground, every pass re-creates its
    // ControllerRevision and the garbage collector removes it again (as in Kubernetes); that churn is not progress.
    private long ProgressMark() =>
        store.StatefulSet?.Metadata?.DeletionTimestamp is null ? store.Version : store.Version - store.RevisionVersion;

    private int DefaultBudget()
    {
        var replicas = Math.Max(StatefulSet?.Spec?.Replicas ?? 0, store.Pods.Count);
        var perPod = 3 + Options.PendingTicks + Options.UnreadyTicks + Options.TerminationTicks + (2 * Options.GarbageCollectionDelayTicks);
        return 1000 + (20 * (replicas + 1) * perPod);
    }

    // The next moment at which time alone changes what the controller sees.
    private DateTimeOffset? NextDeadline()
    {
        DateTimeOffset? next = KubeletModel.NextDeadline();
        var minReady = StatefulSet?.Spec?.MinReadySeconds ?? 0;
        if (minReady > 0)
        {
            foreach (var pod in store.Pods.Values)
            {
                if (pod.Ready && pod.ReadyTransitionTime is { } since && !pod.IsAvailable(minReady, Clock.Now))
                {
                    var at = since.AddSeconds(minReady);
                    next = next is null || at < next ? at : next;
                }
            }
        }

        return next;
    }
}
