using System.Globalization;
using StatefulManifests.Model;
using StatefulManifests.Validation;

namespace StatefulManifests;

/// <summary>Where a pre-provisioned PersistentVolume's data lives (<see cref="PreProvisionedStorageBuilder"/>).</summary>
public enum PreProvisionedSource
{
    /// <summary>No PersistentVolume stubs: only the claims (an admin or another tool creates the volumes).</summary>
    None,

    /// <summary>A <c>local</c> volume: a path on one node, pinned there by <c>nodeAffinity</c>.</summary>
    Local,

    /// <summary>An <c>nfs</c> export (server and path).</summary>
    Nfs,

    /// <summary>A <c>csi</c> volume that already exists in the driver (driver and volumeHandle).</summary>
    Csi,
}

/// <summary>
/// Per-ordinal claims (and optionally PersistentVolumes) made ahead of the StatefulSet controller, for clusters
/// without a provisioner (seed 002: storage "must either be provisioned by a PersistentVolume Provisioner ... or
/// pre-provisioned by an admin"). The controller looks a pod's claim up by name and reuses an existing one without
/// comparing specs (reference §B.9), so a claim named <c>&lt;template&gt;-&lt;set&gt;-&lt;ordinal&gt;</c> is adopted.
/// Text values may contain <c>{ordinal}</c>, <c>{pod}</c> and <c>{claim}</c>, replaced per ordinal.
/// </summary>
public sealed record PreProvisionedStorage
{
    /// <summary>The claim template (<c>spec.volumeClaimTemplates[].metadata.name</c>) the claims are made for.</summary>
    public string ClaimTemplate { get; init; } = string.Empty;

    /// <summary>The volume source of the stubs.</summary>
    public PreProvisionedSource Source { get; init; }

    /// <summary>Local path, NFS path or CSI volumeHandle (with placeholders).</summary>
    public string? Path { get; init; }

    /// <summary>Local: the node (kubernetes.io/hostname) holding the path; NFS: the server; CSI: the driver.</summary>
    public string? Host { get; init; }

    /// <summary><c>storageClassName</c> of claims and volumes; <c>""</c> (the default) keeps every provisioner away.</summary>
    public string StorageClass { get; init; } = string.Empty;

    /// <summary>The volumes' reclaim policy (default Retain: deleting a claim keeps the data).</summary>
    public PersistentVolumeReclaimPolicy ReclaimPolicy { get; init; } = PersistentVolumeReclaimPolicy.Retain;

    /// <summary>
    /// How many ordinals get a claim (null: every replica, from <c>spec.ordinals.start</c> — up to the autoscaler's
    /// <c>maxReplicas</c> when the workload has one that allows more).
    /// </summary>
    public int? Count { get; init; }

    /// <summary>The ordinals that get a claim: <c>spec.ordinals.start</c> up to the replicas (or <see cref="Count"/>).</summary>
    public static IReadOnlyList<int> Ordinals(StatefulSet set, int? count = null)
    {
        var start = set?.Spec?.Ordinals?.Start ?? 0;
        var replicas = count ?? set?.Spec?.Replicas ?? 1;
        return Enumerable.Range(0, Math.Max(0, replicas)).Select(i => start + i).ToArray();
    }

    /// <summary>
    /// The name of the PersistentVolume for a claim: the claim's name, prefixed by the namespace when there is one
    /// (volumes are cluster-wide, so two namespaces' <c>data-db-0</c> would collide).
    /// </summary>
    public static string VolumeName(string? @namespace, string claimName) =>
        string.IsNullOrEmpty(@namespace) ? claimName : @namespace + "-" + claimName;

    /// <summary>
    /// NotFound at <c>spec.volumeClaimTemplates</c> when the finished set has no template named
    /// <see cref="ClaimTemplate"/>: the controller would never look the claims up, and they would have no spec to copy.
    /// </summary>
    internal FieldError? MissingTemplate(OwnedContext context)
    {
        var templates = (context.StatefulSet.Spec?.VolumeClaimTemplates ?? ValueList<PersistentVolumeClaim>.Empty)
            .Select(t => t?.Metadata?.Name).Where(n => !string.IsNullOrEmpty(n)).ToList();
        return templates.Contains(ClaimTemplate)
            ? null
            : new FieldError(FieldErrorType.NotFound, FieldPath.Root("spec").Child("volumeClaimTemplates"), ClaimTemplate,
                "PreProvisionedClaims(\"" + ClaimTemplate + "\"): the set has no volume claim template of that name (" +
                (templates.Count == 0 ? "it has none; add VolumeClaim(\"" + ClaimTemplate + "\", ...)" : "its templates: " + string.Join(", ", templates)) + ")");
    }

    /// <summary>The claims and volumes for the finished set, claim then volume per ordinal.</summary>
    internal IEnumerable<IKubernetesObject> Complete(OwnedContext context)
    {
        var set = context.StatefulSet;
        var template = set.Spec?.VolumeClaimTemplates?.FirstOrDefault(t => t?.Metadata?.Name == ClaimTemplate);
        foreach (var ordinal in Ordinals(set, Count ?? context.MaximumReplicas))
        {
            var claimName = StatefulSetNames.ClaimName(ClaimTemplate, StatefulSetNames.PodName(context.Name, ordinal));
            var volumeName = VolumeName(context.Namespace, claimName);
            var templateSpec = template?.Spec ?? new PersistentVolumeClaimSpec();
            yield return new PersistentVolumeClaim
            {
                ApiVersion = "v1",
                Kind = "PersistentVolumeClaim",
                Metadata = context.InNamespace(new ObjectMeta
                {
                    Name = claimName,
                    Labels = NullIfEmpty(Reconciliation.PodIdentity.ClaimLabels(template, set)),
                }),
                Spec = templateSpec with
                {
                    StorageClassName = StorageClass,
                    VolumeName = Source == PreProvisionedSource.None ? templateSpec.VolumeName : volumeName,
                },
            };

            if (Source != PreProvisionedSource.None)
            {
                yield return Volume(context, templateSpec, ordinal, claimName, volumeName);
            }
        }
    }

    private PersistentVolume Volume(OwnedContext context, PersistentVolumeClaimSpec claim, int ordinal, string claimName, string volumeName)
    {
        var path = Expand(Path, ordinal, context.Name, claimName);
        var host = Expand(Host, ordinal, context.Name, claimName);
        var requests = claim.Resources?.Requests;
        var storage = requests is not null && requests.ContainsKey("storage") ? ValueMap.Of(("storage", requests["storage"])) : null;
        var spec = new PersistentVolumeSpec
        {
            Capacity = storage,
            AccessModes = claim.AccessModes,
            VolumeMode = claim.VolumeMode,
            PersistentVolumeReclaimPolicy = ReclaimPolicy,
            StorageClassName = StorageClass,
            ClaimRef = new ObjectReference { Namespace = context.Namespace ?? "default", Name = claimName },
        };
        spec = Source switch
        {
            PreProvisionedSource.Local => spec with
            {
                Local = new LocalVolumeSource { Path = path },
                NodeAffinity = new VolumeNodeAffinity
                {
                    Required = new NodeSelector
                    {
                        NodeSelectorTerms = ValueList.Of(new NodeSelectorTerm
                        {
                            MatchExpressions = ValueList.Of(new NodeSelectorRequirement
                            {
                                Key = WellKnownHostnameLabel,
                                Operator = NodeSelectorOperator.In,
                                Values = ValueList.Of(host ?? string.Empty),
                            }),
                        }),
                    },
                },
            },
            PreProvisionedSource.Nfs => spec with { Nfs = new NFSVolumeSource { Server = host, Path = path } },
            _ => spec with { Csi = new CSIPersistentVolumeSource { Driver = host, VolumeHandle = path } },
        };
        return new PersistentVolume { Metadata = new ObjectMeta { Name = volumeName }, Spec = spec };
    }

    private const string WellKnownHostnameLabel = "kubernetes.io/hostname";

    private static string? Expand(string? text, int ordinal, string setName, string claimName) =>
        text?.Replace("{ordinal}", ordinal.ToString(CultureInfo.InvariantCulture))
            .Replace("{pod}", StatefulSetNames.PodName(setName, ordinal))
            .Replace("{claim}", claimName);

    private static ValueMap<string>? NullIfEmpty(ValueMap<string> map) => map.Count == 0 ? null : map;
}
