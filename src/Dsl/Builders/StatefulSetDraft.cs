using StatefulManifests.Model;

namespace StatefulManifests;

/// <summary>
/// Everything a <see cref="StatefulSetBuilder"/> has been told, before <see cref="StatefulSetBuilder.Build"/> wires
/// the defaults (selector, template labels, serviceName, Service, PodDisruptionBudget) into the final objects.
/// </summary>
internal sealed record StatefulSetDraft
{
    public StatefulSetDraft(string name, DeclarationSite? declaration)
    {
        Name = name;
        Declaration = declaration;
        Metadata = new ObjectMeta { Name = name };
        Spec = new StatefulSetSpec { Template = new PodTemplateSpec { Metadata = new ObjectMeta(), Spec = new PodSpec() } };
    }

    /// <summary>The StatefulSet's name.</summary>
    public string Name { get; }

    /// <summary>Where the declaration is, for error messages.</summary>
    public DeclarationSite? Declaration { get; }

    /// <summary>The StatefulSet's own metadata (name, namespace, labels, annotations).</summary>
    public ObjectMeta Metadata { get; init; }

    /// <summary>The spec as set by calls; selector and serviceName are wired at build time, template labels merged.</summary>
    public StatefulSetSpec Spec { get; init; }

    /// <summary>Explicit selector labels, or null for the default <c>app.kubernetes.io/name: &lt;name&gt;</c>.</summary>
    public ValueMap<string>? SelectorLabels { get; init; }

    /// <summary>Additional selector requirements (<c>spec.selector.matchExpressions</c>).</summary>
    public ValueList<LabelSelectorRequirement>? SelectorExpressions { get; init; }

    /// <summary>Explicit serviceName, or null for the default.</summary>
    public string? ServiceName { get; init; }

    /// <summary>Service customisations, or null for none.</summary>
    public ServiceBuilder? Service { get; init; }

    /// <summary>True when no Service is generated.</summary>
    public bool WithoutService { get; init; }

    /// <summary>The PodDisruptionBudget, or null for none.</summary>
    public DisruptionBudgetBuilder? DisruptionBudget { get; init; }

    /// <summary>Functions applied to the finished StatefulSet, in order.</summary>
    public ValueList<Func<StatefulSet, StatefulSet>> Modifications { get; init; } = ValueList<Func<StatefulSet, StatefulSet>>.Empty;

    /// <summary>The objects the workload owns, completed at build time from the finished set, in declaration order.</summary>
    public ValueList<OwnedStep> OwnedSteps { get; init; } = ValueList<OwnedStep>.Empty;

    /// <summary>Mistakes in the calls themselves (a null object to own), reported with the declaration's errors.</summary>
    public ValueList<Validation.FieldError> CallErrors { get; init; } = ValueList<Validation.FieldError>.Empty;

    /// <summary>Escape-hatch patches, in order.</summary>
    public ValueList<ManifestPatch> Patches { get; init; } = ValueList<ManifestPatch>.Empty;

    /// <summary>Which call set which field.</summary>
    public ValueList<FieldOrigin> Origins { get; init; } = ValueList<FieldOrigin>.Empty;

    /// <summary>The pod template's spec (never null in a draft).</summary>
    public PodSpec Pod => Spec.Template!.Spec!;

    /// <summary>The pod template's metadata (never null in a draft).</summary>
    public ObjectMeta PodMetadata => Spec.Template!.Metadata!;

    /// <summary>The draft with the pod spec replaced.</summary>
    public StatefulSetDraft WithPod(PodSpec pod) => this with { Spec = Spec with { Template = Spec.Template! with { Spec = pod } } };

    /// <summary>The draft with the pod template's metadata replaced.</summary>
    public StatefulSetDraft WithPodMetadata(ObjectMeta metadata) => this with { Spec = Spec with { Template = Spec.Template! with { Metadata = metadata } } };
}
