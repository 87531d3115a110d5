using StatefulManifests.Model;
using static StatefulManifests.Import.ImportValues;

namespace StatefulManifests.Import;

/// <summary>
/// <c>affinity</c> and <c>topologySpreadConstraints</c> as the DSL's scheduling builders. A label selector equal to
/// the StatefulSet's own selector labels becomes <c>MatchOwnPods()</c> (the DSL resolves it to those labels), and
/// anti-affinity that is exactly "spread my replicas over nodes" becomes <c>SpreadAcrossNodes(...)</c>.
/// </summary>
internal static class AffinityCalls
{
    private const string Hostname = "kubernetes.io/hostname";

    /// <summary>Node affinity, pod affinity and pod anti-affinity.</summary>
    public static void Affinity(DslChain chain, Affinity? affinity, ValueMap<string> ownLabels)
    {
        if (affinity?.NodeAffinity is { } node)
        {
            chain.Call(nameof(StatefulSetBuilder.NodeAffinity), Node(node));
        }

        if (affinity?.PodAffinity is { } pod)
        {
            chain.Call(nameof(StatefulSetBuilder.PodAffinity), Rules(typeof(PodAffinityBuilder), pod.RequiredDuringSchedulingIgnoredDuringExecution, pod.PreferredDuringSchedulingIgnoredDuringExecution, ownLabels));
        }

        if (affinity?.PodAntiAffinity is { } anti && !Spread(chain, anti, ownLabels))
        {
            chain.Call(nameof(StatefulSetBuilder.PodAntiAffinity), Rules(typeof(PodAntiAffinityBuilder), anti.RequiredDuringSchedulingIgnoredDuringExecution, anti.PreferredDuringSchedulingIgnoredDuringExecution, ownLabels));
        }
    }

    /// <summary>Topology spread constraints, in order.</summary>
    public static void TopologySpread(DslChain chain, ValueList<TopologySpreadConstraint>? constraints, ValueMap<string> ownLabels)
    {
        foreach (var c in constraints ?? ValueList<TopologySpreadConstraint>.Empty)
        {
            if (c.TopologyKey is not { } key || c.MaxSkew is not { } skew || c.WhenUnsatisfiable?.Known is not { } when)
            {
                return;
            }

            var body = new DslChain(typeof(TopologySpreadBuilder));
            if (!IsOwn(c.LabelSelector, ownLabels))
            {
                if (c.LabelSelector is null)
                {
                    return;
                }

                Selector(body, c.LabelSelector, nameof(TopologySpreadBuilder.MatchLabels), nameof(TopologySpreadBuilder.MatchExpression));
            }

            if (c.MinDomains is { } minDomains)
            {
                body.Call(nameof(TopologySpreadBuilder.MinDomains), minDomains);
            }

            PodCalls.Known(body, nameof(TopologySpreadBuilder.NodeAffinityPolicy), ImportValues.Enum(c.NodeAffinityPolicy, out var affinityKnown), affinityKnown);
            PodCalls.Known(body, nameof(TopologySpreadBuilder.NodeTaintsPolicy), ImportValues.Enum(c.NodeTaintsPolicy, out var taintsKnown), taintsKnown);
            if (c.MatchLabelKeys is { Count: > 0 } keys)
            {
                body.Call(nameof(TopologySpreadBuilder.MatchLabelKeys), keys.ToArray());
            }

            chain.Call(nameof(StatefulSetBuilder.TopologySpread), key, skew, when, body.IsEmpty ? DslArg.Default : body);
        }
    }

    private static bool Spread(DslChain chain, PodAntiAffinity anti, ValueMap<string> ownLabels)
    {
        var required = anti.RequiredDuringSchedulingIgnoredDuringExecution;
        var preferred = anti.PreferredDuringSchedulingIgnoredDuringExecution;
        if (required is { Count: 1 } && preferred is null && IsSpreadTerm(required[0], ownLabels))
        {
            chain.Call(nameof(StatefulSetBuilder.SpreadAcrossNodes), true, DslArg.Default, Key(required[0]));
            return true;
        }

        if (preferred is { Count: 1 } && required is null && preferred[0].Weight is { } weight && preferred[0].PodAffinityTerm is { } term && IsSpreadTerm(term, ownLabels))
        {
            chain.Call(nameof(StatefulSetBuilder.SpreadAcrossNodes), DslArg.Default, weight, Key(term));
            return true;
        }

        return false;
    }

    private static object Key(PodAffinityTerm term) => term.TopologyKey == Hostname ? DslArg.Default : term.TopologyKey!;

    private static bool IsSpreadTerm(PodAffinityTerm term, ValueMap<string> ownLabels) =>
        term.TopologyKey is not null && IsOwn(term.LabelSelector, ownLabels)
        && term with { LabelSelector = null, TopologyKey = null } == new PodAffinityTerm();

    private static bool IsOwn(LabelSelector? selector, ValueMap<string> ownLabels) =>
        selector is { MatchExpressions: null } && Equals(selector.MatchLabels, ownLabels);

    private static DslChain Node(NodeAffinity node)
    {
        var body = new DslChain(typeof(NodeAffinityBuilder));
        foreach (var term in node.RequiredDuringSchedulingIgnoredDuringExecution?.NodeSelectorTerms ?? ValueList<NodeSelectorTerm>.Empty)
        {
            body.Call(nameof(NodeAffinityBuilder.Required), NodeTerm(term));
        }

        foreach (var preferred in node.PreferredDuringSchedulingIgnoredDuringExecution ?? ValueList<PreferredSchedulingTerm>.Empty)
        {
            if (preferred.Weight is not { } weight)
            {
                break;
            }

            body.Call(nameof(NodeAffinityBuilder.Preferred), weight, NodeTerm(preferred.Preference ?? new NodeSelectorTerm()));
        }

        return body;
    }

    private static DslChain NodeTerm(NodeSelectorTerm term)
    {
        var body = new DslChain(typeof(NodeSelectorTermBuilder));
        void Requirements(string method, ValueList<NodeSelectorRequirement>? requirements)
        {
            foreach (var r in requirements ?? ValueList<NodeSelectorRequirement>.Empty)
            {
                if (r.Key is null || r.Operator?.Known is not { } op)
                {
                    return;
                }

                body.Call(method, r.Key, op, (r.Values ?? ValueList<string>.Empty).ToArray());
            }
        }

        Requirements(nameof(NodeSelectorTermBuilder.MatchExpression), term.MatchExpressions);
        Requirements(nameof(NodeSelectorTermBuilder.MatchField), term.MatchFields);
        return body;
    }

    private static DslChain Rules(Type builder, ValueList<PodAffinityTerm>? required, ValueList<WeightedPodAffinityTerm>? preferred, ValueMap<string> ownLabels)
    {
        var body = new DslChain(builder);
        foreach (var term in required ?? ValueList<PodAffinityTerm>.Empty)
        {
            body.Call("Required", PodTerm(term, ownLabels));
        }

        foreach (var weighted in preferred ?? ValueList<WeightedPodAffinityTerm>.Empty)
        {
            if (weighted.Weight is not { } weight)
            {
                break;
            }

            body.Call("Preferred", weight, PodTerm(weighted.PodAffinityTerm ?? new PodAffinityTerm(), ownLabels));
        }

        return body;
    }

    private static DslChain PodTerm(PodAffinityTerm term, ValueMap<string> ownLabels)
    {
        var body = new DslChain(typeof(PodAffinityTermBuilder));
        if (IsOwn(term.LabelSelector, ownLabels))
        {
            body.Call(nameof(PodAffinityTermBuilder.MatchOwnPods));
        }
        else if (term.LabelSelector is { } selector)
        {
            Selector(body, selector, nameof(PodAffinityTermBuilder.MatchLabels), nameof(PodAffinityTermBuilder.MatchExpression));
        }

        PodCalls.Text(body, nameof(PodAffinityTermBuilder.TopologyKey), term.TopologyKey);
        if (term.Namespaces is { Count: > 0 } namespaces)
        {
            body.Call(nameof(PodAffinityTermBuilder.Namespaces), namespaces.ToArray());
        }

        if (term.NamespaceSelector is { MatchExpressions: null, MatchLabels: { Count: > 0 } nsLabels })
        {
            body.Call(nameof(PodAffinityTermBuilder.NamespaceSelector), Pairs(nsLabels));
        }

        if (term.MatchLabelKeys is { Count: > 0 } keys)
        {
            body.Call(nameof(PodAffinityTermBuilder.MatchLabelKeys), keys.ToArray());
        }

        if (term.MismatchLabelKeys is { Count: > 0 } mismatch)
        {
            body.Call(nameof(PodAffinityTermBuilder.MismatchLabelKeys), mismatch.ToArray());
        }

        return body;
    }

    private static void Selector(DslChain body, LabelSelector selector, string labels, string expression)
    {
        if (selector.MatchLabels is { Count: > 0 } matchLabels)
        {
            body.Call(labels, Pairs(matchLabels));
        }

        foreach (var r in selector.MatchExpressions ?? ValueList<LabelSelectorRequirement>.Empty)
        {
            if (r.Key is null || r.Operator?.Known is not { } op)
            {
                return;
            }

            body.Call(expression, r.Key, op, (r.Values ?? ValueList<string>.Empty).ToArray());
        }
    }
}
