using StatefulManifests.Model;

namespace StatefulManifests;

/// <summary>Builds node affinity (<c>affinity.nodeAffinity</c>): which nodes the pods may or prefer to run on.</summary>
public sealed class NodeAffinityBuilder : ModelBuilder<NodeAffinityBuilder, NodeAffinity>
{
    internal NodeAffinityBuilder(NodeAffinity model)
        : base(model, ValueList<LocalOrigin>.Empty)
    {
    }

    private NodeAffinityBuilder(NodeAffinity model, ValueList<LocalOrigin> origins)
        : base(model, origins)
    {
    }

    /// <summary>
    /// Appends a term to <c>requiredDuringSchedulingIgnoredDuringExecution.nodeSelectorTerms</c>. Terms are ORed;
    /// the requirements within a term are ANDed.
    /// </summary>
    public NodeAffinityBuilder Required(Func<NodeSelectorTermBuilder, NodeSelectorTermBuilder> term)
    {
        var index = ModelLists.NextIndex(Model.RequiredDuringSchedulingIgnoredDuringExecution?.NodeSelectorTerms);
        return Nest(
            RelativePath.Of("requiredDuringSchedulingIgnoredDuringExecution", "nodeSelectorTerms").Index(index),
            new NodeSelectorTermBuilder(new NodeSelectorTerm()),
            term,
            (a, t) => a with
            {
                RequiredDuringSchedulingIgnoredDuringExecution = new NodeSelector
                {
                    NodeSelectorTerms = ModelLists.Append(a.RequiredDuringSchedulingIgnoredDuringExecution?.NodeSelectorTerms, t.Model),
                },
            });
    }

    /// <summary>Appends a preference with <paramref name="weight"/> (1-100) to <c>preferredDuringSchedulingIgnoredDuringExecution</c>.</summary>
    public NodeAffinityBuilder Preferred(int weight, Func<NodeSelectorTermBuilder, NodeSelectorTermBuilder> term)
    {
        var path = RelativePath.Of("preferredDuringSchedulingIgnoredDuringExecution").Index(ModelLists.NextIndex(Model.PreferredDuringSchedulingIgnoredDuringExecution));
        return Nest(
            path,
            new NodeSelectorTermBuilder(new NodeSelectorTerm()),
            term,
            (a, t) => a with
            {
                PreferredDuringSchedulingIgnoredDuringExecution = ModelLists.Append(
                    a.PreferredDuringSchedulingIgnoredDuringExecution,
                    new PreferredSchedulingTerm { Weight = weight, Preference = t.Model }),
            },
            path.Child("preference"));
    }

    /// <summary>Model-level escape hatch. Compile-time evaluation may not support arbitrary lambdas.</summary>
    public NodeAffinityBuilder Modify(Func<NodeAffinity, NodeAffinity> update) => ModifyModel(update);

    private protected override NodeAffinityBuilder With(NodeAffinity model, ValueList<LocalOrigin> origins) => new(model, origins);
}
