using StatefulManifests.Model;
using StatefulManifests.Rules;
using StatefulManifests.Validation;
using StatefulManifests.Yaml;

namespace StatefulManifests.Tests.Owned;

/// <summary>
/// The objects a workload owns beside its StatefulSet: added with <c>Owns</c>, completed from the finished set,
/// rendered in install order, validated and linted with their object named, and read back into an equal workload.
/// </summary>
public sealed class OwnedObjectsTests
{
    private static ConfigMap Settings(string name = "web-settings") => new()
    {
        Metadata = new ObjectMeta { Name = name },
        Data = ValueMap.Of(("mode", "primary")),
    };

    private static StatefulSetBuilder Web() =>
        Workload.StatefulSet("web").Namespace("shop").Container("app", c => c.Image("nginx:1.27").Port("http", 80));

    [Fact]
    public void Owned_objects_take_the_sets_namespace_and_render_in_install_order()
    {
        var autoscaler = new HorizontalPodAutoscaler
        {
            Metadata = new ObjectMeta { Name = "web" },
            Spec = new HorizontalPodAutoscalerSpec
            {
                ScaleTargetRef = new CrossVersionObjectReference { ApiVersion = "apps/v1", Kind = "StatefulSet", Name = "web" },
                MinReplicas = 2,
                MaxReplicas = 4,
            },
        };
        var workload = Web()
            .DisruptionBudget()
            .Owns(autoscaler)
            .Owns(Settings())
            .Owns(new ServiceAccount { Metadata = new ObjectMeta { Name = "web" } })
            .Build();

        Assert.Empty(workload.Validate());
        Assert.All(workload.Owned, o => Assert.Equal("shop", o.Metadata!.Namespace));
        Assert.Equal(
            ["ServiceAccount", "ConfigMap", "Service", "StatefulSet", "PodDisruptionBudget", "HorizontalPodAutoscaler"],
            workload.Documents.Select(d => d.Kind));

        var yaml = workload.ToYaml();
        Assert.StartsWith("apiVersion: v1\nkind: ServiceAccount\n", yaml, StringComparison.Ordinal);
        var read = ManifestYaml.Read(yaml);
        Assert.Empty(read.Errors);
        Assert.Equal(workload with { Declaration = null }, StatefulWorkload.FromDocuments(read.Documents) with { DeclarationErrors = workload.DeclarationErrors });
    }

    [Fact]
    public void A_standalone_claim_gets_its_apiVersion_and_kind_and_a_volume_keeps_its_cluster_scope()
    {
        var workload = Web()
            .Owns(new PersistentVolumeClaim
            {
                Metadata = new ObjectMeta { Name = "data-web-0" },
                Spec = new PersistentVolumeClaimSpec
                {
                    AccessModes = ValueList.Of<EnumValue<AccessMode>>(AccessMode.ReadWriteOnce),
                    Resources = new VolumeResourceRequirements { Requests = ValueMap.Of(("storage", Quantity.FromText("1Gi"))) },
                },
            })
            .Owns(new PersistentVolume
            {
                Metadata = new ObjectMeta { Name = "data-web-0" },
                Spec = new PersistentVolumeSpec
                {
                    Capacity = ValueMap.Of(("storage", Quantity.FromText("1Gi"))),
                    AccessModes = ValueList.Of<EnumValue<AccessMode>>(AccessMode.ReadWriteOnce),
                    HostPath = new HostPathVolumeSource { Path = "/data/web-0" },
                },
            })
            .Build();

        var claim = Assert.Single(workload.Owned.OfType<PersistentVolumeClaim>());
        Assert.Equal(("v1", "PersistentVolumeClaim", "shop"), (claim.ApiVersion, claim.Kind, claim.Metadata!.Namespace));
        Assert.Null(Assert.Single(workload.Owned.OfType<PersistentVolume>()).Metadata!.Namespace);
        Assert.Empty(workload.Validate());
        Assert.Equal(["PersistentVolume", "PersistentVolumeClaim", "Service", "StatefulSet"], workload.Documents.Select(d => d.Kind));
    }

    [Fact]
    public void Errors_of_owned_objects_name_them_and_all_come_at_once()
    {
        var workload = Web()
            .Owns(Settings("Bad_Name") with { Data = ValueMap.Of(("bad key", "x")) })
            .Owns(new Role { Metadata = new ObjectMeta { Name = "peers" }, Rules = ValueList.Of(new PolicyRule { Resources = ValueList.Of("pods") }) })
            .Owns(Settings())
            .Owns(Settings())
            .Build();

        var errors = workload.Validate();
        Assert.Contains(errors, e => e.Object == "ConfigMap \"Bad_Name\"" && e.Path.ToString() == "metadata.name");
        Assert.Contains(errors, e => e.Object == "ConfigMap \"Bad_Name\"" && e.Path.ToString() == "data[bad key]");
        Assert.Contains(errors, e => e.Object == "Role \"peers\"" && e.Path.ToString() == "rules[0].verbs" && e.Type == FieldErrorType.Required);
        Assert.Contains(errors, e => e.Object == "Role \"peers\"" && e.Path.ToString() == "rules[0].apiGroups");
        Assert.Contains(errors, e => e.Object == "ConfigMap \"web-settings\"" && e.Type == FieldErrorType.Duplicate);
        var ex = Assert.Throws<ManifestValidationException>(() => workload.ToYaml());
        Assert.Contains("ConfigMap \"Bad_Name\"", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Owning_null_is_an_error_not_an_exception()
    {
        var errors = Web().Owns(null!).Build().Validate();
        Assert.Contains(errors, e => e.Type == FieldErrorType.Required && e.Detail.Contains("Owns(null)", StringComparison.Ordinal));
    }

    [Fact]
    public void The_linter_reports_an_owned_objects_errors_with_its_name_in_the_message()
    {
        var workload = Web().Owns(new RoleBinding
        {
            Metadata = new ObjectMeta { Name = "peers" },
            RoleRef = new RoleRef { ApiGroup = "rbac.authorization.k8s.io", Kind = "Rol", Name = "peers" },
            Subjects = ValueList.Of(new Subject { Kind = "ServiceAccount", Name = "web" }),
        }).Build();

        var finding = Assert.Single(WorkloadLinter.Lint(workload), f => f.Subject == FindingSubject.OwnedObject);
        Assert.Equal("RoleBinding \"peers\"", finding.Object);
        Assert.StartsWith("RoleBinding \"peers\" roleRef.kind", finding.Arguments[0], StringComparison.Ordinal);
        Assert.Contains("\"Rol\"", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Plain_yaml_validates_owned_kinds_whether_a_set_owns_them_or_not()
    {
        var yaml = ManifestYaml.Write(Web().Owns(Settings()).Build().Documents) + """
            ---
            apiVersion: v1
            kind: ConfigMap
            metadata: {name: web-settings}
            data: {"bad key": x}
            ---
            apiVersion: rbac.authorization.k8s.io/v1
            kind: Role
            metadata: {name: lonely}
            rules: [{apiGroups: [""], resources: [pods]}]
            """;
        var findings = ManifestLinter.LintText(yaml, "all.yaml");

        var configKey = Assert.Single(findings, f => f.Object == "ConfigMap \"web-settings\"" && f.Path.ToString() == "data[bad key]");
        Assert.Equal("all.yaml", configKey.Position!.File);
        var verbs = Assert.Single(findings, f => f.Object == "Role \"lonely\"");
        Assert.Equal("rules[0].verbs", verbs.Path.ToString());
        Assert.True(verbs.Position!.Line > configKey.Position!.Line);
    }

    [Fact]
    public void Workloads_with_different_owned_objects_differ()
    {
        Assert.Equal(Web().Owns(Settings()).Build(), Web().Owns(Settings()).Build());
        Assert.NotEqual(Web().Owns(Settings()).Build(), Web().Build());
        Assert.NotEqual(
            Web().Owns(Settings()).Build().GetHashCode(),
            Web().Owns(Settings() with { Data = ValueMap.Of(("mode", "replica")) }).Build().GetHashCode());
    }

    [Fact]
    public void Patches_leave_owned_objects_as_they_are()
    {
        var workload = Web().Owns(Settings()).Patch(p => p.Add("/spec/template/spec/hostUsers", false)).Build();
        Assert.Empty(workload.Validate());
        Assert.Equal(workload.Owned, workload.Applied().Owned);
        Assert.Contains("kind: ConfigMap", workload.ToYaml(), StringComparison.Ordinal);
    }
}
