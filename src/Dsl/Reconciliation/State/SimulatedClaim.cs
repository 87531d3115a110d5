using StatefulManifests.Model;

namespace StatefulManifests.Reconciliation;

/// <summary>
/// A PersistentVolumeClaim created from a volume claim template: <c>&lt;template&gt;-&lt;set&gt;-&lt;ordinal&gt;</c>.
/// Its UID identifies the data: a claim that is deleted and created again is new, empty storage.
/// </summary>
public sealed record SimulatedClaim
{
    /// <summary>Claim name.</summary>
    public string Name { get; init; } = string.Empty;

    /// <summary>Namespace.</summary>
    public string Namespace { get; init; } = string.Empty;

    /// <summary>UID: changes when the claim is deleted and created again (the data is lost).</summary>
    public string Uid { get; init; } = string.Empty;

    /// <summary>The volume claim template this claim was made from.</summary>
    public string TemplateName { get; init; } = string.Empty;

    /// <summary>The ordinal of the pod the claim belongs to.</summary>
    public int Ordinal { get; init; }

    /// <summary>Labels: template labels merged with the set's <c>selector.matchLabels</c> (selector wins).</summary>
    public ValueMap<string> Labels { get; init; } = ValueMap<string>.Empty;

    /// <summary>Owner references the controller maintains for the retention policy (§B.9 — KEP-1847, stateful_pod_control.go).</summary>
    public ValueList<OwnerReference> OwnerReferences { get; init; } = ValueList<OwnerReference>.Empty;

    /// <summary>The claim spec, copied from the template.</summary>
    public PersistentVolumeClaimSpec Spec { get; init; } = new();

    /// <summary><c>metadata.creationTimestamp</c>.</summary>
    public DateTimeOffset CreationTimestamp { get; init; }

    /// <summary><c>metadata.deletionTimestamp</c>: set while the claim waits for the PVC protection finalizer.</summary>
    public DateTimeOffset? DeletionTimestamp { get; init; }

    /// <summary>True when the claim is being deleted.</summary>
    public bool IsTerminating => DeletionTimestamp.HasValue;

    /// <summary>True when an owner reference names a pod (the claim goes when that pod goes).</summary>
    public bool IsOwnedByPod => OwnerReferences.Any(r => r.Kind == "Pod");

    /// <summary>True when an owner reference names a StatefulSet (the claim goes when that set goes).</summary>
    public bool IsOwnedByStatefulSet => OwnerReferences.Any(r => r.Kind == "StatefulSet");

    /// <summary>Converts to the model's PersistentVolumeClaim (for rendering or comparison).</summary>
    public PersistentVolumeClaim ToPersistentVolumeClaim() => new()
    {
        ApiVersion = "v1",
        Kind = "PersistentVolumeClaim",
        Metadata = new ObjectMeta
        {
            Name = Name,
            Namespace = Namespace,
            Uid = Uid,
            Labels = Labels.Count == 0 ? null : Labels,
            OwnerReferences = OwnerReferences.Count == 0 ? null : OwnerReferences,
            CreationTimestamp = VirtualClock.Format(CreationTimestamp),
            DeletionTimestamp = DeletionTimestamp is { } deleted ? VirtualClock.Format(deleted) : null,
        },
        Spec = Spec,
    };

    /// <inheritdoc />
    public override string ToString() => Name + " (uid " + Uid + (IsTerminating ? ", terminating" : string.Empty) + ")";
}
