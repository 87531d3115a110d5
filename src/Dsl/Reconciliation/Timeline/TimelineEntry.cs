namespace StatefulManifests.Reconciliation;

/// <summary>One pod in a timeline row: its revision label and a one-word state.</summary>
/// <param name="Ordinal">The pod's ordinal.</param>
/// <param name="Revision">The label of the pod's revision (<c>A</c>, <c>B</c> …; see <see cref="RolloutTimeline.Legend"/>).</param>
/// <param name="State"><c>Pending</c>, <c>NotReady</c>, <c>Ready~</c> (Ready, inside minReadySeconds), <c>Ready</c>, <c>Failed</c>, <c>Succeeded</c> or <c>Terminating</c>.</param>
public sealed record TimelinePod(int Ordinal, string Revision, string State)
{
    /// <summary>The cell text, for example <c>B Ready</c>.</summary>
    public override string ToString() => Revision + " " + State;
}

/// <summary>
/// One row of the rollout timeline: a controller pass, what it saw and did, and what happened outside the controller
/// since the previous row (test actions, faults, garbage collection).
/// </summary>
public sealed record TimelineEntry
{
    /// <summary>The pass number.</summary>
    public int Pass { get; init; }

    /// <summary>Virtual time elapsed since the simulation started.</summary>
    public TimeSpan Elapsed { get; init; }

    /// <summary>What happened before this pass: test actions, faults, garbage collection.</summary>
    public IReadOnlyList<string> Notes { get; init; } = Array.Empty<string>();

    /// <summary>The pods after the pass, by ordinal (empty when the set has too many pods to draw).</summary>
    public IReadOnlyList<TimelinePod> Pods { get; init; } = Array.Empty<TimelinePod>();

    /// <summary>spec.replicas.</summary>
    public int DesiredReplicas { get; init; }

    /// <summary>The stored status after the pass.</summary>
    public int Replicas { get; init; }

    /// <summary>The stored readyReplicas after the pass.</summary>
    public int ReadyReplicas { get; init; }

    /// <summary>The stored availableReplicas after the pass.</summary>
    public int AvailableReplicas { get; init; }

    /// <summary>The stored currentReplicas after the pass.</summary>
    public int CurrentReplicas { get; init; }

    /// <summary>The stored updatedReplicas after the pass.</summary>
    public int UpdatedReplicas { get; init; }

    /// <summary>Label of the stored currentRevision.</summary>
    public string CurrentRevision { get; init; } = string.Empty;

    /// <summary>Label of the stored updateRevision.</summary>
    public string UpdateRevision { get; init; } = string.Empty;

    /// <summary>The pass's writes in short form (<c>create web-0 (A)</c>, <c>delete web-2</c> …).</summary>
    public IReadOnlyList<string> Actions { get; init; } = Array.Empty<string>();

    /// <summary>Why the pass stopped where it did.</summary>
    public string Reason { get; init; } = string.Empty;
}
