namespace StatefulManifests.Validation;

/// <summary>Which document of a workload an error is about, from the object the validator and the patcher name in it.</summary>
public static class WorkloadDocuments
{
    /// <summary>
    /// The document of <paramref name="error"/>: its <see cref="FieldError.Object"/> starts with the kind
    /// (<c>Service "web"</c>, <c>PodDisruptionBudget "web"</c>); without one, the StatefulSet.
    /// </summary>
    /// <remarks>
    /// An error naming another kind is about an owned object (<see cref="WorkloadDocument.Owned"/>). An error on a
    /// Service is about the governing Service (see the overload that tells owned Services apart).
    /// </remarks>
    public static WorkloadDocument Of(FieldError error) => Of(error, null);

    /// <summary>As <see cref="Of(FieldError)"/>, telling the workload's own Services from the governing one by name.</summary>
    /// <param name="error">The error.</param>
    /// <param name="owned">The workload's owned objects, or null.</param>
    public static WorkloadDocument Of(FieldError error, IEnumerable<Model.IKubernetesObject>? owned) =>
        (error ?? throw new ArgumentNullException(nameof(error))).Object switch
        {
            null => WorkloadDocument.StatefulSet,
            { } o when OwnedObjects.IsOfKind(o, "Service") =>
                owned?.OfType<Model.Service>().Any(s => OwnedObjects.Subject(s) == o) == true ? WorkloadDocument.Owned : WorkloadDocument.Service,
            { } o when OwnedObjects.IsOfKind(o, "PodDisruptionBudget") => WorkloadDocument.DisruptionBudget,
            _ => WorkloadDocument.Owned,
        };
}
