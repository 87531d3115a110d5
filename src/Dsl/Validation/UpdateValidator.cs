using StatefulManifests.Model;

namespace StatefulManifests.Validation;

/// <summary>
/// The rules the Kubernetes API server (v1.36) applies when an object that already exists is changed: a
/// <c>kubectl apply</c> of a StatefulSet, its governing Service or its PodDisruptionBudget (reference §C.2), and a
/// StatefulSet status write (§B.12). The simulator admits updates and status writes through these same functions.
/// </summary>
/// <remarks>
/// <para>
/// Every method takes the stored object and the update, never throws (nulls are validated as the missing fields
/// they stand for) and returns every error at once, in the API server's order, with Kubernetes field paths.
/// </para>
/// <para>
/// Ratcheting — what an update does not check again: the StatefulSet's name format, its <c>serviceName</c>'s DNS
/// format, its claim templates' specs, and its pod template when the stored template already fails validation.
/// Immutability — one <c>spec: Forbidden: updates to statefulset spec for fields other than ...</c> error for any
/// change to <c>selector</c>, <c>volumeClaimTemplates</c> (any change, including size and storage class),
/// <c>serviceName</c> or <c>podManagementPolicy</c>, compared after defaulting and semantically.
/// </para>
/// </remarks>
public static class UpdateValidator
{
    /// <summary>The API server's message for a change to an immutable part of a StatefulSet's spec.</summary>
    public const string StatefulSetImmutableSpecMessage = StatefulSetUpdateRules.ImmutableSpecMessage;

    /// <summary>Validates <paramref name="updated"/> as an update of the stored <paramref name="stored"/> (<c>ValidateStatefulSetUpdate</c>).</summary>
    /// <param name="stored">The StatefulSet as it is now (e.g. the manifest last released).</param>
    /// <param name="updated">The StatefulSet as it would be written; errors have paths relative to it.</param>
    public static IReadOnlyList<FieldError> ValidateUpdate(StatefulSet stored, StatefulSet updated)
    {
        var errors = new ValidationErrors();
        updated ??= new StatefulSet();
        TextValueRules.Validate(updated, FieldPath.Document, errors);
        StatefulSetUpdateRules.Validate(updated, stored ?? new StatefulSet(), errors);
        return errors.ToList();
    }

    /// <summary>Validates <paramref name="updated"/> as an update of <paramref name="stored"/> (<c>ValidateServiceUpdate</c>); each error's <see cref="FieldError.Object"/> names the Service.</summary>
    /// <param name="stored">The Service as it is now.</param>
    /// <param name="updated">The Service as it would be written.</param>
    public static IReadOnlyList<FieldError> ValidateUpdate(Service stored, Service updated)
    {
        updated ??= new Service();
        var errors = new ValidationErrors(WorkloadValidator.Subject("Service", updated.Metadata));
        TextValueRules.Validate(updated, FieldPath.Document, errors);
        ServiceUpdateRules.Validate(updated, stored ?? new Service(), errors);
        return errors.ToList();
    }

    /// <summary>
    /// Validates <paramref name="updated"/> as an update of <paramref name="stored"/>: in policy/v1 the whole spec is
    /// mutable, so this is the metadata update rules plus the create validation of the new object. Each error's
    /// <see cref="FieldError.Object"/> names the PodDisruptionBudget.
    /// </summary>
    /// <param name="stored">The PodDisruptionBudget as it is now.</param>
    /// <param name="updated">The PodDisruptionBudget as it would be written.</param>
    public static IReadOnlyList<FieldError> ValidateUpdate(PodDisruptionBudget stored, PodDisruptionBudget updated)
    {
        updated ??= new PodDisruptionBudget();
        var errors = new ValidationErrors(WorkloadValidator.Subject("PodDisruptionBudget", updated.Metadata));
        TextValueRules.Validate(updated, FieldPath.Document, errors);
        ObjectMetaUpdateRules.Validate(updated.Metadata, stored?.Metadata, errors);
        DisruptionBudgetRules.Validate(updated, errors);
        return errors.ToList();
    }

    /// <summary>
    /// Validates a write of <paramref name="updated"/>'s status over <paramref name="stored"/> through the status
    /// subresource (<c>ValidateStatefulSetStatusUpdate</c>): counters not negative; ready, current, updated and
    /// available not above replicas; available not above ready; collisionCount "cannot be decremented"; and the
    /// metadata update rules.
    /// </summary>
    /// <param name="stored">The StatefulSet as stored, with the status being replaced.</param>
    /// <param name="updated">The StatefulSet carrying the new status (its spec is ignored, as the subresource ignores it).</param>
    public static IReadOnlyList<FieldError> ValidateStatefulSetStatusUpdate(StatefulSet stored, StatefulSet updated)
    {
        var errors = new ValidationErrors();
        updated ??= new StatefulSet();
        StatefulSetStatusRules.Validate(updated.Status ?? new StatefulSetStatus(), stored?.Status, errors);
        ObjectMetaUpdateRules.Validate(updated.Metadata, stored?.Metadata, errors);
        return errors.ToList();
    }
}
