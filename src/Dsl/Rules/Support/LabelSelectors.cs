using StatefulManifests.Model;

namespace StatefulManifests.Rules.Support;

/// <summary>
/// Label selector matching with Kubernetes' semantics (<c>metav1.LabelSelectorAsSelector</c>): a null selector
/// selects nothing, an empty one selects everything, requirements are ANDed; an unknown operator selects nothing
/// (Kubernetes cannot convert such a selector).
/// </summary>
internal static class LabelSelectors
{
    private static readonly IReadOnlyDictionary<string, string> NoLabels = ValueMap<string>.Empty;

    /// <summary>True when <paramref name="selector"/> selects an object carrying <paramref name="labels"/>.</summary>
    public static bool Matches(LabelSelector? selector, IReadOnlyDictionary<string, string>? labels)
    {
        if (selector is null)
        {
            return false;
        }

        labels ??= NoLabels;
        return MapMatches(selector.MatchLabels, labels) && (selector.MatchExpressions ?? ValueList<LabelSelectorRequirement>.Empty).All(r => Matches(r, labels));
    }

    /// <summary>True when every key/value pair of <paramref name="selector"/> is among <paramref name="labels"/> (a Service selector).</summary>
    public static bool MapMatches(IReadOnlyDictionary<string, string>? selector, IReadOnlyDictionary<string, string>? labels)
    {
        labels ??= NoLabels;
        return selector is null || selector.All(pair => labels.TryGetValue(pair.Key, out var value) && value == pair.Value);
    }

    /// <summary>True when one requirement holds for <paramref name="labels"/>.</summary>
    public static bool Matches(LabelSelectorRequirement requirement, IReadOnlyDictionary<string, string> labels)
    {
        var key = requirement.Key ?? string.Empty;
        var has = labels.TryGetValue(key, out var value);
        var values = requirement.Values ?? ValueList<string>.Empty;
        return requirement.Operator?.Known switch
        {
            LabelSelectorOperator.In => has && values.Contains(value!, StringComparer.Ordinal),
            LabelSelectorOperator.NotIn => !has || !values.Contains(value!, StringComparer.Ordinal),
            LabelSelectorOperator.Exists => has,
            LabelSelectorOperator.DoesNotExist => !has,
            _ => false,
        };
    }

    /// <summary>A selector as text, e.g. <c>app=zk, tier in (db, cache)</c>; "nothing" for null, "everything" for empty.</summary>
    public static string Describe(LabelSelector? selector)
    {
        if (selector is null)
        {
            return "nothing";
        }

        var parts = (selector.MatchLabels ?? ValueMap<string>.Empty).Select(p => p.Key + "=" + p.Value)
            .Concat((selector.MatchExpressions ?? ValueList<LabelSelectorRequirement>.Empty).Select(Describe))
            .ToList();
        return parts.Count == 0 ? "everything" : string.Join(", ", parts);
    }

    /// <summary>One requirement as text, e.g. <c>app in (zk)</c>.</summary>
    public static string Describe(LabelSelectorRequirement requirement)
    {
        var key = requirement.Key ?? string.Empty;
        var values = string.Join(", ", requirement.Values ?? ValueList<string>.Empty);
        return requirement.Operator?.Known switch
        {
            LabelSelectorOperator.In => key + " in (" + values + ")",
            LabelSelectorOperator.NotIn => key + " notin (" + values + ")",
            LabelSelectorOperator.Exists => key,
            LabelSelectorOperator.DoesNotExist => "!" + key,
            _ => key + " " + (requirement.Operator?.Value ?? "?") + " (" + values + ")",
        };
    }

    /// <summary>A label map as text, e.g. <c>{app=zk, tier=db}</c>, or <c>{}</c>.</summary>
    public static string Describe(IReadOnlyDictionary<string, string>? labels) =>
        "{" + string.Join(", ", (labels ?? NoLabels).OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => p.Key + "=" + p.Value)) + "}";
}
