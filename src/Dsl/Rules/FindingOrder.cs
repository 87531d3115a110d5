namespace StatefulManifests.Rules;

/// <summary>
/// The deterministic order of findings: by file, line and column when positioned, then by object, field path,
/// rule ID and message (all ordinal, so the order is the same in every culture).
/// </summary>
internal sealed class FindingOrder : IComparer<Finding>
{
    public static FindingOrder Instance { get; } = new();

    public int Compare(Finding? x, Finding? y)
    {
        if (ReferenceEquals(x, y))
        {
            return 0;
        }

        if (x is null || y is null)
        {
            return x is null ? -1 : 1;
        }

        var c = string.CompareOrdinal(x.Position?.File, y.Position?.File);
        c = c != 0 ? c : (x.Position?.Line ?? 0).CompareTo(y.Position?.Line ?? 0);
        c = c != 0 ? c : (x.Position?.Column ?? 0).CompareTo(y.Position?.Column ?? 0);
        c = c != 0 ? c : x.Subject.CompareTo(y.Subject);
        c = c != 0 ? c : string.CompareOrdinal(x.Path.ToString(), y.Path.ToString());
        c = c != 0 ? c : string.CompareOrdinal(x.RuleId, y.RuleId);
        return c != 0 ? c : string.CompareOrdinal(x.Message, y.Message);
    }
}
