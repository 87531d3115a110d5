namespace StatefulManifests;

/// <summary>
/// A typed reference to a configuration the workload owns (<see cref="StatefulSetBuilder.Config(ConfigRef, Func{ConfigMapBuilder, ConfigMapBuilder}, bool)"/>),
/// so the ConfigMap, the pod volume that projects it and each container's mount are named by one value instead of a
/// repeated string. Declare it once, e.g. <c>static readonly ConfigRef DbConfig = new("db-config");</c>.
/// <para>
/// Naming: the pod volume is called <see cref="Name"/>; the ConfigMap is called <c>&lt;set&gt;-&lt;name&gt;</c>
/// (<c>postgres-db-config</c>), as Helm's <c>fullname</c> idiom does, so two workloads in one namespace can both own a
/// <c>config</c>. Pass <see cref="ConfigMapName"/> to choose the ConfigMap's name yourself.
/// </para>
/// </summary>
/// <param name="Name">The configuration's short name: the pod volume's name (a DNS label) and the suffix of the ConfigMap's.</param>
/// <param name="ConfigMapName">The ConfigMap's name as given, or null for <c>&lt;set&gt;-&lt;name&gt;</c>.</param>
public sealed record ConfigRef(string Name, string? ConfigMapName = null)
{
    /// <summary>The ConfigMap's name for the set <paramref name="setName"/>.</summary>
    public string ConfigMapNameFor(string setName) => ConfigMapName ?? setName + "-" + Name;

    /// <summary>The pod template annotation that carries the checksum of this configuration's data.</summary>
    public string ChecksumAnnotation => ChecksumPrefix + Name;

    /// <summary>The prefix of every configuration checksum annotation (<c>checksum/config-</c>).</summary>
    public const string ChecksumPrefix = "checksum/config-";
}
