namespace StatefulManifests.Model;

/// <summary>A PodDisruptionBudget's <c>unhealthyPodEvictionPolicy</c>.</summary>
public enum UnhealthyPodEvictionPolicy
{
    /// <summary>Unhealthy pods may be evicted only while the budget is healthy (the default).</summary>
    IfHealthyBudget,

    /// <summary>Unhealthy running pods may always be evicted.</summary>
    AlwaysAllow,
}
