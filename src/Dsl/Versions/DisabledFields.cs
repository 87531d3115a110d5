using StatefulManifests.Model;
using StatefulManifests.Reconciliation;
using StatefulManifests.Validation;

namespace StatefulManifests.Versions;

/// <summary>
/// The API server's <c>dropDisabledFields</c> for a StatefulSet: while a field's gate is off, the registry strategy
/// removes the field on create and update before validation — unless the stored object already uses it, so an
/// existing object keeps working after a gate is turned off (<c>dropStatefulSetDisabledFields</c> in
/// pkg/registry/apps/statefulset/strategy.go, <c>DropDisabledTemplateFields</c> in pkg/api/pod/util.go). The validator
/// and the simulator's admission both drop through here, so they cannot disagree.
/// </summary>
public static class DisabledFields
{
    /// <summary>
    /// <paramref name="statefulSet"/> as the API server stores it under <paramref name="gates"/>: each gated field
    /// whose gate is off is removed, unless <paramref name="stored"/> (the object being updated; null on create) uses it.
    /// </summary>
    public static StatefulSet Drop(StatefulSet statefulSet, StatefulSet? stored, FeatureGates gates) =>
        Drop(statefulSet, stored, gates, out _);

    /// <summary>As <see cref="Drop(StatefulSet, StatefulSet?, FeatureGates)"/>, also saying which uses were dropped.</summary>
    public static StatefulSet Drop(StatefulSet statefulSet, StatefulSet? stored, FeatureGates gates, out IReadOnlyList<DroppedField> dropped)
    {
        if (statefulSet is null)
        {
            throw new ArgumentNullException(nameof(statefulSet));
        }

        gates ??= FeatureGates.Kubernetes136;
        var found = new List<DroppedField>();
        foreach (var field in KubernetesFeatures.Fields)
        {
            if (gates.IsEnabled(field.Gate.Name) || field.UsesIn(stored).Count > 0)
            {
                continue;
            }

            var uses = field.UsesIn(statefulSet);
            if (uses.Count > 0)
            {
                found.AddRange(uses.Select(path => new DroppedField(field, path)));
                statefulSet = field.DropFrom(statefulSet);
            }
        }

        dropped = found;
        return statefulSet;
    }
}

/// <summary>One use of a gated field the API server drops: the field's row and the exact path.</summary>
/// <param name="Field">The gated field.</param>
/// <param name="Path">Where the manifest sets it.</param>
public sealed record DroppedField(GatedField Field, FieldPath Path);

/// <summary>Finding and dropping the gated fields of the StatefulSet spec itself.</summary>
internal static class StatefulSetFields
{
    private static readonly FieldPath Spec = FieldPath.Root("spec");

    public static IEnumerable<FieldPath> MaxUnavailable(StatefulSet set) =>
        set.Spec?.UpdateStrategy?.RollingUpdate?.MaxUnavailable is null ? [] : [Spec.Child("updateStrategy", "rollingUpdate", "maxUnavailable")];

    public static StatefulSet DropMaxUnavailable(StatefulSet set) => set.Spec?.UpdateStrategy?.RollingUpdate is not { } rollingUpdate
        ? set
        : set with { Spec = set.Spec with { UpdateStrategy = set.Spec.UpdateStrategy with { RollingUpdate = rollingUpdate with { MaxUnavailable = null } } } };

    public static IEnumerable<FieldPath> RetentionPolicy(StatefulSet set) =>
        set.Spec?.PersistentVolumeClaimRetentionPolicy is null ? [] : [Spec.Child("persistentVolumeClaimRetentionPolicy")];

    public static StatefulSet DropRetentionPolicy(StatefulSet set) =>
        set.Spec is null ? set : set with { Spec = set.Spec with { PersistentVolumeClaimRetentionPolicy = null } };

    public static IEnumerable<FieldPath> Ordinals(StatefulSet set) => set.Spec?.Ordinals is null ? [] : [Spec.Child("ordinals")];

    public static StatefulSet DropOrdinals(StatefulSet set) => set.Spec is null ? set : set with { Spec = set.Spec with { Ordinals = null } };
}

/// <summary>
/// Finding and dropping the gated fields of the pod template, as <c>dropDisabledFields</c> in pkg/api/pod/util.go
/// does (init and regular containers: a StatefulSet template cannot hold ephemeral containers).
/// </summary>
internal static class PodTemplateFields
{
    private static readonly FieldPath PodSpecPath = FieldPath.Root("spec").Child("template", "spec");

    public static IEnumerable<FieldPath> HostUsers(StatefulSet set) =>
        Pod(set)?.HostUsers is null ? [] : [PodSpecPath.Child("hostUsers")];

    public static StatefulSet DropHostUsers(StatefulSet set) => WithPod(set, pod => pod with { HostUsers = null });

    // podLevelResourcesInUse: requests or limits set at the pod level.
    public static IEnumerable<FieldPath> PodResources(StatefulSet set) =>
        Pod(set)?.Resources is { } resources && (resources.Requests is { Count: > 0 } || resources.Limits is { Count: > 0 }) ? [PodSpecPath.Child("resources")] : [];

    public static StatefulSet DropPodResources(StatefulSet set) => WithPod(set, pod => pod with { Resources = null });

    public static IEnumerable<FieldPath> SupplementalGroupsPolicy(StatefulSet set) =>
        Pod(set)?.SecurityContext?.SupplementalGroupsPolicy is null ? [] : [PodSpecPath.Child("securityContext", "supplementalGroupsPolicy")];

    public static StatefulSet DropSupplementalGroupsPolicy(StatefulSet set) =>
        WithPod(set, pod => pod.SecurityContext is null ? pod : pod with { SecurityContext = pod.SecurityContext with { SupplementalGroupsPolicy = null } });

    public static IEnumerable<FieldPath> SeLinuxChangePolicy(StatefulSet set) =>
        Pod(set)?.SecurityContext?.SeLinuxChangePolicy is null ? [] : [PodSpecPath.Child("securityContext", "seLinuxChangePolicy")];

    public static StatefulSet DropSeLinuxChangePolicy(StatefulSet set) =>
        WithPod(set, pod => pod.SecurityContext is null ? pod : pod with { SecurityContext = pod.SecurityContext with { SeLinuxChangePolicy = null } });

    // restartableInitContainersInUse looks for restartPolicy Always; the field is dropped from every init container.
    public static IEnumerable<FieldPath> SidecarRestartPolicy(StatefulSet set) =>
        Containers(set, init: true).Where(c => c.Container.RestartPolicy is not null).Select(c => c.Path.Child("restartPolicy"));

    public static StatefulSet DropSidecarRestartPolicy(StatefulSet set) =>
        WithContainers(set, init: true, c => c with { RestartPolicy = null });

    public static IEnumerable<FieldPath> ResizePolicy(StatefulSet set) =>
        AllContainers(set).Where(c => c.Container.ResizePolicy is { Count: > 0 }).Select(c => c.Path.Child("resizePolicy"));

    public static StatefulSet DropResizePolicy(StatefulSet set) =>
        WithAllContainers(set, c => c with { ResizePolicy = null });

    public static IEnumerable<FieldPath> SleepAction(StatefulSet set) =>
        AllContainers(set).SelectMany(c => new[]
        {
            c.Container.Lifecycle?.PostStart?.Sleep is null ? null : c.Path.Child("lifecycle", "postStart", "sleep"),
            c.Container.Lifecycle?.PreStop?.Sleep is null ? null : c.Path.Child("lifecycle", "preStop", "sleep"),
        }.OfType<FieldPath>());

    // dropPodLifecycleSleepAction: a handler left with no action goes, and so does a lifecycle left with no handler.
    public static StatefulSet DropSleepAction(StatefulSet set) => WithAllContainers(set, c =>
    {
        if (c.Lifecycle is not { } lifecycle)
        {
            return c;
        }

        var trimmed = lifecycle with { PostStart = WithoutSleep(lifecycle.PostStart), PreStop = WithoutSleep(lifecycle.PreStop) };
        return c with { Lifecycle = trimmed.PostStart is null && trimmed.PreStop is null ? null : trimmed };
    });

    public static IEnumerable<FieldPath> RecursiveReadOnly(StatefulSet set) =>
        AllContainers(set).SelectMany(c => (c.Container.VolumeMounts ?? ValueList<VolumeMount>.Empty)
            .Select((m, i) => m?.RecursiveReadOnly is null ? null : c.Path.Child("volumeMounts").Index(i).Child("recursiveReadOnly")))
            .OfType<FieldPath>();

    public static StatefulSet DropRecursiveReadOnly(StatefulSet set) => WithAllContainers(set, c => c.VolumeMounts is null
        ? c
        : c with { VolumeMounts = c.VolumeMounts.Select(m => m is null ? m! : m with { RecursiveReadOnly = null }).ToValueList() });

    public static IEnumerable<FieldPath> ImageVolumes(StatefulSet set) =>
        (Pod(set)?.Volumes ?? ValueList<Volume>.Empty)
            .Select((v, i) => v?.Image is null ? null : PodSpecPath.Child("volumes").Index(i).Child("image"))
            .OfType<FieldPath>();

    // dropImageVolumes: the image volumes go, and with them every mount of them.
    public static StatefulSet DropImageVolumes(StatefulSet set)
    {
        var names = new HashSet<string>((Pod(set)?.Volumes ?? ValueList<Volume>.Empty).Where(v => v?.Image is not null).Select(v => v.Name ?? string.Empty), StringComparer.Ordinal);
        var withoutVolumes = WithPod(set, pod => pod with { Volumes = pod.Volumes?.Where(v => v?.Image is null).ToValueList() });
        return WithAllContainers(withoutVolumes, c => c.VolumeMounts is null
            ? c
            : c with { VolumeMounts = c.VolumeMounts.Where(m => m is null || !names.Contains(m.Name ?? string.Empty)).ToValueList() });
    }

    private static LifecycleHandler? WithoutSleep(LifecycleHandler? handler)
    {
        if (handler?.Sleep is null)
        {
            return handler;
        }

        var trimmed = handler with { Sleep = null };
        return trimmed.Exec is null && trimmed.HttpGet is null && trimmed.TcpSocket is null ? null : trimmed;
    }

    private static PodSpec? Pod(StatefulSet set) => set.Spec?.Template?.Spec;

    private static StatefulSet WithPod(StatefulSet set, Func<PodSpec, PodSpec> change) =>
        set.Spec?.Template?.Spec is not { } pod ? set : set with { Spec = set.Spec with { Template = set.Spec.Template with { Spec = change(pod) } } };

    private static IEnumerable<(Container Container, FieldPath Path)> Containers(StatefulSet set, bool init)
    {
        var list = (init ? Pod(set)?.InitContainers : Pod(set)?.Containers) ?? ValueList<Container>.Empty;
        var path = PodSpecPath.Child(init ? "initContainers" : "containers");
        return list.Select((c, i) => (Container: c, Path: path.Index(i))).Where(c => c.Container is not null);
    }

    private static IEnumerable<(Container Container, FieldPath Path)> AllContainers(StatefulSet set) =>
        Containers(set, init: true).Concat(Containers(set, init: false));

    private static StatefulSet WithContainers(StatefulSet set, bool init, Func<Container, Container> change) => WithPod(set, pod => init
        ? pod with { InitContainers = pod.InitContainers?.Select(c => c is null ? c! : change(c)).ToValueList() }
        : pod with { Containers = pod.Containers?.Select(c => c is null ? c! : change(c)).ToValueList() });

    private static StatefulSet WithAllContainers(StatefulSet set, Func<Container, Container> change) =>
        WithContainers(WithContainers(set, init: true, change), init: false, change);
}
