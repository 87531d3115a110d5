using StatefulManifests.Model;

namespace StatefulManifests;

/// <summary>
/// Builds a pod (anti-)affinity term: the pods matched by its label selector, counted per topology domain
/// (<c>topologyKey</c>, e.g. <c>kubernetes.io/hostname</c> for nodes or <c>topology.kubernetes.io/zone</c>).
/// </summary>
public sealed class PodAffinityTermBuilder : ModelBuilder<PodAffinityTermBuilder, PodAffinityTerm>
{
    internal PodAffinityTermBuilder(PodAffinityTerm model)
        : base(model, ValueList<LocalOrigin>.Empty)
    {
    }

    private PodAffinityTermBuilder(PodAffinityTerm model, ValueList<LocalOrigin> origins)
        : base(model, origins)
    {
    }

    /// <summary>Sets <c>topologyKey</c> (required by Kubernetes), the node label that defines a domain.</summary>
    public PodAffinityTermBuilder TopologyKey(string key) => Set("topologyKey", t => t with { TopologyKey = key });

    /// <summary>Sets <c>labelSelector</c> to this workload's own selector labels (resolved when the workload is built).</summary>
    public PodAffinityTermBuilder MatchOwnPods() => Set("labelSelector", t => t with { LabelSelector = SelectorLabelsPlaceholder.Instance });

    /// <summary>Adds <c>labelSelector.matchLabels</c>.</summary>
    public PodAffinityTermBuilder MatchLabels(params (string Key, string Value)[] labels) =>
        Set(RelativePath.Of("labelSelector", "matchLabels"), t => t with { LabelSelector = SelectorEdits.WithLabels(t.LabelSelector, labels) });

    /// <summary>Appends a <c>labelSelector.matchExpressions</c> requirement (values only for In and NotIn).</summary>
    public PodAffinityTermBuilder MatchExpression(string key, LabelSelectorOperator @operator, params string[] values) =>
        Set(
            RelativePath.Of("labelSelector", "matchExpressions").Index(SelectorEdits.NextExpressionIndex(Model.LabelSelector)),
            t => t with { LabelSelector = SelectorEdits.WithExpression(t.LabelSelector, key, @operator, values) });

    /// <summary>Sets <c>namespaces</c> the term looks in (default: the pod's namespace).</summary>
    public PodAffinityTermBuilder Namespaces(params string[] namespaces) => Set("namespaces", t => t with { Namespaces = ModelLists.Strings(namespaces) });

    /// <summary>Sets <c>namespaceSelector.matchLabels</c> (an empty selector means all namespaces).</summary>
    public PodAffinityTermBuilder NamespaceSelector(params (string Key, string Value)[] labels) =>
        Set("namespaceSelector", t => t with { NamespaceSelector = new LabelSelector { MatchLabels = ModelLists.SetPairs(null, labels) } });

    /// <summary>Sets <c>matchLabelKeys</c>: label keys whose values are taken from the incoming pod (e.g. <c>controller-revision-hash</c>).</summary>
    public PodAffinityTermBuilder MatchLabelKeys(params string[] keys) => Set("matchLabelKeys", t => t with { MatchLabelKeys = ModelLists.Strings(keys) });

    /// <summary>Sets <c>mismatchLabelKeys</c>.</summary>
    public PodAffinityTermBuilder MismatchLabelKeys(params string[] keys) => Set("mismatchLabelKeys", t => t with { MismatchLabelKeys = ModelLists.Strings(keys) });

    /// <summary>Model-level escape hatch on the term. Compile-time evaluation may not support arbitrary lambdas.</summary>
    public PodAffinityTermBuilder Modify(Func<PodAffinityTerm, PodAffinityTerm> update) => ModifyModel(update);

    private protected override PodAffinityTermBuilder With(PodAffinityTerm model, ValueList<LocalOrigin> origins) => new(model, origins);
}
