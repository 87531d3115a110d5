using StatefulManifests.Model;

namespace StatefulManifests;

/// <summary>
/// Refines a <c>topologySpreadConstraints</c> entry created by <see cref="StatefulSetBuilder.TopologySpread"/>.
/// Its <c>labelSelector</c> defaults to this workload's selector labels; <see cref="MatchLabels"/> or
/// <see cref="MatchExpression"/> replace that default.
/// </summary>
public sealed class TopologySpreadBuilder : ModelBuilder<TopologySpreadBuilder, TopologySpreadConstraint>
{
    internal TopologySpreadBuilder(TopologySpreadConstraint model)
        : base(model, ValueList<LocalOrigin>.Empty)
    {
    }

    private TopologySpreadBuilder(TopologySpreadConstraint model, ValueList<LocalOrigin> origins)
        : base(model, origins)
    {
    }

    /// <summary>Adds <c>labelSelector.matchLabels</c> (replacing the default of this workload's selector labels).</summary>
    public TopologySpreadBuilder MatchLabels(params (string Key, string Value)[] labels) =>
        Set(RelativePath.Of("labelSelector", "matchLabels"), c => c with { LabelSelector = SelectorEdits.WithLabels(c.LabelSelector, labels) });

    /// <summary>Appends a <c>labelSelector.matchExpressions</c> requirement (replacing the default selector).</summary>
    public TopologySpreadBuilder MatchExpression(string key, LabelSelectorOperator @operator, params string[] values) =>
        Set(
            RelativePath.Of("labelSelector", "matchExpressions").Index(SelectorEdits.NextExpressionIndex(Model.LabelSelector)),
            c => c with { LabelSelector = SelectorEdits.WithExpression(c.LabelSelector, key, @operator, values) });

    /// <summary>Sets <c>minDomains</c> (only with DoNotSchedule): fewer eligible domains count as a skew.</summary>
    public TopologySpreadBuilder MinDomains(int count) => Set("minDomains", c => c with { MinDomains = count });

    /// <summary>Sets <c>nodeAffinityPolicy</c> (default Honor).</summary>
    public TopologySpreadBuilder NodeAffinityPolicy(NodeInclusionPolicy policy) => Set("nodeAffinityPolicy", c => c with { NodeAffinityPolicy = policy });

    /// <summary>Sets <c>nodeTaintsPolicy</c> (default Ignore).</summary>
    public TopologySpreadBuilder NodeTaintsPolicy(NodeInclusionPolicy policy) => Set("nodeTaintsPolicy", c => c with { NodeTaintsPolicy = policy });

    /// <summary>Sets <c>matchLabelKeys</c> (e.g. <c>controller-revision-hash</c> to spread each revision separately).</summary>
    public TopologySpreadBuilder MatchLabelKeys(params string[] keys) => Set("matchLabelKeys", c => c with { MatchLabelKeys = ModelLists.Strings(keys) });

    /// <summary>Model-level escape hatch. Compile-time evaluation may not support arbitrary lambdas.</summary>
    public TopologySpreadBuilder Modify(Func<TopologySpreadConstraint, TopologySpreadConstraint> update) => ModifyModel(update);

    private protected override TopologySpreadBuilder With(TopologySpreadConstraint model, ValueList<LocalOrigin> origins) => new(model, origins);
}
