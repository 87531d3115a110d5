namespace StatefulManifests.Model;

/// <summary>A top-level Kubernetes object: one YAML document of a manifest.</summary>
public interface IKubernetesObject
{
    /// <summary>The <c>apiVersion</c>, e.g. <c>apps/v1</c>.</summary>
    string? ApiVersion { get; }

    /// <summary>The <c>kind</c>, e.g. <c>StatefulSet</c>.</summary>
    string? Kind { get; }

    /// <summary>The object's metadata.</summary>
    ObjectMeta? Metadata { get; }
}

/// <summary>A <c>apps/v1 StatefulSet</c>.</summary>
public sealed partial record StatefulSet : IKubernetesObject;

/// <summary>A <c>v1 Service</c>.</summary>
public sealed partial record Service : IKubernetesObject;

/// <summary>A <c>policy/v1 PodDisruptionBudget</c>.</summary>
public sealed partial record PodDisruptionBudget : IKubernetesObject;

/// <summary>A <c>v1 ConfigMap</c>.</summary>
public sealed partial record ConfigMap : IKubernetesObject;

/// <summary>A <c>v1 ServiceAccount</c>.</summary>
public sealed partial record ServiceAccount : IKubernetesObject;

/// <summary>A <c>v1 PersistentVolume</c>.</summary>
public sealed partial record PersistentVolume : IKubernetesObject;

/// <summary>A <c>v1 PersistentVolumeClaim</c>, standalone (a StatefulSet's claim templates share the type).</summary>
public sealed partial record PersistentVolumeClaim : IKubernetesObject;

/// <summary>A <c>rbac.authorization.k8s.io/v1 Role</c>.</summary>
public sealed partial record Role : IKubernetesObject;

/// <summary>A <c>rbac.authorization.k8s.io/v1 RoleBinding</c>.</summary>
public sealed partial record RoleBinding : IKubernetesObject;

/// <summary>A <c>networking.k8s.io/v1 NetworkPolicy</c>.</summary>
public sealed partial record NetworkPolicy : IKubernetesObject;

/// <summary>An <c>autoscaling/v2 HorizontalPodAutoscaler</c>.</summary>
public sealed partial record HorizontalPodAutoscaler : IKubernetesObject;

/// <summary>A <c>batch/v1 CronJob</c>.</summary>
public sealed partial record CronJob : IKubernetesObject;

/// <summary>
/// A document of a kind the model does not type (a Secret, a custom resource ...), kept whole so that reading and
/// re-rendering a manifest loses nothing.
/// </summary>
public sealed record UnmodelledObject(RawValue Content) : IKubernetesObject
{
    /// <inheritdoc />
    public string? ApiVersion => Field("apiVersion");

    /// <inheritdoc />
    public string? Kind => Field("kind");

    /// <inheritdoc />
    public ObjectMeta? Metadata => Content.Map is { } map && map.TryGetValue("metadata", out var meta) && meta.Map is { } m
        ? new ObjectMeta
        {
            Name = m.TryGetValue("name", out var n) ? n.Scalar : null,
            Namespace = m.TryGetValue("namespace", out var ns) ? ns.Scalar : null,
        }
        : null;

    private string? Field(string key) => Content.Map is { } map && map.TryGetValue(key, out var value) ? value.Scalar : null;
}
