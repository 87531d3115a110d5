namespace StatefulManifests.Model;

/// <summary>The operators of Kubernetes' internal label selector (<c>labels.Requirement</c>) that label selectors use.</summary>
internal enum SelectorOperator
{
    Equals,
    In,
    NotIn,
    Exists,
    DoesNotExist,
}

/// <summary>
/// One requirement of a label selector in Kubernetes' internal form (<c>labels.Requirement</c>): what
/// <c>LabelSelectorAsSelector</c> turns each matchLabels entry and matchExpressions item into.
/// </summary>
internal sealed class SelectorRequirement(string key, SelectorOperator op, IReadOnlyList<string> values)
{
    public string Key { get; } = key;

    public SelectorOperator Operator { get; } = op;

    public IReadOnlyList<string> Values { get; } = values;

    /// <summary><c>Requirement.Matches</c>: NotIn and DoesNotExist also match when the label is absent.</summary>
    public bool Matches(IReadOnlyDictionary<string, string> labels)
    {
        var has = labels.TryGetValue(Key, out var value);
        return Operator switch
        {
            SelectorOperator.Equals or SelectorOperator.In => has && Values.Contains(value, StringComparer.Ordinal),
            SelectorOperator.NotIn => !has || !Values.Contains(value, StringComparer.Ordinal),
            SelectorOperator.Exists => has,
            _ => !has,
        };
    }

    /// <summary><c>Requirement.String()</c>: <c>!key</c>, <c>key</c>, <c>key=value</c>, <c>key in (a,b)</c> (values sorted).</summary>
    public override string ToString()
    {
        var sorted = string.Join(",", Values.OrderBy(v => v, StringComparer.Ordinal));
        return Operator switch
        {
            SelectorOperator.Equals => Key + "=" + sorted,
            SelectorOperator.In => Key + " in (" + sorted + ")",
            SelectorOperator.NotIn => Key + " notin (" + sorted + ")",
            SelectorOperator.Exists => Key,
            _ => "!" + Key,
        };
    }
}
