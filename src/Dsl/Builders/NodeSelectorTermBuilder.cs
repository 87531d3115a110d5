using StatefulManifests.Model;

namespace StatefulManifests;

/// <summary>Builds a node selector term: requirements on node labels (<c>matchExpressions</c>) or fields (<c>matchFields</c>), ANDed.</summary>
public sealed class NodeSelectorTermBuilder : ModelBuilder<NodeSelectorTermBuilder, NodeSelectorTerm>
{
    internal NodeSelectorTermBuilder(NodeSelectorTerm model)
        : base(model, ValueList<LocalOrigin>.Empty)
    {
    }

    private NodeSelectorTermBuilder(NodeSelectorTerm model, ValueList<LocalOrigin> origins)
        : base(model, origins)
    {
    }

    /// <summary>Appends a <c>matchExpressions</c> requirement on a node label (values for In, NotIn, Gt, Lt).</summary>
    public NodeSelectorTermBuilder MatchExpression(string key, NodeSelectorOperator @operator, params string[] values) =>
        Set(
            RelativePath.Of("matchExpressions").Index(ModelLists.NextIndex(Model.MatchExpressions)),
            t => t with { MatchExpressions = ModelLists.Append(t.MatchExpressions, Requirement(key, @operator, values)) });

    /// <summary>Appends a <c>matchFields</c> requirement on a node field (only <c>metadata.name</c> is supported by Kubernetes).</summary>
    public NodeSelectorTermBuilder MatchField(string key, NodeSelectorOperator @operator, params string[] values) =>
        Set(
            RelativePath.Of("matchFields").Index(ModelLists.NextIndex(Model.MatchFields)),
            t => t with { MatchFields = ModelLists.Append(t.MatchFields, Requirement(key, @operator, values)) });

    /// <summary>Model-level escape hatch. Compile-time evaluation may not support arbitrary lambdas.</summary>
    public NodeSelectorTermBuilder Modify(Func<NodeSelectorTerm, NodeSelectorTerm> update) => ModifyModel(update);

    private protected override NodeSelectorTermBuilder With(NodeSelectorTerm model, ValueList<LocalOrigin> origins) => new(model, origins);

    private static NodeSelectorRequirement Requirement(string key, NodeSelectorOperator @operator, string[] values) => new()
    {
        Key = key,
        Operator = @operator,
        Values = values is { Length: > 0 } ? values.ToValueList() : null,
    };
}
