namespace StatefulManifests.Rules;

/// <summary>Which object of a workload a finding's field path is in.</summary>
public enum FindingSubject
{
    /// <summary>The StatefulSet.</summary>
    StatefulSet,

    /// <summary>The governing Service.</summary>
    Service,

    /// <summary>The PodDisruptionBudget.</summary>
    PodDisruptionBudget,

    /// <summary>An object the workload owns (a ConfigMap, a NetworkPolicy ...), named by <see cref="Finding.Object"/>.</summary>
    OwnedObject,

    /// <summary>A manifest document as a whole (a YAML syntax error, an object of a removed API version).</summary>
    Document,
}
