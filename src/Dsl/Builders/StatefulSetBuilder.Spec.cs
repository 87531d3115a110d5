using StatefulManifests.Model;

namespace StatefulManifests;

/// <summary>The StatefulSet spec fields: replicas, ordering, updates, retention, ordinals, claim templates.</summary>
public sealed partial class StatefulSetBuilder
{
    /// <summary>Sets <c>spec.replicas</c> (default: unset, which Kubernetes treats as 1).</summary>
    public StatefulSetBuilder Replicas(int replicas) => UpdateSpec("replicas", s => s with { Replicas = replicas });

    /// <summary>
    /// Sets <c>spec.serviceName</c> and the name of the generated headless Service (default: the set's name).
    /// Pods get DNS names <c>&lt;pod&gt;.&lt;serviceName&gt;.&lt;namespace&gt;.svc</c>. With <see cref="WithoutService"/>, it
    /// names a Service managed elsewhere.
    /// </summary>
    public StatefulSetBuilder ServiceName(string serviceName) => Update(SpecPath.Child("serviceName"), d => d with { ServiceName = serviceName });

    /// <summary>Sets <c>spec.podManagementPolicy</c> (default: unset, OrderedReady — one pod at a time, in ordinal order).</summary>
    public StatefulSetBuilder PodManagementPolicy(PodManagementPolicy policy) => UpdateSpec("podManagementPolicy", s => s with { PodManagementPolicy = policy });

    /// <summary>
    /// Sets <c>spec.updateStrategy.type: RollingUpdate</c> (Kubernetes' default): pods are replaced from the highest
    /// ordinal down. <paramref name="partition"/> (<c>rollingUpdate.partition</c>) keeps ordinals below it on the old
    /// revision (a canary); <paramref name="maxUnavailable"/> (<c>rollingUpdate.maxUnavailable</c>) lets several pods
    /// update at once (feature-gated in Kubernetes). A null argument leaves that field as it is.
    /// </summary>
    public StatefulSetBuilder RollingUpdate(int? partition = null, int? maxUnavailable = null) =>
        SetRollingUpdate(partition, ModelLists.Optional(maxUnavailable));

    /// <summary>As <see cref="RollingUpdate(int?, int?)"/> with <c>rollingUpdate.maxUnavailable</c> as a percentage such as <c>"25%"</c>.</summary>
    public StatefulSetBuilder RollingUpdate(string maxUnavailable, int? partition = null) => SetRollingUpdate(partition, maxUnavailable);

    /// <summary>Sets <c>spec.updateStrategy.type: OnDelete</c>: the controller updates a pod only after you delete it.</summary>
    public StatefulSetBuilder OnDelete() =>
        UpdateSpec("updateStrategy", s => s with { UpdateStrategy = new StatefulSetUpdateStrategy { Type = UpdateStrategyType.OnDelete } });

    /// <summary>Sets <c>spec.revisionHistoryLimit</c> (default: unset, 10 ControllerRevisions kept).</summary>
    public StatefulSetBuilder RevisionHistoryLimit(int limit) => UpdateSpec("revisionHistoryLimit", s => s with { RevisionHistoryLimit = limit });

    /// <summary>Sets <c>spec.minReadySeconds</c> (default: unset, 0): how long a pod must be ready before it counts as available.</summary>
    public StatefulSetBuilder MinReadySeconds(int seconds) => UpdateSpec("minReadySeconds", s => s with { MinReadySeconds = seconds });

    /// <summary>
    /// Sets <c>spec.persistentVolumeClaimRetentionPolicy</c> (Kubernetes' default: Retain for both): whether the
    /// claims of the pods are deleted when the StatefulSet is deleted (<c>whenDeleted</c>) or scaled down
    /// (<c>whenScaled</c>). A null argument leaves that field as it is.
    /// </summary>
    public StatefulSetBuilder ClaimRetention(ClaimRetentionPolicy? whenDeleted = null, ClaimRetentionPolicy? whenScaled = null) =>
        UpdateSpec("persistentVolumeClaimRetentionPolicy", s =>
        {
            var policy = s.PersistentVolumeClaimRetentionPolicy ?? new StatefulSetPersistentVolumeClaimRetentionPolicy();
            return s with
            {
                PersistentVolumeClaimRetentionPolicy = policy with
                {
                    WhenDeleted = whenDeleted is { } d ? d : policy.WhenDeleted,
                    WhenScaled = whenScaled is { } w ? w : policy.WhenScaled,
                },
            };
        });

    /// <summary>Sets <c>spec.ordinals.start</c> (default: unset, 0): the first pod is <c>&lt;name&gt;-&lt;start&gt;</c>.</summary>
    public StatefulSetBuilder OrdinalsStart(int start) => UpdateSpec("ordinals", s => s with { Ordinals = new StatefulSetOrdinals { Start = start } });

    /// <summary>
    /// Adds (or, for an existing name, further configures) a <c>spec.volumeClaimTemplates</c> entry named
    /// <paramref name="name"/>: one PersistentVolumeClaim per pod, mounted by containers with
    /// <c>c.Mount(name, path)</c>.
    /// </summary>
    public StatefulSetBuilder VolumeClaim(string name, Func<VolumeClaimBuilder, VolumeClaimBuilder> configure)
    {
        var claims = draft.Spec.VolumeClaimTemplates;
        var index = ModelLists.FindIndex(claims, c => c.Metadata?.Name == name);
        var seed = index >= 0 ? claims![index] : new PersistentVolumeClaim { Metadata = new ObjectMeta { Name = name } };
        index = index >= 0 ? index : ModelLists.NextIndex(claims);
        return Nest(
            SpecPath.Child("volumeClaimTemplates").Index(index),
            new VolumeClaimBuilder(seed),
            configure,
            (d, b) => d with { Spec = d.Spec with { VolumeClaimTemplates = ModelLists.Upsert(d.Spec.VolumeClaimTemplates, c => c.Metadata?.Name == name, _ => b.Model, out _) } });
    }

    /// <summary>
    /// The common claim template in one call: <paramref name="storage"/> (<c>spec.resources.requests.storage</c>),
    /// <paramref name="accessMode"/> (default ReadWriteOnce) and <paramref name="storageClass"/> (default: unset,
    /// the cluster's default class).
    /// </summary>
    public StatefulSetBuilder VolumeClaim(string name, string storage, AccessMode accessMode = AccessMode.ReadWriteOnce, string? storageClass = null) =>
        VolumeClaim(name, v =>
        {
            var claim = v.AccessModes(accessMode).Storage(storage);
            return storageClass is null ? claim : claim.StorageClass(storageClass);
        });

    /// <summary>
    /// Model-level escape hatch: applies <paramref name="update"/> to the finished StatefulSet, after every default
    /// (selector, labels, serviceName) is wired; the Service and budget are derived from its result. Compile-time
    /// evaluation may not support arbitrary lambdas: prefer DSL methods, or <see cref="Patch"/> for fields the
    /// model lacks.
    /// </summary>
    public StatefulSetBuilder ModifyStatefulSet(Func<StatefulSet, StatefulSet> update) =>
        Update(Validation.FieldPath.Document, d => d with { Modifications = d.Modifications.Add(update ?? throw new ArgumentNullException(nameof(update))) });

    private StatefulSetBuilder SetRollingUpdate(int? partition, IntOrString? maxUnavailable) =>
        UpdateSpec("updateStrategy", s =>
        {
            var current = s.UpdateStrategy?.Type == UpdateStrategyType.RollingUpdate ? s.UpdateStrategy.RollingUpdate : null;
            var rolling = partition is null && maxUnavailable is null
                ? current
                : (current ?? new RollingUpdateStatefulSetStrategy()) with
                {
                    Partition = partition ?? current?.Partition,
                    MaxUnavailable = maxUnavailable ?? current?.MaxUnavailable,
                };
            return s with { UpdateStrategy = new StatefulSetUpdateStrategy { Type = UpdateStrategyType.RollingUpdate, RollingUpdate = rolling } };
        });
}
