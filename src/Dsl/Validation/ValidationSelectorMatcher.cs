using StatefulManifests.Model;

namespace StatefulManifests.Validation;

/// <summary>
/// The minimal label-selector matcher row 24 of the validation rules needs ("selector does not match template
/// labels"). Kept private to validation on purpose: a general <c>LabelSelector</c> parser/matcher is being written
/// in <c>Model/Meta</c>; once it lands, this class should delegate to it (or be removed) so the project has one
/// matcher. Semantics are Kubernetes' <c>labels.Selector.Matches</c> for a selector that converted cleanly.
/// </summary>
internal static class ValidationSelectorMatcher
{
    /// <summary>
    /// True when every requirement of <paramref name="selector"/> holds for <paramref name="labels"/>. An empty
    /// selector matches everything; callers handle a null selector (which matches nothing).
    /// </summary>
    public static bool Matches(LabelSelector selector, IReadOnlyDictionary<string, string>? labels)
    {
        labels ??= ValueMap<string>.Empty;
        foreach (var entry in selector.MatchLabels ?? ValueMap<string>.Empty)
        {
            if (!labels.TryGetValue(entry.Key, out var value) || !string.Equals(value, entry.Value, StringComparison.Ordinal))
            {
                return false;
            }
        }

        foreach (var requirement in selector.MatchExpressions ?? ValueList<LabelSelectorRequirement>.Empty)
        {
            if (requirement is null || !Matches(requirement, labels))
            {
                return false;
            }
        }

        return true;
    }

    private static bool Matches(LabelSelectorRequirement requirement, IReadOnlyDictionary<string, string> labels)
    {
        var has = labels.TryGetValue(requirement.Key ?? string.Empty, out var value);
        var values = requirement.Values ?? ValueList<string>.Empty;
        return requirement.Operator?.Known switch
        {
            LabelSelectorOperator.In => has && values.Contains(value, StringComparer.Ordinal),
            LabelSelectorOperator.NotIn => !has || !values.Contains(value, StringComparer.Ordinal),
            LabelSelectorOperator.Exists => has,
            LabelSelectorOperator.DoesNotExist => !has,
            _ => false,
        };
    }
}
