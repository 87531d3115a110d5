using StatefulManifests.Model;

namespace StatefulManifests.Validation;

/// <summary>
/// A PersistentVolume's volume source (<c>ValidatePersistentVolumeSpec</c>): exactly one, the rules of the sources
/// pre-provisioned storage uses (local, nfs, csi), and node affinity, which a local volume requires.
/// </summary>
internal static class PersistentVolumeSourceRules
{
    private const int MaxCsiDriverNameLength = 63;

    /// <summary>Validates the source fields of <paramref name="spec"/> at <paramref name="path"/> (<c>spec</c>).</summary>
    public static void Validate(PersistentVolumeSpec spec, FieldPath path, ValidationErrors errors)
    {
        // The API server counts the set sources in this order and reports each one after the first.
        var sources = new (string Field, object? Value)[]
        {
            ("hostPath", spec.HostPath), ("glusterfs", spec.Glusterfs), ("flocker", spec.Flocker), ("nfs", spec.Nfs),
            ("rbd", spec.Rbd), ("quobyte", spec.Quobyte), ("cinder", spec.Cinder), ("cephfs", spec.Cephfs),
            ("iscsi", spec.Iscsi), ("flexVolume", spec.FlexVolume), ("fc", spec.Fc), ("gcePersistentDisk", spec.GcePersistentDisk),
            ("awsElasticBlockStore", spec.AwsElasticBlockStore), ("azureFile", spec.AzureFile), ("vsphereVolume", spec.VsphereVolume),
            ("azureDisk", spec.AzureDisk), ("photonPersistentDisk", spec.PhotonPersistentDisk), ("portworxVolume", spec.PortworxVolume),
            ("scaleIO", spec.ScaleIO), ("local", spec.Local), ("storageos", spec.Storageos), ("csi", spec.Csi),
        };
        var set = sources.Where(s => s.Value is not null).ToArray();
        if (set.Length == 0)
        {
            errors.Required(path, "must specify a volume type");
        }

        foreach (var extra in set.Skip(1))
        {
            errors.Forbidden(path.Child(extra.Field), "may not specify more than 1 volume type");
        }

        if (spec.Local is { } local)
        {
            ValidateLocal(local, path.Child("local"), errors);
        }

        if (spec.Nfs is { } nfs)
        {
            ValidateNfs(nfs, path.Child("nfs"), errors);
        }

        if (spec.Csi is { } csi)
        {
            ValidateCsi(csi, path.Child("csi"), errors);
        }

        var affinitySpecified = ValidateNodeAffinity(spec.NodeAffinity, path.Child("nodeAffinity"), errors);
        if (spec.Local is not null && !affinitySpecified)
        {
            errors.Required(path.Child("nodeAffinity"), "Local volume requires node affinity");
        }
    }

    private static void ValidateLocal(LocalVolumeSource local, FieldPath path, ValidationErrors errors)
    {
        if (string.IsNullOrEmpty(local.Path))
        {
            errors.Required(path.Child("path"));
        }
        else if (local.Path!.Split('/', '\\').Contains(".."))
        {
            errors.Invalid(path.Child("path"), local.Path, "must not contain '..'");
        }
    }

    private static void ValidateNfs(NFSVolumeSource nfs, FieldPath path, ValidationErrors errors)
    {
        if (string.IsNullOrEmpty(nfs.Server))
        {
            errors.Required(path.Child("server"));
        }

        if (string.IsNullOrEmpty(nfs.Path))
        {
            errors.Required(path.Child("path"));
        }
        else if (!nfs.Path!.StartsWith("/", StringComparison.Ordinal))
        {
            errors.Invalid(path.Child("path"), nfs.Path, "must be an absolute path");
        }
    }

    private static void ValidateCsi(CSIPersistentVolumeSource csi, FieldPath path, ValidationErrors errors)
    {
        if (string.IsNullOrEmpty(csi.Driver))
        {
            errors.Required(path.Child("driver"));
        }
        else if (csi.Driver!.Length > MaxCsiDriverNameLength)
        {
            errors.TooLong(path.Child("driver"), MaxCsiDriverNameLength);
        }
        else if (NameRules.IsDns1123Subdomain(csi.Driver.ToLowerInvariant()) is { Count: > 0 } problems)
        {
            // Driver names are DNS-1123 subdomains except that upper case is allowed (ValidateCSIDriverName).
            errors.Invalid(path.Child("driver"), csi.Driver, problems);
        }

        if (string.IsNullOrEmpty(csi.VolumeHandle))
        {
            errors.Required(path.Child("volumeHandle"));
        }
    }

    // validateVolumeNodeAffinity: whether node affinity is specified (a local volume needs it).
    private static bool ValidateNodeAffinity(VolumeNodeAffinity? affinity, FieldPath path, ValidationErrors errors)
    {
        if (affinity is null)
        {
            return false;
        }

        if (affinity.Required is not { } required)
        {
            errors.Required(path.Child("required"), "must specify required node constraints");
            return true;
        }

        if (required.NodeSelectorTerms is not { Count: > 0 })
        {
            errors.Required(path.Child("required", "nodeSelectorTerms"), "must have at least one node selector term");
        }

        return true;
    }
}
