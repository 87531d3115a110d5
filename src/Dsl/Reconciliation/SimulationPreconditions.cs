using StatefulManifests.Model;
using StatefulManifests.Validation;

namespace StatefulManifests.Reconciliation;

/// <summary>
/// The rules the simulation cannot run without (a set with no name, no selector, no template, a selector that does
/// not select its own pods, negative sizes, or an unparsable maxUnavailable). They are API-server rules (§C.1 — ValidateStatefulSet in pkg/apis/apps/validation/validation.go), worded
/// as Kubernetes words them; they apply even when <see cref="SimulationOptions.Validate"/> is off.
/// </summary>
internal static class SimulationPreconditions
{
    public static IEnumerable<FieldError> Check(StatefulSet set)
    {
        if (string.IsNullOrEmpty(set.Metadata?.Name))
        {
            yield return FieldError.Required(FieldPath.Root("metadata").Child("name"), "name or generateName is required");
        }

        var spec = set.Spec ?? new StatefulSetSpec();
        var path = FieldPath.Root("spec");
        if (spec.Selector is null)
        {
            yield return FieldError.Required(path.Child("selector"));
        }
        else if ((spec.Selector.MatchLabels?.Count ?? 0) == 0 && (spec.Selector.MatchExpressions?.Count ?? 0) == 0)
        {
            yield return FieldError.Invalid(path.Child("selector"), spec.Selector, "empty selector is invalid for statefulset");
        }

        if (spec.Template is null)
        {
            yield return FieldError.Required(path.Child("template"));
        }
        else if (spec.Selector is not null && !LabelSelectors.Matches(spec.Selector, spec.Template.Metadata?.Labels ?? ValueMap<string>.Empty))
        {
            yield return FieldError.Invalid(path.Child("template", "metadata", "labels"), spec.Template.Metadata?.Labels, "`selector` does not match template `labels`");
        }

        if (spec.Replicas is < 0)
        {
            yield return FieldError.Invalid(path.Child("replicas"), spec.Replicas, "must be greater than or equal to 0");
        }

        if (spec.Ordinals?.Start is < 0)
        {
            yield return FieldError.Invalid(path.Child("ordinals", "start"), spec.Ordinals.Start, "must be greater than or equal to 0");
        }

        if (SimulationLimits.HighestOrdinalOverflows(spec.Ordinals?.Start ?? 0, spec.Replicas ?? 1))
        {
            // Kubernetes' controller counts in Go's 64-bit int; an int32 ordinal would wrap and name a pod the set never owns.
            yield return FieldError.Invalid(path.Child("ordinals", "start"), spec.Ordinals!.Start, "ordinals.start + replicas - 1 (the highest ordinal) must be at most 2147483647");
        }

        var rollingUpdate = spec.UpdateStrategy?.RollingUpdate;
        if (rollingUpdate?.Partition is < 0)
        {
            yield return FieldError.Invalid(path.Child("updateStrategy", "rollingUpdate", "partition"), rollingUpdate.Partition, "must be greater than or equal to 0");
        }

        if (rollingUpdate?.MaxUnavailable is { } maxUnavailable && MaxUnavailableProblem(maxUnavailable) is { } problem)
        {
            yield return FieldError.Invalid(path.Child("updateStrategy", "rollingUpdate", "maxUnavailable"), maxUnavailable.IsString ? maxUnavailable.StringValue : maxUnavailable.IntValue, problem);
        }
    }

    private static string? MaxUnavailableProblem(IntOrString value)
    {
        if (!value.IsString)
        {
            return value.IntValue < 0 ? "must be greater than or equal to 0" : value.IntValue == 0 ? "cannot be 0" : null;
        }

        var text = value.StringValue!;
        if (!value.IsPercent || !int.TryParse(text.Substring(0, text.Length - 1), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var percent))
        {
            return "a valid percent string must be a numeric string followed by an ending '%' (e.g. '1%',  or '93%', regex used for validation is '[0-9]+%')";
        }

        return percent == 0 ? "cannot be 0" : percent > 100 ? "must not be greater than 100%" : null;
    }
}
