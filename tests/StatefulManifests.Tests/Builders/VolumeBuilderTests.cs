using StatefulManifests.Model;
using static StatefulManifests.Tests.Builders.WorkloadAccess;

namespace StatefulManifests.Tests.Builders;

/// <summary>Pod volumes, projected volumes and claim templates.</summary>
public class VolumeBuilderTests
{
    private static ValueList<Volume> Volumes(Func<StatefulSetBuilder, StatefulSetBuilder> configure) =>
        configure(Minimal()).Build().Pod().Volumes!;

    [Fact]
    public void ShorthandVolumes()
    {
        var volumes = Volumes(b => b
            .ConfigMapVolume("config", configMap: "mysql", defaultMode: 0x1ED)
            .SecretVolume("tls", secret: "db-tls", optional: true)
            .EmptyDirVolume("scratch", medium: "Memory", sizeLimit: "64Mi")
            .HostPathVolume("dev", "/dev", "Directory")
            .PersistentVolumeClaimVolume("shared", "shared-claim", readOnly: true));

        Assert.Equal(
            ValueList.Of(
                new Volume { Name = "config", ConfigMap = new ConfigMapVolumeSource { Name = "mysql", DefaultMode = 493 } },
                new Volume { Name = "tls", Secret = new SecretVolumeSource { SecretName = "db-tls", Optional = true } },
                new Volume { Name = "scratch", EmptyDir = new EmptyDirVolumeSource { Medium = "Memory", SizeLimit = Quantity.Parse("64Mi") } },
                new Volume { Name = "dev", HostPath = new HostPathVolumeSource { Path = "/dev", Type = "Directory" } },
                new Volume { Name = "shared", PersistentVolumeClaim = new PersistentVolumeClaimVolumeSource { ClaimName = "shared-claim", ReadOnly = true } }),
            volumes);
    }

    [Fact]
    public void CsiVolumeSetsDriverReadOnlyAndAttributes()
    {
        var volumes = Volumes(b => b
            .Volume("secrets", v => v.Csi("secrets-store.csi.k8s.io", readOnly: true, ("secretProviderClass", "vault-db")))
            .Volume("scratch", v => v.Csi("inline.example.com")));

        Assert.Equal(
            ValueList.Of(
                new Volume
                {
                    Name = "secrets",
                    Csi = new CSIVolumeSource { Driver = "secrets-store.csi.k8s.io", ReadOnly = true, VolumeAttributes = ValueMap.Of(("secretProviderClass", "vault-db")) },
                },
                new Volume { Name = "scratch", Csi = new CSIVolumeSource { Driver = "inline.example.com" } }),
            volumes);
    }

    [Fact]
    public void ItemsGoToTheChosenConfigMapOrSecret()
    {
        var volumes = Volumes(b => b
            .Volume("cm", v => v.ConfigMap("redis", optional: false).Item("redis.conf", "redis.conf").Item("init.sh", "init.sh", mode: 0x1ED))
            .Volume("sec", v => v.Secret("creds").Item("password", "pw")));

        Assert.Equal(
            ValueList.Of(new KeyToPath { Key = "redis.conf", Path = "redis.conf" }, new KeyToPath { Key = "init.sh", Path = "init.sh", Mode = 493 }),
            volumes[0].ConfigMap!.Items);
        Assert.False(volumes[0].ConfigMap!.Optional);
        Assert.Equal(ValueList.Of(new KeyToPath { Key = "password", Path = "pw" }), volumes[1].Secret!.Items);
    }

    [Fact]
    public void ChoosingAnotherSourceReplacesTheFirst()
    {
        var volume = Volumes(b => b.Volume("v", v => v.ConfigMap("a").EmptyDir())).Single();

        Assert.Equal(new Volume { Name = "v", EmptyDir = new EmptyDirVolumeSource() }, volume);
    }

    [Fact]
    public void AVolumeWithAnExistingNameIsReconfigured()
    {
        var volumes = Volumes(b => b.ConfigMapVolume("config", "a").EmptyDirVolume("tmp").Volume("config", v => v.Item("k", "p")));

        Assert.Equal(["config", "tmp"], volumes.Select(v => v.Name));
        Assert.Equal("a", volumes[0].ConfigMap!.Name);
        Assert.Equal("k", volumes[0].ConfigMap!.Items![0].Key);
    }

    [Fact]
    public void DownwardApiVolume()
    {
        var volume = Volumes(b => b.Volume("podinfo", v => v.DownwardApiField("labels", "metadata.labels").DownwardApiResource("mem", "limits.memory", "main", divisor: "1Mi"))).Single();

        Assert.Equal(
            ValueList.Of(
                new DownwardAPIVolumeFile { Path = "labels", FieldRef = new ObjectFieldSelector { FieldPath = "metadata.labels" } },
                new DownwardAPIVolumeFile { Path = "mem", ResourceFieldRef = new ResourceFieldSelector { Resource = "limits.memory", ContainerName = "main", Divisor = Quantity.Parse("1Mi") } }),
            volume.DownwardAPI!.Items);
    }

    [Fact]
    public void ProjectedVolumeSourcesInOrder()
    {
        var projected = Volumes(b => b.Volume("all", v => v.Projected(p => p
            .DefaultMode(0x124)
            .ConfigMap("cfg").Item("a", "a.conf")
            .Secret("sec", optional: true).Item("b", "b.key")
            .DownwardApiField("name", "metadata.name")
            .DownwardApiResource("cpu", "limits.cpu", "main")
            .ServiceAccountToken("token", expirationSeconds: 3600, audience: "vault")))).Single().Projected!;

        Assert.Equal(292, projected.DefaultMode);
        Assert.Equal(
            ValueList.Of(
                new VolumeProjection { ConfigMap = new ConfigMapProjection { Name = "cfg", Items = ValueList.Of(new KeyToPath { Key = "a", Path = "a.conf" }) } },
                new VolumeProjection { Secret = new SecretProjection { Name = "sec", Optional = true, Items = ValueList.Of(new KeyToPath { Key = "b", Path = "b.key" }) } },
                new VolumeProjection { DownwardAPI = new DownwardAPIProjection { Items = ValueList.Of(new DownwardAPIVolumeFile { Path = "name", FieldRef = new ObjectFieldSelector { FieldPath = "metadata.name" } }) } },
                new VolumeProjection { DownwardAPI = new DownwardAPIProjection { Items = ValueList.Of(new DownwardAPIVolumeFile { Path = "cpu", ResourceFieldRef = new ResourceFieldSelector { Resource = "limits.cpu", ContainerName = "main" } }) } },
                new VolumeProjection { ServiceAccountToken = new ServiceAccountTokenProjection { Path = "token", ExpirationSeconds = 3600, Audience = "vault" } }),
            projected.Sources);
    }

    [Fact]
    public void ProjectedItemWithoutAConfigMapOrSecretIsKeptForValidationToReport()
    {
        var projected = Volumes(b => b.Volume("p", v => v.Projected(p => p.ServiceAccountToken("t").Item("k", "p")))).Single().Projected!;

        Assert.Equal(2, projected.Sources!.Count);
        Assert.Null(projected.Sources[1].ConfigMap!.Name);
        Assert.Equal("k", projected.Sources[1].ConfigMap!.Items![0].Key);
    }

    [Fact]
    public void VolumeModifyReachesSourcesTheDslDoesNotCover()
    {
        var volume = Volumes(b => b.Volume("nfs", v => v.Modify(m => m with { Nfs = new NFSVolumeSource { Server = "nfs.local", Path = "/export" } }))).Single();

        Assert.Equal("nfs.local", volume.Nfs!.Server);
    }

    [Fact]
    public void ClaimTemplateFields()
    {
        var claim = Minimal()
            .VolumeClaim("data", v => v
                .AccessModes(AccessMode.ReadWriteOnce, AccessMode.ReadOnlyMany)
                .StorageClass("ssd")
                .Storage("20Gi")
                .StorageLimit("40Gi")
                .VolumeMode(VolumeMode.Filesystem)
                .Selector(("disk", "fast"))
                .VolumeName("pv-1")
                .DataSource("VolumeSnapshot", "snap-1", "snapshot.storage.k8s.io")
                .VolumeAttributesClass("gold")
                .Labels(("app", "db"))
                .Annotations(("backup", "daily")))
            .Build()
            .Spec()
            .VolumeClaimTemplates!
            .Single();

        Assert.Equal(
            new PersistentVolumeClaim
            {
                Metadata = new ObjectMeta { Name = "data", Labels = Map(("app", "db")), Annotations = Map(("backup", "daily")) },
                Spec = new PersistentVolumeClaimSpec
                {
                    AccessModes = ValueList.Of<EnumValue<AccessMode>>(AccessMode.ReadWriteOnce, AccessMode.ReadOnlyMany),
                    StorageClassName = "ssd",
                    Resources = new VolumeResourceRequirements
                    {
                        Requests = ValueMap.Of(("storage", Quantity.Parse("20Gi"))),
                        Limits = ValueMap.Of(("storage", Quantity.Parse("40Gi"))),
                    },
                    VolumeMode = VolumeMode.Filesystem,
                    Selector = new LabelSelector { MatchLabels = Map(("disk", "fast")) },
                    VolumeName = "pv-1",
                    DataSource = new TypedLocalObjectReference { Kind = "VolumeSnapshot", Name = "snap-1", ApiGroup = "snapshot.storage.k8s.io" },
                    VolumeAttributesClassName = "gold",
                },
            },
            claim);
    }

    [Fact]
    public void ClaimTemplateModifyEscapeHatch()
    {
        var claim = Minimal().VolumeClaim("data", v => v.Storage("1Gi").Modify(c => c with { ApiVersion = "v1", Kind = "PersistentVolumeClaim" })).Build().Spec().VolumeClaimTemplates![0];

        Assert.Equal("v1", claim.ApiVersion);
        Assert.Equal("PersistentVolumeClaim", claim.Kind);
    }
}
