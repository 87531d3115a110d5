using StatefulManifests.Model;

namespace StatefulManifests;

/// <summary>Builds pod affinity (<c>affinity.podAffinity</c>): schedule near the pods the terms match.</summary>
public sealed class PodAffinityBuilder : PodAffinityRulesBuilder<PodAffinityBuilder, PodAffinity>
{
    internal PodAffinityBuilder(PodAffinity model)
        : base(model, ValueList<LocalOrigin>.Empty)
    {
    }

    private PodAffinityBuilder(PodAffinity model, ValueList<LocalOrigin> origins)
        : base(model, origins)
    {
    }

    /// <summary>Model-level escape hatch. Compile-time evaluation may not support arbitrary lambdas.</summary>
    public PodAffinityBuilder Modify(Func<PodAffinity, PodAffinity> update) => ModifyModel(update);

    private protected override PodAffinityBuilder With(PodAffinity model, ValueList<LocalOrigin> origins) => new(model, origins);

    private protected override ValueList<PodAffinityTerm>? RequiredTerms(PodAffinity model) => model.RequiredDuringSchedulingIgnoredDuringExecution;

    private protected override PodAffinity WithRequiredTerms(PodAffinity model, ValueList<PodAffinityTerm> terms) => model with { RequiredDuringSchedulingIgnoredDuringExecution = terms };

    private protected override ValueList<WeightedPodAffinityTerm>? PreferredTerms(PodAffinity model) => model.PreferredDuringSchedulingIgnoredDuringExecution;

    private protected override PodAffinity WithPreferredTerms(PodAffinity model, ValueList<WeightedPodAffinityTerm> terms) => model with { PreferredDuringSchedulingIgnoredDuringExecution = terms };
}
