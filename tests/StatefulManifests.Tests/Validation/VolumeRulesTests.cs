using StatefulManifests.Model;
using static StatefulManifests.Validation.FieldErrorType;

namespace StatefulManifests.Tests.Validation;

/// <summary>Pod volumes, volume mounts and volume devices of the template.</summary>
public sealed class VolumeRulesTests
{
    private const string V0 = "spec.template.spec.volumes[0]";
    private const string C0 = "spec.template.spec.containers[0]";

    private static Volume ConfigVolume(string name = "config") => new() { Name = name, ConfigMap = new ConfigMapVolumeSource { Name = "nginx-conf" } };

    [Fact]
    public void VolumeNameIsRequired() =>
        Expect.Only(WithVolumes(new Volume { EmptyDir = new EmptyDirVolumeSource() }), Required, V0 + ".name", "Required value");

    [Fact]
    public void VolumeNameMustBeADns1123Label() =>
        Expect.Only(WithVolumes(ConfigVolume("Config")), Invalid, V0 + ".name", "Invalid value: \"Config\": " + Messages.Dns1123Label);

    [Fact]
    public void VolumeNamesMustBeUnique() =>
        Expect.Only(WithVolumes(ConfigVolume(), ConfigVolume()), Duplicate, "spec.template.spec.volumes[1].name", "Duplicate value: \"config\"");

    [Fact]
    public void AVolumeNeedsASource() =>
        Expect.Only(WithVolumes(new Volume { Name = "data" }), Required, V0, "Required value: must specify a volume type");

    [Fact]
    public void AVolumeMayHaveOnlyOneSource() =>
        Expect.Only(
            WithVolumes(new Volume { Name = "data", EmptyDir = new EmptyDirVolumeSource(), Secret = new SecretVolumeSource { SecretName = "s" } }),
            Forbidden,
            V0 + ".secret",
            "Forbidden: may not specify more than 1 volume type");

    [Fact]
    public void CommonSourcesAreAccepted() =>
        Expect.Valid(WithVolumes(
            ConfigVolume(),
            new Volume { Name = "secret", Secret = new SecretVolumeSource { SecretName = "tls", DefaultMode = 256, Items = ValueList.Of(new KeyToPath { Key = "tls.crt", Path = "certs/tls.crt" }) } },
            new Volume { Name = "scratch", EmptyDir = new EmptyDirVolumeSource { SizeLimit = Quantity.FromText("1Gi") } },
            new Volume { Name = "host", HostPath = new HostPathVolumeSource { Path = "/var/log", Type = "Directory" } },
            new Volume { Name = "claim", PersistentVolumeClaim = new PersistentVolumeClaimVolumeSource { ClaimName = "shared" } },
            new Volume { Name = "info", DownwardAPI = new DownwardAPIVolumeSource { Items = ValueList.Of(new DownwardAPIVolumeFile { Path = "labels", FieldRef = new ObjectFieldSelector { FieldPath = "metadata.labels" } }) } },
            new Volume
            {
                Name = "all",
                Projected = new ProjectedVolumeSource
                {
                    Sources = ValueList.Of(
                        new VolumeProjection { Secret = new SecretProjection { Name = "a" } },
                        new VolumeProjection { ServiceAccountToken = new ServiceAccountTokenProjection { Path = "token", ExpirationSeconds = 3600 } }),
                },
            }));

    [Fact]
    public void ConfigMapNameIsRequiredAndModeIsOctalRange() =>
        Expect.Exactly(
            Expect.Errors(WithVolumes(new Volume { Name = "config", ConfigMap = new ConfigMapVolumeSource { DefaultMode = 1000 } })),
            (Required, V0 + ".configMap.name", "Required value"),
            (Invalid, V0 + ".configMap.defaultMode", "Invalid value: 1000: must be a number between 0 and 0777 (octal), both inclusive"));

    [Fact]
    public void SecretItemsNeedRelativePathsWithoutBacksteps() =>
        Expect.Exactly(
            Expect.Errors(WithVolumes(new Volume
            {
                Name = "secret",
                Secret = new SecretVolumeSource
                {
                    SecretName = "tls",
                    Items = ValueList.Of(new KeyToPath { Key = "a", Path = "/etc/a" }, new KeyToPath { Key = "b", Path = "x/../../b" }, new KeyToPath { Path = "..c" }),
                },
            })),
            (Invalid, V0 + ".secret.items[0].path", "Invalid value: \"/etc/a\": must be a relative path"),
            (Invalid, V0 + ".secret.items[1].path", "Invalid value: \"x/../../b\": must not contain '..'"),
            (Required, V0 + ".secret.items[2].key", "Required value"),
            (Invalid, V0 + ".secret.items[2].path", "Invalid value: \"..c\": must not start with '..'"));

    [Fact]
    public void HostPathNeedsAPathAndAKnownType() =>
        Expect.Only(
            WithVolumes(new Volume { Name = "host", HostPath = new HostPathVolumeSource { Path = "/data", Type = "Folder" } }),
            NotSupported,
            V0 + ".hostPath.type",
            "Unsupported value: \"Folder\": supported values: \"\", \"BlockDevice\", \"CharDevice\", \"Directory\", \"DirectoryOrCreate\", \"File\", \"FileOrCreate\", \"Socket\"");

    [Fact]
    public void NegativeEmptyDirSizeLimitIsForbidden() =>
        Expect.Only(
            WithVolumes(new Volume { Name = "tmp", EmptyDir = new EmptyDirVolumeSource { SizeLimit = Quantity.FromText("-1Mi") } }),
            Forbidden,
            V0 + ".emptyDir.sizeLimit",
            "Forbidden: SizeLimit field must be a valid resource quantity");

    [Fact]
    public void UnparsableEmptyDirSizeLimitIsInvalid() =>
        Expect.Only(
            WithVolumes(new Volume { Name = "tmp", EmptyDir = new EmptyDirVolumeSource { SizeLimit = Quantity.FromText("1gb") } }),
            Invalid,
            V0 + ".emptyDir.sizeLimit",
            "Invalid value: \"1gb\": " + Quantity.FromText("1gb").Error);

    [Fact]
    public void PvcVolumeNeedsAClaimName() =>
        Expect.Only(WithVolumes(new Volume { Name = "c", PersistentVolumeClaim = new PersistentVolumeClaimVolumeSource() }), Required, V0 + ".persistentVolumeClaim.claimName", "Required value");

    [Fact]
    public void NfsPathMustBeAbsolute() =>
        Expect.Only(
            WithVolumes(new Volume { Name = "nfs", Nfs = new NFSVolumeSource { Server = "nfs.local", Path = "exports" } }),
            Invalid,
            V0 + ".nfs.path",
            "Invalid value: \"exports\": must be an absolute path");

    [Fact]
    public void DownwardApiFileNeedsOneReference() =>
        Expect.Only(
            WithVolumes(new Volume { Name = "info", DownwardAPI = new DownwardAPIVolumeSource { Items = ValueList.Of(new DownwardAPIVolumeFile { Path = "x" }) } }),
            Required,
            V0 + ".downwardAPI",
            "Required value: one of fieldRef and resourceFieldRef is required");

    [Fact]
    public void ProjectedSourcesMayNotWriteTheSameFile() =>
        Expect.Only(
            WithVolumes(new Volume
            {
                Name = "all",
                Projected = new ProjectedVolumeSource
                {
                    Sources = ValueList.Of(
                        new VolumeProjection { Secret = new SecretProjection { Name = "a", Items = ValueList.Of(new KeyToPath { Key = "k", Path = "f" }) } },
                        new VolumeProjection { ConfigMap = new ConfigMapProjection { Name = "b", Items = ValueList.Of(new KeyToPath { Key = "k", Path = "f" }) } }),
                },
            }),
            Invalid,
            V0 + ".projected",
            "Invalid value: \"b\": conflicting duplicate paths");

    [Fact]
    public void ProjectedSourceMayHaveOnlyOneType() =>
        Expect.Only(
            WithVolumes(new Volume
            {
                Name = "all",
                Projected = new ProjectedVolumeSource
                {
                    Sources = ValueList.Of(new VolumeProjection { Secret = new SecretProjection { Name = "a" }, ConfigMap = new ConfigMapProjection { Name = "b" } }),
                },
            }),
            Forbidden,
            V0 + ".projected.sources[0]",
            "Forbidden: may not specify more than 1 volume type per source");

    [Fact]
    public void ServiceAccountTokenNeedsTenMinutesAndAPath() =>
        Expect.Exactly(
            Expect.Errors(WithVolumes(new Volume
            {
                Name = "token",
                Projected = new ProjectedVolumeSource { Sources = ValueList.Of(new VolumeProjection { ServiceAccountToken = new ServiceAccountTokenProjection { ExpirationSeconds = 60 } }) },
            })),
            (Invalid, V0 + ".projected.sources[0].serviceAccountToken.expirationSeconds", "Invalid value: 60: may not specify a duration less than 10 minutes"),
            (Required, V0 + ".projected.path", "Required value"));

    [Fact]
    public void EphemeralVolumeClaimTemplateIsValidatedLikeAClaim() =>
        Expect.Exactly(
            Expect.Errors(WithVolumes(new Volume
            {
                Name = "scratch",
                Ephemeral = new EphemeralVolumeSource { VolumeClaimTemplate = new PersistentVolumeClaimTemplate { Metadata = new ObjectMeta { Name = "x" }, Spec = new PersistentVolumeClaimSpec() } },
            })),
            (Forbidden, V0 + ".ephemeral.volumeClaimTemplate.metadata.name", "Forbidden: cannot be set"),
            (Required, V0 + ".ephemeral.volumeClaimTemplate.spec.accessModes", "Required value: at least 1 access mode is required"),
            (Required, V0 + ".ephemeral.volumeClaimTemplate.spec.resources[storage]", "Required value"));

    [Fact]
    public void CsiDriverIsRequired() =>
        Expect.Only(WithVolumes(new Volume { Name = "csi", Csi = new CSIVolumeSource() }), Required, V0 + ".csi.driver", "Required value");

    [Fact]
    public void MountMustNameAVolume() =>
        Expect.Only(
            Mounts(new VolumeMount { Name = "logs", MountPath = "/var/log" }),
            NotFound,
            C0 + ".volumeMounts[0].name",
            "Not found: \"logs\"");

    [Fact]
    public void MountOfAnInvalidVolumeIsNotFound() =>
        Expect.Exactly(
            Expect.Errors(Baseline.WithPod(p => p with
            {
                Volumes = ValueList.Of(new Volume { Name = "config" }),
                Containers = ValueList.Of(p.Containers![0] with { VolumeMounts = ValueList.Of(new VolumeMount { Name = "config", MountPath = "/etc/nginx" }) }),
            })),
            (Required, V0, "Required value: must specify a volume type"),
            (NotFound, C0 + ".volumeMounts[0].name", "Not found: \"config\""));

    [Fact]
    public void MountNameAndPathAreRequired() =>
        Expect.Exactly(
            Expect.Errors(Mounts(new VolumeMount())),
            (Required, C0 + ".volumeMounts[0].name", "Required value"),
            (NotFound, C0 + ".volumeMounts[0].name", "Not found: \"\""),
            (Required, C0 + ".volumeMounts[0].mountPath", "Required value"));

    [Fact]
    public void MountPathsMustBeUnique() =>
        Expect.Only(
            Mounts(new VolumeMount { Name = "www", MountPath = "/data" }, new VolumeMount { Name = "www", MountPath = "/data" }),
            Invalid,
            C0 + ".volumeMounts[1].mountPath",
            "Invalid value: \"/data\": must be unique");

    [Fact]
    public void SubPathMustBeRelativeAndExclusiveWithSubPathExpr() =>
        Expect.Exactly(
            Expect.Errors(Mounts(new VolumeMount { Name = "www", MountPath = "/data", SubPath = "/abs", SubPathExpr = "$(POD)" })),
            (Invalid, C0 + ".volumeMounts.subPath", "Invalid value: \"/abs\": must be a relative path"),
            (Invalid, C0 + ".volumeMounts[0].subPathExpr", "Invalid value: \"$(POD)\": subPathExpr and subPath are mutually exclusive"));

    [Fact]
    public void BidirectionalPropagationNeedsAPrivilegedContainer() =>
        Expect.Only(
            Mounts(new VolumeMount { Name = "www", MountPath = "/data", MountPropagation = MountPropagation.Bidirectional }),
            Forbidden,
            C0 + ".volumeMounts.mountPropagation",
            "Forbidden: Bidirectional mount propagation is available only to privileged containers");

    [Fact]
    public void UnknownPropagationIsNotSupported() =>
        Expect.Only(
            Mounts(new VolumeMount { Name = "www", MountPath = "/data", MountPropagation = new EnumValue<MountPropagation>("Shared") }),
            NotSupported,
            C0 + ".volumeMounts.mountPropagation",
            "Unsupported value: \"Shared\": supported values: \"Bidirectional\", \"HostToContainer\", \"None\"");

    [Fact]
    public void RecursiveReadOnlyNeedsReadOnly() =>
        Expect.Only(
            Mounts(new VolumeMount { Name = "www", MountPath = "/data", RecursiveReadOnly = "Enabled" }),
            Forbidden,
            C0 + ".volumeMounts.recursiveReadOnly",
            "Forbidden: may only be specified when readOnly is true");

    [Fact]
    public void ReadOnlySubPathMountIsAccepted() =>
        Expect.Valid(Mounts(new VolumeMount { Name = "www", MountPath = "/data", SubPath = "html", ReadOnly = true, RecursiveReadOnly = "IfPossible" }));

    [Fact]
    public void BlockDevicesMustComeFromClaims() =>
        Expect.Only(
            Baseline.WithPod(p => p with
            {
                Volumes = ValueList.Of(ConfigVolume()),
                Containers = ValueList.Of(p.Containers![0] with { VolumeDevices = ValueList.Of(new VolumeDevice { Name = "config", DevicePath = "/dev/xvda" }) }),
            }),
            Invalid,
            C0 + ".volumeDevices[0].name",
            "Invalid value: \"config\": can only use volume source type of PersistentVolumeClaim or Ephemeral for block mode");

    [Fact]
    public void AClaimTemplateCannotBeBothMountedAndADevice() =>
        Expect.Exactly(
            Expect.Errors(Baseline.WithContainer(c => c with { VolumeDevices = ValueList.Of(new VolumeDevice { Name = "www", DevicePath = "/dev/xvda" }) })),
            (Invalid, C0 + ".volumeMounts[0].name", "Invalid value: \"www\": must not already exist in volumeDevices"),
            (Invalid, C0 + ".volumeDevices[0].name", "Invalid value: \"www\": must not already exist in volumeMounts"));

    [Fact]
    public void AClaimTemplateAsBlockDeviceIsAccepted() =>
        Expect.Valid(Baseline.WithContainer(c => c with { VolumeMounts = null, VolumeDevices = ValueList.Of(new VolumeDevice { Name = "www", DevicePath = "/dev/xvda" }) }));

    public static TheoryData<string, string> RequiredSourceFields => new()
    {
        { "gitRepo", "gitRepo.repository" },
        { "gcePersistentDisk", "persistentDisk.pdName" },
        { "awsElasticBlockStore", "awsElasticBlockStore.volumeID" },
        { "iscsi", "iscsi.targetPortal" },
        { "glusterfs", "glusterfs.endpoints" },
        { "rbd", "rbd.monitors" },
        { "cinder", "cinder.volumeID" },
        { "cephfs", "cephfs.monitors" },
        { "flexVolume", "flexVolume.driver" },
        { "azureFile", "azureFile.secretName" },
        { "vsphereVolume", "vsphereVolume.volumePath" },
        { "photonPersistentDisk", "photonPersistentDisk.pdID" },
        { "portworxVolume", "portworxVolume.volumeID" },
        { "azureDisk", "azureDisk.diskName" },
        { "storageos", "storageos.volumeName" },
        { "scaleIO", "scaleIO.gateway" },
        { "ephemeral", "ephemeral.volumeClaimTemplate" },
    };

    [Theory]
    [MemberData(nameof(RequiredSourceFields))]
    public void EverySourceRequiresItsKeyField(string source, string field)
    {
        var volume = source switch
        {
            "gitRepo" => new Volume { Name = "v", GitRepo = new GitRepoVolumeSource() },
            "gcePersistentDisk" => new Volume { Name = "v", GcePersistentDisk = new GCEPersistentDiskVolumeSource() },
            "awsElasticBlockStore" => new Volume { Name = "v", AwsElasticBlockStore = new AWSElasticBlockStoreVolumeSource() },
            "iscsi" => new Volume { Name = "v", Iscsi = new ISCSIVolumeSource() },
            "glusterfs" => new Volume { Name = "v", Glusterfs = new GlusterfsVolumeSource() },
            "rbd" => new Volume { Name = "v", Rbd = new RBDVolumeSource() },
            "cinder" => new Volume { Name = "v", Cinder = new CinderVolumeSource() },
            "cephfs" => new Volume { Name = "v", Cephfs = new CephFSVolumeSource() },
            "flexVolume" => new Volume { Name = "v", FlexVolume = new FlexVolumeSource() },
            "azureFile" => new Volume { Name = "v", AzureFile = new AzureFileVolumeSource() },
            "vsphereVolume" => new Volume { Name = "v", VsphereVolume = new VsphereVirtualDiskVolumeSource() },
            "photonPersistentDisk" => new Volume { Name = "v", PhotonPersistentDisk = new PhotonPersistentDiskVolumeSource() },
            "portworxVolume" => new Volume { Name = "v", PortworxVolume = new PortworxVolumeSource() },
            "azureDisk" => new Volume { Name = "v", AzureDisk = new AzureDiskVolumeSource() },
            "storageos" => new Volume { Name = "v", Storageos = new StorageOSVolumeSource() },
            "scaleIO" => new Volume { Name = "v", ScaleIO = new ScaleIOVolumeSource() },
            _ => new Volume { Name = "v", Ephemeral = new EphemeralVolumeSource() },
        };
        Expect.Contains(Expect.Errors(WithVolumes(volume)), Required, V0 + "." + field, "Required value");
    }

    [Fact]
    public void FlockerNeedsExactlyOneDatasetReference() =>
        Expect.Only(
            WithVolumes(new Volume { Name = "f", Flocker = new FlockerVolumeSource { DatasetName = "a", DatasetUUID = "b" } }),
            Invalid,
            V0 + ".flocker",
            "Invalid value: \"resource\": datasetName and datasetUUID can not be specified simultaneously");

    [Fact]
    public void FibreChannelLunMustBeInRange() =>
        Expect.Only(
            WithVolumes(new Volume { Name = "fc", Fc = new FCVolumeSource { TargetWWNs = ValueList.Of("500a0982991b8dc5"), Lun = 256 } }),
            Invalid,
            V0 + ".fc.lun",
            "Invalid value: 256: must be between 0 and 255, inclusive");

    [Fact]
    public void DownwardApiFieldRefMayOnlySubscriptLabelsAndAnnotations() =>
        Expect.Only(
            WithVolumes(new Volume
            {
                Name = "info",
                DownwardAPI = new DownwardAPIVolumeSource { Items = ValueList.Of(new DownwardAPIVolumeFile { Path = "n", FieldRef = new ObjectFieldSelector { FieldPath = "metadata.name['x']" } }) },
            }),
            Invalid,
            V0 + ".downwardAPI.fieldRef.fieldPath",
            "Invalid value: \"metadata.name['x']\": error converting fieldPath: field label does not support subscript: metadata.name['x']");

    [Fact]
    public void DownwardApiFieldRefMustUseV1() =>
        Expect.Only(
            WithVolumes(new Volume
            {
                Name = "info",
                DownwardAPI = new DownwardAPIVolumeSource { Items = ValueList.Of(new DownwardAPIVolumeFile { Path = "n", FieldRef = new ObjectFieldSelector { ApiVersion = "v2", FieldPath = "metadata.name" } }) },
            }),
            Invalid,
            V0 + ".downwardAPI.fieldRef.fieldPath",
            "Invalid value: \"metadata.name\": error converting fieldPath: unsupported pod version: v2");

    [Fact]
    public void ClusterTrustBundleTakesNameOrSignerNotBoth() =>
        Expect.Only(
            WithVolumes(new Volume
            {
                Name = "ctb",
                Projected = new ProjectedVolumeSource
                {
                    Sources = ValueList.Of(new VolumeProjection { ClusterTrustBundle = new ClusterTrustBundleProjection { Name = "a", SignerName = "example.com/s", Path = "ca.pem" } }),
                },
            }),
            Invalid,
            V0 + ".projected.sources[0].clusterTrustBundle",
            "Invalid value: \"<clusterTrustBundle>\": only one of name and signerName may be used");

    private static StatefulSet WithVolumes(params Volume[] volumes) => Baseline.WithPod(p => p with { Volumes = ValueList.Of(volumes) });

    private static StatefulSet Mounts(params VolumeMount[] mounts) => Baseline.WithContainer(c => c with { VolumeMounts = ValueList.Of(mounts) });
}
