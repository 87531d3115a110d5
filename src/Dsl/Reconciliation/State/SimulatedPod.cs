using System.Globalization;
using StatefulManifests.Model;

namespace StatefulManifests.Reconciliation;

/// <summary>
/// A pod as the simulated API server stores it: identity and labels the controller stamped (§A.2 — stateful_set_utils.go), the spec built
/// from a revision's template, and the status the simulated kubelet maintains. Immutable: every change stores a new
/// value, so a pod you hold is a snapshot.
/// </summary>
public sealed record SimulatedPod
{
    /// <summary>Pod name, <c>&lt;set&gt;-&lt;ordinal&gt;</c>.</summary>
    public string Name { get; init; } = string.Empty;

    /// <summary>Namespace.</summary>
    public string Namespace { get; init; } = string.Empty;

    /// <summary>UID, unique for every pod object ever created (a recreated pod gets a new one).</summary>
    public string Uid { get; init; } = string.Empty;

    /// <summary>The ordinal parsed from the name (digits after the last <c>-</c>), or -1 when the name has none.</summary>
    public int Ordinal { get; init; } = -1;

    /// <summary>Labels: template labels plus the controller's identity and revision labels.</summary>
    public ValueMap<string> Labels { get; init; } = ValueMap<string>.Empty;

    /// <summary>Annotations copied from the pod template.</summary>
    public ValueMap<string> Annotations { get; init; } = ValueMap<string>.Empty;

    /// <summary>Owner references (the StatefulSet as controller, unless the pod was released or orphaned).</summary>
    public ValueList<OwnerReference> OwnerReferences { get; init; } = ValueList<OwnerReference>.Empty;

    /// <summary>The pod spec: the revision's template spec with hostname, subdomain, claim volumes and node name set.</summary>
    public PodSpec Spec { get; init; } = new();

    /// <summary><c>status.phase</c>.</summary>
    public PodPhase Phase { get; init; } = PodPhase.Pending;

    /// <summary>The Ready condition's status.</summary>
    public bool Ready { get; init; }

    /// <summary>The Ready condition's <c>lastTransitionTime</c> (drives <c>minReadySeconds</c> availability).</summary>
    public DateTimeOffset? ReadyTransitionTime { get; init; }

    /// <summary>Why the pod is in its state, as kubectl's STATUS column would say (<c>CrashLoopBackOff</c>, <c>Evicted</c>, …).</summary>
    public string? Reason { get; init; }

    /// <summary>Container restarts.</summary>
    public int RestartCount { get; init; }

    /// <summary>The pod IP, once it runs (a recreated pod usually gets a different one).</summary>
    public string? PodIP { get; init; }

    /// <summary><c>metadata.creationTimestamp</c>.</summary>
    public DateTimeOffset CreationTimestamp { get; init; }

    /// <summary><c>metadata.deletionTimestamp</c>: set when the pod was deleted and is terminating.</summary>
    public DateTimeOffset? DeletionTimestamp { get; init; }

    /// <summary>The revision the pod was built from (its <c>controller-revision-hash</c> label), if any.</summary>
    public string? Revision => Labels.TryGetValue(WellKnownLabels.ControllerRevisionHash, out var revision) ? revision : null;

    /// <summary>True when the pod is being deleted (<c>deletionTimestamp</c> set).</summary>
    public bool IsTerminating => DeletionTimestamp.HasValue;

    /// <summary>Phase Running and Ready condition True (§B.2 — isRunningAndReady/isRunningAndAvailable in stateful_set_utils.go "running and ready").</summary>
    public bool IsRunningAndReady => Phase == PodPhase.Running && Ready;

    /// <summary>The node the pod is bound to, if scheduled.</summary>
    public string? NodeName => Spec.NodeName;

    /// <summary>The image of the first container (what most rollout tests care about).</summary>
    public string? Image => Spec.Containers is { Count: > 0 } containers ? containers[0].Image : null;

    /// <summary>
    /// True when the pod counts as available: Ready and Ready for at least <paramref name="minReadySeconds"/> at
    /// <paramref name="now"/> (§B.2 — isRunningAndReady/isRunningAndAvailable in stateful_set_utils.go; "≤ now").
    /// </summary>
    public bool IsAvailable(int minReadySeconds, DateTimeOffset now) =>
        Ready && (minReadySeconds == 0 || (ReadyTransitionTime is { } since && since.AddSeconds(minReadySeconds) <= now));

    /// <summary>kubectl's STATUS column: <c>Running</c>, <c>Pending</c>, <c>Terminating</c>, or the reason.</summary>
    public string DisplayStatus => IsTerminating ? "Terminating" : Reason ?? Phase.ToString();

    /// <inheritdoc />
    public override string ToString() =>
        string.Format(CultureInfo.InvariantCulture, "{0} ({1}, {2}{3}, revision {4})", Name, DisplayStatus, Ready ? "Ready" : "not Ready", RestartCount > 0 ? ", restarts " + RestartCount.ToString(CultureInfo.InvariantCulture) : string.Empty, Revision ?? "none");
}
