using StatefulManifests.Validation;

namespace StatefulManifests.Generators.Evaluation;

/// <summary>
/// Where to report a problem: the primary node, and the other nodes on the value's way there (the helper's argument a
/// caller's value was passed through).
/// </summary>
/// <param name="Primary">The node the diagnostic is on.</param>
/// <param name="Related">Additional nodes, as additional locations.</param>
internal readonly record struct ProblemSite(SourceRef Primary, IReadOnlyList<SourceRef> Related)
{
    /// <summary>A site with no related nodes.</summary>
    public static ProblemSite At(SourceRef node) => new(node, []);
}

/// <summary>
/// Maps a problem at a field path of an evaluated workload to the plan node that caused it: the DSL call whose
/// recorded origin has the longest field path containing the problem's path (the latest such call on a tie), and
/// within that call the argument whose value is the bad value, when exactly one matches — reported where that value
/// was written (a literal the caller passed into a helper lands on the caller's argument, with the helper's argument
/// as a related location). A field no call set (the DSL derived it) can be traced by its bad value alone.
/// </summary>
internal static class OriginLocator
{
    /// <summary>The site to report the problem on, or null (the declaration itself).</summary>
    /// <param name="origins">The evaluated builder's origins.</param>
    /// <param name="path">The problem's field path.</param>
    /// <param name="document">The document the path is in.</param>
    /// <param name="isBadValue">Tells the argument holding the offending value, when that value is known.</param>
    /// <param name="traceDerived">
    /// Whether a path no call set may be traced to any call with an argument holding the bad value: right for a
    /// validator's typed bad value, too loose for a plain text such as a name that many calls pass.
    /// </param>
    /// <param name="ownedObject">For an owned object's problem, which object (<c>Kind "name"</c>): only its calls count.</param>
    public static ProblemSite? Locate(IReadOnlyList<FieldOrigin> origins, FieldPath path, WorkloadDocument document, Func<object, bool>? isBadValue, bool traceDerived, string? ownedObject = null)
    {
        FieldOrigin? best = null;
        foreach (var origin in origins)
        {
            if (origin.Token is CallSiteToken && origin.Document == document && origin.Object == ownedObject && path.IsWithin(origin.Path)
                && (best is null || origin.Path.ToString().Length >= best.Path.ToString().Length))
            {
                best = origin;
            }
        }

        if (best?.Token is CallSiteToken token)
        {
            var matches = MatchingArguments(token, isBadValue).ToList();
            return matches.Count == 1 ? ArgumentSite(token, matches[0])
                : ItemAt(token, path, isBadValue) is { } item ? ProblemSite.At(item.Node)
                : ProblemSite.At(token.Call);
        }

        for (var i = origins.Count - 1; traceDerived && i >= 0; i--)
        {
            if (origins[i].Token is CallSiteToken candidate && MatchingArguments(candidate, isBadValue).ToList() is { Count: 1 } only)
            {
                return ArgumentSite(candidate, only[0]);
            }
        }

        return null;
    }

    /// <summary>An argument's site: where its value was written, with the DSL call's own argument as related when they differ.</summary>
    public static ProblemSite ArgumentSite(CallSiteToken token, int index)
    {
        var node = token.ArgumentNodes[index];
        var written = token.ArgumentOrigins[index];
        return written.IsKnown && written != node ? new ProblemSite(written, [node]) : ProblemSite.At(node);
    }

    /// <summary>The document a validation error is about: the validator names the Service or budget in <see cref="FieldError.Object"/>.</summary>
    public static WorkloadDocument DocumentOf(FieldError error) => WorkloadDocuments.Of(error);

    /// <summary>As <see cref="DocumentOf(FieldError)"/>, telling the workload's own Services from the governing one.</summary>
    public static WorkloadDocument DocumentOf(FieldError error, IEnumerable<Model.IKubernetesObject> owned) => WorkloadDocuments.Of(error, owned);

    /// <summary>Recognises the validator's bad value in an argument: equal, or formatted alike (an int for a long).</summary>
    public static Func<object, bool>? IsBadValue(FieldError error)
    {
        if (error.BadValue is not { } badValue)
        {
            return null;
        }

        var expected = FieldError.FormatValue(badValue);
        return argument => Equals(argument, badValue) || FieldError.FormatValue(argument) == expected;
    }

    /// <summary>
    /// The list item a problem at <c>list[i]</c> or <c>map[key]</c> is about: the entry with that key whose value is
    /// null or the bad value, else the call's only null list item. Null when there is no such item or it is ambiguous
    /// (two nulls in one list: the error stays on the call rather than guess).
    /// </summary>
    private static ArgumentItem? ItemAt(CallSiteToken token, FieldPath path, Func<object, bool>? isBadValue)
    {
        if (token.Items.Count == 0 || !path.IsEntry)
        {
            return null;
        }

        // The raw key, not the display text: a key with a lone surrogate is escaped in ToString().
        var key = path.LastSegment;
        var byKey = token.Items.Where(i => i.Key == key && (i.Value is null || isBadValue is not null && isBadValue(i.Value))).ToList();
        if (byKey.Count == 1)
        {
            return byKey[0];
        }

        var listItems = token.Items.Where(i => i.Value is null && i.Key is null).ToList();
        return listItems.Count == 1 ? listItems[0] : null;
    }

    private static IEnumerable<int> MatchingArguments(CallSiteToken token, Func<object, bool>? isBadValue)
    {
        if (isBadValue is null)
        {
            yield break;
        }

        for (var i = 0; i < token.Arguments.Count; i++)
        {
            var argument = token.Arguments[i];
            if (argument is not null and not Delegate && isBadValue(argument))
            {
                yield return i;
            }
        }
    }
}
