using StatefulManifests.Model;

namespace StatefulManifests;

/// <summary>
/// Builds an entry of <c>spec.volumeClaimTemplates</c>: the StatefulSet controller creates one claim per pod
/// (<c>&lt;claim&gt;-&lt;set&gt;-&lt;ordinal&gt;</c>) and adds it to the pod as a volume of the same name, so containers
/// mount it by name (<see cref="ContainerBuilder.Mount"/>) without declaring a pod volume.
/// </summary>
public sealed class VolumeClaimBuilder : ModelBuilder<VolumeClaimBuilder, PersistentVolumeClaim>
{
    internal VolumeClaimBuilder(PersistentVolumeClaim model)
        : base(model, ValueList<LocalOrigin>.Empty)
    {
    }

    private VolumeClaimBuilder(PersistentVolumeClaim model, ValueList<LocalOrigin> origins)
        : base(model, origins)
    {
    }

    /// <summary>Sets <c>spec.accessModes</c> (replacing earlier ones), e.g. <see cref="AccessMode.ReadWriteOnce"/>.</summary>
    public VolumeClaimBuilder AccessModes(params AccessMode[] modes) =>
        Set(RelativePath.Of("spec", "accessModes"), c => WithSpec(c, s => s with { AccessModes = (modes ?? []).Select(m => (EnumValue<AccessMode>)m).ToValueList() }));

    /// <summary>Sets <c>spec.storageClassName</c> (default: unset, the cluster's default StorageClass; <c>""</c> means none).</summary>
    public VolumeClaimBuilder StorageClass(string storageClassName) =>
        Set(RelativePath.Of("spec", "storageClassName"), c => WithSpec(c, s => s with { StorageClassName = storageClassName }));

    /// <summary>Sets <c>spec.resources.requests.storage</c>, e.g. <c>"10Gi"</c> (a bad quantity is reported by validation).</summary>
    public VolumeClaimBuilder Storage(string quantity) =>
        Set(RelativePath.Of("spec", "resources", "requests").Key("storage"), c => WithSpec(c, s => s with
        {
            Resources = (s.Resources ?? new VolumeResourceRequirements()) with { Requests = ModelLists.SetQuantity(s.Resources?.Requests, "storage", quantity) },
        }));

    /// <summary>Sets <c>spec.resources.limits.storage</c> (rarely used: most provisioners ignore it).</summary>
    public VolumeClaimBuilder StorageLimit(string quantity) =>
        Set(RelativePath.Of("spec", "resources", "limits").Key("storage"), c => WithSpec(c, s => s with
        {
            Resources = (s.Resources ?? new VolumeResourceRequirements()) with { Limits = ModelLists.SetQuantity(s.Resources?.Limits, "storage", quantity) },
        }));

    /// <summary>Sets <c>spec.volumeMode</c> (default Filesystem; Block gives a raw device, used with volumeDevices).</summary>
    public VolumeClaimBuilder VolumeMode(VolumeMode mode) =>
        Set(RelativePath.Of("spec", "volumeMode"), c => WithSpec(c, s => s with { VolumeMode = mode }));

    /// <summary>Sets <c>spec.selector.matchLabels</c>: bind only to PersistentVolumes with these labels.</summary>
    public VolumeClaimBuilder Selector(params (string Key, string Value)[] matchLabels) =>
        Set(RelativePath.Of("spec", "selector"), c => WithSpec(c, s => s with { Selector = new LabelSelector { MatchLabels = ModelLists.SetPairs(null, matchLabels) } }));

    /// <summary>Sets <c>spec.volumeName</c>: bind to this PersistentVolume (only sensible with one replica).</summary>
    public VolumeClaimBuilder VolumeName(string volumeName) =>
        Set(RelativePath.Of("spec", "volumeName"), c => WithSpec(c, s => s with { VolumeName = volumeName }));

    /// <summary>Sets <c>spec.dataSource</c>: pre-populate from a VolumeSnapshot or another claim.</summary>
    /// <param name="kind">The <c>kind</c>, e.g. <c>VolumeSnapshot</c> or <c>PersistentVolumeClaim</c>.</param>
    /// <param name="name">The <c>name</c> of the source object.</param>
    /// <param name="apiGroup">The <c>apiGroup</c>, e.g. <c>snapshot.storage.k8s.io</c> (unset for core kinds).</param>
    public VolumeClaimBuilder DataSource(string kind, string name, string? apiGroup = null) =>
        Set(RelativePath.Of("spec", "dataSource"), c => WithSpec(c, s => s with { DataSource = new TypedLocalObjectReference { Kind = kind, Name = name, ApiGroup = apiGroup } }));

    /// <summary>Sets <c>spec.volumeAttributesClassName</c>.</summary>
    public VolumeClaimBuilder VolumeAttributesClass(string name) =>
        Set(RelativePath.Of("spec", "volumeAttributesClassName"), c => WithSpec(c, s => s with { VolumeAttributesClassName = name }));

    /// <summary>Adds <c>metadata.labels</c> to the claim template (the created claims carry them).</summary>
    public VolumeClaimBuilder Labels(params (string Key, string Value)[] labels) =>
        Set(RelativePath.Of("metadata", "labels"), c => c with { Metadata = Meta(c) with { Labels = ModelLists.SetPairs(c.Metadata?.Labels, labels) } });

    /// <summary>Adds <c>metadata.annotations</c> to the claim template.</summary>
    public VolumeClaimBuilder Annotations(params (string Key, string Value)[] annotations) =>
        Set(RelativePath.Of("metadata", "annotations"), c => c with { Metadata = Meta(c) with { Annotations = ModelLists.SetPairs(c.Metadata?.Annotations, annotations) } });

    /// <summary>
    /// Model-level escape hatch: applies <paramref name="update"/> to the claim template built so far. Compile-time
    /// evaluation may not support arbitrary lambdas; prefer DSL methods in declarations.
    /// </summary>
    public VolumeClaimBuilder Modify(Func<PersistentVolumeClaim, PersistentVolumeClaim> update) => ModifyModel(update);

    private protected override VolumeClaimBuilder With(PersistentVolumeClaim model, ValueList<LocalOrigin> origins) => new(model, origins);

    private static ObjectMeta Meta(PersistentVolumeClaim c) => c.Metadata ?? new ObjectMeta();

    private static PersistentVolumeClaim WithSpec(PersistentVolumeClaim c, Func<PersistentVolumeClaimSpec, PersistentVolumeClaimSpec> update) =>
        c with { Spec = update(c.Spec ?? new PersistentVolumeClaimSpec()) };
}
