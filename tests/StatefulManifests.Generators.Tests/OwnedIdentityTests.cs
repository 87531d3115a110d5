using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using StatefulManifests.Generators.Tests.Support;
using StatefulManifests.RoslynTesting;
using static StatefulManifests.Generators.Tests.Support.Workloads;

namespace StatefulManifests.Generators.Tests;

/// <summary>
/// The generated identities of the objects a workload owns (client and per-ordinal Services, pre-provisioned
/// volumes, ConfigMaps, ServiceAccount, CronJobs), checked by calling the generated code and against the objects
/// the DSL built.
/// </summary>
public sealed class OwnedIdentityTests
{
    /// <summary>A workload owning one of everything that has a typed identity.</summary>
    public const string Body = """
        Workload.StatefulSet("db")
            .Namespace("orders")
            .ServiceName("db-headless")
            .Replicas(3)
            .OrdinalsStart(1)
            .ServiceAccount()
            .Config("config", c => c.Entry("db.conf", "port = 5432"))
            .Container("postgres", c => c.Image("postgres:17.2").Port("pg", 5432).Port("metrics", 9187, Protocol.UDP).Mount("data", "/data"))
            .VolumeClaim("data", v => v.AccessModes(AccessMode.ReadWriteOnce).Storage("10Gi"))
            .PreProvisionedClaims("data", p => p.Nfs("nfs.internal", "/exports/{claim}").Count(2))
            .ClientService("db-rw", s => s.Port("pg").Port("public-sql", 15432, "pg"))
            .ClientService("db-metrics", s => s.Port("metrics"))
            .PerOrdinalServices(s => s.Port("pg"))
            .Backup(b => b.Schedule("30 2 * * *").Image("postgres:17.2").Command("pg_dumpall"))
        """;

    private const string Db = WebClass;

    [Fact]
    public async Task Client_services_have_their_name_dns_name_and_ports()
    {
        using var project = await GenerateAsync(Declare(Body));
        Assert.Equal("db-rw", project.Constant(Db + "+ClientServices+DbRw", "Name"));
        Assert.Equal("db-rw.orders.svc.cluster.local", project.Call(Db + "+ClientServices+DbRw", "Fqdn"));
        Assert.Equal(5432, project.Constant(Db + "+ClientServices+DbRw+Ports", "Pg"));
        Assert.Equal(15432, project.Constant(Db + "+ClientServices+DbRw+Ports", "PublicSql"));
        Assert.Equal("db-metrics", project.Constant(Db + "+ClientServices+DbMetrics", "Name"));
        Assert.Equal(9187, project.Constant(Db + "+ClientServices+DbMetrics+Ports", "Metrics"));

        // Only the client Services: neither the governing one nor the per-ordinal ones.
        Assert.Equal(new[] { "DbMetrics", "DbRw" }, project.Type(Db + "+ClientServices").GetNestedTypes().Select(t => t.Name).Order());
    }

    [Fact]
    public async Task Client_service_fqdn_uses_the_configured_cluster_domain()
    {
        var test = new WorkloadGeneratorTest(Declare(Body)) { BuildProperties = { ["StatefulManifestsClusterDomain"] = "corp.example." } };
        using var project = await GenerateAsync(test);
        Assert.Equal("db-rw.orders.svc.corp.example", project.Call(Db + "+ClientServices+DbRw", "Fqdn"));
        Assert.Equal("db-3.orders.svc.corp.example", project.Call(Db + "+PerOrdinalServices", "Fqdn", 3));
    }

    [Fact]
    public async Task Client_service_fqdn_takes_the_namespace_when_the_manifest_sets_none()
    {
        const string body = """Workload.StatefulSet("web").Container("c", c => c.Image("i").Port("http", 80)).ClientService()""";
        using var project = await GenerateAsync(Declare(body));
        Assert.Equal("web-client.staging.svc.cluster.local", project.Call(Db + "+ClientServices+WebClient", "Fqdn", "staging"));
        Assert.Equal("web-client.default.svc.cluster.local", project.Call(Db + "+ClientServices+WebClient", "Fqdn", "default"));
        Assert.Equal(80, project.Constant(Db + "+ClientServices+WebClient+Ports", "Http"));
    }

    [Fact]
    public async Task Per_ordinal_services_exist_for_the_manifests_ordinals_only()
    {
        using var project = await GenerateAsync(Declare(Body));
        const string services = Db + "+PerOrdinalServices";
        Assert.Equal("db-1", project.Call(services, "Name", 1));
        Assert.Equal("db-3", project.Call(services, "Name", 3));
        Assert.Equal("db-2.orders.svc.cluster.local", project.Call(services, "Fqdn", 2));
        Assert.Equal(5432, project.Constant(services + "+Ports", "Pg"));
        Assert.Throws<ArgumentOutOfRangeException>(() => project.Call(services, "Name", 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => project.Call(services, "Fqdn", 4));

        // The same names the DSL gave the Services.
        var workload = (StatefulWorkload)project.Property(Db, "Workload")!;
        var perOrdinal = workload.Owned.OfType<Model.Service>().Select(s => s.Metadata!.Name).Where(n => n is "db-1" or "db-2" or "db-3");
        Assert.Equal(new[] { "db-1", "db-2", "db-3" }, perOrdinal);
    }

    [Fact]
    public async Task Pre_provisioned_volumes_are_named_as_the_dsl_named_them()
    {
        using var project = await GenerateAsync(Declare(Body));
        Assert.Equal("orders-data-db-1", project.Call(Db + "+PersistentVolumes", "Data", 1));
        Assert.Equal("orders-data-db-2", project.Call(Db + "+PersistentVolumes", "Data", 2));

        // Count(2): ordinals 1 and 2 have a volume, 3 has none (nor has 0, below the ordinals start).
        Assert.Throws<ArgumentOutOfRangeException>(() => project.Call(Db + "+PersistentVolumes", "Data", 3));
        Assert.Throws<ArgumentOutOfRangeException>(() => project.Call(Db + "+PersistentVolumes", "Data", 0));
        var workload = (StatefulWorkload)project.Property(Db, "Workload")!;
        Assert.Equal(new[] { "orders-data-db-1", "orders-data-db-2" }, workload.Owned.OfType<Model.PersistentVolume>().Select(v => v.Metadata!.Name));
    }

    [Fact]
    public async Task Pre_provisioned_volumes_without_a_namespace_are_named_as_their_claims()
    {
        const string body = """
            Workload.StatefulSet("web").Replicas(2).Container("c", c => c.Image("i").Mount("www", "/www"))
                .VolumeClaim("www", v => v.AccessModes(AccessMode.ReadWriteOnce).Storage("1Gi"))
                .PreProvisionedClaims("www", p => p.Local("/mnt/{claim}", "node-{ordinal}"))
            """;
        using var project = await GenerateAsync(Declare(body));
        Assert.Equal("www-web-1", project.Call(Db + "+PersistentVolumes", "Www", 1));
        Assert.Null(project.Type(Db).GetNestedType("ClientServices"));
    }

    [Fact]
    public async Task Config_maps_service_account_and_cron_jobs_are_named()
    {
        using var project = await GenerateAsync(Declare(Body));
        Assert.Equal("db-config", project.Constant(Db + "+ConfigMaps", "DbConfig"));
        Assert.Equal("db", project.Constant(Db, "ServiceAccountName"));
        Assert.Equal("db-backup", project.Constant(Db + "+CronJobs", "DbBackup"));
    }

    [Fact]
    public async Task Claims_only_pre_provisioning_and_a_service_account_the_workload_does_not_own_give_no_members()
    {
        const string body = """
            Workload.StatefulSet("web").Container("c", c => c.Image("i").Mount("www", "/www"))
                .ServiceAccountName("shared")
                .VolumeClaim("www", v => v.AccessModes(AccessMode.ReadWriteOnce).Storage("1Gi"))
                .PreProvisionedClaims("www")
            """;
        using var project = await GenerateAsync(Declare(body));
        var type = project.Type(Db);
        Assert.Null(type.GetNestedType("PersistentVolumes"));
        Assert.Null(type.GetField("ServiceAccountName"));
    }

    [Fact]
    public async Task A_workload_owning_nothing_has_no_owned_members()
    {
        using var project = await GenerateAsync(Declare("""Workload.StatefulSet("web").Container("c", c => c.Image("i").Port("http", 80))"""));
        var type = project.Type(Db);
        foreach (var nested in new[] { "ClientServices", "PerOrdinalServices", "PersistentVolumes", "ConfigMaps", "CronJobs" })
        {
            Assert.Null(type.GetNestedType(nested));
        }

        Assert.Null(type.GetField("ServiceAccountName"));
    }

    [Fact]
    public async Task Service_names_that_would_hide_the_members_the_bodies_use_get_another_identifier()
    {
        const string body = """
            Workload.StatefulSet("web").Namespace("n").Container("c", c => c.Image("i").Port("ports", 80))
                .ClientService("cluster-domain", s => s.Port("ports"))
                .ClientService("name")
                .ClientService("client-services")
            """;
        using var project = await GenerateAsync(Declare(body));
        Assert.Equal("cluster-domain.n.svc.cluster.local", project.Call(Db + "+ClientServices+ClusterDomain2", "Fqdn"));
        Assert.Equal("name", project.Constant(Db + "+ClientServices+Name2", "Name"));
        Assert.Equal("client-services", project.Constant(Db + "+ClientServices+ClientServices2", "Name"));
        Assert.Equal(80, project.Constant(Db + "+ClientServices+ClusterDomain2+Ports", "Ports2"));
    }

    [Fact]
    public void Equal_workloads_give_equal_specs_and_a_renamed_object_a_different_one()
    {
        static StatefulWorkload Build(string client) => Workload.StatefulSet("db").Namespace("orders")
            .Container("c", c => c.Image("i").Port("pg", 5432))
            .ClientService(client)
            .PerOrdinalServices()
            .Build();

        var spec = Pipeline.OwnedIdentityFactory.Create(Build("db-rw"));
        Assert.Equal(spec, Pipeline.OwnedIdentityFactory.Create(Build("db-rw")));
        Assert.Equal(spec.GetHashCode(), Pipeline.OwnedIdentityFactory.Create(Build("db-rw")).GetHashCode());
        Assert.NotEqual(spec, Pipeline.OwnedIdentityFactory.Create(Build("db-read")));
    }

    [Fact]
    public void Objects_the_naming_rules_do_not_name_get_no_rule_based_identity()
    {
        // Written by hand: a Service selecting one pod under another name, one in another namespace, and a volume
        // bound to a claim of the set but not named as PreProvisionedStorage names volumes.
        var onePod = new Model.Service
        {
            Metadata = new Model.ObjectMeta { Name = "db-primary" },
            Spec = new Model.ServiceSpec { Selector = Model.ValueMap.Of((StatefulSetBuilder.PodNameLabel, "db-0")) },
        };
        var elsewhere = new Model.Service
        {
            Metadata = new Model.ObjectMeta { Name = "db-1", Namespace = "other" },
            Spec = new Model.ServiceSpec { Selector = Model.ValueMap.Of((StatefulSetBuilder.PodNameLabel, "db-1")) },
        };
        var volume = new Model.PersistentVolume
        {
            Metadata = new Model.ObjectMeta { Name = "handmade" },
            Spec = new Model.PersistentVolumeSpec { ClaimRef = new Model.ObjectReference { Namespace = "orders", Name = "data-db-0" } },
        };
        var workload = Workload.StatefulSet("db").Namespace("orders").Replicas(2)
            .Container("c", c => c.Image("i"))
            .VolumeClaim("data", v => v.AccessModes(Model.AccessMode.ReadWriteOnce).Storage("1Gi"))
            .Owns(onePod).Owns(elsewhere).Owns(volume)
            .Build();

        var spec = Pipeline.OwnedIdentityFactory.Create(workload);
        Assert.Equal(new[] { "db-primary", "db-1" }, spec.ClientServices.Select(s => s.Name));
        Assert.Equal("other", spec.ClientServices[1].Namespace);
        Assert.Null(spec.PerOrdinalServices);
        Assert.Empty(spec.PersistentVolumes);
    }

    [Theory]
    [InlineData(LanguageVersion.CSharp7_3, NullableContextOptions.Disable)]
    [InlineData(LanguageVersion.CSharp8, NullableContextOptions.Disable)]
    [InlineData(LanguageVersion.Latest, NullableContextOptions.Enable)]
    public void Owned_identities_compile_under_old_language_versions_and_either_nullable_context(LanguageVersion version, NullableContextOptions nullable)
    {
        // The declaration in C# 7.3 terms (a block namespace); the generated code must compile there too.
        var source = "using StatefulManifests;\nusing StatefulManifests.Model;\nnamespace Demo\n{\npublic static partial class Manifests\n{\n" +
            "[StatefulWorkload]\npublic static StatefulSetBuilder Web => " + Body + ";\n}\n}\n";
        var parse = new CSharpParseOptions(version);
        var compilation = CSharpCompilation.Create(
            "TestProject",
            [CSharpSyntaxTree.ParseText(source, parse, "Workloads.cs")],
            TestReferences.All,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: nullable));
        var driver = CSharpGeneratorDriver.Create([new StatefulWorkloadGenerator().AsSourceGenerator()], parseOptions: parse);
        driver.RunGeneratorsAndUpdateCompilation(compilation, out var output, out var diagnostics);

        Assert.Empty(diagnostics);
        var generated = string.Join("\n", output.SyntaxTrees.Skip(1).Select(t => t.ToString()));
        Assert.Contains("public static class PerOrdinalServices", generated, StringComparison.Ordinal);
        Assert.Empty(output.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));
    }

    [Fact]
    public Task Owned_objects_generate_the_baseline_file() =>
        new WorkloadGeneratorTest(Declare(Body)).ExpectGolden(WebFile, "Owned").RunAsync();
}
