using StatefulManifests.Validation;

namespace StatefulManifests;

/// <summary>Which document of a workload a <see cref="FieldOrigin"/> refers to.</summary>
public enum WorkloadDocument
{
    /// <summary>The StatefulSet.</summary>
    StatefulSet,

    /// <summary>The governing (headless) Service.</summary>
    Service,

    /// <summary>The PodDisruptionBudget.</summary>
    DisruptionBudget,

    /// <summary>
    /// An object the workload owns (ConfigMap, ServiceAccount, client Service, NetworkPolicy ...), named by
    /// <see cref="FieldOrigin.Object"/>.
    /// </summary>
    Owned,
}

/// <summary>
/// Records that a DSL call set the field at <paramref name="Path"/> (or the subtree beneath it).
/// <paramref name="Token"/> is <see cref="DslCallSite.Current"/> at the time of the call: null at runtime, the call's
/// syntax location token during compile-time evaluation. A validation error maps to the origin with the longest
/// path that contains the error's path.
/// </summary>
/// <param name="Path">The Kubernetes field path the call set, within <see cref="Document"/>.</param>
/// <param name="Token">The ambient call-site token, or null.</param>
public sealed record FieldOrigin(FieldPath Path, object? Token)
{
    /// <summary>The document the path lies in (default: the StatefulSet).</summary>
    public WorkloadDocument Document { get; init; } = WorkloadDocument.StatefulSet;

    /// <summary>
    /// For an owned object, which one: <c>Kind "name"</c> as validation errors name it in <see cref="FieldError.Object"/>
    /// (see <see cref="OwnedObjects.Subject(Model.IKubernetesObject)"/>); null for the StatefulSet, its Service and its budget.
    /// </summary>
    public string? Object { get; init; }
}
