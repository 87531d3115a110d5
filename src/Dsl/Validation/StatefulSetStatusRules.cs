using StatefulManifests.Model;

namespace StatefulManifests.Validation;

/// <summary>
/// A StatefulSet status write through the status subresource (<c>ValidateStatefulSetStatusUpdate</c> and
/// <c>ValidateStatefulSetStatus</c> in pkg/apis/apps/validation/validation.go, reference §B.12): every counter
/// ≥ 0; ready, current, updated and available ≤ replicas; available ≤ ready; collisionCount never decreases.
/// </summary>
internal static class StatefulSetStatusRules
{
    /// <summary>Validates <paramref name="status"/>, written over <paramref name="stored"/>, into <paramref name="errors"/>.</summary>
    public static void Validate(StatefulSetStatus status, StatefulSetStatus? stored, ValidationErrors errors)
    {
        var root = FieldPath.Root("status");
        ValueRules.NonNegative(errors, root.Child("replicas"), status.Replicas);
        ValueRules.NonNegative(errors, root.Child("readyReplicas"), status.ReadyReplicas);
        ValueRules.NonNegative(errors, root.Child("currentReplicas"), status.CurrentReplicas);
        ValueRules.NonNegative(errors, root.Child("updatedReplicas"), status.UpdatedReplicas);
        ValueRules.NonNegative(errors, root.Child("availableReplicas"), status.AvailableReplicas);
        ValueRules.NonNegative(errors, root.Child("observedGeneration"), status.ObservedGeneration);
        ValueRules.NonNegative(errors, root.Child("collisionCount"), status.CollisionCount);

        // Unset counters are 0 in the Go struct, so they are compared as 0.
        var replicas = status.Replicas ?? 0;
        NotAbove(errors, root.Child("readyReplicas"), status.ReadyReplicas, replicas, "status.replicas");
        NotAbove(errors, root.Child("currentReplicas"), status.CurrentReplicas, replicas, "status.replicas");
        NotAbove(errors, root.Child("updatedReplicas"), status.UpdatedReplicas, replicas, "status.replicas");
        NotAbove(errors, root.Child("availableReplicas"), status.AvailableReplicas, replicas, "status.replicas");
        NotAbove(errors, root.Child("availableReplicas"), status.AvailableReplicas, status.ReadyReplicas ?? 0, "status.readyReplicas");

        // apimachinery's IsDecremented: unsetting a stored count is a decrement too.
        if (stored?.CollisionCount is { } before && (status.CollisionCount is null || status.CollisionCount < before))
        {
            errors.Invalid(root.Child("collisionCount"), status.CollisionCount ?? 0, "cannot be decremented");
        }
    }

    private static void NotAbove(ValidationErrors errors, FieldPath path, int? value, int limit, string limitName)
    {
        if (value is { } v && v > limit)
        {
            errors.Invalid(path, v, "cannot be greater than " + limitName);
        }
    }
}
