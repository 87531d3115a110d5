namespace StatefulManifests.Generators.Evaluation;

/// <summary>
/// Executing a plan failed at a node: the DSL threw, a value could not be converted, or the step budget ran out.
/// Carries the node id (the analyzers map it to the exact syntax) and a message for the user.
/// </summary>
internal sealed class EvaluationException : Exception
{
    /// <summary>Creates the exception.</summary>
    public EvaluationException(int nodeId, string message, Exception? inner = null)
        : base(message, inner) => NodeId = nodeId;

    /// <summary>The plan node that failed.</summary>
    public int NodeId { get; }
}
