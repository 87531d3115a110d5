using StatefulManifests.Model;

namespace StatefulManifests.Rules.Support;

/// <summary>
/// Selector helpers for rule messages. Matching delegates to <see cref="LabelSelector.Matches(LabelSelector?, IReadOnlyDictionary{string, string})"/>
/// (Kubernetes' semantics: null selects nothing, empty selects everything); this class adds Service-style map
/// selectors and the human-readable descriptions findings print.
/// </summary>
internal static class LabelSelectors
{
    private static readonly IReadOnlyDictionary<string, string> NoLabels = ValueMap<string>.Empty;

    /// <summary>True when <paramref name="selector"/> selects an object carrying <paramref name="labels"/> (the model's matcher).</summary>
    public static bool Matches(LabelSelector? selector, IReadOnlyDictionary<string, string>? labels) =>
        LabelSelector.Matches(selector, labels ?? NoLabels);

    /// <summary>True when every key/value pair of <paramref name="selector"/> is among <paramref name="labels"/> (a Service selector).</summary>
    public static bool MapMatches(IReadOnlyDictionary<string, string>? selector, IReadOnlyDictionary<string, string>? labels)
    {
        labels ??= NoLabels;
        return selector is null || selector.All(pair => labels.TryGetValue(pair.Key, out var value) && value == pair.Value);
    }

    /// <summary>True when one requirement holds for <paramref name="labels"/> (the model's matcher on a one-requirement selector).</summary>
    public static bool Matches(LabelSelectorRequirement requirement, IReadOnlyDictionary<string, string> labels) =>
        new LabelSelector { MatchExpressions = ValueList.Of(requirement) }.Matches(labels);

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
