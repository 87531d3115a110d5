using System.Globalization;
using StatefulManifests.Model;

namespace StatefulManifests.Reconciliation;

/// <summary>
/// A ControllerRevision: one pod template the set has had (reference §A.2 — stateful_set_utils.go, §B.3 — getStatefulSetRevisions in stateful_set_control.go). Only <c>spec.template</c> is part
/// of a revision. The name is <c>&lt;set&gt;-&lt;hash&gt;</c>; <see cref="Revision"/> is the sequence number, bumped
/// when a rollback re-uses the object.
/// </summary>
public sealed record SimulatedRevision
{
    /// <summary>Object name, <c>&lt;set&gt;-&lt;hash&gt;</c>.</summary>
    public string Name { get; init; } = string.Empty;

    /// <summary>Namespace.</summary>
    public string Namespace { get; init; } = string.Empty;

    /// <summary>UID.</summary>
    public string Uid { get; init; } = string.Empty;

    /// <summary>The revision number (<c>revision</c> field).</summary>
    public long Revision { get; init; }

    /// <summary>The safe-encoded FNV-1 hash in the name (also the <c>controller.kubernetes.io/hash</c> label).</summary>
    public string Hash { get; init; } = string.Empty;

    /// <summary>The pod template this revision restores.</summary>
    public PodTemplateSpec Template { get; init; } = new();

    /// <summary>The stored bytes (a canonical serialisation of the template) that revisions are compared by.</summary>
    public string Data { get; init; } = string.Empty;

    /// <summary>Labels: template labels plus <c>controller.kubernetes.io/hash</c>.</summary>
    public ValueMap<string> Labels { get; init; } = ValueMap<string>.Empty;

    /// <summary>Annotations copied from the StatefulSet.</summary>
    public ValueMap<string> Annotations { get; init; } = ValueMap<string>.Empty;

    /// <summary>Owner references (the StatefulSet as controller, unless orphaned).</summary>
    public ValueList<OwnerReference> OwnerReferences { get; init; } = ValueList<OwnerReference>.Empty;

    /// <summary><c>metadata.creationTimestamp</c>.</summary>
    public DateTimeOffset CreationTimestamp { get; init; }

    /// <summary>The image of the template's first container.</summary>
    public string? Image => Template.Spec?.Containers is { Count: > 0 } containers ? containers[0].Image : null;

    /// <inheritdoc />
    public override string ToString() => Name + " (revision " + Revision.ToString(CultureInfo.InvariantCulture) + (Image is null ? string.Empty : ", " + Image) + ")";
}
