using StatefulManifests.Model;

namespace StatefulManifests;

/// <summary>Builds pod anti-affinity (<c>affinity.podAntiAffinity</c>): keep away from the pods the terms match — for a replicated store, from its own other replicas (see <see cref="StatefulSetBuilder.SpreadAcrossNodes"/>).</summary>
public sealed class PodAntiAffinityBuilder : PodAffinityRulesBuilder<PodAntiAffinityBuilder, PodAntiAffinity>
{
    internal PodAntiAffinityBuilder(PodAntiAffinity model)
        : base(model, ValueList<LocalOrigin>.Empty)
    {
    }

    private PodAntiAffinityBuilder(PodAntiAffinity model, ValueList<LocalOrigin> origins)
        : base(model, origins)
    {
    }

    /// <summary>Model-level escape hatch. Compile-time evaluation may not support arbitrary lambdas.</summary>
    public PodAntiAffinityBuilder Modify(Func<PodAntiAffinity, PodAntiAffinity> update) => ModifyModel(update);

    private protected override PodAntiAffinityBuilder With(PodAntiAffinity model, ValueList<LocalOrigin> origins) => new(model, origins);

    private protected override ValueList<PodAffinityTerm>? RequiredTerms(PodAntiAffinity model) => model.RequiredDuringSchedulingIgnoredDuringExecution;

    private protected override PodAntiAffinity WithRequiredTerms(PodAntiAffinity model, ValueList<PodAffinityTerm> terms) => model with { RequiredDuringSchedulingIgnoredDuringExecution = terms };

    private protected override ValueList<WeightedPodAffinityTerm>? PreferredTerms(PodAntiAffinity model) => model.PreferredDuringSchedulingIgnoredDuringExecution;

    private protected override PodAntiAffinity WithPreferredTerms(PodAntiAffinity model, ValueList<WeightedPodAffinityTerm> terms) => model with { PreferredDuringSchedulingIgnoredDuringExecution = terms };
}
