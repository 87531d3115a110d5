using StatefulManifests.Model;
using StatefulManifests.Rules.Support;

namespace StatefulManifests.Rules.Linting;

/// <summary>
/// Which objects of plain YAML a StatefulSet owns, the way the DSL would have rendered them with it: what refers to
/// the set or its pods (an autoscaler targeting it, a Service or NetworkPolicy selecting its pods, a claim named as
/// its controller names claims) and what its pods refer to (their ServiceAccount, the ConfigMaps they mount or read) and the RBAC of that identity (a RoleBinding to the pods'
/// ServiceAccount, a Role such a binding grants).
/// Objects of the owned kinds that no set owns are validated on their own.
/// </summary>
internal static class OwnedPairing
{
    /// <summary>The objects among <paramref name="candidates"/> that <paramref name="set"/> owns, in input order.</summary>
    public static List<LocatedObject<IKubernetesObject>> OwnedBy(
        LocatedObject<StatefulSet> set,
        LocatedObject<Service>? governing,
        IEnumerable<LocatedObject<IKubernetesObject>> candidates)
    {
        var inNamespace = candidates.Where(c => !ReferenceEquals(c.Object, governing?.Object) && Compatible(c.Namespace, set.Namespace)).ToList();
        var account = AccountOf(set.Object);

        // RBAC follows the pods' identity: a RoleBinding binding their ServiceAccount, and a Role such a binding grants.
        var roles = new HashSet<string>(inNamespace.Select(c => c.Object).OfType<RoleBinding>()
            .Where(b => Binds(b, account) && b.RoleRef is { Kind: "Role", Name: { Length: > 0 } })
            .Select(b => b.RoleRef!.Name!), StringComparer.Ordinal);
        return inNamespace.Where(c => c.Object switch
        {
            RoleBinding b => Binds(b, account),
            Role r => r.Metadata?.Name is { Length: > 0 } role && roles.Contains(role),
            _ => Owns(set.Object, c.Object),
        }).ToList();
    }

    private static string? AccountOf(StatefulSet set) =>
        set.Spec?.Template?.Spec is { } pod ? (pod.ServiceAccountName is { Length: > 0 } name ? name : pod.ServiceAccount) : null;

    // A binding whose subject is the pods' ServiceAccount (a subject without a namespace is in the binding's).
    private static bool Binds(RoleBinding binding, string? account) =>
        account is { Length: > 0 } && (binding.Subjects ?? ValueList<Subject>.Empty).Any(s => s is { Kind: "ServiceAccount" } && s.Name == account);

    private static bool Owns(StatefulSet set, IKubernetesObject candidate)
    {
        var name = set.Metadata?.Name ?? string.Empty;
        var pod = set.Spec?.Template?.Spec;
        var podLabels = set.Spec?.Template?.Metadata?.Labels;
        return candidate switch
        {
            HorizontalPodAutoscaler h => OwnedObjects.Scales(h, name),
            Service s => s.Spec?.Selector is { Count: > 0 } selector && (LabelSelectors.MapMatches(selector, podLabels) || IsPerOrdinalOf(name, selector)),
            NetworkPolicy n => n.Spec?.PodSelector is { } podSelector && (podSelector.MatchLabels is { Count: > 0 } || podSelector.MatchExpressions is { Count: > 0 }) && LabelSelectors.Matches(podSelector, podLabels),
            ServiceAccount a => a.Metadata?.Name is { Length: > 0 } account && account == (pod?.ServiceAccountName ?? pod?.ServiceAccount),
            ConfigMap c => c.Metadata?.Name is { Length: > 0 } map && ConfigMapsOf(pod).Contains(map),
            PersistentVolumeClaim c => c.Metadata?.Name is { Length: > 0 } claim && IsClaimOf(set, claim),
            PersistentVolume v => v.Spec?.ClaimRef?.Name is { Length: > 0 } bound && IsClaimOf(set, bound) &&
                                  Compatible(v.Spec.ClaimRef.Namespace ?? string.Empty, set.Metadata?.Namespace ?? string.Empty),
            CronJob j => (j.Spec?.JobTemplate?.Spec?.Template?.Spec?.Volumes ?? ValueList<Volume>.Empty)
                .Any(v => v?.PersistentVolumeClaim?.ClaimName is { Length: > 0 } mounted && IsClaimOf(set, mounted)),
            _ => false,
        };
    }

    // A per-ordinal Service selects one pod by the name label the controller adds to it; the pod name must be one
    // the controller would give (its own naming, so "db-007" or "db-x" is not a pod of "db").
    private static bool IsPerOrdinalOf(string set, IReadOnlyDictionary<string, string> selector) =>
        selector.Count == 1 && selector.TryGetValue(StatefulSetBuilder.PodNameLabel, out var pod) && pod is not null
        && StatefulSetNames.PodOrdinal(set, pod) is not null;

    // Claims the controller would look up for this set: <template>-<set>-<ordinal> (the controller's own naming).
    private static bool IsClaimOf(StatefulSet set, string claim) =>
        (set.Spec?.VolumeClaimTemplates ?? ValueList<PersistentVolumeClaim>.Empty).Any(template =>
            template?.Metadata?.Name is { } templateName && StatefulSetNames.ClaimOrdinal(templateName, set.Metadata?.Name ?? string.Empty, claim) is not null);

    private static HashSet<string> ConfigMapsOf(PodSpec? pod)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var volume in pod?.Volumes ?? ValueList<Volume>.Empty)
        {
            if (volume?.ConfigMap?.Name is { } map)
            {
                names.Add(map);
            }

            foreach (var source in volume?.Projected?.Sources ?? ValueList<VolumeProjection>.Empty)
            {
                if (source?.ConfigMap?.Name is { } projected)
                {
                    names.Add(projected);
                }
            }
        }

        foreach (var container in (pod?.Containers ?? ValueList<Container>.Empty).Concat(pod?.InitContainers ?? ValueList<Container>.Empty))
        {
            foreach (var from in container?.EnvFrom ?? ValueList<EnvFromSource>.Empty)
            {
                if (from?.ConfigMapRef?.Name is { } map)
                {
                    names.Add(map);
                }
            }

            foreach (var env in container?.Env ?? ValueList<EnvVar>.Empty)
            {
                if (env?.ValueFrom?.ConfigMapKeyRef?.Name is { } map)
                {
                    names.Add(map);
                }
            }
        }

        return names;
    }

    // An unset namespace means "wherever it is applied", so it pairs with anything.
    private static bool Compatible(string a, string b) => a.Length == 0 || b.Length == 0 || a == b;
}
