using StatefulManifests.Model;
using StatefulManifests.Rules;
using StatefulManifests.Yaml;

namespace StatefulManifests.Tests.Owned;

/// <summary>SM2051 (backup runs can overlap) and SM2053 (backup pod cannot attach the replica's claim), on the DSL and on plain YAML.</summary>
public sealed class BackupRulesTests
{
    private static StatefulSetBuilder Db(Func<BackupBuilder, BackupBuilder> backup, AccessMode mode = AccessMode.ReadWriteOnce) =>
        Workload.StatefulSet("db")
            .Namespace("shop")
            .Replicas(3)
            .Container("postgres", c => c.Image("postgres:17.2").Mount("data", "/var/lib/postgresql/data"))
            .VolumeClaim("data", v => v.AccessModes(mode).Storage("10Gi"))
            .Backup(b => backup(b.Schedule("0 3 * * *").Image("postgres:17.2").TargetClaim("backup-pvc")));

    private static List<Finding> Of(string id, IEnumerable<Finding> findings) => findings.Where(f => f.RuleId == id).ToList();

    private static List<Finding> LintDsl(string id, StatefulSetBuilder builder) => Of(id, WorkloadLinter.Lint(builder.Build()));

    // The rendered workload with its CronJob changed, linted as plain YAML (pairing finds the CronJob by the claim it mounts).
    private static List<Finding> LintYaml(string id, StatefulSetBuilder builder, Func<CronJob, CronJob>? edit = null)
    {
        var documents = builder.Build().Documents.Select(d => d is CronJob j && edit is not null ? edit(j) : d);
        return Of(id, ManifestLinter.LintText(ManifestYaml.Write(documents)));
    }

    private static CronJob WithPod(CronJob j, Func<PodSpec, PodSpec> edit) => j with
    {
        Spec = j.Spec! with { JobTemplate = j.Spec.JobTemplate! with { Spec = j.Spec.JobTemplate.Spec! with { Template = j.Spec.JobTemplate.Spec.Template! with { Spec = edit(j.Spec.JobTemplate.Spec.Template.Spec!) } } } },
    };

    private static CronJob WithPolicy(CronJob j, ConcurrencyPolicy? policy) =>
        j with { Spec = j.Spec! with { ConcurrencyPolicy = policy is { } p ? p : null } };

    [Fact]
    public void The_dsls_default_forbid_is_clean_and_an_explicit_allow_is_reported_at_the_policy()
    {
        Assert.Empty(LintDsl(RuleIds.BackupRunsOverlap, Db(b => b)));
        Assert.Empty(LintDsl(RuleIds.BackupRunsOverlap, Db(b => b.ConcurrencyPolicy(ConcurrencyPolicy.Replace))));

        var finding = Assert.Single(LintDsl(RuleIds.BackupRunsOverlap, Db(b => b.ConcurrencyPolicy(ConcurrencyPolicy.Allow))));

        Assert.Equal("CronJob \"db-backup\"", finding.Object);
        Assert.Equal("spec.concurrencyPolicy", finding.Path.ToString());
        Assert.Equal("Allow", finding.Value);
        Assert.Contains("concurrencyPolicy: Allow lets the next backup start", finding.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null, true)]
    [InlineData(ConcurrencyPolicy.Allow, true)]
    [InlineData(ConcurrencyPolicy.Forbid, false)]
    [InlineData(ConcurrencyPolicy.Replace, false)]
    public void In_yaml_an_unset_policy_is_the_api_default_allow(ConcurrencyPolicy? policy, bool reported)
    {
        var findings = LintYaml(RuleIds.BackupRunsOverlap, Db(b => b.SourceClaim("data", 1)), j => WithPolicy(j, policy));

        Assert.Equal(reported ? 1 : 0, findings.Count);
        Assert.All(findings, f => Assert.Equal("CronJob \"db-backup\"", f.Object));
        if (policy is null)
        {
            Assert.Contains("no concurrencyPolicy (the API server defaults it to Allow)", Assert.Single(findings).Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void A_yaml_cronjob_that_mounts_no_claim_of_the_set_is_not_the_sets_backup()
    {
        // Without a source claim, nothing in the CronJob refers to the set, so pairing leaves it alone.
        Assert.Empty(LintYaml(RuleIds.BackupRunsOverlap, Db(b => b), j => WithPolicy(j, null)));
    }

    [Fact]
    public void The_dsls_pinned_source_claim_is_clean_in_the_dsl_and_in_yaml()
    {
        Assert.Empty(LintDsl(RuleIds.BackupClaimOnOtherNode, Db(b => b.SourceClaim("data", 2))));
        Assert.Empty(LintYaml(RuleIds.BackupClaimOnOtherNode, Db(b => b.SourceClaim("data", 2))));
    }

    [Fact]
    public void An_unpinned_read_write_once_source_claim_is_reported_at_its_volume()
    {
        var finding = Assert.Single(LintDsl(RuleIds.BackupClaimOnOtherNode, Db(b => b.SourceClaim("data", 2, pinToPodNode: false))));

        Assert.Equal("CronJob \"db-backup\"", finding.Object);
        Assert.Equal("spec.jobTemplate.spec.template.spec.volumes[1]", finding.Path.ToString());
        Assert.Contains("claim \"data-db-2\", which is ReadWriteOnce and used by pod db-2", finding.Message, StringComparison.Ordinal);
        Assert.Contains("statefulset.kubernetes.io/pod-name: db-2 with topologyKey kubernetes.io/hostname", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void In_yaml_an_affinity_that_does_not_single_out_the_pod_is_reported()
    {
        var set = Db(b => b.SourceClaim("data", 1));

        Assert.Single(LintYaml(RuleIds.BackupClaimOnOtherNode, set, j => WithPod(j, p => p with { Affinity = null })));

        // Any replica's node is not enough: the claim is attached where db-1 runs.
        Assert.Single(LintYaml(RuleIds.BackupClaimOnOtherNode, set, j => WithPod(j, p => p with { Affinity = HostAffinity(("app.kubernetes.io/name", "db")) })));
        Assert.Single(LintYaml(RuleIds.BackupClaimOnOtherNode, set, j => WithPod(j, p => p with { Affinity = HostAffinity(("statefulset.kubernetes.io/pod-name", "db-0")) })));

        // The pod-index label names the pod as well; a zone topology does not put the pods on one node.
        Assert.Empty(LintYaml(RuleIds.BackupClaimOnOtherNode, set, j => WithPod(j, p => p with { Affinity = HostAffinity(("apps.kubernetes.io/pod-index", "1")) })));
        Assert.Single(LintYaml(RuleIds.BackupClaimOnOtherNode, set, j => WithPod(j, p => p with
        {
            Affinity = HostAffinity(("statefulset.kubernetes.io/pod-name", "db-1")) is var a ? a with
            {
                PodAffinity = a.PodAffinity! with
                {
                    RequiredDuringSchedulingIgnoredDuringExecution = ValueList.Of(a.PodAffinity.RequiredDuringSchedulingIgnoredDuringExecution![0] with { TopologyKey = "topology.kubernetes.io/zone" }),
                },
            } : null,
        })));
    }

    [Fact]
    public void In_yaml_a_backup_pinned_to_a_node_by_name_is_trusted()
    {
        Assert.Empty(LintYaml(RuleIds.BackupClaimOnOtherNode, Db(b => b.SourceClaim("data", 1)), j => WithPod(j, p => p with { Affinity = null, NodeName = "worker-1" })));
    }

    [Theory]
    [InlineData(AccessMode.ReadWriteMany)]
    [InlineData(AccessMode.ReadOnlyMany)]
    public void A_claim_many_nodes_may_mount_is_clean_unpinned(AccessMode mode)
    {
        Assert.Empty(LintDsl(RuleIds.BackupClaimOnOtherNode, Db(b => b.SourceClaim("data", 0, pinToPodNode: false), mode)));
    }

    [Fact]
    public void A_read_write_once_pod_claim_is_reported_even_when_pinned()
    {
        var finding = Assert.Single(LintDsl(RuleIds.BackupClaimOnOtherNode, Db(b => b.SourceClaim("data", 0), AccessMode.ReadWriteOncePod)));

        Assert.Contains("ReadWriteOncePod and used by pod db-0: only one pod may use it", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_pre_provisioned_nfs_volume_is_not_attached_so_any_node_may_mount_it()
    {
        var set = Db(b => b.SourceClaim("data", 0, pinToPodNode: false));

        Assert.Single(LintDsl(RuleIds.BackupClaimOnOtherNode, set.PreProvisionedClaims("data", s => s.Csi("ebs.csi.aws.com", "vol-{ordinal}"))));
        Assert.Empty(LintDsl(RuleIds.BackupClaimOnOtherNode, set.PreProvisionedClaims("data", s => s.Nfs("nfs.example.com", "/exports/{claim}"))));
    }

    [Fact]
    public void A_claim_of_an_ordinal_the_set_does_not_run_is_not_reported()
    {
        Assert.Empty(LintDsl(RuleIds.BackupClaimOnOtherNode, Db(b => b.SourceClaim("data", 5, pinToPodNode: false))));
    }

    private static Affinity HostAffinity(params (string Key, string Value)[] labels) => new()
    {
        PodAffinity = new PodAffinity
        {
            RequiredDuringSchedulingIgnoredDuringExecution = ValueList.Of(new PodAffinityTerm
            {
                LabelSelector = new LabelSelector { MatchLabels = ValueMap.Of(labels) },
                TopologyKey = "kubernetes.io/hostname",
            }),
        },
    };
}
