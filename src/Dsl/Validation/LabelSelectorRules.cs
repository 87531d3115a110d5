using StatefulManifests.Model;

namespace StatefulManifests.Validation;

/// <summary>
/// Label selectors (<c>ValidateLabelSelector</c> with strict label values): matchLabels must be valid labels;
/// each matchExpression needs a supported operator, values for <c>In</c>/<c>NotIn</c>, none for
/// <c>Exists</c>/<c>DoesNotExist</c>, a qualified-name key and valid label values.
/// </summary>
internal static class LabelSelectorRules
{
    /// <summary>Validates a selector (null is valid: it selects nothing).</summary>
    public static void Validate(LabelSelector? selector, FieldPath path, ValidationErrors errors)
    {
        if (selector is null)
        {
            return;
        }

        ObjectMetaRules.ValidateLabels(selector.MatchLabels, path.Child("matchLabels"), errors);
        var expressions = selector.MatchExpressions ?? ValueList<LabelSelectorRequirement>.Empty;
        for (var i = 0; i < expressions.Count; i++)
        {
            ValidateRequirement(expressions[i] ?? new LabelSelectorRequirement(), path.Child("matchExpressions").Index(i), errors);
        }
    }

    /// <summary>
    /// True when Kubernetes can turn the selector into a matcher (<c>LabelSelectorAsSelector</c>). That
    /// conversion rejects exactly what strict validation rejects, so a selector converts when it validates clean.
    /// </summary>
    public static bool CanConvert(LabelSelector? selector)
    {
        var scratch = new ValidationErrors();
        Validate(selector, FieldPath.Root("selector"), scratch);
        return scratch.Count == 0;
    }

    /// <summary>True when the selector has no requirement at all (it selects everything).</summary>
    public static bool IsEmpty(LabelSelector selector) =>
        (selector.MatchLabels?.Count ?? 0) + (selector.MatchExpressions?.Count ?? 0) == 0;

    private static void ValidateRequirement(LabelSelectorRequirement requirement, FieldPath path, ValidationErrors errors)
    {
        var values = requirement.Values ?? ValueList<string>.Empty;
        switch (requirement.Operator?.Known)
        {
            case LabelSelectorOperator.In:
            case LabelSelectorOperator.NotIn:
                if (values.Count == 0)
                {
                    errors.Required(path.Child("values"), "must be specified when `operator` is 'In' or 'NotIn'");
                }

                break;
            case LabelSelectorOperator.Exists:
            case LabelSelectorOperator.DoesNotExist:
                if (values.Count > 0)
                {
                    errors.Forbidden(path.Child("values"), "may not be specified when `operator` is 'Exists' or 'DoesNotExist'");
                }

                break;
            default:
                errors.Invalid(path.Child("operator"), requirement.Operator?.Value ?? string.Empty, "not a valid selector operator");
                break;
        }

        ObjectMetaRules.ValidateLabelName(requirement.Key, path.Child("key"), errors);
        for (var i = 0; i < values.Count; i++)
        {
            var value = values[i] ?? string.Empty;
            errors.Invalid(path.Child("values").Index(i), value, NameRules.IsLabelValue(value));
        }
    }
}
