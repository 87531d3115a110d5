using StatefulManifests.Model;

namespace StatefulManifests;

/// <summary>
/// Builds a pod volume (<c>spec.template.spec.volumes[]</c>). A volume has exactly one source: choosing one
/// (<see cref="ConfigMap"/>, <see cref="Secret"/>, <see cref="EmptyDir"/> ...) replaces any other. Per-pod
/// persistent storage belongs in a claim template (<see cref="StatefulSetBuilder.VolumeClaim(string, Func{VolumeClaimBuilder, VolumeClaimBuilder})"/>), not here.
/// </summary>
public sealed class VolumeBuilder : ModelBuilder<VolumeBuilder, Volume>
{
    internal VolumeBuilder(Volume model)
        : base(model, ValueList<LocalOrigin>.Empty)
    {
    }

    private VolumeBuilder(Volume model, ValueList<LocalOrigin> origins)
        : base(model, origins)
    {
    }

    /// <summary>Sets the source to <c>configMap</c>: the keys of ConfigMap <paramref name="configMap"/> as files.</summary>
    /// <param name="configMap">The <c>configMap.name</c>.</param>
    /// <param name="defaultMode">The <c>defaultMode</c> file mode, e.g. <c>0x1ED</c> for 0755 (default: unset, 0644).</param>
    /// <param name="optional">The <c>optional</c> flag (default: unset, a missing ConfigMap blocks the pod).</param>
    public VolumeBuilder ConfigMap(string configMap, int? defaultMode = null, bool? optional = null) =>
        Source("configMap", v => v with { ConfigMap = new ConfigMapVolumeSource { Name = configMap, DefaultMode = defaultMode, Optional = optional } });

    /// <summary>Sets the source to <c>secret</c>: the keys of Secret <paramref name="secret"/> as files.</summary>
    /// <param name="secret">The <c>secret.secretName</c>.</param>
    /// <param name="defaultMode">The <c>defaultMode</c> file mode (default: unset, 0644).</param>
    /// <param name="optional">The <c>optional</c> flag (default: unset).</param>
    public VolumeBuilder Secret(string secret, int? defaultMode = null, bool? optional = null) =>
        Source("secret", v => v with { Secret = new SecretVolumeSource { SecretName = secret, DefaultMode = defaultMode, Optional = optional } });

    /// <summary>
    /// Appends to the <c>items</c> of the configMap or secret source chosen before: only listed keys are projected,
    /// each to its <paramref name="path"/> (with an optional file <paramref name="mode"/>).
    /// </summary>
    public VolumeBuilder Item(string key, string path, int? mode = null)
    {
        var item = DownwardApiItems.KeyToPath(key, path, mode);
        if (Model.Secret is { } secret)
        {
            return Set(RelativePath.Of("secret", "items"), v => v with { Secret = secret with { Items = ModelLists.Append(secret.Items, item) } });
        }

        var configMap = Model.ConfigMap ?? new ConfigMapVolumeSource();
        return Set(RelativePath.Of("configMap", "items"), v => v with { ConfigMap = configMap with { Items = ModelLists.Append(configMap.Items, item) } });
    }

    /// <summary>Sets the source to <c>emptyDir</c>: scratch space that lives as long as the pod.</summary>
    /// <param name="medium">The <c>medium</c>: <c>"Memory"</c> for tmpfs (default: unset, node disk).</param>
    /// <param name="sizeLimit">The <c>sizeLimit</c> quantity, e.g. <c>"1Gi"</c> (default: unset, no limit).</param>
    public VolumeBuilder EmptyDir(string? medium = null, string? sizeLimit = null) =>
        Source("emptyDir", v => v with { EmptyDir = new EmptyDirVolumeSource { Medium = medium, SizeLimit = sizeLimit is null ? null : Quantity.FromText(sizeLimit) } });

    /// <summary>Sets the source to <c>hostPath</c> (a node directory; avoid for portable workloads).</summary>
    /// <param name="path">The <c>hostPath.path</c>.</param>
    /// <param name="type">The <c>hostPath.type</c>, e.g. <c>Directory</c> or <c>DirectoryOrCreate</c> (default: unset, no check).</param>
    public VolumeBuilder HostPath(string path, string? type = null) =>
        Source("hostPath", v => v with { HostPath = new HostPathVolumeSource { Path = path, Type = type } });

    /// <summary>Sets the source to an inline <c>csi</c> volume (secrets stores, node-local drivers).</summary>
    /// <param name="driver">The <c>csi.driver</c> name, e.g. <c>secrets-store.csi.k8s.io</c>.</param>
    /// <param name="readOnly">The <c>csi.readOnly</c> flag (default: unset, read-write).</param>
    /// <param name="attributes">The <c>csi.volumeAttributes</c> key/value pairs.</param>
    public VolumeBuilder Csi(string driver, bool? readOnly = null, params (string Key, string Value)[] attributes) =>
        Source("csi", v => v with
        {
            Csi = new CSIVolumeSource
            {
                Driver = driver,
                ReadOnly = readOnly,
                VolumeAttributes = attributes is { Length: > 0 } ? ValueMap.Of(attributes) : null,
            },
        });

    /// <summary>Sets the source to <c>persistentVolumeClaim</c>: an existing claim shared by every pod (not per pod).</summary>
    public VolumeBuilder PersistentVolumeClaim(string claimName, bool? readOnly = null) =>
        Source("persistentVolumeClaim", v => v with { PersistentVolumeClaim = new PersistentVolumeClaimVolumeSource { ClaimName = claimName, ReadOnly = readOnly } });

    /// <summary>Sets the source to <c>downwardAPI</c> (if needed) and appends an item exposing a pod field (e.g. <c>metadata.labels</c>) as a file.</summary>
    public VolumeBuilder DownwardApiField(string path, string fieldPath, int? mode = null) =>
        AddDownwardApiItem(DownwardApiItems.Field(path, fieldPath, mode));

    /// <summary>Sets the source to <c>downwardAPI</c> (if needed) and appends an item exposing a resource request or limit (e.g. <c>limits.memory</c>).</summary>
    public VolumeBuilder DownwardApiResource(string path, string resource, string containerName, string? divisor = null, int? mode = null) =>
        AddDownwardApiItem(DownwardApiItems.Resource(path, resource, containerName, divisor, mode));

    /// <summary>Sets the source to <c>projected</c>: several ConfigMaps, Secrets, downward API items and service account tokens in one directory.</summary>
    public VolumeBuilder Projected(Func<ProjectedVolumeBuilder, ProjectedVolumeBuilder> configure) =>
        Nest(
            RelativePath.Of("projected"),
            new ProjectedVolumeBuilder(Model.Projected ?? new ProjectedVolumeSource()),
            configure,
            (v, p) => new Volume { Name = v.Name, Projected = p.Model });

    /// <summary>
    /// Model-level escape hatch: applies <paramref name="update"/> to the volume (e.g. a source kind the DSL has no
    /// method for, such as <c>csi</c> or <c>nfs</c>). Compile-time evaluation may not support arbitrary lambdas.
    /// </summary>
    public VolumeBuilder Modify(Func<Volume, Volume> update) => ModifyModel(update);

    private protected override VolumeBuilder With(Volume model, ValueList<LocalOrigin> origins) => new(model, origins);

    private VolumeBuilder AddDownwardApiItem(DownwardAPIVolumeFile item)
    {
        var source = Model.DownwardAPI ?? new DownwardAPIVolumeSource();
        return Source("downwardAPI", v => v with { DownwardAPI = source with { Items = ModelLists.Append(source.Items, item) } });
    }

    // Every source kind is exclusive, so a chosen source starts from a volume that has only its name.
    private VolumeBuilder Source(string field, Func<Volume, Volume> set) => Set(field, v => set(new Volume { Name = v.Name }));
}
