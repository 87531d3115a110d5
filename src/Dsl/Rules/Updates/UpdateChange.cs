using StatefulManifests.Model;
using StatefulManifests.Validation;

namespace StatefulManifests.Rules.Updates;

/// <summary>What kind of change <see cref="UpdateCheck"/> found between the released manifest and the new one.</summary>
public enum UpdateChangeKind
{
    /// <summary>An immutable StatefulSet field changed (SM5001): the API server rejects the update; orphan-delete and recreate.</summary>
    ImmutableField,

    /// <summary>A claim template of the released set is gone (SM5002): its claims are orphaned.</summary>
    ClaimTemplateRemoved,

    /// <summary>A claim template's storage request or class changed (SM5003): existing claims keep theirs.</summary>
    ClaimTemplateStorageChanged,

    /// <summary>Ordinals go away while <c>whenScaled: Delete</c> is in effect (SM5004): their claims are deleted.</summary>
    ScaleDownDeletesClaims,

    /// <summary>The API server rejects the Service update (SM5005): delete and recreate the Service.</summary>
    ServiceUpdateRejected,
}

/// <summary>
/// One change between the released manifest (the baseline) and the new one, as data: a rollout plan can act on it,
/// and <see cref="UpdateComparison.Findings"/> says the same thing as diagnostics.
/// </summary>
/// <param name="Kind">What kind of change.</param>
/// <param name="Subject">The object it is in (the StatefulSet or the Service).</param>
/// <param name="Path">Where, in the new object (the nearest field that exists there).</param>
/// <param name="Field">The field that changed, e.g. <c>selector</c>, <c>volumeClaimTemplates</c>, <c>storage class</c>, <c>replicas</c>.</param>
/// <param name="Before">The released value as the manifest writes it (JSON for objects); null when there was none.</param>
/// <param name="After">The new value; null when it is gone.</param>
public sealed record UpdateChange(UpdateChangeKind Kind, FindingSubject Subject, FieldPath Path, string Field, string? Before, string? After)
{
    /// <summary>The name of the object that changed (the StatefulSet or the Service).</summary>
    public string ObjectName { get; init; } = string.Empty;

    /// <summary>Its namespace as the manifest states it; null when the manifest leaves it to the client's context.</summary>
    public string? Namespace { get; init; }

    /// <summary>For a claim-template change, the template's name (also the prefix of its claims' names).</summary>
    public string? Template { get; init; }

    /// <summary>The pods the change removes (a scale-down or a higher <c>ordinals.start</c>), in ordinal order.</summary>
    public ValueList<string> Pods { get; init; } = ValueList<string>.Empty;

    /// <summary>The claims the change affects (orphaned, unchanged or deleted), by name, in ordinal order.</summary>
    public ValueList<string> Claims { get; init; } = ValueList<string>.Empty;

    /// <summary>True when the API server rejects the update because of this change (the object must be recreated).</summary>
    public bool RequiresRecreate => Kind is UpdateChangeKind.ImmutableField or UpdateChangeKind.ServiceUpdateRejected;
}

/// <summary>The result of <see cref="UpdateCheck.Compare(StatefulWorkload, StatefulWorkload)"/>: every change found and its findings.</summary>
/// <param name="Changes">The changes, in the order their findings are reported.</param>
/// <param name="Findings">SM5001–SM5005: errors for updates the API server rejects, warnings for data risks.</param>
public sealed record UpdateComparison(ValueList<UpdateChange> Changes, ValueList<Finding> Findings)
{
    /// <summary>True when the API server would reject the update of the StatefulSet or its Service.</summary>
    public bool RequiresRecreate => Changes.Any(c => c.RequiresRecreate);
}
