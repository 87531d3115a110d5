using StatefulManifests.Model;

namespace StatefulManifests.Validation;

/// <summary>
/// Every create-time rule the Kubernetes API server applies to a StatefulSet, its governing Service and its
/// PodDisruptionBudget (reference §C), plus limits validation misses but that break clusters.
/// </summary>
public static class WorkloadValidator
{
    /// <summary>Validates a StatefulSet and, when given, its Service and PodDisruptionBudget. Returns every error at once.</summary>
    public static IReadOnlyList<FieldError> Validate(StatefulSet statefulSet, Service? service = null, PodDisruptionBudget? disruptionBudget = null)
    {
        // Placeholder while the validator is written in a parallel branch (replaced before anything is submitted).
        _ = statefulSet;
        _ = service;
        _ = disruptionBudget;
        return [];
    }
}
