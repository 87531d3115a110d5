using StatefulManifests.Model;

namespace StatefulManifests.Validation;

/// <summary>
/// A volume's source (<c>validateVolumeSource</c>): exactly one of the 30 kinds, checked in Kubernetes' order (the
/// first one set is validated, each further one is Forbidden), with the fields that kind requires.
/// </summary>
internal static class VolumeSourceRules
{
    private const string MoreThanOneType = "may not specify more than 1 volume type";

    private static readonly IReadOnlyList<string> HostPathTypes =
        [string.Empty, "BlockDevice", "CharDevice", "Directory", "DirectoryOrCreate", "File", "FileOrCreate", "Socket"];

    /// <summary>Validates the volume's source at <paramref name="path"/> (<c>spec.template.spec.volumes[i]</c>).</summary>
    public static void Validate(Volume volume, FieldPath path, ValidationErrors errors)
    {
        // (key reported when a second source is set, source, validation of that source)
        var sources = new (string Key, object? Source, Action Validate)[]
        {
            ("emptyDir", volume.EmptyDir, () => ValidateEmptyDir(volume.EmptyDir!, path.Child("emptyDir"), errors)),
            ("hostPath", volume.HostPath, () => ValidateHostPath(volume.HostPath!, path.Child("hostPath"), errors)),
            ("gitRepo", volume.GitRepo, () => ValidateGitRepo(volume.GitRepo!, path.Child("gitRepo"), errors)),
            ("gcePersistentDisk", volume.GcePersistentDisk, () =>
            {
                Require(errors, path.Child("persistentDisk", "pdName"), volume.GcePersistentDisk!.PdName);
                ValidatePartition(volume.GcePersistentDisk.Partition, path.Child("persistentDisk", "partition"), errors);
            }),
            ("awsElasticBlockStore", volume.AwsElasticBlockStore, () =>
            {
                Require(errors, path.Child("awsElasticBlockStore", "volumeID"), volume.AwsElasticBlockStore!.VolumeID);
                ValidatePartition(volume.AwsElasticBlockStore.Partition, path.Child("awsElasticBlockStore", "partition"), errors);
            }),
            ("secret", volume.Secret, () => ValidateSecret(volume.Secret!, path.Child("secret"), errors)),
            ("nfs", volume.Nfs, () => ValidateNfs(volume.Nfs!, path.Child("nfs"), errors)),
            ("iscsi", volume.Iscsi, () => ValidateIscsi(volume.Iscsi!, path.Child("iscsi"), errors)),
            ("glusterfs", volume.Glusterfs, () =>
            {
                Require(errors, path.Child("glusterfs", "endpoints"), volume.Glusterfs!.Endpoints);
                Require(errors, path.Child("glusterfs", "path"), volume.Glusterfs.Path);
            }),
            ("flocker", volume.Flocker, () => ValidateFlocker(volume.Flocker!, path.Child("flocker"), errors)),
            ("persistentVolumeClaim", volume.PersistentVolumeClaim, () =>
                Require(errors, path.Child("persistentVolumeClaim", "claimName"), volume.PersistentVolumeClaim!.ClaimName)),
            ("rbd", volume.Rbd, () =>
            {
                RequireList(errors, path.Child("rbd", "monitors"), volume.Rbd!.Monitors);
                Require(errors, path.Child("rbd", "image"), volume.Rbd.Image);
            }),
            ("cinder", volume.Cinder, () =>
            {
                Require(errors, path.Child("cinder", "volumeID"), volume.Cinder!.VolumeID);
                RequireSecretRefName(errors, path.Child("cinder", "secretRef", "name"), volume.Cinder.SecretRef);
            }),
            ("cephFS", volume.Cephfs, () => RequireList(errors, path.Child("cephfs", "monitors"), volume.Cephfs!.Monitors)),
            ("quobyte", volume.Quobyte, () =>
            {
                Require(errors, path.Child("quobyte", "registry"), volume.Quobyte!.Registry, "must be a host:port pair or multiple pairs separated by commas");
                Require(errors, path.Child("quobyte", "volume"), volume.Quobyte.Volume);
            }),

            // Kubernetes really spells this key "downwarAPI" in the error.
            ("downwarAPI", volume.DownwardAPI, () => ValidateDownwardApi(volume.DownwardAPI!, path.Child("downwardAPI"), errors)),
            ("fc", volume.Fc, () => ValidateFc(volume.Fc!, path.Child("fc"), errors)),
            ("flexVolume", volume.FlexVolume, () => Require(errors, path.Child("flexVolume", "driver"), volume.FlexVolume!.Driver)),
            ("configMap", volume.ConfigMap, () => ValidateConfigMap(volume.ConfigMap!, path.Child("configMap"), errors)),
            ("azureFile", volume.AzureFile, () =>
            {
                Require(errors, path.Child("azureFile", "secretName"), volume.AzureFile!.SecretName);
                Require(errors, path.Child("azureFile", "shareName"), volume.AzureFile.ShareName);
            }),
            ("vsphereVolume", volume.VsphereVolume, () => Require(errors, path.Child("vsphereVolume", "volumePath"), volume.VsphereVolume!.VolumePath)),
            ("photonPersistentDisk", volume.PhotonPersistentDisk, () => Require(errors, path.Child("photonPersistentDisk", "pdID"), volume.PhotonPersistentDisk!.PdID)),
            ("portworxVolume", volume.PortworxVolume, () => Require(errors, path.Child("portworxVolume", "volumeID"), volume.PortworxVolume!.VolumeID)),
            ("azureDisk", volume.AzureDisk, () =>
            {
                Require(errors, path.Child("azureDisk", "diskName"), volume.AzureDisk!.DiskName);
                Require(errors, path.Child("azureDisk", "diskURI"), volume.AzureDisk.DiskURI);
            }),
            ("storageos", volume.Storageos, () => ValidateStorageOs(volume.Storageos!, path.Child("storageos"), errors)),
            ("projected", volume.Projected, () => ProjectedVolumeRules.Validate(volume.Projected!, path.Child("projected"), errors)),
            ("scaleIO", volume.ScaleIO, () =>
            {
                Require(errors, path.Child("scaleIO", "gateway"), volume.ScaleIO!.Gateway);
                Require(errors, path.Child("scaleIO", "system"), volume.ScaleIO.System);
                Require(errors, path.Child("scaleIO", "volumeName"), volume.ScaleIO.VolumeName);
            }),
            ("csi", volume.Csi, () => ValidateCsi(volume.Csi!, path.Child("csi"), errors)),
            ("ephemeral", volume.Ephemeral, () => ValidateEphemeral(volume.Ephemeral!, path.Child("ephemeral"), errors)),
            ("image", volume.Image, () => ValueRules.KnownOrDefaulted(errors, path.Child("image", "pullPolicy"), volume.Image!.PullPolicy, ValueRules.Sorted<PullPolicy>())),
        };

        var count = 0;
        foreach (var (key, source, validate) in sources)
        {
            if (source is null)
            {
                continue;
            }

            if (count++ > 0)
            {
                errors.Forbidden(path.Child(key), MoreThanOneType);
            }
            else
            {
                validate();
            }
        }

        if (count == 0)
        {
            errors.Required(path, "must specify a volume type");
        }
    }

    private static void ValidateEmptyDir(EmptyDirVolumeSource emptyDir, FieldPath path, ValidationErrors errors)
    {
        if (ValueRules.ValidQuantity(errors, path.Child("sizeLimit"), emptyDir.SizeLimit) && emptyDir.SizeLimit!.Value.Value < 0)
        {
            errors.Forbidden(path.Child("sizeLimit"), "SizeLimit field must be a valid resource quantity");
        }
    }

    private static void ValidateHostPath(HostPathVolumeSource hostPath, FieldPath path, ValidationErrors errors)
    {
        if (string.IsNullOrEmpty(hostPath.Path))
        {
            errors.Required(path.Child("path"));
            return;
        }

        DownwardApiRules.ValidateNoBacksteps(hostPath.Path!, path.Child("path"), errors);
        if (hostPath.Type is not null && !HostPathTypes.Contains(hostPath.Type, StringComparer.Ordinal))
        {
            errors.NotSupported(path.Child("type"), hostPath.Type, HostPathTypes);
        }
    }

    private static void ValidateGitRepo(GitRepoVolumeSource gitRepo, FieldPath path, ValidationErrors errors)
    {
        Require(errors, path.Child("repository"), gitRepo.Repository);
        DownwardApiRules.ValidateLocalDescendingPath(gitRepo.Directory ?? string.Empty, path.Child("directory"), errors);
    }

    private static void ValidateSecret(SecretVolumeSource secret, FieldPath path, ValidationErrors errors)
    {
        Require(errors, path.Child("secretName"), secret.SecretName);
        DownwardApiRules.ValidateFileMode(secret.DefaultMode, path.Child("defaultMode"), errors);
        VolumeRules.ValidateItems(secret.Items, path.Child("items"), errors);
    }

    private static void ValidateConfigMap(ConfigMapVolumeSource configMap, FieldPath path, ValidationErrors errors)
    {
        Require(errors, path.Child("name"), configMap.Name);
        DownwardApiRules.ValidateFileMode(configMap.DefaultMode, path.Child("defaultMode"), errors);
        VolumeRules.ValidateItems(configMap.Items, path.Child("items"), errors);
    }

    private static void ValidateNfs(NFSVolumeSource nfs, FieldPath path, ValidationErrors errors)
    {
        Require(errors, path.Child("server"), nfs.Server);
        Require(errors, path.Child("path"), nfs.Path);
        if (!(nfs.Path ?? string.Empty).StartsWith("/", StringComparison.Ordinal))
        {
            errors.Invalid(path.Child("path"), nfs.Path ?? string.Empty, "must be an absolute path");
        }
    }

    private static void ValidateIscsi(ISCSIVolumeSource iscsi, FieldPath path, ValidationErrors errors)
    {
        Require(errors, path.Child("targetPortal"), iscsi.TargetPortal);
        Require(errors, path.Child("iqn"), iscsi.Iqn);
        if (iscsi.Lun is < 0 or > 255)
        {
            errors.Invalid(path.Child("lun"), iscsi.Lun.Value, NameRules.InclusiveRangeError(0, 255));
        }

        if ((iscsi.ChapAuthDiscovery == true || iscsi.ChapAuthSession == true) && iscsi.SecretRef is null)
        {
            errors.Required(path.Child("secretRef"));
        }
    }

    private static void ValidateFlocker(FlockerVolumeSource flocker, FieldPath path, ValidationErrors errors)
    {
        var name = flocker.DatasetName ?? string.Empty;
        var uuid = flocker.DatasetUUID ?? string.Empty;
        if (name.Length == 0 && uuid.Length == 0)
        {
            errors.Required(path, "one of datasetName and datasetUUID is required");
        }

        if (name.Length > 0 && uuid.Length > 0)
        {
            errors.Invalid(path, "resource", "datasetName and datasetUUID can not be specified simultaneously");
        }

        if (name.IndexOf('/') >= 0)
        {
            errors.Invalid(path.Child("datasetName"), name, "must not contain '/'");
        }
    }

    private static void ValidateDownwardApi(DownwardAPIVolumeSource downwardApi, FieldPath path, ValidationErrors errors)
    {
        DownwardApiRules.ValidateFileMode(downwardApi.DefaultMode, path.Child("defaultMode"), errors);

        // Kubernetes reports item errors at the source's path, without the item index.
        foreach (var file in downwardApi.Items ?? ValueList<DownwardAPIVolumeFile>.Empty)
        {
            VolumeRules.ValidateDownwardApiFile(file ?? new DownwardAPIVolumeFile(), path, errors);
        }
    }

    private static void ValidateFc(FCVolumeSource fc, FieldPath path, ValidationErrors errors)
    {
        var wwns = fc.TargetWWNs?.Count ?? 0;
        var wwids = fc.Wwids?.Count ?? 0;
        if (wwns == 0 && wwids == 0)
        {
            errors.Required(path.Child("targetWWNs"), "must specify either targetWWNs or wwids, but not both");
        }

        if (wwns > 0 && wwids > 0)
        {
            errors.Invalid(path.Child("targetWWNs"), fc.TargetWWNs, "targetWWNs and wwids can not be specified simultaneously");
        }

        if (wwns > 0)
        {
            if (fc.Lun is null)
            {
                errors.Required(path.Child("lun"), "lun is required if targetWWNs is specified");
            }
            else if (fc.Lun is < 0 or > 255)
            {
                errors.Invalid(path.Child("lun"), fc.Lun.Value, NameRules.InclusiveRangeError(0, 255));
            }
        }
    }

    private static void ValidateStorageOs(StorageOSVolumeSource storageOs, FieldPath path, ValidationErrors errors)
    {
        if (string.IsNullOrEmpty(storageOs.VolumeName))
        {
            errors.Required(path.Child("volumeName"));
        }
        else
        {
            errors.Invalid(path.Child("volumeName"), storageOs.VolumeName, NameRules.IsDns1123Label(storageOs.VolumeName!));
        }

        if (!string.IsNullOrEmpty(storageOs.VolumeNamespace))
        {
            errors.Invalid(path.Child("volumeNamespace"), storageOs.VolumeNamespace, NameRules.IsDns1123Label(storageOs.VolumeNamespace!));
        }

        RequireSecretRefName(errors, path.Child("secretRef", "name"), storageOs.SecretRef);
    }

    private static void ValidateCsi(CSIVolumeSource csi, FieldPath path, ValidationErrors errors)
    {
        var driver = csi.Driver ?? string.Empty;
        if (driver.Length == 0)
        {
            errors.Required(path.Child("driver"));
        }
        else
        {
            if (NameRules.ByteLength(driver) > 63)
            {
                errors.TooLong(path.Child("driver"), 63);
            }

            errors.Invalid(path.Child("driver"), driver, NameRules.IsDns1123Subdomain(driver.ToLowerInvariant()));
        }

        if (csi.NodePublishSecretRef is { } secretRef)
        {
            if (string.IsNullOrEmpty(secretRef.Name))
            {
                errors.Required(path.Child("nodePublishSecretRef", "name"));
            }
            else
            {
                // Kubernetes reports a malformed name at csi.name.
                errors.Invalid(path.Child("name"), secretRef.Name, NameRules.NameIsDnsSubdomain(secretRef.Name!, false));
            }
        }
    }

    private static void ValidateEphemeral(EphemeralVolumeSource ephemeral, FieldPath path, ValidationErrors errors)
    {
        var template = ephemeral.VolumeClaimTemplate;
        var templatePath = path.Child("volumeClaimTemplate");
        if (template is null)
        {
            errors.Required(templatePath);
            return;
        }

        var meta = template.Metadata ?? new ObjectMeta();
        var metaPath = templatePath.Child("metadata");
        ObjectMetaRules.ValidateAnnotations(meta.Annotations, metaPath.Child("annotations"), errors);
        ObjectMetaRules.ValidateLabels(meta.Labels, metaPath.Child("labels"), errors);

        // Only labels and annotations may be set on an ephemeral claim's template metadata.
        var others = new (string Key, bool Set)[]
        {
            ("name", !string.IsNullOrEmpty(meta.Name)), ("generateName", !string.IsNullOrEmpty(meta.GenerateName)),
            ("namespace", !string.IsNullOrEmpty(meta.Namespace)), ("selfLink", !string.IsNullOrEmpty(meta.SelfLink)),
            ("uID", !string.IsNullOrEmpty(meta.Uid)), ("resourceVersion", !string.IsNullOrEmpty(meta.ResourceVersion)),
            ("generation", meta.Generation is not null and not 0), ("creationTimestamp", !string.IsNullOrEmpty(meta.CreationTimestamp)),
            ("deletionTimestamp", !string.IsNullOrEmpty(meta.DeletionTimestamp)), ("deletionGracePeriodSeconds", meta.DeletionGracePeriodSeconds is not null),
            ("ownerReferences", meta.OwnerReferences is { Count: > 0 }), ("finalizers", meta.Finalizers is { Count: > 0 }),
            ("managedFields", meta.ManagedFields is { Count: > 0 }),
        };
        foreach (var (key, set) in others)
        {
            if (set)
            {
                errors.Forbidden(metaPath.Child(key), "cannot be set");
            }
        }

        ClaimTemplateRules.ValidateSpec(template.Spec, templatePath.Child("spec"), errors);
    }

    private static void ValidatePartition(int? partition, FieldPath path, ValidationErrors errors)
    {
        if (partition is < 0 or > 255)
        {
            errors.Invalid(path, partition.Value, NameRules.InclusiveRangeError(1, 255));
        }
    }

    /// <summary>Required when the string is missing or empty.</summary>
    internal static void Require(ValidationErrors errors, FieldPath path, string? value, string detail = "")
    {
        if (string.IsNullOrEmpty(value))
        {
            errors.Required(path, detail);
        }
    }

    private static void RequireList(ValidationErrors errors, FieldPath path, ValueList<string>? value)
    {
        if (value is null || value.Count == 0)
        {
            errors.Required(path);
        }
    }

    private static void RequireSecretRefName(ValidationErrors errors, FieldPath path, LocalObjectReference? secretRef)
    {
        if (secretRef is not null && string.IsNullOrEmpty(secretRef.Name))
        {
            errors.Required(path);
        }
    }
}
