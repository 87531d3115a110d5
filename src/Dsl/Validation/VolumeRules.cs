using StatefulManifests.Model;

namespace StatefulManifests.Validation;

/// <summary>
/// Pod volumes (<c>ValidateVolumes</c>): names are unique DNS-1123 labels and each volume has exactly one
/// source, checked for the fields that source requires. For a StatefulSet the API server validates a copy of the
/// template in which every claim template becomes a PVC volume of the same name (reference §C.1 row 26); pod
/// volumes with a claim template's name are dropped from that copy.
/// </summary>
internal static class VolumeRules
{
    /// <summary>
    /// Validates the pod's volumes together with the injected claim volumes and returns the volumes a mount may
    /// reference (name → whether it is claim-backed). As in Kubernetes, a volume with errors is not mountable.
    /// </summary>
    /// <remarks>
    /// Paths: a pod volume's errors carry its index in the manifest, and an injected volume's name errors carry
    /// the claim template's <c>metadata.name</c>. (The API server validates a rebuilt list whose order comes from
    /// a Go map, so its indexes for this case are neither stable nor positions in the manifest.)
    /// </remarks>
    public static IReadOnlyDictionary<string, bool> Validate(ValueList<Volume>? volumes, IReadOnlyList<ClaimVolume> claimVolumes, FieldPath path, ValidationErrors errors)
    {
        var valid = new Dictionary<string, bool>(StringComparer.Ordinal);
        foreach (var claim in claimVolumes)
        {
            if (claim.Name.Length == 0)
            {
                errors.Required(claim.NamePath);
            }
            else
            {
                var messages = NameRules.IsDns1123Label(claim.Name);
                errors.Invalid(claim.NamePath, claim.Name, messages);
                if (messages.Count == 0)
                {
                    valid[claim.Name] = true;
                }
            }
        }

        var claimNames = new HashSet<string>(claimVolumes.Select(c => c.Name), StringComparer.Ordinal);
        var list = volumes ?? ValueList<Volume>.Empty;
        for (var i = 0; i < list.Count; i++)
        {
            var volume = list[i] ?? new Volume();
            var name = volume.Name ?? string.Empty;
            if (claimNames.Contains(name))
            {
                // Replaced by the claim template's volume in the copy Kubernetes validates.
                continue;
            }

            var volumePath = path.Index(i);
            var scratch = new ValidationErrors();
            VolumeSourceRules.Validate(volume, volumePath, scratch);
            if (name.Length == 0)
            {
                scratch.Required(volumePath.Child("name"));
            }
            else
            {
                scratch.Invalid(volumePath.Child("name"), name, NameRules.IsDns1123Label(name));
            }

            if (valid.ContainsKey(name))
            {
                scratch.Duplicate(volumePath.Child("name"), name);
            }

            if (scratch.Count == 0)
            {
                valid[name] = volume.PersistentVolumeClaim is not null || volume.Ephemeral is not null;
            }

            errors.AddRange(scratch.ToList());
        }

        return valid;
    }

    /// <summary>Key-to-path items of a secret or configMap: key and relative path required, file mode 0–0777.</summary>
    public static void ValidateItems(ValueList<KeyToPath>? items, FieldPath path, ValidationErrors errors)
    {
        var list = items ?? ValueList<KeyToPath>.Empty;
        for (var i = 0; i < list.Count; i++)
        {
            var item = list[i] ?? new KeyToPath();
            var itemPath = path.Index(i);
            VolumeSourceRules.Require(errors, itemPath.Child("key"), item.Key);
            VolumeSourceRules.Require(errors, itemPath.Child("path"), item.Path);
            DownwardApiRules.ValidateLocalNonReservedPath(item.Path ?? string.Empty, itemPath.Child("path"), errors);
            DownwardApiRules.ValidateFileMode(item.Mode, itemPath.Child("mode"), errors);
        }
    }

    /// <summary>One downwardAPI file: a relative path and exactly one of fieldRef and resourceFieldRef.</summary>
    public static void ValidateDownwardApiFile(DownwardAPIVolumeFile file, FieldPath path, ValidationErrors errors)
    {
        VolumeSourceRules.Require(errors, path.Child("path"), file.Path);
        DownwardApiRules.ValidateLocalNonReservedPath(file.Path ?? string.Empty, path.Child("path"), errors);
        if (file.FieldRef is not null)
        {
            DownwardApiRules.ValidateFieldRef(file.FieldRef, DownwardApiRules.VolumeFieldPaths, path.Child("fieldRef"), errors);
            if (file.ResourceFieldRef is not null)
            {
                errors.Invalid(path, "resource", "fieldRef and resourceFieldRef can not be specified simultaneously");
            }
        }
        else if (file.ResourceFieldRef is not null)
        {
            DownwardApiRules.ValidateResourceFieldRef(file.ResourceFieldRef, inVolume: true, path.Child("resourceFieldRef"), errors);
        }
        else
        {
            errors.Required(path, "one of fieldRef and resourceFieldRef is required");
        }

        DownwardApiRules.ValidateFileMode(file.Mode, path.Child("mode"), errors);
    }
}
