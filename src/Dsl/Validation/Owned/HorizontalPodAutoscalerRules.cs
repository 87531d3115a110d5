using StatefulManifests.Model;

namespace StatefulManifests.Validation;

/// <summary>
/// A HorizontalPodAutoscaler (autoscaling/v2) on create (<c>ValidateHorizontalPodAutoscalerSpec</c>): the scale
/// target named with kind and name, <c>minReplicas</c> at least 1 (0 needs the HPAScaleToZero alpha gate),
/// <c>maxReplicas</c> at least 1 and not below minReplicas, and each metric target's quantities.
/// </summary>
internal static class HorizontalPodAutoscalerRules
{
    /// <summary>Validates <paramref name="autoscaler"/>'s spec into <paramref name="errors"/>.</summary>
    public static void Validate(HorizontalPodAutoscaler autoscaler, ValidationErrors errors)
    {
        var spec = autoscaler.Spec ?? new HorizontalPodAutoscalerSpec();
        var path = FieldPath.Root("spec");
        var target = spec.ScaleTargetRef ?? new CrossVersionObjectReference();
        var targetPath = path.Child("scaleTargetRef");
        if (string.IsNullOrEmpty(target.Kind))
        {
            errors.Required(targetPath.Child("kind"));
        }
        else
        {
            errors.Invalid(targetPath.Child("kind"), target.Kind, NameRules.NameIsPathSegment(target.Kind!, false));
        }

        if (string.IsNullOrEmpty(target.Name))
        {
            errors.Required(targetPath.Child("name"));
        }
        else
        {
            errors.Invalid(targetPath.Child("name"), target.Name, NameRules.NameIsPathSegment(target.Name!, false));
        }

        if (spec.MinReplicas is { } min && min < 1)
        {
            errors.Invalid(path.Child("minReplicas"), min, "must be greater than or equal to 1");
        }

        var max = spec.MaxReplicas ?? 0;
        if (max < 1)
        {
            errors.Invalid(path.Child("maxReplicas"), max, "must be greater than 0");
        }

        if (spec.MinReplicas is { } least && max < least)
        {
            errors.Invalid(path.Child("maxReplicas"), max, "must be greater than or equal to `minReplicas`");
        }

        var metrics = spec.Metrics ?? ValueList<MetricSpec>.Empty;
        for (var i = 0; i < metrics.Count; i++)
        {
            ValidateTargets(metrics[i] ?? new MetricSpec(), path.Child("metrics").Index(i), errors);
        }
    }

    private static void ValidateTargets(MetricSpec metric, FieldPath path, ValidationErrors errors)
    {
        (string Field, MetricTarget? Target)[] sources =
        [
            ("resource", metric.Resource?.Target),
            ("containerResource", metric.ContainerResource?.Target),
            ("pods", metric.Pods?.Target),
            ("object", metric.Object?.Target),
            ("external", metric.External?.Target),
        ];
        foreach (var (field, target) in sources)
        {
            if (target is null)
            {
                continue;
            }

            var at = path.Child(field, "target");
            ValueRules.ValidQuantity(errors, at.Child("averageValue"), target.AverageValue);
            ValueRules.ValidQuantity(errors, at.Child("value"), target.Value);
        }
    }
}
