using StatefulManifests.Model;

namespace StatefulManifests.Reconciliation;

/// <summary>Evaluates a <c>metav1.LabelSelector</c> against labels, as <c>LabelSelectorAsSelector</c> does.</summary>
internal static class LabelSelectors
{
    /// <summary>
    /// True when <paramref name="labels"/> satisfy every matchLabels entry and matchExpressions requirement. A null
    /// selector matches nothing; an empty one matches everything (validation rejects both for StatefulSets).
    /// </summary>
    public static bool Matches(LabelSelector? selector, IReadOnlyDictionary<string, string> labels)
    {
        if (selector is null)
        {
            return false;
        }

        if (selector.MatchLabels is { } matchLabels)
        {
            foreach (var pair in matchLabels)
            {
                if (!labels.TryGetValue(pair.Key, out var value) || value != pair.Value)
                {
                    return false;
                }
            }
        }

        if (selector.MatchExpressions is { } expressions)
        {
            foreach (var requirement in expressions)
            {
                if (!Satisfies(requirement, labels))
                {
                    return false;
                }
            }
        }

        return true;
    }

    private static bool Satisfies(LabelSelectorRequirement requirement, IReadOnlyDictionary<string, string> labels)
    {
        var key = requirement.Key ?? string.Empty;
        var present = labels.TryGetValue(key, out var value);
        var values = requirement.Values ?? ValueList<string>.Empty;
        return requirement.Operator?.Known switch
        {
            LabelSelectorOperator.In => present && values.Contains(value),
            LabelSelectorOperator.NotIn => !present || !values.Contains(value),
            LabelSelectorOperator.Exists => present,
            LabelSelectorOperator.DoesNotExist => !present,
            _ => false,
        };
    }
}
