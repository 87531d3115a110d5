namespace StatefulManifests.Generators.Evaluation;

/// <summary>
/// The value the evaluator puts in <see cref="DslCallSite.Current"/> while a DSL call runs. Builders stamp the fields
/// they set with it, so a validation error's field path leads back to the call and, through the argument values, to
/// the argument that caused it — and, when the value came in through a helper's parameters, to where the user wrote it.
/// </summary>
internal sealed class CallSiteToken
{
    /// <summary>Creates a token.</summary>
    public CallSiteToken(SourceRef call, IReadOnlyList<SourceRef> argumentNodes, IReadOnlyList<SourceRef> argumentOrigins, IReadOnlyList<object?> arguments, CallChain? callers, IReadOnlyList<ArgumentItem>? items = null)
    {
        Items = items ?? [];
        Call = call;
        ArgumentNodes = argumentNodes;
        ArgumentOrigins = argumentOrigins;
        Arguments = arguments;
        Callers = callers;
    }

    /// <summary>The DSL call.</summary>
    public SourceRef Call { get; }

    /// <summary>The call's own argument nodes, in parameter order.</summary>
    public IReadOnlyList<SourceRef> ArgumentNodes { get; }

    /// <summary>
    /// Where each argument's value was written: the argument node itself, or — for a value passed in through
    /// parameters and locals — the expression at the outermost call site that supplied it.
    /// </summary>
    public IReadOnlyList<SourceRef> ArgumentOrigins { get; }

    /// <summary>The evaluated arguments, in parameter order.</summary>
    public IReadOnlyList<object?> Arguments { get; }

    /// <summary>The items written inside the call's list arguments, in order (empty when it has none).</summary>
    public IReadOnlyList<ArgumentItem> Items { get; }

    /// <summary>The user function calls the DSL call ran in, innermost first; null when written in the declaration itself.</summary>
    public CallChain? Callers { get; }
}
