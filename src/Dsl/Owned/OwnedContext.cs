using StatefulManifests.Model;
using StatefulManifests.Validation;

namespace StatefulManifests;

/// <summary>
/// What an owned object is completed from at <see cref="StatefulSetBuilder.Build"/>: the finished StatefulSet (after
/// every <c>ModifyStatefulSet</c>) and its governing Service, so that names, selectors, ports and namespaces an owned
/// object repeats always agree with the set's.
/// </summary>
/// <param name="StatefulSet">The finished StatefulSet.</param>
/// <param name="Service">The governing Service, or null.</param>
public sealed record OwnedContext(StatefulSet StatefulSet, Service? Service)
{
    /// <summary>
    /// The <c>maxReplicas</c> of the workload's autoscaler when it allows more replicas than <c>spec.replicas</c>
    /// (the set may then run that many), else null.
    /// </summary>
    public int? AutoscalerMaximum { get; init; }

    /// <summary>The most replicas the set may run: <c>spec.replicas</c> (default 1) or <see cref="AutoscalerMaximum"/>.</summary>
    public int MaximumReplicas => Math.Max(StatefulSet.Spec?.Replicas ?? 1, AutoscalerMaximum ?? 0);

    /// <summary>The StatefulSet's name.</summary>
    public string Name => StatefulSet.Metadata?.Name ?? string.Empty;

    /// <summary>The StatefulSet's namespace, or null (the one kubectl applies to).</summary>
    public string? Namespace => StatefulSet.Metadata?.Namespace;

    /// <summary>The selector labels: what picks this workload's pods (and only them).</summary>
    public ValueMap<string> SelectorLabels => StatefulSet.Spec?.Selector?.MatchLabels ?? ValueMap<string>.Empty;

    /// <summary>The pods' labels as the template gives them.</summary>
    public ValueMap<string> PodLabels => StatefulSet.Spec?.Template?.Metadata?.Labels ?? ValueMap<string>.Empty;

    /// <summary>
    /// <paramref name="metadata"/> in the workload's namespace when it names none (owned objects live beside their
    /// set; a PersistentVolume, which has no namespace, is not completed with this).
    /// </summary>
    public ObjectMeta InNamespace(ObjectMeta? metadata)
    {
        metadata ??= new ObjectMeta();
        return string.IsNullOrEmpty(metadata.Namespace) && !string.IsNullOrEmpty(Namespace) ? metadata with { Namespace = Namespace } : metadata;
    }
}

/// <summary>One owned object as declared: how it is named in errors and how it is completed at build time.</summary>
/// <param name="Subject">The object as errors name it (<c>Kind "name"</c>).</param>
/// <param name="Complete">Builds the object from the finished set; null means there is nothing to own.</param>
internal sealed record OwnedStep(string Subject, Func<OwnedContext, IKubernetesObject?> Complete)
{
    /// <summary>
    /// Set instead of <see cref="Complete"/> for a call whose objects are only counted at build time (one Service per
    /// ordinal: how many follows the finished set's replicas).
    /// </summary>
    public Func<OwnedContext, IEnumerable<IKubernetesObject>>? CompleteAll { get; init; }

    /// <summary>
    /// What the call got wrong that only the finished set shows (a claim template declared nowhere), or null: reported
    /// once, with the call's objects left out, instead of as every error of objects made from nothing.
    /// </summary>
    public Func<OwnedContext, FieldError?>? Problem { get; init; }

    /// <summary>The objects this step owns in the finished set.</summary>
    public IEnumerable<IKubernetesObject> Objects(OwnedContext context) =>
        Problem?.Invoke(context) is not null ? [] : CompleteAll is { } all ? all(context) : Complete(context) is { } one ? [one] : [];
}
