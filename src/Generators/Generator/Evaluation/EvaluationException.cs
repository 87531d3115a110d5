namespace StatefulManifests.Generators.Evaluation;

/// <summary>
/// Evaluating a plan failed at a node: the DSL or a framework member threw, a value could not be converted, the code
/// threw, or a budget ran out. Carries the node (the analyzers map it to the exact syntax) and a message for the user.
/// </summary>
internal sealed class EvaluationException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="node">Where it failed.</param>
    /// <param name="message">What happened, for the user.</param>
    /// <param name="inner">The exception behind it.</param>
    /// <param name="isLimitation">
    /// True when the evaluator cannot do what the code does (a budget, a member it cannot run) — running the code at
    /// build may still succeed; false when the code itself fails (it throws, indexes out of range, divides by zero).
    /// </param>
    public EvaluationException(SourceRef node, string message, Exception? inner = null, bool isLimitation = false)
        : base(message, inner)
    {
        Node = node;
        IsLimitation = isLimitation;
    }

    /// <summary>The node that failed.</summary>
    public SourceRef Node { get; }

    /// <summary>True when the failure is a limit of compile-time evaluation rather than of the code.</summary>
    public bool IsLimitation { get; }
}
