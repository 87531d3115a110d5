using StatefulManifests.Samples;
using StatefulManifests.Tests.Support;
using Xunit.Abstractions;

namespace StatefulManifests.Samples.Tests;

/// <summary>
/// The samples are <c>[StatefulWorkload]</c> declarations: the generator evaluated them at compile time and the build
/// wrote their YAML to disk. Both must be byte-identical to what the runtime DSL renders for the same declaration.
/// </summary>
public sealed class CompileTimeTests(ITestOutputHelper output)
{
    public static TheoryData<string, string, string> Generated => new()
    {
        { "web", SampleWorkloads.WebManifest.FileName, SampleWorkloads.WebManifest.Yaml },
        { "mysql-cluster", SampleWorkloads.MySqlClusterManifest.FileName, SampleWorkloads.MySqlClusterManifest.Yaml },
        { "zookeeper", SampleWorkloads.ZooKeeperManifest.FileName, SampleWorkloads.ZooKeeperManifest.Yaml },
        { "postgres", SampleWorkloads.PostgresManifest.FileName, SampleWorkloads.PostgresManifest.Yaml },
        { "session-cache", SampleWorkloads.SessionCacheManifest.FileName, SampleWorkloads.SessionCacheManifest.Yaml },
    };

    private static string Render(string name) => SampleCatalog.All.Single(s => s.Name == name).Builder.Render();

    [Theory]
    [MemberData(nameof(Generated))]
    public void Generated_yaml_constant_equals_the_runtime_render(string name, string fileName, string yaml)
    {
        Assert.Equal(name + ".yaml", fileName);
        Assert.Equal(Render(name), yaml);
    }

    [Theory]
    [MemberData(nameof(Generated))]
    public void Build_wrote_the_generated_yaml_to_disk(string name, string fileName, string yaml)
    {
        // The samples project's output folder for the configuration these tests were built in.
        var configuration = new DirectoryInfo(AppContext.BaseDirectory).Parent!.Name;
        var manifests = Path.Combine(SharedFiles.RepositoryRoot, "samples", "StatefulManifests.Samples", "bin", configuration, "net10.0", "manifests");
        output.WriteLine("manifests folder: " + manifests);

        Assert.Equal(yaml, File.ReadAllText(Path.Combine(manifests, fileName)));
        Assert.Contains("- " + fileName, File.ReadAllText(Path.Combine(manifests, "kustomization.yaml")), StringComparison.Ordinal);
        Assert.Equal(Render(name), File.ReadAllText(Path.Combine(manifests, fileName)));
    }

    [Fact]
    public void Generated_model_is_the_runtime_model()
    {
        Assert.Equal(SampleWorkloads.Web.Build(), SampleWorkloads.WebManifest.Workload);
        Assert.Equal(SampleWorkloads.MySqlCluster.Build(), SampleWorkloads.MySqlClusterManifest.Workload);
        Assert.Equal(SampleWorkloads.ZooKeeper.Build(), SampleWorkloads.ZooKeeperManifest.Workload);
        Assert.Equal(SampleWorkloads.Postgres.Build(), SampleWorkloads.PostgresManifest.Workload);
        Assert.Equal(SampleWorkloads.SessionCache.Build(), SampleWorkloads.SessionCacheManifest.Workload);
    }

    [Fact]
    public void The_postgres_config_file_is_read_by_the_compiler_from_AdditionalFiles()
    {
        // A const Yaml: the generator evaluated the declaration itself (one only the build can run gets a property).
        Assert.True(typeof(SampleWorkloads.PostgresManifest).GetField(nameof(SampleWorkloads.PostgresManifest.Yaml))?.IsLiteral);
        var file = File.ReadAllText(Path.Combine(SharedFiles.RepositoryRoot, "samples", "StatefulManifests.Samples", "config", "postgresql.conf"));
        var config = SampleWorkloads.PostgresManifest.Workload.Owned.OfType<StatefulManifests.Model.ConfigMap>().Single();
        Assert.Equal(file, config.Data!["postgresql.conf"]);
    }

    [Fact]
    public void Generated_identities_follow_the_statefulset_naming_rules()
    {
        Assert.Equal("web-2", SampleWorkloads.WebManifest.PodName(2));
        Assert.Equal("web-0.nginx.default.svc.cluster.local", SampleWorkloads.WebManifest.PodFqdn(0));
        Assert.Equal("www-web-1", SampleWorkloads.WebManifest.Claims.Www(1));
        Assert.Equal("zk-1.zk-hs.zookeeper.svc.cluster.local", SampleWorkloads.ZooKeeperManifest.PodFqdn(1));
        Assert.Equal("datadir-zk-0", SampleWorkloads.ZooKeeperManifest.Claims.Datadir(0));
        Assert.Equal(3306, SampleWorkloads.MySqlClusterManifest.Ports.Mysql);
        Assert.Equal("postgres-0.postgres.orders.svc.cluster.local", SampleWorkloads.PostgresManifest.PodFqdn(0));
        Assert.Equal("data-session-cache-2", SampleWorkloads.SessionCacheManifest.Claims.Data(2));
    }

    [Fact]
    public void Generated_identities_name_the_owned_objects_as_the_manifest_does()
    {
        Assert.Equal("postgres-rw", SampleWorkloads.PostgresManifest.ClientServices.PostgresRw.Name);
        Assert.Equal("postgres-rw.orders.svc.cluster.local", SampleWorkloads.PostgresManifest.ClientServices.PostgresRw.Fqdn());
        Assert.Equal(5432, SampleWorkloads.PostgresManifest.ClientServices.PostgresRw.Ports.Postgres);
        Assert.Equal("postgres-config", SampleWorkloads.PostgresManifest.ConfigMaps.PostgresConfig);
        Assert.Equal("postgres", SampleWorkloads.PostgresManifest.ServiceAccountName);
        Assert.Equal("postgres-backup", SampleWorkloads.PostgresManifest.CronJobs.PostgresBackup);
        Assert.Equal("session-cache-client.web.svc.cluster.local", SampleWorkloads.SessionCacheManifest.ClientServices.SessionCacheClient.Fqdn());
        Assert.Equal(6379, SampleWorkloads.SessionCacheManifest.ClientServices.SessionCacheClient.Ports.Valkey);

        // Each named object is one the manifest holds.
        var postgres = SampleWorkloads.PostgresManifest.Workload.Owned.Select(o => o.Kind + "/" + o.Metadata?.Name).ToList();
        Assert.Contains("Service/" + SampleWorkloads.PostgresManifest.ClientServices.PostgresRw.Name, postgres);
        Assert.Contains("ConfigMap/" + SampleWorkloads.PostgresManifest.ConfigMaps.PostgresConfig, postgres);
        Assert.Contains("ServiceAccount/" + SampleWorkloads.PostgresManifest.ServiceAccountName, postgres);
        Assert.Contains("CronJob/" + SampleWorkloads.PostgresManifest.CronJobs.PostgresBackup, postgres);
    }
}
