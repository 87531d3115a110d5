using StatefulManifests.Model;
using StatefulManifests.Rules.Support;
using StatefulManifests.Versions;

namespace StatefulManifests.Rules;

/// <summary>
/// What the rules look at: a StatefulSet, and when known its governing Service and PodDisruptionBudget, with the
/// objects it owns, with the
/// derived facts several rules need (pod labels, effective replicas, containers with their paths) computed once.
/// </summary>
internal sealed class WorkloadContext
{
    public WorkloadContext(StatefulSet statefulSet, Service? service, PodDisruptionBudget? disruptionBudget, TargetCluster? target = null)
        : this(statefulSet, service, disruptionBudget, ValueList<IKubernetesObject>.Empty, target)
    {
    }

    public WorkloadContext(StatefulSet statefulSet, Service? service, PodDisruptionBudget? disruptionBudget, IReadOnlyList<IKubernetesObject> owned, TargetCluster? target = null)
    {
        Owned = owned;
        StatefulSet = statefulSet;
        Target = target ?? TargetCluster.Default;
        Service = service;
        DisruptionBudget = disruptionBudget;
        Spec = statefulSet.Spec ?? new StatefulSetSpec();
        Pod = Spec.Template?.Spec ?? new PodSpec();
        PodLabels = Spec.Template?.Metadata?.Labels ?? ValueMap<string>.Empty;
        InitContainers = Sites(Pod.InitContainers, Paths.InitContainers, isInit: true);
        Containers = Sites(Pod.Containers, Paths.Containers, isInit: false);
        AllContainers = [.. InitContainers, .. Containers];
    }

    public StatefulSet StatefulSet { get; }

    /// <summary>The cluster the manifests are for (release and feature gates).</summary>
    public TargetCluster Target { get; }

    public Service? Service { get; }

    public PodDisruptionBudget? DisruptionBudget { get; }

    /// <summary>The objects the workload owns (in YAML: those that refer to this StatefulSet or its pods).</summary>
    public IReadOnlyList<IKubernetesObject> Owned { get; }

    /// <summary>The owned objects of one kind.</summary>
    public IEnumerable<T> OwnedOf<T>()
        where T : IKubernetesObject => Owned.OfType<T>();

    public StatefulSetSpec Spec { get; }

    /// <summary>The pod template's spec (empty when the template is missing).</summary>
    public PodSpec Pod { get; }

    /// <summary>The labels every pod carries (from the template).</summary>
    public ValueMap<string> PodLabels { get; }

    /// <summary>
    /// spec.replicas with its default: 1, or for an autoscaled set without a count, the autoscaler's minimum (the
    /// fewest replicas it runs with).
    /// </summary>
    public int Replicas => Spec.Replicas
        ?? OwnedOf<HorizontalPodAutoscaler>().Where(h => h.Spec?.ScaleTargetRef?.Name == StatefulSet.Metadata?.Name)
            .Select(h => h.Spec?.MinReplicas ?? 1).DefaultIfEmpty(1).Max();

    /// <summary>The StatefulSet's namespace ("" when unset: the namespace it is applied to).</summary>
    public string Namespace => StatefulSet.Metadata?.Namespace ?? string.Empty;

    public IReadOnlyList<ContainerSite> InitContainers { get; }

    /// <summary>The regular containers (the only ones that can have probes).</summary>
    public IReadOnlyList<ContainerSite> Containers { get; }

    /// <summary>Init containers, then regular containers.</summary>
    public IReadOnlyList<ContainerSite> AllContainers { get; }

    /// <summary>True when podManagementPolicy is OrderedReady (the default).</summary>
    public bool IsOrderedReady => Spec.PodManagementPolicy is not { } p || p.Known == PodManagementPolicy.OrderedReady;

    /// <summary>True when the update strategy is RollingUpdate (the default).</summary>
    public bool IsRollingUpdate => Spec.UpdateStrategy?.Type is not { } t || t.Known == UpdateStrategyType.RollingUpdate;

    /// <summary>True when the given Service's selector picks the pods (kube-score's "targeted by a Service").</summary>
    public bool ServiceTargetsPods =>
        Service?.Spec?.Selector is { Count: > 0 } selector && LabelSelectors.MapMatches(selector, PodLabels) && SameNamespace(Service.Metadata?.Namespace);

    /// <summary>
    /// True when an object in <paramref name="otherNamespace"/> is in the StatefulSet's namespace. An unset namespace
    /// means "wherever the manifest is applied", so it conflicts only with a different explicit namespace.
    /// </summary>
    public bool SameNamespace(string? otherNamespace) =>
        string.IsNullOrEmpty(otherNamespace) || Namespace.Length == 0 || string.Equals(otherNamespace, Namespace, StringComparison.Ordinal);

    private static IReadOnlyList<ContainerSite> Sites(ValueList<Container>? containers, Validation.FieldPath path, bool isInit) =>
        (containers ?? ValueList<Container>.Empty).Select((c, i) => new ContainerSite(c, path.Index(i), isInit)).ToList();
}
