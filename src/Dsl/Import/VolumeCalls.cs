using StatefulManifests.Model;
using static StatefulManifests.Import.ImportValues;

namespace StatefulManifests.Import;

/// <summary>Pod volumes and volume claim templates as fluent calls.</summary>
internal static class VolumeCalls
{
    /// <summary>
    /// Every pod volume, in order: the one-call shortcut when the source is all it has (<c>ConfigMapVolume</c>,
    /// <c>EmptyDirVolume</c> ...), else <c>Volume(name, v =&gt; ...)</c>. A source kind without a DSL method gets a
    /// volume with only its name, so the patch that adds the source lands on that very list item.
    /// </summary>
    public static void Volumes(DslChain chain, ValueList<Volume>? volumes)
    {
        var list = volumes ?? ValueList<Volume>.Empty;
        if (list.Any(v => v.Name is null) || list.Select(v => v.Name).Distinct(StringComparer.Ordinal).Count() != list.Count)
        {
            // Volume(name, ...) upserts by name: an unnamed or repeated name cannot be said one call per item.
            return;
        }

        foreach (var volume in list)
        {
            Volume(chain, volume);
        }
    }

    /// <summary>Every volume claim template, in order.</summary>
    public static void Claims(DslChain chain, ValueList<PersistentVolumeClaim>? claims)
    {
        var list = claims ?? ValueList<PersistentVolumeClaim>.Empty;
        if (list.Any(c => c.Metadata?.Name is null) || list.Select(c => c.Metadata!.Name).Distinct(StringComparer.Ordinal).Count() != list.Count)
        {
            return;
        }

        foreach (var claim in list)
        {
            Claim(chain, claim);
        }
    }

    private static void Volume(DslChain chain, Volume volume)
    {
        var name = volume.Name!;
        var sourceOnly = volume with { ConfigMap = null, Secret = null, EmptyDir = null, HostPath = null, PersistentVolumeClaim = null };
        var single = sourceOnly == new Volume { Name = name };
        if (single && volume.ConfigMap is { Name: { } configMap, Items: null } c)
        {
            chain.Call(nameof(StatefulSetBuilder.ConfigMapVolume), name, configMap, Opt(c.DefaultMode), Opt(c.Optional));
        }
        else if (single && volume.Secret is { SecretName: { } secret, Items: null } s)
        {
            chain.Call(nameof(StatefulSetBuilder.SecretVolume), name, secret, Opt(s.DefaultMode), Opt(s.Optional));
        }
        else if (single && volume.EmptyDir is { } emptyDir)
        {
            chain.Call(nameof(StatefulSetBuilder.EmptyDirVolume), name, Opt(emptyDir.Medium), Opt(emptyDir.SizeLimit?.ToString()));
        }
        else if (single && volume.HostPath is { Path: { } path } hostPath)
        {
            chain.Call(nameof(StatefulSetBuilder.HostPathVolume), name, path, Opt(hostPath.Type));
        }
        else if (single && volume.PersistentVolumeClaim is { ClaimName: { } claimName } pvc)
        {
            chain.Call(nameof(StatefulSetBuilder.PersistentVolumeClaimVolume), name, claimName, Opt(pvc.ReadOnly));
        }
        else
        {
            chain.Call(nameof(StatefulSetBuilder.Volume), name, Source(volume));
        }
    }

    private static DslChain Source(Volume volume)
    {
        var chain = new DslChain(typeof(VolumeBuilder));
        if (volume.ConfigMap is { Name: { } configMap } c)
        {
            chain.Call(nameof(VolumeBuilder.ConfigMap), configMap, Opt(c.DefaultMode), Opt(c.Optional));
            Items(chain, c.Items);
        }
        else if (volume.Secret is { SecretName: { } secret } s)
        {
            chain.Call(nameof(VolumeBuilder.Secret), secret, Opt(s.DefaultMode), Opt(s.Optional));
            Items(chain, s.Items);
        }
        else if (volume.EmptyDir is { } emptyDir)
        {
            chain.Call(nameof(VolumeBuilder.EmptyDir), Opt(emptyDir.Medium), Opt(emptyDir.SizeLimit?.ToString()));
        }
        else if (volume.HostPath is { Path: { } path } hostPath)
        {
            chain.Call(nameof(VolumeBuilder.HostPath), path, Opt(hostPath.Type));
        }
        else if (volume.PersistentVolumeClaim is { ClaimName: { } claimName } pvc)
        {
            chain.Call(nameof(VolumeBuilder.PersistentVolumeClaim), claimName, Opt(pvc.ReadOnly));
        }
        else if (volume.Csi is { Driver: { } driver } csi)
        {
            chain.Call(nameof(VolumeBuilder.Csi), driver, Opt(csi.ReadOnly), Pairs(csi.VolumeAttributes));
        }

        return chain;
    }

    private static void Items(DslChain chain, ValueList<KeyToPath>? items)
    {
        foreach (var item in items ?? ValueList<KeyToPath>.Empty)
        {
            if (item.Key is null || item.Path is null)
            {
                return;
            }

            chain.Call(nameof(VolumeBuilder.Item), item.Key, item.Path, Opt(item.Mode));
        }
    }

    private static void Claim(DslChain chain, PersistentVolumeClaim claim)
    {
        var name = claim.Metadata!.Name!;
        var spec = claim.Spec ?? new PersistentVolumeClaimSpec();
        var storage = spec.Resources?.Requests is { } requests && requests.TryGetValue("storage", out var request) ? request.ToString() : null;

        // The one-call form when the claim is exactly: one access mode, a storage request and at most a class.
        var rest = claim with { Metadata = new ObjectMeta { Name = name }, Spec = spec with { AccessModes = null, StorageClassName = null, Resources = null } };
        var mode = spec.AccessModes is { Count: 1 } modes ? modes[0].Known : null;
        if (storage is not null && mode is { } accessMode && Equals(claim.Metadata, new ObjectMeta { Name = name })
            && rest == new PersistentVolumeClaim { Metadata = new ObjectMeta { Name = name }, Spec = new PersistentVolumeClaimSpec() }
            && spec.Resources == new VolumeResourceRequirements { Requests = ValueMap.Of(("storage", spec.Resources!.Requests!["storage"])) })
        {
            chain.Call(nameof(StatefulSetBuilder.VolumeClaim), name, storage, accessMode, Opt(spec.StorageClassName));
            return;
        }

        var claimChain = new DslChain(typeof(VolumeClaimBuilder));
        if (claim.Metadata.Labels is { Count: > 0 } labels)
        {
            claimChain.Call(nameof(VolumeClaimBuilder.Labels), Pairs(labels));
        }

        if (claim.Metadata.Annotations is { Count: > 0 } annotations)
        {
            claimChain.Call(nameof(VolumeClaimBuilder.Annotations), Pairs(annotations));
        }

        if (spec.AccessModes is { } accessModes && accessModes.All(m => m.IsKnown))
        {
            claimChain.Call(nameof(VolumeClaimBuilder.AccessModes), accessModes.Select(m => m.Known!.Value).ToArray());
        }

        PodCalls.Text(claimChain, nameof(VolumeClaimBuilder.StorageClass), spec.StorageClassName);
        foreach (var entry in spec.Resources?.Requests ?? ValueMap<Quantity>.Empty)
        {
            if (entry.Key == "storage")
            {
                claimChain.Call(nameof(VolumeClaimBuilder.Storage), entry.Value.ToString());
            }
        }

        if (spec.Resources?.Limits is { } limits && limits.TryGetValue("storage", out var limit))
        {
            claimChain.Call(nameof(VolumeClaimBuilder.StorageLimit), limit.ToString());
        }

        PodCalls.Known(claimChain, nameof(VolumeClaimBuilder.VolumeMode), ImportValues.Enum(spec.VolumeMode, out var known), known);
        if (spec.Selector is { MatchExpressions: null, MatchLabels: { Count: > 0 } matchLabels })
        {
            claimChain.Call(nameof(VolumeClaimBuilder.Selector), Pairs(matchLabels));
        }

        PodCalls.Text(claimChain, nameof(VolumeClaimBuilder.VolumeName), spec.VolumeName);
        if (spec.DataSource is { Kind: { } kind, Name: { } sourceName } dataSource)
        {
            claimChain.Call(nameof(VolumeClaimBuilder.DataSource), kind, sourceName, Opt(dataSource.ApiGroup));
        }

        PodCalls.Text(claimChain, nameof(VolumeClaimBuilder.VolumeAttributesClass), spec.VolumeAttributesClassName);
        chain.Call(nameof(StatefulSetBuilder.VolumeClaim), name, claimChain);
    }
}
