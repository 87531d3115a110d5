using StatefulManifests.Model;

namespace StatefulManifests;

/// <summary>
/// What pod affinity and pod anti-affinity share: hard terms (<c>requiredDuringSchedulingIgnoredDuringExecution</c>)
/// and weighted soft terms (<c>preferredDuringSchedulingIgnoredDuringExecution</c>). The two Kubernetes types have
/// the same shape but no common type, so each concrete builder supplies the accessors.
/// </summary>
/// <typeparam name="TSelf">The concrete builder.</typeparam>
/// <typeparam name="TModel"><see cref="PodAffinity"/> or <see cref="PodAntiAffinity"/>.</typeparam>
public abstract class PodAffinityRulesBuilder<TSelf, TModel> : ModelBuilder<TSelf, TModel>
    where TSelf : PodAffinityRulesBuilder<TSelf, TModel>
    where TModel : class
{
    private protected PodAffinityRulesBuilder(TModel model, ValueList<LocalOrigin> origins)
        : base(model, origins)
    {
    }

    /// <summary>Appends a term to <c>requiredDuringSchedulingIgnoredDuringExecution</c> (a hard rule: pods stay Pending if it cannot be met).</summary>
    public TSelf Required(Func<PodAffinityTermBuilder, PodAffinityTermBuilder> term) =>
        Nest(
            RelativePath.Of("requiredDuringSchedulingIgnoredDuringExecution").Index(ModelLists.NextIndex(RequiredTerms(Model))),
            new PodAffinityTermBuilder(new PodAffinityTerm()),
            term,
            (a, t) => WithRequiredTerms(a, ModelLists.Append(RequiredTerms(a), t.Model)));

    /// <summary>Appends a term with <paramref name="weight"/> (1-100) to <c>preferredDuringSchedulingIgnoredDuringExecution</c> (a soft rule).</summary>
    public TSelf Preferred(int weight, Func<PodAffinityTermBuilder, PodAffinityTermBuilder> term)
    {
        var path = RelativePath.Of("preferredDuringSchedulingIgnoredDuringExecution").Index(ModelLists.NextIndex(PreferredTerms(Model)));
        return Nest(
            path,
            new PodAffinityTermBuilder(new PodAffinityTerm()),
            term,
            (a, t) => WithPreferredTerms(a, ModelLists.Append(PreferredTerms(a), new WeightedPodAffinityTerm { Weight = weight, PodAffinityTerm = t.Model })),
            path.Child("podAffinityTerm"));
    }

    private protected abstract ValueList<PodAffinityTerm>? RequiredTerms(TModel model);

    private protected abstract TModel WithRequiredTerms(TModel model, ValueList<PodAffinityTerm> terms);

    private protected abstract ValueList<WeightedPodAffinityTerm>? PreferredTerms(TModel model);

    private protected abstract TModel WithPreferredTerms(TModel model, ValueList<WeightedPodAffinityTerm> terms);
}
