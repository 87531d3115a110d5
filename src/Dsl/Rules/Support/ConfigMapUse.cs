using StatefulManifests.Model;

namespace StatefulManifests.Rules.Support;

/// <summary>
/// Which ConfigMaps reach a pod's containers: read as environment (<c>envFrom</c>, <c>valueFrom.configMapKeyRef</c>)
/// or through a volume some container mounts (a <c>configMap</c> source or a projected one). A volume no container
/// mounts reaches nobody.
/// </summary>
internal static class ConfigMapUse
{
    /// <summary>The names of the ConfigMaps the pod's containers (init containers included) read.</summary>
    public static HashSet<string> Reaching(WorkloadContext workload)
    {
        var used = new HashSet<string>(StringComparer.Ordinal);
        var mounted = new HashSet<string>(StringComparer.Ordinal);
        foreach (var site in workload.AllContainers)
        {
            foreach (var mount in site.Container.VolumeMounts ?? ValueList<VolumeMount>.Empty)
            {
                if (mount?.Name is { } name)
                {
                    mounted.Add(name);
                }
            }

            foreach (var from in site.Container.EnvFrom ?? ValueList<EnvFromSource>.Empty)
            {
                if (from?.ConfigMapRef?.Name is { } map)
                {
                    used.Add(map);
                }
            }

            foreach (var env in site.Container.Env ?? ValueList<EnvVar>.Empty)
            {
                if (env?.ValueFrom?.ConfigMapKeyRef?.Name is { } map)
                {
                    used.Add(map);
                }
            }
        }

        foreach (var volume in workload.Pod.Volumes ?? ValueList<Volume>.Empty)
        {
            if (volume?.Name is { } name && mounted.Contains(name))
            {
                used.UnionWith(Projected(volume));
            }
        }

        return used;
    }

    /// <summary>The ConfigMaps a volume projects.</summary>
    public static IEnumerable<string> Projected(Volume volume)
    {
        if (volume.ConfigMap?.Name is { } map)
        {
            yield return map;
        }

        foreach (var source in volume.Projected?.Sources ?? ValueList<VolumeProjection>.Empty)
        {
            if (source?.ConfigMap?.Name is { } projected)
            {
                yield return projected;
            }
        }
    }
}
