using StatefulManifests.Model;
using StatefulManifests.Rules;
using StatefulManifests.Yaml;

namespace StatefulManifests.Tests.Owned;

public sealed class ConfigMapTests
{
    private static readonly ConfigRef DbConfig = new("db-config");

    private static StatefulSetBuilder Db(bool roll = true) => Workload.StatefulSet("postgres")
        .Config(DbConfig, c => c.Entry("postgresql.conf", "max_connections = 100").Entry("pg_hba.conf", "local all all trust"), rollPodsOnChange: roll)
        .Container("postgres", c => c.Image("postgres:16.4").MountConfig(DbConfig, "/etc/postgresql"));

    [Fact]
    public void Config_owns_a_ConfigMap_named_after_the_set_and_mounts_it_by_reference()
    {
        var workload = Db().Build();
        var map = Assert.Single(workload.Owned.OfType<ConfigMap>());
        Assert.Equal("postgres-db-config", map.Metadata!.Name);
        Assert.Equal("max_connections = 100", map.Data!["postgresql.conf"]);
        var pod = workload.StatefulSet.Spec!.Template!.Spec!;
        var volume = Assert.Single(pod.Volumes!);
        Assert.Equal("db-config", volume.Name);
        Assert.Equal("postgres-db-config", volume.ConfigMap!.Name);
        var mount = Assert.Single(pod.Containers![0].VolumeMounts!);
        Assert.Equal(("db-config", "/etc/postgresql", true), (mount.Name, mount.MountPath, mount.ReadOnly));
        Assert.Empty(workload.Validate());
    }

    [Fact]
    public void The_checksum_annotation_follows_the_data_and_only_the_data()
    {
        string Checksum(StatefulWorkload w) => w.StatefulSet.Spec!.Template!.Metadata!.Annotations!["checksum/config-db-config"]!;
        var a = Checksum(Db().Build());
        Assert.Equal(64, a.Length);
        Assert.Equal(a, Checksum(Db().Replicas(3).Build()));
        var changed = Workload.StatefulSet("postgres").Config(DbConfig, c => c.Entry("pg_hba.conf", "local all all trust").Entry("postgresql.conf", "max_connections = 200")).Build();
        Assert.NotEqual(a, Checksum(changed));
        // Order of the entries does not matter: keys are sorted.
        var reordered = Workload.StatefulSet("postgres").Config(DbConfig, c => c.Entry("pg_hba.conf", "local all all trust").Entry("postgresql.conf", "max_connections = 100")).Build();
        Assert.Equal(a, Checksum(reordered));
        Assert.Equal(ConfigChecksum.Of(Db().Build().Owned.OfType<ConfigMap>().Single()), a);
    }

    [Fact]
    public void Checksums_are_length_prefixed_so_shifted_boundaries_differ()
    {
        var ab = ConfigChecksum.Of(new ConfigMap { Data = ValueMap.Of(("a", "bc")) });
        var abc = ConfigChecksum.Of(new ConfigMap { Data = ValueMap.Of(("ab", "c")) });
        Assert.NotEqual(ab, abc);
    }

    [Fact]
    public void Opting_out_leaves_no_checksum_and_SM4020_says_so()
    {
        var workload = Db(roll: false).Build();
        Assert.Null(workload.StatefulSet.Spec!.Template!.Metadata!.Annotations);
        Assert.Contains(Lint(workload), f => f.RuleId == RuleIds.ConfigChecksumMissing);
        Assert.DoesNotContain(Lint(Db().Build()), f => f.RuleId == RuleIds.ConfigChecksumMissing);
    }

    [Fact]
    public void A_bad_key_is_a_validation_error_on_the_ConfigMap()
    {
        var errors = Workload.StatefulSet("postgres").Config("cfg", c => c.Entry("bad key", "x")).Build().Validate();
        Assert.Contains(errors, e => e.Object == "ConfigMap \"postgres-cfg\"" && e.Path.ToString() == "data[bad key]");
    }

    [Fact]
    public void Files_are_read_from_the_project_and_a_missing_one_is_an_error_not_an_exception()
    {
        using (ProjectFiles.Use(path => path == "config/postgresql.conf" ? "shared_buffers = 1GB" : null))
        {
            var workload = Workload.StatefulSet("postgres").Config("cfg", c => c.File("config/postgresql.conf")).Build();
            Assert.Equal("shared_buffers = 1GB", workload.Owned.OfType<ConfigMap>().Single().Data!["postgresql.conf"]);
            var missing = Workload.StatefulSet("postgres").Config("cfg", c => c.File("config/none.conf")).Build();
            Assert.Contains(missing.Validate(), e => e.Object == "ConfigMap \"postgres-cfg\"" && e.Path.ToString() == "data[none.conf]");
            var outside = Workload.StatefulSet("postgres").Config("cfg", c => c.File("../secret.conf")).Build();
            Assert.NotEmpty(outside.Validate());
        }
    }

    [Fact]
    public void A_secret_in_a_ConfigMap_is_an_error_SM3020()
    {
        var workload = Workload.StatefulSet("postgres").Config("cfg", c => c.Entry("admin-password", "hunter2").Entry("keyspace", "main"))
            .Container("postgres", c => c.Image("postgres:16.4").MountConfig(new ConfigRef("cfg"), "/etc/cfg")).Build();
        var finding = Assert.Single(Lint(workload), f => f.RuleId == RuleIds.SecretInConfigMap);
        Assert.Equal(FindingSeverity.Error, finding.Severity);
        Assert.Equal("data[admin-password]", finding.Path.ToString());
    }

    [Fact]
    public void An_unmounted_config_is_SM2030()
    {
        var workload = Workload.StatefulSet("postgres").Config("cfg", c => c.Entry("a.conf", "x")).Container("postgres", c => c.Image("postgres:16.4")).Build();
        Assert.Contains(Lint(workload), f => f.RuleId == RuleIds.ConfigMapUnused);
        Assert.DoesNotContain(Lint(Db().Build()), f => f.RuleId == RuleIds.ConfigMapUnused);
    }

    [Fact]
    public void The_yaml_round_trips_and_the_plain_yaml_linter_pairs_the_ConfigMap()
    {
        var workload = Db(roll: false).Build();
        var yaml = workload.ToYaml();
        var read = ManifestYaml.Read(yaml);
        Assert.Empty(read.Errors);
        Assert.Equal(workload.Owned.OfType<ConfigMap>().Single(), read.Documents.OfType<ConfigMap>().Single());
        Assert.Contains(ManifestLinter.LintText(yaml), f => f.RuleId == RuleIds.ConfigChecksumMissing);
    }

    private static IReadOnlyList<Finding> Lint(StatefulWorkload w) =>
        WorkloadLinter.Lint(w.StatefulSet, w.Service, w.DisruptionBudget, w.Owned, StatefulManifests.Versions.TargetCluster.Default);
}
