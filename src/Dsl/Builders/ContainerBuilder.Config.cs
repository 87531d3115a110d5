namespace StatefulManifests;

/// <summary>Mounting the configurations the workload owns.</summary>
public sealed partial class ContainerBuilder
{
    /// <summary>
    /// Mounts the configuration <paramref name="config"/> (declared with <see cref="StatefulSetBuilder.Config(ConfigRef, Func{ConfigMapBuilder, ConfigMapBuilder}, bool)"/>)
    /// read-only at <paramref name="mountPath"/>: each key a file there, or only the key <paramref name="subPath"/>
    /// as the file <paramref name="mountPath"/> (a subPath mount is not updated in place; the checksum annotation
    /// still rolls the pods).
    /// </summary>
    /// <param name="config">The configuration.</param>
    /// <param name="mountPath">The directory (or, with <paramref name="subPath"/>, the file) in the container.</param>
    /// <param name="subPath">One key to mount as a file, or null for all keys as a directory.</param>
    public ContainerBuilder MountConfig(ConfigRef config, string mountPath, string? subPath = null) =>
        Mount(config?.Name!, mountPath, readOnly: true, subPath: subPath);
}
