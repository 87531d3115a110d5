using StatefulManifests.Model;

namespace StatefulManifests;

/// <summary>Label selector updates the builders share.</summary>
internal static class SelectorEdits
{
    /// <summary>A selector with <paramref name="labels"/> added to its matchLabels (the placeholder is replaced, not extended).</summary>
    public static LabelSelector WithLabels(LabelSelector? selector, (string Key, string Value)[] labels)
    {
        var current = SelectorLabelsPlaceholder.Is(selector) ? null : selector;
        return (current ?? new LabelSelector()) with { MatchLabels = ModelLists.SetPairs(current?.MatchLabels, labels) };
    }

    /// <summary>A selector with a requirement appended to its matchExpressions.</summary>
    public static LabelSelector WithExpression(LabelSelector? selector, string key, LabelSelectorOperator @operator, string[] values)
    {
        var current = SelectorLabelsPlaceholder.Is(selector) ? null : selector;
        var requirement = Requirement(key, @operator, values);
        return (current ?? new LabelSelector()) with { MatchExpressions = ModelLists.Append(current?.MatchExpressions, requirement) };
    }

    /// <summary>A requirement; an empty value list is left unset (as Exists and DoesNotExist require).</summary>
    public static LabelSelectorRequirement Requirement(string key, LabelSelectorOperator @operator, string[] values) => new()
    {
        Key = key,
        Operator = @operator,
        Values = values is { Length: > 0 } ? values.ToValueList() : null,
    };

    /// <summary>The index the next matchExpressions entry will get.</summary>
    public static int NextExpressionIndex(LabelSelector? selector) =>
        SelectorLabelsPlaceholder.Is(selector) ? 0 : ModelLists.NextIndex(selector?.MatchExpressions);
}
