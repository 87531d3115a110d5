using System.Globalization;
using StatefulManifests.Generators.Tests.Support;
using static StatefulManifests.Generators.Tests.Support.Workloads;

namespace StatefulManifests.Generators.Tests;

/// <summary>The generated identities behave as Kubernetes names pods, DNS records and claims; checked by calling the generated code.</summary>
public sealed class IdentityTests
{
    private const string Body = """
        Workload.StatefulSet("db")
            .Namespace("orders")
            .ServiceName("db-headless")
            .Replicas(3)
            .OrdinalsStart(5)
            .InitContainer("init-perms", c => c.Image("busybox:1.36"))
            .Container("postgres", c => c.Image("postgres:16").Port("pg", 5432).Port("metrics", 9187))
            .Container("sidecar", c => c.Image("exporter:1").Port("admin-http", 8080, Protocol.UDP))
            .VolumeClaim("data", v => v.AccessModes(AccessMode.ReadWriteOnce).Storage("10Gi"))
            .VolumeClaim("wal-logs", v => v.AccessModes(AccessMode.ReadWriteOnce).Storage("1Gi"))
        """;

    private const string Db = "Demo.Manifests+WebManifest";

    [Fact]
    public async Task Pod_names_respect_ordinals_start()
    {
        using var project = await GenerateAsync(Declare(Body));
        Assert.Equal("db-5", project.Call(Db, "PodName", 5));
        Assert.Equal("db-7", project.Call(Db, "PodName", 7));
        Assert.Equal(new[] { "db-5", "db-6", "db-7" }, (IReadOnlyList<string>)project.Property(Db, "PodNames")!);
        Assert.Throws<ArgumentOutOfRangeException>(() => project.Call(Db, "PodName", 4));
        Assert.Equal(5, project.Constant(Db, "OrdinalsStart"));
        Assert.Equal(3, project.Constant(Db, "Replicas"));
    }

    [Fact]
    public async Task Simulate_drives_the_compile_time_workload_through_the_controller_model()
    {
        using var project = await GenerateAsync(Declare(Body));
        var sim = (StatefulManifests.Reconciliation.StatefulSetSimulation)project.Call(Db, "Simulate", new object?[] { null })!;

        sim.RunUntilConverged();

        Assert.Equal(new[] { "db-5", "db-6", "db-7" }, sim.Pods.Select(p => p.Name));
        Assert.Equal("data-db-6", sim.Claim("data", 6)!.Name);
        Assert.Equal("wal-logs-db-7", sim.Claim("wal-logs", 7)!.Name);
    }

    [Fact]
    public async Task Pod_fqdn_uses_service_namespace_and_the_configured_cluster_domain()
    {
        using (var project = await GenerateAsync(Declare(Body)))
        {
            Assert.Equal("db-6.db-headless.orders.svc.cluster.local", project.Call(Db, "PodFqdn", 6));
        }

        var test = new WorkloadGeneratorTest(Declare(Body)) { BuildProperties = { ["StatefulManifestsClusterDomain"] = "corp.example." } };
        using (var project = await GenerateAsync(test))
        {
            Assert.Equal("db-5.db-headless.orders.svc.corp.example", project.Call(Db, "PodFqdn", 5));
            Assert.Equal("corp.example", project.Constant(Db, "ClusterDomain"));
        }
    }

    [Fact]
    public async Task Pod_fqdn_takes_the_namespace_when_the_manifest_sets_none()
    {
        using var project = await GenerateAsync(Declare("""Workload.StatefulSet("web").Container("c", c => c.Image("i"))"""));
        Assert.Equal("web-0.web.default.svc.cluster.local", project.Call(Db, "PodFqdn", 0, "default"));
        Assert.Equal("web-1.web.staging.svc.cluster.local", project.Call(Db, "PodFqdn", 1, "staging"));
        Assert.Null(project.Type(Db).GetField("Namespace"));
    }

    [Fact]
    public async Task Claim_names_per_template_and_ordinal()
    {
        using var project = await GenerateAsync(Declare(Body));
        Assert.Equal("data-db-5", project.Call(Db + "+Claims", "Data", 5));
        Assert.Equal("wal-logs-db-6", project.Call(Db + "+Claims", "WalLogs", 6));
    }

    [Fact]
    public async Task Container_and_port_names()
    {
        using var project = await GenerateAsync(Declare(Body));
        Assert.Equal("postgres", project.Constant(Db + "+Containers", "Postgres"));
        Assert.Equal("sidecar", project.Constant(Db + "+Containers", "Sidecar"));
        Assert.Equal("init-perms", project.Constant(Db + "+InitContainers", "InitPerms"));
        Assert.Equal(5432, project.Constant(Db + "+Ports", "Pg"));
        Assert.Equal(9187, project.Constant(Db + "+Ports", "Metrics"));
        Assert.Equal(8080, project.Constant(Db + "+Ports", "AdminHttp"));
        Assert.Equal("admin-http", project.Constant(Db + "+PortNames", "AdminHttp"));
        Assert.Equal("db", project.Constant(Db, "Name"));
        Assert.Equal("orders", project.Constant(Db, "Namespace"));
        Assert.Equal("db-headless", project.Constant(Db, "ServiceName"));
    }

    [Fact]
    public async Task Model_is_exactly_the_runtime_model_and_yaml_is_split_into_documents()
    {
        var runtime = Workload.StatefulSet("db").Namespace("orders").ServiceName("db-headless").Replicas(3).OrdinalsStart(5)
            .InitContainer("init-perms", c => c.Image("busybox:1.36"))
            .Container("postgres", c => c.Image("postgres:16").Port("pg", 5432).Port("metrics", 9187))
            .Container("sidecar", c => c.Image("exporter:1").Port("admin-http", 8080, Model.Protocol.UDP))
            .VolumeClaim("data", v => v.AccessModes(Model.AccessMode.ReadWriteOnce).Storage("10Gi"))
            .VolumeClaim("wal-logs", v => v.AccessModes(Model.AccessMode.ReadWriteOnce).Storage("1Gi"))
            .Build();
        using var project = await GenerateAsync(Declare(Body));
        Assert.Equal(runtime, project.Property(Db, "Workload"));
        Assert.Equal(runtime.ToYaml(), project.Constant(Db, "Yaml"));
        Assert.Equal((string)project.Constant(Db, "ServiceYaml")! + "---\n" + (string)project.Constant(Db, "StatefulSetYaml")!, project.Constant(Db, "Yaml"));
    }

    [Fact]
    public async Task Model_with_patches_is_reconstructed_with_its_patches()
    {
        var body = """Workload.StatefulSet("web").Container("c", c => c.Image("i")).Patch(p => p.Add("/spec/template/spec/hostUsers", false))""";
        var runtime = Workload.StatefulSet("web").Container("c", c => c.Image("i")).Patch(p => p.Add("/spec/template/spec/hostUsers", false)).Build();
        using var project = await GenerateAsync(Declare(body));
        Assert.Equal(runtime, project.Property(Db, "Workload"));
        Assert.Equal(runtime.ToYaml(), project.Constant(Db, "Yaml"));
        Assert.Contains("hostUsers: false", (string)project.Constant(Db, "Yaml")!, StringComparison.Ordinal);
    }

    [Fact]
    public void Output_is_the_same_in_any_culture()
    {
        var previous = CultureInfo.CurrentCulture;
        var previousUi = CultureInfo.CurrentUICulture;
        const string annotation = ".PodAnnotations((\"ratio\", $\"{1.5}-{-3}\"))";
        string Sources() => string.Join("\n", GeneratorRun.Run(DriverCompilation.Create(Declare(Body + annotation))).Sources.Values);
        var invariant = Sources();
        try
        {
            foreach (var culture in new[] { "tr-TR", "de-DE", "sv-SE", "ar-SA" })
            {
                CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = new CultureInfo(culture);
                Assert.Equal(invariant, Sources());
            }
        }
        finally
        {
            CultureInfo.CurrentCulture = previous;
            CultureInfo.CurrentUICulture = previousUi;
        }

        // Interpolation holes are formatted with the invariant culture: never "1,5" or a Unicode minus sign.
        Assert.Contains("1.5--3", invariant, StringComparison.Ordinal);
    }
}
