using StatefulManifests.Model;
using StatefulManifests.Validation;

namespace StatefulManifests;

/// <summary>
/// Configures <see cref="StatefulSetBuilder.PreProvisionedClaims"/>: where the PersistentVolume stubs' data lives
/// (<see cref="Local"/>, <see cref="Nfs"/>, <see cref="Csi"/>; none: only the claims), their storage class and
/// reclaim policy. Text values may contain <c>{ordinal}</c>, <c>{pod}</c> and <c>{claim}</c>. Immutable: every
/// call returns a new builder.
/// </summary>
public sealed class PreProvisionedStorageBuilder
{
    internal PreProvisionedStorageBuilder(PreProvisionedStorage storage, ValueList<FieldError> errors)
    {
        Storage = storage;
        Errors = errors;
    }

    internal PreProvisionedStorage Storage { get; }

    // Bad arguments, reported by Validate() (never thrown).
    internal ValueList<FieldError> Errors { get; }

    /// <summary>
    /// <c>local</c> volumes: <paramref name="path"/> on <paramref name="node"/> (its <c>kubernetes.io/hostname</c>),
    /// e.g. <c>Local("/mnt/disks/{claim}", "worker-{ordinal}")</c>. The volume carries the node affinity the API
    /// server requires for local volumes, so each pod is scheduled where its data is.
    /// </summary>
    public PreProvisionedStorageBuilder Local(string path, string node) =>
        With(PreProvisionedSource.Local, path, node, nameof(Local), "path", "node");

    /// <summary><c>nfs</c> volumes: the export <paramref name="path"/> on <paramref name="server"/>, e.g. <c>Nfs("nfs.internal", "/exports/{claim}")</c>.</summary>
    public PreProvisionedStorageBuilder Nfs(string server, string path) =>
        With(PreProvisionedSource.Nfs, path, server, nameof(Nfs), "path", "server");

    /// <summary><c>csi</c> volumes that already exist in <paramref name="driver"/>, identified by <paramref name="volumeHandle"/>.</summary>
    public PreProvisionedStorageBuilder Csi(string driver, string volumeHandle) =>
        With(PreProvisionedSource.Csi, volumeHandle, driver, nameof(Csi), "volumeHandle", "driver");

    /// <summary>
    /// <c>storageClassName</c> of the claims and volumes (default <c>""</c>: no class, so no provisioner steps in
    /// and a claim binds only to the volume named in its <c>volumeName</c>).
    /// </summary>
    public PreProvisionedStorageBuilder StorageClass(string storageClassName) =>
        storageClassName is null
            ? Fail(FieldError.Required(FieldPath.Document, "StorageClass(null): use \"\" for no class"))
            : new(Storage with { StorageClass = storageClassName }, Errors);

    /// <summary>The volumes' <c>persistentVolumeReclaimPolicy</c> (default Retain; Delete erases the data with the claim).</summary>
    public PreProvisionedStorageBuilder ReclaimPolicy(PersistentVolumeReclaimPolicy policy) => new(Storage with { ReclaimPolicy = policy }, Errors);

    /// <summary>
    /// Claims for only the first <paramref name="count"/> ordinals (default: every replica, up to the autoscaler's
    /// <c>maxReplicas</c> when the workload is autoscaled). Ordinals the set runs beyond them get claims the controller
    /// creates from the template (SM2052).
    /// </summary>
    public PreProvisionedStorageBuilder Count(int count) =>
        count < 0
            ? Fail(FieldError.Invalid(FieldPath.Document, count, "Count: must be greater than or equal to 0"))
            : new(Storage with { Count = count }, Errors);

    private PreProvisionedStorageBuilder With(PreProvisionedSource source, string path, string host, string call, string pathName, string hostName)
    {
        if (string.IsNullOrWhiteSpace(path) || string.IsNullOrWhiteSpace(host))
        {
            return Fail(FieldError.Required(FieldPath.Document, call + ": " + (string.IsNullOrWhiteSpace(host) ? hostName : pathName) + " is required"));
        }

        return new(Storage with { Source = source, Path = path, Host = host }, Errors);
    }

    private PreProvisionedStorageBuilder Fail(FieldError error) => new(Storage, Errors.Add(error));
}
