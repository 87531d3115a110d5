using StatefulManifests.Model;

namespace StatefulManifests;

/// <summary>
/// The objects a workload owns beside its StatefulSet, Service and budget (ConfigMaps, ServiceAccount, RBAC, client
/// Services, NetworkPolicy, HorizontalPodAutoscaler, CronJobs, pre-provisioned volumes and claims): how they are
/// named in errors and findings, and the order they are installed in.
/// </summary>
public static class OwnedObjects
{
    // Install order: what pods reference exists before the StatefulSet creates them (identity and RBAC, config,
    // storage, the Services their DNS names come from, the policy that admits their traffic); what refers to the
    // StatefulSet comes after it (its budget, its autoscaler, the jobs that back it up).
    private static readonly string[] KindOrder =
    [
        "ServiceAccount", "Role", "RoleBinding", "ConfigMap", "PersistentVolume", "PersistentVolumeClaim",
        "Service", "NetworkPolicy", "StatefulSet", "PodDisruptionBudget", "HorizontalPodAutoscaler", "CronJob",
    ];

    /// <summary>Whether <paramref name="autoscaler"/> scales the StatefulSet <paramref name="setName"/> (its <c>scaleTargetRef</c>).</summary>
    internal static bool Scales(HorizontalPodAutoscaler autoscaler, string? setName) =>
        autoscaler.Spec?.ScaleTargetRef is { Kind: "StatefulSet" } target && target.Name == setName;

    /// <summary>
    /// How errors and findings name <paramref name="obj"/>: <c>Kind "name"</c> (just the kind when it has no name),
    /// the form <see cref="Validation.FieldError.Object"/> and <see cref="FieldOrigin.Object"/> use.
    /// </summary>
    /// <param name="obj">The object.</param>
    public static string Subject(IKubernetesObject obj)
    {
        if (obj is null)
        {
            throw new ArgumentNullException(nameof(obj));
        }

        return Subject(obj.Kind ?? obj.GetType().Name, obj.Metadata?.Name);
    }

    /// <summary>As <see cref="Subject(IKubernetesObject)"/>, from a kind and a name.</summary>
    public static string Subject(string kind, string? name) =>
        string.IsNullOrEmpty(name) ? kind : kind + " \"" + name + "\"";

    /// <summary>Whether <paramref name="subject"/> (a <see cref="Subject(IKubernetesObject)"/> text) names an object of <paramref name="kind"/>.</summary>
    public static bool IsOfKind(string? subject, string kind) =>
        subject is not null && (subject == kind || subject.StartsWith(kind + " \"", StringComparison.Ordinal));

    /// <summary>The kinds a workload can own, in install order.</summary>
    public static IReadOnlyList<string> Kinds { get; } = KindOrder.Where(k => k is not "StatefulSet" and not "PodDisruptionBudget").ToArray();

    /// <summary>Where a kind goes in the install order (unknown kinds last): lower ranks are applied first.</summary>
    /// <param name="kind">The kind, e.g. <c>ConfigMap</c>.</param>
    public static int InstallRank(string? kind)
    {
        var index = Array.IndexOf(KindOrder, kind);
        return index < 0 ? KindOrder.Length : index;
    }

    /// <summary>The objects in install order; objects of the same kind keep the order they were declared in.</summary>
    internal static ValueList<IKubernetesObject> InInstallOrder(IEnumerable<IKubernetesObject> objects) =>
        ValueList.Of(objects.Select((o, i) => (Object: o, Index: i))
            .OrderBy(x => InstallRank(x.Object.Kind))
            .ThenBy(x => x.Index)
            .Select(x => x.Object)
            .ToArray());
}
