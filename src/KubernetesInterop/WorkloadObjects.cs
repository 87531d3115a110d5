using k8s;
using k8s.Models;

namespace StatefulManifests.KubernetesClient;

/// <summary>
/// A workload as the official client's objects: the StatefulSet, its governing Service and its PodDisruptionBudget
/// (each optional but the StatefulSet), and the objects it owns (<see cref="Owned"/>).
/// </summary>
/// <param name="StatefulSet">The <c>apps/v1 StatefulSet</c>.</param>
/// <param name="Service">The <c>v1 Service</c>, or null.</param>
/// <param name="DisruptionBudget">The <c>policy/v1 PodDisruptionBudget</c>, or null.</param>
public sealed record WorkloadObjects(V1StatefulSet StatefulSet, V1Service? Service, V1PodDisruptionBudget? DisruptionBudget)
{
    /// <summary>The owned objects (<see cref="StatefulWorkload.Owned"/>) as client objects, in install order.</summary>
    public IReadOnlyList<IKubernetesObject<V1ObjectMeta>> Owned { get; init; } = [];

    /// <summary>
    /// The objects in the order to apply them, as <see cref="StatefulWorkload.Documents"/> orders them: what the pods
    /// refer to, the Services (the governing one first, so DNS exists before pods), the StatefulSet, then what refers
    /// to it (budget, autoscaler, CronJobs).
    /// </summary>
    public IReadOnlyList<IKubernetesObject<V1ObjectMeta>> Documents =>
        new IKubernetesObject<V1ObjectMeta>?[] { Service, StatefulSet, DisruptionBudget }
            .OfType<IKubernetesObject<V1ObjectMeta>>()
            .Concat(Owned)
            .Select((o, i) => (Object: o, Index: i))
            .OrderBy(x => OwnedObjects.InstallRank(x.Object.Kind))
            .ThenBy(x => x.Index)
            .Select(x => x.Object)
            .ToList();
}
