using StatefulManifests.Model;

namespace StatefulManifests.Validation;

/// <summary>
/// Claim templates (reference §C.1 row 16): since v1.34 each template's <c>spec</c> is validated as a new
/// PersistentVolumeClaim (<c>ValidatePersistentVolumeClaimSpec</c>) when the StatefulSet is created. Template
/// names are checked where they become pod volumes (<see cref="VolumeRules"/>).
/// </summary>
internal static class ClaimTemplateRules
{
    private const string Storage = "storage";

    /// <summary>Validates one claim template's spec at <paramref name="path"/> (<c>spec.volumeClaimTemplates[i].spec</c>).</summary>
    public static void ValidateSpec(PersistentVolumeClaimSpec? spec, FieldPath path, ValidationErrors errors)
    {
        spec ??= new PersistentVolumeClaimSpec();
        ValidateAccessModes(spec.AccessModes, path.Child("accessModes"), errors);
        if (spec.Selector is not null)
        {
            LabelSelectorRules.Validate(spec.Selector, path.Child("selector"), errors);
        }

        ValidateStorageRequest(spec.Resources, path, errors);

        if (!string.IsNullOrEmpty(spec.StorageClassName))
        {
            errors.Invalid(path.Child("storageClassName"), spec.StorageClassName, NameRules.NameIsDnsSubdomain(spec.StorageClassName!, false));
        }

        // volumeMode is only defaulted when missing, so an empty string is unsupported too.
        if (spec.VolumeMode is { IsKnown: false } mode)
        {
            errors.NotSupported(path.Child("volumeMode"), mode.Value, ValueRules.Sorted<VolumeMode>());
        }

        ValidateDataSources(spec, path, errors);

        if (!string.IsNullOrEmpty(spec.VolumeAttributesClassName))
        {
            errors.Invalid(path.Child("volumeAttributesClassName"), spec.VolumeAttributesClassName, NameRules.NameIsDnsSubdomain(spec.VolumeAttributesClassName!, false));
        }
    }

    /// <summary>Reports the unparsable quantities of a claim template's (normally absent) status.</summary>
    public static void ValidateStatusQuantities(PersistentVolumeClaimStatus? status, FieldPath path, ValidationErrors errors)
    {
        foreach (var entry in status?.Capacity ?? ValueMap<Quantity>.Empty)
        {
            ValueRules.ValidQuantity(errors, path.Child("capacity").Key(entry.Key), entry.Value);
        }

        foreach (var entry in status?.AllocatedResources ?? ValueMap<Quantity>.Empty)
        {
            ValueRules.ValidQuantity(errors, path.Child("allocatedResources").Key(entry.Key), entry.Value);
        }
    }

    private static void ValidateAccessModes(ValueList<EnumValue<AccessMode>>? modes, FieldPath path, ValidationErrors errors)
    {
        if (modes is null || modes.Count == 0)
        {
            errors.Required(path, "at least 1 access mode is required");
            return;
        }

        bool readWriteOncePod = false, other = false;
        foreach (var mode in modes)
        {
            if (!mode.IsKnown)
            {
                errors.NotSupported(path, mode.Value, ValueRules.Sorted<AccessMode>());
            }
            else if (mode.Known == AccessMode.ReadWriteOncePod)
            {
                readWriteOncePod = true;
            }
            else
            {
                other = true;
            }
        }

        if (readWriteOncePod && other)
        {
            errors.Forbidden(path, "may not use ReadWriteOncePod with other access modes");
        }
    }

    private static void ValidateStorageRequest(VolumeResourceRequirements? resources, FieldPath path, ValidationErrors errors)
    {
        var requests = resources?.Requests ?? ValueMap<Quantity>.Empty;
        var limits = resources?.Limits ?? ValueMap<Quantity>.Empty;
        foreach (var entry in requests)
        {
            ValueRules.ValidQuantity(errors, path.Child("resources", "requests").Key(entry.Key), entry.Value);
        }

        foreach (var entry in limits)
        {
            ValueRules.ValidQuantity(errors, path.Child("resources", "limits").Key(entry.Key), entry.Value);
        }

        // Kubernetes reports the storage request at resources[storage] (without "requests").
        var storagePath = path.Child("resources").Key(Storage);
        if (!requests.TryGetValue(Storage, out var storage))
        {
            errors.Required(storagePath);
        }
        else if (storage.IsValid && storage.Value <= 0)
        {
            errors.Invalid(storagePath, storage.ToString(), ValueRules.NotPositiveMessage);
        }
    }

    private static void ValidateDataSources(PersistentVolumeClaimSpec spec, FieldPath path, ValidationErrors errors)
    {
        if (spec.DataSource is { } source)
        {
            ValidateDataSource(source.Name, source.Kind, source.ApiGroup, path.Child("dataSource"), errors);
        }

        if (spec.DataSourceRef is { } reference)
        {
            var referencePath = path.Child("dataSourceRef");
            ValidateDataSource(reference.Name, reference.Kind, reference.ApiGroup, referencePath, errors);
            if (!string.IsNullOrEmpty(reference.Namespace))
            {
                errors.Invalid(referencePath.Child("namespace"), reference.Namespace, NameRules.NameIsDnsLabel(reference.Namespace!, false));
            }
        }

        if (!string.IsNullOrEmpty(spec.DataSourceRef?.Namespace))
        {
            if (spec.DataSource is not null)
            {
                errors.Invalid(path, path.Child("dataSource").ToString(), "may not be specified when dataSourceRef.namespace is specified");
            }
        }
        else if (spec.DataSource is { } s && spec.DataSourceRef is { } r
            && (s.ApiGroup != r.ApiGroup || s.Kind != r.Kind || s.Name != r.Name))
        {
            errors.Invalid(path, path.Child("dataSource").ToString(), "must match dataSourceRef");
        }
    }

    private static void ValidateDataSource(string? name, string? kind, string? apiGroup, FieldPath path, ValidationErrors errors)
    {
        if (string.IsNullOrEmpty(name))
        {
            errors.Required(path.Child("name"));
        }

        if (string.IsNullOrEmpty(kind))
        {
            errors.Required(path.Child("kind"));
        }

        if (string.IsNullOrEmpty(apiGroup))
        {
            if (kind != "PersistentVolumeClaim")
            {
                errors.Invalid(path, kind ?? string.Empty, "must be 'PersistentVolumeClaim' when referencing the default apiGroup");
            }
        }
        else
        {
            errors.Invalid(path.Child("apiGroup"), apiGroup, NameRules.IsDns1123Subdomain(apiGroup!));
        }
    }
}
