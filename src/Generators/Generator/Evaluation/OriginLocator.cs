using StatefulManifests.Validation;

namespace StatefulManifests.Generators.Evaluation;

/// <summary>
/// Maps each validation error of an evaluated workload to the plan node that caused it: the DSL call whose
/// recorded origin has the longest field path containing the error's path (the latest such call on a tie), and
/// within that call the argument whose value is the error's bad value, when one matches.
/// </summary>
internal static class OriginLocator
{
    /// <summary>Every error with the id of the call or argument node to report it on (null: the declaration).</summary>
    public static IEnumerable<(FieldError Error, int? NodeId)> Locate(EvaluatedWorkload evaluated)
    {
        var origins = evaluated.Builder?.Origins ?? [];
        foreach (var error in evaluated.Errors)
        {
            var document = DocumentOf(error);
            FieldOrigin? best = null;
            foreach (var origin in origins)
            {
                if (origin.Token is CallSiteToken && origin.Document == document && error.Path.IsWithin(origin.Path)
                    && (best is null || origin.Path.ToString().Length >= best.Path.ToString().Length))
                {
                    best = origin;
                }
            }

            yield return (error, best?.Token is CallSiteToken token ? ArgumentOrCall(token, error) : ArgumentWithValue(origins, error));
        }
    }

    /// <summary>The document an error is about: the validator names the Service or budget in <see cref="FieldError.Object"/>.</summary>
    private static WorkloadDocument DocumentOf(FieldError error) => error.Object switch
    {
        { } o when o.StartsWith("Service", StringComparison.Ordinal) => WorkloadDocument.Service,
        { } o when o.StartsWith("PodDisruptionBudget", StringComparison.Ordinal) => WorkloadDocument.DisruptionBudget,
        _ => WorkloadDocument.StatefulSet,
    };

    private static int ArgumentOrCall(CallSiteToken token, FieldError error)
    {
        var matches = MatchingArguments(token, error).ToList();
        return matches.Count == 1 ? matches[0] : token.CallId;
    }

    /// <summary>
    /// For a field no call set directly (the DSL derived it, as the Service's ports from the containers'): the
    /// latest argument anywhere whose value is the bad value, or null.
    /// </summary>
    private static int? ArgumentWithValue(IReadOnlyList<FieldOrigin> origins, FieldError error)
    {
        for (var i = origins.Count - 1; i >= 0; i--)
        {
            if (origins[i].Token is CallSiteToken token && MatchingArguments(token, error).ToList() is { Count: 1 } only)
            {
                return only[0];
            }
        }

        return null;
    }

    private static IEnumerable<int> MatchingArguments(CallSiteToken token, FieldError error)
    {
        if (error.BadValue is null)
        {
            yield break;
        }

        var expected = FieldError.FormatValue(error.BadValue);
        for (var i = 0; i < token.Arguments.Count; i++)
        {
            var argument = token.Arguments[i];
            if (argument is not null and not Delegate && (Equals(argument, error.BadValue) || FieldError.FormatValue(argument) == expected))
            {
                yield return token.ArgumentIds[i];
            }
        }
    }
}
