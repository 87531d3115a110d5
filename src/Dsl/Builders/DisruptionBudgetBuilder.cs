using StatefulManifests.Model;

namespace StatefulManifests;

/// <summary>
/// Customises the workload's PodDisruptionBudget. By default it is named after the StatefulSet, lives in its
/// namespace and selects the selector labels. <c>minAvailable</c> and <c>maxUnavailable</c> are exclusive: setting
/// one clears the other.
/// </summary>
public sealed class DisruptionBudgetBuilder : ModelBuilder<DisruptionBudgetBuilder, PodDisruptionBudget>
{
    private readonly ValueList<Func<PodDisruptionBudget, PodDisruptionBudget>> modifications;

    private DisruptionBudgetBuilder(PodDisruptionBudget overlay, ValueList<LocalOrigin> origins, ValueList<Func<PodDisruptionBudget, PodDisruptionBudget>> modifications)
        : base(overlay, origins)
    {
        this.modifications = modifications;
    }

    /// <summary>A budget with nothing customised yet.</summary>
    internal static DisruptionBudgetBuilder Empty { get; } = new(
        new PodDisruptionBudget { Metadata = new ObjectMeta(), Spec = new PodDisruptionBudgetSpec() },
        ValueList<LocalOrigin>.Empty,
        ValueList<Func<PodDisruptionBudget, PodDisruptionBudget>>.Empty);

    /// <summary>True when neither minAvailable nor maxUnavailable is set.</summary>
    internal bool HasNoBudget => Model.Spec!.MinAvailable is null && Model.Spec.MaxUnavailable is null;

    /// <summary>Sets <c>metadata.name</c> (default: the StatefulSet's name).</summary>
    public DisruptionBudgetBuilder Name(string name) => Set(RelativePath.Of("metadata", "name"), p => p with { Metadata = p.Metadata! with { Name = name } });

    /// <summary>Adds <c>metadata.labels</c> (default: none).</summary>
    public DisruptionBudgetBuilder Labels(params (string Key, string Value)[] labels) =>
        Set(RelativePath.Of("metadata", "labels"), p => p with { Metadata = p.Metadata! with { Labels = ModelLists.SetPairs(p.Metadata!.Labels, labels) } });

    /// <summary>Adds <c>metadata.annotations</c> (default: none).</summary>
    public DisruptionBudgetBuilder Annotations(params (string Key, string Value)[] annotations) =>
        Set(RelativePath.Of("metadata", "annotations"), p => p with { Metadata = p.Metadata! with { Annotations = ModelLists.SetPairs(p.Metadata!.Annotations, annotations) } });

    /// <summary>Sets <c>spec.minAvailable</c> to a pod count (clears maxUnavailable).</summary>
    public DisruptionBudgetBuilder MinAvailable(int pods) => SetSpec("minAvailable", s => s with { MinAvailable = pods, MaxUnavailable = null });

    /// <summary>Sets <c>spec.minAvailable</c> to a percentage such as <c>"50%"</c> (clears maxUnavailable).</summary>
    public DisruptionBudgetBuilder MinAvailable(string percent) => SetSpec("minAvailable", s => s with { MinAvailable = percent, MaxUnavailable = null });

    /// <summary>Sets <c>spec.maxUnavailable</c> to a pod count (clears minAvailable).</summary>
    public DisruptionBudgetBuilder MaxUnavailable(int pods) => SetSpec("maxUnavailable", s => s with { MaxUnavailable = pods, MinAvailable = null });

    /// <summary>Sets <c>spec.maxUnavailable</c> to a percentage such as <c>"25%"</c> (clears minAvailable).</summary>
    public DisruptionBudgetBuilder MaxUnavailable(string percent) => SetSpec("maxUnavailable", s => s with { MaxUnavailable = percent, MinAvailable = null });

    /// <summary>Sets both bounds as given (only by the StatefulSet builder's shorthand; both set is reported by validation).</summary>
    internal DisruptionBudgetBuilder Budget(IntOrString? minAvailable, IntOrString? maxUnavailable) =>
        SetSpec(minAvailable is null ? "maxUnavailable" : "minAvailable", s => s with { MinAvailable = minAvailable, MaxUnavailable = maxUnavailable });

    /// <summary>Sets <c>spec.unhealthyPodEvictionPolicy</c> (default: unset, IfHealthyBudget).</summary>
    public DisruptionBudgetBuilder UnhealthyPodEvictionPolicy(UnhealthyPodEvictionPolicy policy) =>
        SetSpec("unhealthyPodEvictionPolicy", s => s with { UnhealthyPodEvictionPolicy = policy });

    /// <summary>Replaces <c>spec.selector.matchLabels</c> (default: the workload's selector labels).</summary>
    public DisruptionBudgetBuilder Selector(params (string Key, string Value)[] matchLabels) =>
        SetSpec("selector", s => s with { Selector = new LabelSelector { MatchLabels = ModelLists.SetPairs(null, matchLabels) } });

    /// <summary>
    /// Model-level escape hatch: applies <paramref name="update"/> to the finished budget, after every default and
    /// customisation. Compile-time evaluation may not support arbitrary lambdas.
    /// </summary>
    public DisruptionBudgetBuilder Modify(Func<PodDisruptionBudget, PodDisruptionBudget> update) =>
        new(Model, Origins.Add(new LocalOrigin(RelativePath.Here, DslCallSite.Current)), modifications.Add(update ?? throw new ArgumentNullException(nameof(update))));

    /// <summary>Builds the budget for a workload: the defaults, then these customisations, then <see cref="Modify"/> functions.</summary>
    internal PodDisruptionBudget Complete(string setName, string? @namespace, ValueMap<string> selectorLabels)
    {
        var budget = Model with
        {
            Metadata = Model.Metadata! with { Name = Model.Metadata.Name ?? setName, Namespace = @namespace },
            Spec = Model.Spec! with { Selector = Model.Spec.Selector ?? new LabelSelector { MatchLabels = selectorLabels } },
        };
        return modifications.Aggregate(budget, (p, modify) => modify(p) ?? throw new InvalidOperationException("a PodDisruptionBudget Modify function returned null"));
    }

    private protected override DisruptionBudgetBuilder With(PodDisruptionBudget model, ValueList<LocalOrigin> origins) => new(model, origins, modifications);

    private DisruptionBudgetBuilder SetSpec(string field, Func<PodDisruptionBudgetSpec, PodDisruptionBudgetSpec> update) =>
        Set(RelativePath.Of("spec", field), p => p with { Spec = update(p.Spec!) });
}
