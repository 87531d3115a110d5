using StatefulManifests.Model;

namespace StatefulManifests;

/// <summary>Builds pod affinity (<c>affinity.podAffinity</c>): schedule near pods the terms match.</summary>
public sealed class PodAffinityBuilder : ModelBuilder<PodAffinityBuilder, PodAffinity>
{
    internal PodAffinityBuilder(PodAffinity model)
        : base(model, ValueList<LocalOrigin>.Empty)
    {
    }

    private PodAffinityBuilder(PodAffinity model, ValueList<LocalOrigin> origins)
        : base(model, origins)
    {
    }

    /// <summary>Appends a term to <c>requiredDuringSchedulingIgnoredDuringExecution</c> (a hard rule: pods stay Pending if it cannot be met).</summary>
    public PodAffinityBuilder Required(Func<PodAffinityTermBuilder, PodAffinityTermBuilder> term)
    {
        var index = ModelLists.NextIndex(Model.RequiredDuringSchedulingIgnoredDuringExecution);
        return Nest(
            RelativePath.Of("requiredDuringSchedulingIgnoredDuringExecution").Index(index),
            new PodAffinityTermBuilder(new PodAffinityTerm()),
            term,
            (a, t) => a with { RequiredDuringSchedulingIgnoredDuringExecution = ModelLists.Append(a.RequiredDuringSchedulingIgnoredDuringExecution, t.Model) });
    }

    /// <summary>Appends a term with <paramref name="weight"/> (1-100) to <c>preferredDuringSchedulingIgnoredDuringExecution</c> (a soft rule).</summary>
    public PodAffinityBuilder Preferred(int weight, Func<PodAffinityTermBuilder, PodAffinityTermBuilder> term)
    {
        var index = ModelLists.NextIndex(Model.PreferredDuringSchedulingIgnoredDuringExecution);
        return Nest(
            RelativePath.Of("preferredDuringSchedulingIgnoredDuringExecution").Index(index),
            new PodAffinityTermBuilder(new PodAffinityTerm()),
            term,
            (a, t) => a with
            {
                PreferredDuringSchedulingIgnoredDuringExecution = ModelLists.Append(
                    a.PreferredDuringSchedulingIgnoredDuringExecution,
                    new WeightedPodAffinityTerm { Weight = weight, PodAffinityTerm = t.Model }),
            });
    }

    /// <summary>Model-level escape hatch. Compile-time evaluation may not support arbitrary lambdas.</summary>
    public PodAffinityBuilder Modify(Func<PodAffinity, PodAffinity> update) => ModifyModel(update);

    private protected override PodAffinityBuilder With(PodAffinity model, ValueList<LocalOrigin> origins) => new(model, origins);
}
