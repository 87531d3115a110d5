namespace StatefulManifests.Generators.Evaluation;

/// <summary>
/// The value the evaluator puts in <see cref="DslCallSite.Current"/> while a DSL call runs. Builders stamp the
/// fields they set with it, so a validation error's field path leads back to the call (by plan node id, which
/// the analyzers map to a source location) and, through the argument values, to the argument that caused it.
/// </summary>
internal sealed class CallSiteToken
{
    /// <summary>Creates a token.</summary>
    public CallSiteToken(int callId, IReadOnlyList<int> argumentIds, IReadOnlyList<object?> arguments)
    {
        CallId = callId;
        ArgumentIds = argumentIds;
        Arguments = arguments;
    }

    /// <summary>The plan node id of the call.</summary>
    public int CallId { get; }

    /// <summary>The plan node id of each argument, in parameter order.</summary>
    public IReadOnlyList<int> ArgumentIds { get; }

    /// <summary>The evaluated arguments, in parameter order.</summary>
    public IReadOnlyList<object?> Arguments { get; }
}
