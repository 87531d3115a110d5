using StatefulManifests.Model;
using static StatefulManifests.Import.ImportValues;

namespace StatefulManifests.Import;

/// <summary>
/// The StatefulSet's own fields as fluent calls. Each call is emitted only for a value the DSL method writes exactly
/// (an enum value the DSL knows, a shape its parameters can say); anything else is left to
/// <see cref="ResidualPatches"/>, which compares what the calls build with the original.
/// </summary>
internal static class StatefulSetCalls
{
    /// <summary>Object metadata, spec scalars, update strategy, retention and ordinals.</summary>
    public static void Spec(DslChain chain, StatefulSet set)
    {
        var meta = set.Metadata ?? new ObjectMeta();
        if (meta.Namespace is { } ns)
        {
            chain.Call(nameof(StatefulSetBuilder.Namespace), ns);
        }

        if (Any(meta.Labels))
        {
            chain.Call(nameof(StatefulSetBuilder.StatefulSetLabels), Pairs(meta.Labels));
        }

        if (Any(meta.Annotations))
        {
            chain.Call(nameof(StatefulSetBuilder.StatefulSetAnnotations), Pairs(meta.Annotations));
        }

        var spec = set.Spec ?? new StatefulSetSpec();
        if (spec.Replicas is { } replicas)
        {
            chain.Call(nameof(StatefulSetBuilder.Replicas), replicas);
        }

        if (Enum(spec.PodManagementPolicy, out var known) is { } policy && known)
        {
            chain.Call(nameof(StatefulSetBuilder.PodManagementPolicy), policy);
        }

        UpdateStrategy(chain, spec.UpdateStrategy);
        if (spec.MinReadySeconds is { } minReady)
        {
            chain.Call(nameof(StatefulSetBuilder.MinReadySeconds), minReady);
        }

        if (spec.RevisionHistoryLimit is { } history)
        {
            chain.Call(nameof(StatefulSetBuilder.RevisionHistoryLimit), history);
        }

        if (spec.PersistentVolumeClaimRetentionPolicy is { } retention)
        {
            var whenDeleted = Enum(retention.WhenDeleted, out var deletedKnown);
            var whenScaled = Enum(retention.WhenScaled, out var scaledKnown);
            if (deletedKnown && scaledKnown && (whenDeleted is not null || whenScaled is not null))
            {
                chain.Call(nameof(StatefulSetBuilder.ClaimRetention), Opt(whenDeleted), Opt(whenScaled));
            }
        }

        if (spec.Ordinals?.Start is { } start)
        {
            chain.Call(nameof(StatefulSetBuilder.OrdinalsStart), start);
        }
    }

    /// <summary><c>spec.selector.matchExpressions</c> (the match labels are decided against the DSL's default by the importer).</summary>
    public static void SelectorExpressions(DslChain chain, LabelSelector? selector)
    {
        foreach (var requirement in selector?.MatchExpressions ?? ValueList<LabelSelectorRequirement>.Empty)
        {
            if (requirement.Key is { } key && Enum(requirement.Operator, out var known) is { } op && known)
            {
                chain.Call(nameof(StatefulSetBuilder.SelectorExpression), key, op, (requirement.Values ?? ValueList<string>.Empty).ToArray());
            }
        }
    }

    /// <summary>Pod template annotations.</summary>
    public static void PodAnnotations(DslChain chain, ObjectMeta? podMeta)
    {
        if (Any(podMeta?.Annotations))
        {
            chain.Call(nameof(StatefulSetBuilder.PodAnnotations), Pairs(podMeta!.Annotations));
        }
    }

    private static void UpdateStrategy(DslChain chain, StatefulSetUpdateStrategy? strategy)
    {
        if (strategy is null || Enum(strategy.Type, out var known) is not UpdateStrategyType type || !known)
        {
            return;
        }

        if (type == UpdateStrategyType.OnDelete)
        {
            if (strategy.RollingUpdate is null)
            {
                chain.Call(nameof(StatefulSetBuilder.OnDelete));
            }

            return;
        }

        var rolling = strategy.RollingUpdate;
        var partition = Opt(rolling?.Partition);
        if (rolling?.MaxUnavailable is { IsString: true } percent)
        {
            chain.Call(nameof(StatefulSetBuilder.RollingUpdate), percent.StringValue, partition);
        }
        else
        {
            chain.Call(nameof(StatefulSetBuilder.RollingUpdate), partition, Opt(rolling?.MaxUnavailable?.IntValue));
        }
    }
}
