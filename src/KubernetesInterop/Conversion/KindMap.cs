using k8s.Models;
using StatefulManifests.Model;

namespace StatefulManifests.KubernetesClient.Conversion;

/// <summary>The model record of each kind and the official client's class for it, in one place for both directions.</summary>
internal static class KindMap
{
    public static readonly IReadOnlyList<(Type Model, Type Client, string ApiVersionKind)> Pairs =
    [
        (typeof(StatefulSet), typeof(V1StatefulSet), "apps/v1/StatefulSet"),
        (typeof(Service), typeof(V1Service), "v1/Service"),
        (typeof(PodDisruptionBudget), typeof(V1PodDisruptionBudget), "policy/v1/PodDisruptionBudget"),
        (typeof(ConfigMap), typeof(V1ConfigMap), "v1/ConfigMap"),
        (typeof(ServiceAccount), typeof(V1ServiceAccount), "v1/ServiceAccount"),
        (typeof(PersistentVolume), typeof(V1PersistentVolume), "v1/PersistentVolume"),
        (typeof(PersistentVolumeClaim), typeof(V1PersistentVolumeClaim), "v1/PersistentVolumeClaim"),
        (typeof(Role), typeof(V1Role), "rbac.authorization.k8s.io/v1/Role"),
        (typeof(RoleBinding), typeof(V1RoleBinding), "rbac.authorization.k8s.io/v1/RoleBinding"),
        (typeof(NetworkPolicy), typeof(V1NetworkPolicy), "networking.k8s.io/v1/NetworkPolicy"),
        (typeof(HorizontalPodAutoscaler), typeof(V2HorizontalPodAutoscaler), "autoscaling/v2/HorizontalPodAutoscaler"),
        (typeof(CronJob), typeof(V1CronJob), "batch/v1/CronJob"),
    ];

    /// <summary>The client class of a model type, or null for a kind the client conversion does not cover.</summary>
    public static Type? ClientOf(Type model) => Pairs.FirstOrDefault(p => p.Model == model).Client;

    /// <summary>The model type of a client class, or null.</summary>
    public static Type? ModelOf(Type client) => Pairs.FirstOrDefault(p => p.Client == client).Model;

    /// <summary>The type map <c>KubernetesYaml.LoadAllFromString</c> takes, for every kind the model types.</summary>
    public static Dictionary<string, Type> ClientTypes() => Pairs.ToDictionary(p => p.ApiVersionKind, p => p.Client, StringComparer.Ordinal);
}
