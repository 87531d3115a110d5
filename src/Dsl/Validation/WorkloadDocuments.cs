namespace StatefulManifests.Validation;

/// <summary>Which document of a workload an error is about, from the object the validator and the patcher name in it.</summary>
public static class WorkloadDocuments
{
    /// <summary>
    /// The document of <paramref name="error"/>: its <see cref="FieldError.Object"/> starts with the kind
    /// (<c>Service "web"</c>, <c>PodDisruptionBudget "web"</c>); without one, the StatefulSet.
    /// </summary>
    public static WorkloadDocument Of(FieldError error) => (error ?? throw new ArgumentNullException(nameof(error))).Object switch
    {
        { } o when o.StartsWith("Service", StringComparison.Ordinal) => WorkloadDocument.Service,
        { } o when o.StartsWith("PodDisruptionBudget", StringComparison.Ordinal) => WorkloadDocument.DisruptionBudget,
        _ => WorkloadDocument.StatefulSet,
    };
}
