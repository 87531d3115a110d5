using k8s;
using k8s.Models;

namespace StatefulManifests.KubernetesClient;

/// <summary>
/// A workload as the official client's objects: the StatefulSet, its governing Service and its PodDisruptionBudget
/// (each optional but the StatefulSet).
/// </summary>
/// <param name="StatefulSet">The <c>apps/v1 StatefulSet</c>.</param>
/// <param name="Service">The <c>v1 Service</c>, or null.</param>
/// <param name="DisruptionBudget">The <c>policy/v1 PodDisruptionBudget</c>, or null.</param>
public sealed record WorkloadObjects(V1StatefulSet StatefulSet, V1Service? Service, V1PodDisruptionBudget? DisruptionBudget)
{
    /// <summary>The objects in the order to apply them: Service (so DNS exists before pods), StatefulSet, budget.</summary>
    public IReadOnlyList<IKubernetesObject<V1ObjectMeta>> Documents =>
        new IKubernetesObject<V1ObjectMeta>?[] { Service, StatefulSet, DisruptionBudget }.OfType<IKubernetesObject<V1ObjectMeta>>().ToList();
}
