using StatefulManifests.Model;

namespace StatefulManifests.Validation;

/// <summary>
/// A PersistentVolume on create (<c>ValidatePersistentVolumeSpec</c>): access modes, a capacity with exactly one
/// entry (storage), known volume mode and reclaim policy, exactly one volume source (<see cref="PersistentVolumeSourceRules"/>),
/// and a claimRef naming the claim it is reserved for.
/// </summary>
internal static class PersistentVolumeRules
{
    /// <summary>Validates <paramref name="volume"/>'s spec into <paramref name="errors"/>.</summary>
    public static void Validate(PersistentVolume volume, ValidationErrors errors)
    {
        var spec = volume.Spec ?? new PersistentVolumeSpec();
        var path = FieldPath.Root("spec");
        var modes = spec.AccessModes ?? ValueList<EnumValue<AccessMode>>.Empty;
        if (modes.Count == 0)
        {
            errors.Required(path.Child("accessModes"));
        }

        for (var i = 0; i < modes.Count; i++)
        {
            ValueRules.KnownOrDefaulted<AccessMode>(errors, path.Child("accessModes").Index(i), modes[i], ValueRules.Sorted<AccessMode>());
        }

        if (modes.Count > 1 && modes.Any(m => m.Known == AccessMode.ReadWriteOncePod))
        {
            errors.Forbidden(path.Child("accessModes"), "may not use ReadWriteOncePod with other access modes");
        }

        var capacity = spec.Capacity ?? ValueMap<Quantity>.Empty;
        if (capacity.Count == 0)
        {
            errors.Required(path.Child("capacity"));
        }
        else if (capacity.Count > 1 || !capacity.ContainsKey("storage"))
        {
            errors.NotSupported(path.Child("capacity"), string.Join(", ", capacity.Keys), ["storage"]);
        }

        foreach (var entry in capacity)
        {
            ValueRules.ValidQuantity(errors, path.Child("capacity").Key(entry.Key), entry.Value);
        }

        ValueRules.KnownOrDefaulted(errors, path.Child("volumeMode"), spec.VolumeMode, ValueRules.Sorted<VolumeMode>());
        ValueRules.KnownOrDefaulted(errors, path.Child("persistentVolumeReclaimPolicy"), spec.PersistentVolumeReclaimPolicy, ValueRules.Sorted<PersistentVolumeReclaimPolicy>());
        if (!string.IsNullOrEmpty(spec.StorageClassName))
        {
            errors.Invalid(path.Child("storageClassName"), spec.StorageClassName, NameRules.IsDns1123Subdomain(spec.StorageClassName!));
        }

        PersistentVolumeSourceRules.Validate(spec, path, errors);
        if (spec.ClaimRef is { } claimRef && string.IsNullOrEmpty(claimRef.Name))
        {
            errors.Required(path.Child("claimRef", "name"));
        }
    }
}
