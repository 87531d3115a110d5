using StatefulManifests.Model;
using StatefulManifests.Validation;

namespace StatefulManifests.Reconciliation;

/// <summary>Where a controller pass ended (reference §B.4 — updateStatefulSet in stateful_set_control.go).</summary>
public enum PassStage
{
    /// <summary>The StatefulSet does not exist; nothing was done (§B.1 step 1 — sync in stateful_set.go).</summary>
    NotFound,

    /// <summary>The StatefulSet is being deleted: status only, no pod or claim actions (§B.4 step 7 — updateStatefulSet in stateful_set_control.go).</summary>
    Deleting,

    /// <summary>Stopped in the replica phase: creating, replacing or waiting for an in-range pod (§B.4 step 8 — processReplica in stateful_set_control.go).</summary>
    ReplicaPhase,

    /// <summary>Stopped while fixing the claims of condemned pods (§B.4 step 9 — fixPodClaim in updateStatefulSet).</summary>
    CondemnedClaims,

    /// <summary>Stopped in the scale-down phase (§B.4 step 10 — processCondemned in stateful_set_control.go).</summary>
    ScaleDown,

    /// <summary>Ended after the status step because the strategy is OnDelete (§B.4 step 12 — updateStatefulSet in stateful_set_control.go).</summary>
    OnDelete,

    /// <summary>Ended in the rolling update (§B.4 steps 13–14 — the rolling update in updateStatefulSet, §B.7 — KEP-961, updateStatefulSetAfterInvariantEstablished).</summary>
    RollingUpdate,
}

/// <summary>What happened to the status a pass computed (§B.8 — computeReplicaStatus / completeRollingUpdate, §B.12 — ValidateStatefulSetStatus in pkg/apis/apps/validation/validation.go).</summary>
public enum StatusWriteOutcome
{
    /// <summary>No status was computed (the set is gone).</summary>
    None,

    /// <summary>The computed status equals the stored one; nothing was written.</summary>
    Unchanged,

    /// <summary>The status was written.</summary>
    Written,

    /// <summary>The API server rejected the status (§B.12 — ValidateStatefulSetStatus in pkg/apis/apps/validation/validation.go); the stored status, observedGeneration included, stayed as it was.</summary>
    Rejected,
}

/// <summary>
/// Everything one controller pass did and why it stopped: the revisions it worked with, the writes it made, the
/// phase it ended in (with the pod it waited on), and what became of the status it computed.
/// </summary>
public sealed record PassReport
{
    /// <summary>1-based pass number within the simulation.</summary>
    public int Number { get; init; }

    /// <summary>Virtual time of the pass.</summary>
    public DateTimeOffset Time { get; init; }

    /// <summary>The <c>metadata.generation</c> the pass saw.</summary>
    public long Generation { get; init; }

    /// <summary>currentRevision as computed at the start of the pass (§B.3 — getStatefulSetRevisions in stateful_set_control.go).</summary>
    public string? CurrentRevision { get; init; }

    /// <summary>updateRevision as computed at the start of the pass (§B.3 — getStatefulSetRevisions in stateful_set_control.go).</summary>
    public string? UpdateRevision { get; init; }

    /// <summary>The writes the pass made, in order.</summary>
    public IReadOnlyList<ControllerAction> Actions { get; init; } = Array.Empty<ControllerAction>();

    /// <summary>The phase the pass ended in.</summary>
    public PassStage StoppedIn { get; init; }

    /// <summary>The pod the pass stopped at (waiting on it, or after acting on it), if any.</summary>
    public string? BlockingPod { get; init; }

    /// <summary>Why the pass stopped where it did, in words.</summary>
    public string Reason { get; init; } = string.Empty;

    /// <summary>The sync error the pass ended with (it is retried on the next pass), if any.</summary>
    public string? Error { get; init; }

    /// <summary>The status the pass computed, after the completion rule (§B.8 — computeReplicaStatus / completeRollingUpdate); null when the set is gone.</summary>
    public StatefulSetStatus? ComputedStatus { get; init; }

    /// <summary>Whether the computed status was written, unchanged, or rejected.</summary>
    public StatusWriteOutcome StatusWrite { get; init; }

    /// <summary>Why the API server rejected the status (empty unless <see cref="StatusWrite"/> is Rejected).</summary>
    public IReadOnlyList<FieldError> StatusErrors { get; init; } = Array.Empty<FieldError>();

    /// <summary>When the outer controller would requeue the set to notice availability (minReadySeconds, §B.1 step 5 — sync in stateful_set.go).</summary>
    public TimeSpan? RequeueAfter { get; init; }

    /// <summary>The <c>MaxUnavailable</c> gauge (the scaled budget); only when the MaxUnavailableStatefulSet gate is on and the update path ran.</summary>
    public int? MaxUnavailable { get; init; }

    /// <summary>The <c>UnavailableReplicas</c> gauge; only when the MaxUnavailableStatefulSet gate is on and the update path ran.</summary>
    public int? UnavailableReplicas { get; init; }

    /// <summary>True when the pass wrote anything (an object or the status).</summary>
    public bool ChangedAnything => Actions.Count > 0 || StatusWrite == StatusWriteOutcome.Written;

    /// <summary>The actions of one kind.</summary>
    public IReadOnlyList<ControllerAction> ActionsOf(ControllerActionKind kind) => Actions.Where(a => a.Kind == kind).ToList();

    /// <inheritdoc />
    public override string ToString() =>
        "pass " + Number.ToString(System.Globalization.CultureInfo.InvariantCulture) + ": " +
        (Actions.Count == 0 ? "no actions" : string.Join("; ", Actions)) + "; stopped in " + StoppedIn + ": " + Reason +
        (Error is null ? string.Empty : "; error: " + Error) +
        (StatusWrite == StatusWriteOutcome.Rejected ? "; status rejected: " + string.Join("; ", StatusErrors) : string.Empty);
}
