using StatefulManifests.Model;
using StatefulManifests.Validation;

namespace StatefulManifests.Reconciliation;

/// <summary>
/// The API server's validation of a StatefulSet status write (reference §A.1 — pkg/apis/apps/v1/defaults.go status rules, §B.12 — ValidateStatefulSetStatus in pkg/apis/apps/validation/validation.go): every counter
/// ≥ 0; ready, current, updated and available ≤ replicas; available ≤ ready; collisionCount never decreases.
/// </summary>
internal static class StatusValidation
{
    public static IReadOnlyList<FieldError> Validate(StatefulSetStatus status, StatefulSetStatus? stored)
    {
        var errors = new List<FieldError>();
        var root = FieldPath.Root("status");
        NonNegative(errors, root.Child("replicas"), status.Replicas);
        NonNegative(errors, root.Child("readyReplicas"), status.ReadyReplicas);
        NonNegative(errors, root.Child("currentReplicas"), status.CurrentReplicas);
        NonNegative(errors, root.Child("updatedReplicas"), status.UpdatedReplicas);
        NonNegative(errors, root.Child("availableReplicas"), status.AvailableReplicas);
        if (status.ObservedGeneration is < 0)
        {
            errors.Add(FieldError.Invalid(root.Child("observedGeneration"), status.ObservedGeneration, "must be greater than or equal to 0"));
        }

        NonNegative(errors, root.Child("collisionCount"), status.CollisionCount);
        var replicas = status.Replicas ?? 0;
        NotAbove(errors, root.Child("readyReplicas"), status.ReadyReplicas, replicas, "status.replicas");
        NotAbove(errors, root.Child("currentReplicas"), status.CurrentReplicas, replicas, "status.replicas");
        NotAbove(errors, root.Child("updatedReplicas"), status.UpdatedReplicas, replicas, "status.replicas");
        NotAbove(errors, root.Child("availableReplicas"), status.AvailableReplicas, replicas, "status.replicas");
        NotAbove(errors, root.Child("availableReplicas"), status.AvailableReplicas, status.ReadyReplicas ?? 0, "status.readyReplicas");
        if (stored?.CollisionCount is { } before && (status.CollisionCount ?? 0) < before)
        {
            errors.Add(FieldError.Invalid(root.Child("collisionCount"), status.CollisionCount, "cannot be decremented"));
        }

        return errors;
    }

    private static void NonNegative(List<FieldError> errors, FieldPath path, int? value)
    {
        if (value is < 0)
        {
            errors.Add(FieldError.Invalid(path, value, "must be greater than or equal to 0"));
        }
    }

    private static void NotAbove(List<FieldError> errors, FieldPath path, int? value, int limit, string limitName)
    {
        if (value is { } v && v > limit)
        {
            errors.Add(FieldError.Invalid(path, v, "cannot be greater than " + limitName));
        }
    }
}
