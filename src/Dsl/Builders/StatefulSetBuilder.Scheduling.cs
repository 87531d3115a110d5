using StatefulManifests.Model;

namespace StatefulManifests;

/// <summary>Where the pods run: node selector, tolerations, affinity and topology spread.</summary>
public sealed partial class StatefulSetBuilder
{
    /// <summary>Adds <c>spec.template.spec.nodeSelector</c> entries: nodes must carry these labels.</summary>
    public StatefulSetBuilder NodeSelector(params (string Key, string Value)[] labels) =>
        UpdatePod("nodeSelector", p => p with { NodeSelector = ModelLists.SetPairs(p.NodeSelector, labels) });

    /// <summary>
    /// Appends a <c>tolerations</c> entry. A null argument leaves the field unset (Kubernetes' defaults: operator
    /// Equal; no key with Exists tolerates every taint; no effect matches every effect).
    /// </summary>
    /// <param name="key">The taint <c>key</c>.</param>
    /// <param name="operator">The <c>operator</c>.</param>
    /// <param name="value">The taint <c>value</c> (only with Equal).</param>
    /// <param name="effect">The <c>effect</c> tolerated.</param>
    /// <param name="tolerationSeconds">The <c>tolerationSeconds</c> a NoExecute taint is tolerated for (default: forever).</param>
    public StatefulSetBuilder Toleration(string? key = null, TolerationOperator? @operator = null, string? value = null, TaintEffect? effect = null, long? tolerationSeconds = null) =>
        Update(PodPath.Child("tolerations").Index(ModelLists.NextIndex(draft.Pod.Tolerations)), d => d.WithPod(d.Pod with
        {
            Tolerations = ModelLists.Append(d.Pod.Tolerations, new Toleration
            {
                Key = key,
                Operator = @operator is { } o ? o : null,
                Value = value,
                Effect = effect is { } e ? e : null,
                TolerationSeconds = tolerationSeconds,
            }),
        }));

    /// <summary>Configures <c>affinity.nodeAffinity</c>.</summary>
    public StatefulSetBuilder NodeAffinity(Func<NodeAffinityBuilder, NodeAffinityBuilder> configure) =>
        NestInPod(
            PodPath.Child("affinity", "nodeAffinity"),
            new NodeAffinityBuilder(draft.Pod.Affinity?.NodeAffinity ?? new NodeAffinity()),
            configure,
            (p, a) => p with { Affinity = (p.Affinity ?? new Affinity()) with { NodeAffinity = a.Model } });

    /// <summary>Configures <c>affinity.podAffinity</c>.</summary>
    public StatefulSetBuilder PodAffinity(Func<PodAffinityBuilder, PodAffinityBuilder> configure) =>
        NestInPod(
            PodPath.Child("affinity", "podAffinity"),
            new PodAffinityBuilder(draft.Pod.Affinity?.PodAffinity ?? new PodAffinity()),
            configure,
            (p, a) => p with { Affinity = (p.Affinity ?? new Affinity()) with { PodAffinity = a.Model } });

    /// <summary>Configures <c>affinity.podAntiAffinity</c> (for spreading this workload's own replicas, <see cref="SpreadAcrossNodes"/> is shorter).</summary>
    public StatefulSetBuilder PodAntiAffinity(Func<PodAntiAffinityBuilder, PodAntiAffinityBuilder> configure) =>
        NestInPod(
            PodPath.Child("affinity", "podAntiAffinity"),
            new PodAntiAffinityBuilder(draft.Pod.Affinity?.PodAntiAffinity ?? new PodAntiAffinity()),
            configure,
            (p, a) => p with { Affinity = (p.Affinity ?? new Affinity()) with { PodAntiAffinity = a.Model } });

    /// <summary>
    /// Keeps the replicas on different nodes with pod anti-affinity on this workload's selector labels and
    /// <paramref name="topologyKey"/>: a hard rule when <paramref name="required"/> (a replica stays Pending rather
    /// than share a node), otherwise a preference of <paramref name="weight"/>.
    /// </summary>
    public StatefulSetBuilder SpreadAcrossNodes(bool required = false, int weight = 100, string topologyKey = "kubernetes.io/hostname") =>
        PodAntiAffinity(a => required
            ? a.Required(t => t.MatchOwnPods().TopologyKey(topologyKey))
            : a.Preferred(weight, t => t.MatchOwnPods().TopologyKey(topologyKey)));

    /// <summary>
    /// Appends a <c>topologySpreadConstraints</c> entry over <paramref name="topologyKey"/> (e.g.
    /// <c>topology.kubernetes.io/zone</c>) with <c>maxSkew</c> and <c>whenUnsatisfiable</c>. Its <c>labelSelector</c>
    /// defaults to this workload's selector labels; <paramref name="configure"/> can replace it and set the rest.
    /// </summary>
    public StatefulSetBuilder TopologySpread(
        string topologyKey,
        int maxSkew = 1,
        WhenUnsatisfiable whenUnsatisfiable = WhenUnsatisfiable.DoNotSchedule,
        Func<TopologySpreadBuilder, TopologySpreadBuilder>? configure = null)
    {
        var seed = new TopologySpreadConstraint
        {
            TopologyKey = topologyKey,
            MaxSkew = maxSkew,
            WhenUnsatisfiable = whenUnsatisfiable,
            LabelSelector = SelectorLabelsPlaceholder.Instance,
        };
        return NestInPod(
            PodPath.Child("topologySpreadConstraints").Index(ModelLists.NextIndex(draft.Pod.TopologySpreadConstraints)),
            new TopologySpreadBuilder(seed),
            configure ?? (t => t),
            (p, c) => p with { TopologySpreadConstraints = ModelLists.Append(p.TopologySpreadConstraints, c.Model) });
    }
}
