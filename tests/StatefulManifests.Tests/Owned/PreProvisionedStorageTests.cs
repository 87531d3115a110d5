using StatefulManifests.Model;
using StatefulManifests.Reconciliation;
using StatefulManifests.Tests.Support;
using StatefulManifests.Validation;
using StatefulManifests.Yaml;
using Xunit.Abstractions;

namespace StatefulManifests.Tests.Owned;

/// <summary>
/// Pre-provisioned storage (issue #12 item 7, seed 002): per-ordinal claims named as the controller looks them up,
/// PersistentVolume stubs bound to them, validation of both, YAML round trip, kubectl-validate and adoption by the
/// simulated controller.
/// </summary>
public sealed class PreProvisionedStorageTests(ITestOutputHelper output)
{
    private static StatefulSetBuilder Db(Func<PreProvisionedStorageBuilder, PreProvisionedStorageBuilder>? storage = null) =>
        Workload.StatefulSet("db")
            .Namespace("shop")
            .Replicas(3)
            .OrdinalsStart(5)
            .Container("postgres", c => c.Image("postgres:17").Mount("data", "/var/lib/postgresql/data"))
            .VolumeClaim("data", v => v.Storage("10Gi").AccessModes(AccessMode.ReadWriteOnce).Labels(("tier", "storage")))
            .PreProvisionedClaims("data", storage);

    [Fact]
    public void Claims_are_named_per_ordinal_from_the_ordinals_start_with_the_template_spec_and_the_controllers_labels()
    {
        var workload = Db(s => s.Local("/mnt/disks/{claim}", "worker-{ordinal}")).Build();

        var claims = workload.Owned.OfType<PersistentVolumeClaim>().ToList();
        Assert.Equal(new[] { "data-db-5", "data-db-6", "data-db-7" }, claims.Select(c => c.Metadata!.Name));
        Assert.All(claims, c =>
        {
            Assert.Equal("shop", c.Metadata!.Namespace);
            Assert.Equal("storage", c.Metadata.Labels!["tier"]);
            Assert.Equal("db", c.Metadata.Labels!["app.kubernetes.io/name"]);
            Assert.Equal(Quantity.FromText("10Gi"), c.Spec!.Resources!.Requests!["storage"]);
            Assert.Equal(string.Empty, c.Spec.StorageClassName);
            Assert.Equal("shop-" + c.Metadata.Name, c.Spec.VolumeName);
        });
    }

    [Fact]
    public void Volumes_are_bound_to_their_claims_and_local_ones_pinned_to_their_node()
    {
        var workload = Db(s => s.Local("/mnt/disks/{claim}", "worker-{ordinal}")).Build();

        var volume = workload.Owned.OfType<PersistentVolume>().Single(v => v.Metadata!.Name == "shop-data-db-6");
        Assert.Null(volume.Metadata!.Namespace);
        Assert.Equal("shop", volume.Spec!.ClaimRef!.Namespace);
        Assert.Equal("data-db-6", volume.Spec.ClaimRef.Name);
        Assert.Equal("/mnt/disks/data-db-6", volume.Spec.Local!.Path);
        Assert.Equal("worker-6", volume.Spec.NodeAffinity!.Required!.NodeSelectorTerms![0].MatchExpressions![0].Values![0]);
        Assert.Equal(PersistentVolumeReclaimPolicy.Retain, volume.Spec.PersistentVolumeReclaimPolicy!.Value.Known);
        Assert.Equal(Quantity.FromText("10Gi"), volume.Spec.Capacity!["storage"]);
        Assert.Empty(workload.Validate());
    }

    [Fact]
    public void The_claim_names_are_the_ones_the_controller_uses()
    {
        var workload = Db().Build();
        var set = workload.StatefulSet;

        Assert.Equal(
            PreProvisionedStorage.Ordinals(set).Select(o => StatefulSetNames.ClaimName("data", StatefulSetNames.PodName("db", o))),
            workload.Owned.OfType<PersistentVolumeClaim>().Select(c => c.Metadata!.Name));
        Assert.Empty(workload.Owned.OfType<PersistentVolume>());
    }

    [Theory]
    [InlineData("nfs")]
    [InlineData("csi")]
    public void Nfs_and_csi_stubs_validate(string kind)
    {
        var workload = Db(s => kind == "nfs" ? s.Nfs("nfs.internal", "/exports/{pod}") : s.Csi("ebs.csi.aws.com", "vol-{ordinal}").StorageClass("manual")).Build();

        Assert.Empty(workload.Validate());
        var volume = workload.Owned.OfType<PersistentVolume>().First();
        if (kind == "nfs")
        {
            Assert.Equal("/exports/db-5", volume.Spec!.Nfs!.Path);
        }
        else
        {
            Assert.Equal("vol-5", volume.Spec!.Csi!.VolumeHandle);
            Assert.Equal("manual", volume.Spec.StorageClassName);
            Assert.Equal("manual", workload.Owned.OfType<PersistentVolumeClaim>().First().Spec!.StorageClassName);
        }
    }

    [Fact]
    public void Count_limits_the_claims_and_bad_arguments_are_errors_not_exceptions()
    {
        Assert.Single(Db(s => s.Count(1)).Build().Owned.OfType<PersistentVolumeClaim>());

        var errors = Db(s => s.Local("", "worker").Count(-1)).Build().Validate();
        Assert.Contains(errors, e => e.Detail.Contains("Local: path is required", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Detail.Contains("Count", StringComparison.Ordinal));
        Assert.Contains(Workload.StatefulSet("db").PreProvisionedClaims("").Build().Validate(), e => e.Detail.Contains("PreProvisionedClaims", StringComparison.Ordinal));
    }

    [Fact]
    public void A_claim_template_the_set_lacks_is_one_NotFound_error_and_no_objects()
    {
        // Declared before the template it names, as a chain may: only the finished set can tell.
        var typo = Workload.StatefulSet("db").Replicas(3).PreProvisionedClaims("dta", s => s.Nfs("nfs.example", "/exports/{claim}"))
            .Container("postgres", c => c.Image("postgres:17").Mount("data", "/var/lib/postgresql/data"))
            .VolumeClaim("data", v => v.Storage("10Gi").AccessModes(AccessMode.ReadWriteOnce))
            .Build();

        var error = Assert.Single(typo.Validate(), e => e.Detail.Contains("PreProvisionedClaims", StringComparison.Ordinal));
        Assert.Equal(FieldErrorType.NotFound, error.Type);
        Assert.Equal("spec.volumeClaimTemplates", error.Path.ToString());
        Assert.Contains("its templates: data", error.Detail, StringComparison.Ordinal);
        Assert.Empty(typo.Owned.OfType<PersistentVolumeClaim>());
        Assert.Empty(typo.Owned.OfType<PersistentVolume>());
        Assert.DoesNotContain(typo.Validate(), e => e.Object is not null);

        var none = Workload.StatefulSet("db").PreProvisionedClaims("data").Build();
        Assert.Contains(none.Validate(), e => e.Detail.Contains("it has none; add VolumeClaim(\"data\"", StringComparison.Ordinal));
        Assert.DoesNotContain(Db().Build().Validate(), e => e.Detail.Contains("PreProvisionedClaims", StringComparison.Ordinal));
    }

    public static TheoryData<string, PersistentVolumeSpec, string, string> BadVolumes => new()
    {
        { "no source", Spec(), "spec", "must specify a volume type" },
        { "two sources", Spec() with { Nfs = new NFSVolumeSource { Server = "s", Path = "/x" }, HostPath = new HostPathVolumeSource { Path = "/x" } }, "spec.nfs", "may not specify more than 1 volume type" },
        { "local without node affinity", Spec() with { Local = new LocalVolumeSource { Path = "/mnt/x" } }, "spec.nodeAffinity", "Local volume requires node affinity" },
        { "local without path", Spec() with { Local = new LocalVolumeSource(), NodeAffinity = new VolumeNodeAffinity { Required = new NodeSelector { NodeSelectorTerms = ValueList.Of(new NodeSelectorTerm()) } } }, "spec.local.path", "" },
        { "affinity without required", Spec() with { HostPath = new HostPathVolumeSource { Path = "/x" }, NodeAffinity = new VolumeNodeAffinity() }, "spec.nodeAffinity.required", "must specify required node constraints" },
        { "nfs relative path", Spec() with { Nfs = new NFSVolumeSource { Server = "s", Path = "exports" } }, "spec.nfs.path", "must be an absolute path" },
        { "nfs without server", Spec() with { Nfs = new NFSVolumeSource { Path = "/exports" } }, "spec.nfs.server", "" },
        { "csi without handle", Spec() with { Csi = new CSIPersistentVolumeSource { Driver = "ebs.csi.aws.com" } }, "spec.csi.volumeHandle", "" },
        { "csi bad driver", Spec() with { Csi = new CSIPersistentVolumeSource { Driver = "bad_driver!", VolumeHandle = "v" } }, "spec.csi.driver", "" },
        { "rwop with others", Spec() with { HostPath = new HostPathVolumeSource { Path = "/x" }, AccessModes = ValueList.Of<EnumValue<AccessMode>>(AccessMode.ReadWriteOncePod, AccessMode.ReadOnlyMany) }, "spec.accessModes", "may not use ReadWriteOncePod with other access modes" },
    };

    [Theory]
    [MemberData(nameof(BadVolumes))]
    public void The_api_servers_persistent_volume_rules_are_applied(string name, PersistentVolumeSpec spec, string field, string detail)
    {
        var errors = OwnedObjectsValidator.ValidateObject(new PersistentVolume { Metadata = new ObjectMeta { Name = "pv" }, Spec = spec });

        Assert.True(errors.Any(e => e.Path.ToString() == field && e.Detail.Contains(detail, StringComparison.Ordinal)), name + ": " + string.Join("; ", errors));
        Assert.All(errors, e => Assert.Equal("PersistentVolume \"pv\"", e.Object));
    }

    [Fact]
    public void The_rendered_yaml_reads_back_to_the_same_objects()
    {
        var workload = Db(s => s.Local("/mnt/disks/{claim}", "worker-{ordinal}")).Build();

        var read = ManifestYaml.Read(workload.ToYaml());

        Assert.Empty(read.Errors);
        Assert.Equal(workload.Documents, read.Documents);
    }

    [Fact]
    public void The_simulated_controller_adopts_the_pre_provisioned_claims()
    {
        var workload = Db(s => s.Nfs("nfs.internal", "/exports/{claim}")).Build();
        var sim = workload.Simulate();
        var before = sim.Claims.Select(c => (c.Name, c.Uid)).ToList();

        Assert.True(sim.RunUntilStable().Converged);

        Assert.Equal(3, before.Count);
        Assert.Equal(before, sim.Claims.Select(c => (c.Name, c.Uid)));
        Assert.Equal(0, sim.Passes.Sum(p => p.ActionsOf(ControllerActionKind.CreateClaim).Count));
        Assert.Equal("shop-data-db-5", sim.Claim("data", 5).Spec.VolumeName);
        Assert.Equal("data-db-5", sim.Pod(5).Spec.Volumes!.Single(v => v.Name == "data").PersistentVolumeClaim!.ClaimName);
    }

    [Fact]
    public void Kubectl_validate_accepts_the_rendered_yaml()
    {
        if (KubectlValidate.Yaml(Db(s => s.Local("/mnt/disks/{claim}", "worker-{ordinal}")).Build().ToYaml(), output) is { } result)
        {
            Assert.True(result.ExitCode == 0, result.Output);
        }
    }

    private static PersistentVolumeSpec Spec() => new()
    {
        Capacity = ValueMap.Of(("storage", Quantity.FromText("1Gi"))),
        AccessModes = ValueList.Of<EnumValue<AccessMode>>(AccessMode.ReadWriteOnce),
    };
}
