namespace StatefulManifests.Generators.Evaluation;

/// <summary>
/// A node of a plan: the function it belongs to (by key) and its id there. The analyzers map it to a source location
/// through the lowered program's location tables; the interpreter uses it to say where a value was written.
/// </summary>
/// <param name="Function">The function key.</param>
/// <param name="Node">The node's id within the function.</param>
internal readonly record struct SourceRef(string? Function, int Node)
{
    /// <summary>No node: a value that came from outside the plan (an argument the DSL passed to a lambda).</summary>
    public static SourceRef None => default;

    /// <summary>True when this refers to a node.</summary>
    public bool IsKnown => Function is not null;
}

/// <summary>The user call sites around a DSL call, innermost first: an immutable list, so capturing it is free.</summary>
/// <param name="Site">The call of a user function.</param>
/// <param name="Next">The call that called it, or null at the declaration.</param>
internal sealed record CallChain(SourceRef Site, CallChain? Next)
{
    /// <summary>The outermost call: the one written in the declaration itself.</summary>
    public SourceRef Outermost
    {
        get
        {
            var chain = this;
            while (chain.Next is not null)
            {
                chain = chain.Next;
            }

            return chain.Site;
        }
    }
}
