using StatefulManifests.Model;

namespace StatefulManifests.Validation;

/// <summary>
/// The policy/v1 PodDisruptionBudget on create (<c>ValidatePodDisruptionBudget</c>): a DNS-1123 subdomain name,
/// at most one of minAvailable and maxUnavailable, each a non-negative integer or a percentage up to 100%, a valid
/// selector and a known unhealthyPodEvictionPolicy.
/// </summary>
internal static class DisruptionBudgetRules
{
    /// <summary>Validates <paramref name="budget"/> into <paramref name="errors"/>.</summary>
    public static void Validate(PodDisruptionBudget budget, ValidationErrors errors)
    {
        ObjectMetaRules.Validate(budget.Metadata, NameRules.NameIsDnsSubdomain, FieldPath.Root("metadata"), errors);
        var spec = budget.Spec ?? new PodDisruptionBudgetSpec();
        var path = FieldPath.Root("spec");
        if (spec.MinAvailable is not null && spec.MaxUnavailable is not null)
        {
            errors.Invalid(path, spec, "minAvailable and maxUnavailable cannot be both set");
        }

        if (spec.MinAvailable is { } minAvailable)
        {
            ValueRules.IntOrPercent(errors, path.Child("minAvailable"), minAvailable);
            ValueRules.NotMoreThan100Percent(errors, path.Child("minAvailable"), minAvailable);
        }

        if (spec.MaxUnavailable is { } maxUnavailable)
        {
            ValueRules.IntOrPercent(errors, path.Child("maxUnavailable"), maxUnavailable);
            ValueRules.NotMoreThan100Percent(errors, path.Child("maxUnavailable"), maxUnavailable);
        }

        LabelSelectorRules.Validate(spec.Selector, path.Child("selector"), errors);
        if (spec.UnhealthyPodEvictionPolicy is { IsKnown: false } policy)
        {
            errors.NotSupported(path.Child("unhealthyPodEvictionPolicy"), policy.Value, ValueRules.Sorted<UnhealthyPodEvictionPolicy>());
        }
    }
}
