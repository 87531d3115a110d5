using StatefulManifests.Model;
using StatefulManifests.Rules;
using StatefulManifests.Yaml;

namespace StatefulManifests.Tests.Owned;

/// <summary>SM2052: ordinals the set can run without a pre-provisioned claim, on the DSL and on plain YAML.</summary>
public sealed class PreProvisionedClaimsMissingTests
{
    private static StatefulSetBuilder Db(int replicas, Func<PreProvisionedStorageBuilder, PreProvisionedStorageBuilder> storage, int? start = null)
    {
        var set = Workload.StatefulSet("db").Replicas(replicas);
        set = start is { } s ? set.OrdinalsStart(s) : set;
        return set
            .Container("postgres", c => c.Image("postgres:17.2").Mount("data", "/var/lib/postgresql/data"))
            .VolumeClaim("data", "10Gi")
            .PreProvisionedClaims("data", storage);
    }

    private static PreProvisionedStorageBuilder Nfs(PreProvisionedStorageBuilder s) => s.Nfs("nfs.example.com", "/exports/{claim}");

    private static List<Finding> Sm2052(IEnumerable<Finding> findings) => findings.Where(f => f.RuleId == RuleIds.PreProvisionedClaimsMissing).ToList();

    [Fact]
    public void Claims_for_every_replica_are_clean_from_the_ordinals_start()
    {
        Assert.Empty(Sm2052(WorkloadLinter.Lint(Db(3, Nfs).Build())));
        Assert.Empty(Sm2052(WorkloadLinter.Lint(Db(3, Nfs, start: 5).Build())));
        Assert.Empty(Sm2052(ManifestLinter.LintText(Db(3, Nfs, start: 5).Build().ToYaml())));
    }

    [Fact]
    public void Fewer_claims_than_replicas_are_reported_once_on_the_last_claim()
    {
        var finding = Assert.Single(Sm2052(WorkloadLinter.Lint(Db(3, s => Nfs(s).Count(2)).Build())));

        Assert.Equal("PersistentVolumeClaim \"data-db-1\"", finding.Object);
        Assert.Contains("the set can run ordinals 0 to 2 (replicas 3), but claim template \"data\" is pre-provisioned for only ordinals 0, 1; the controller creates data-db-2 from the template",
            finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_same_yaml_is_reported_and_volumes_alone_count_as_pre_provisioning()
    {
        var workload = Db(4, s => Nfs(s).Count(2), start: 3).Build();
        var finding = Assert.Single(Sm2052(ManifestLinter.LintText(workload.ToYaml())));
        Assert.Contains("ordinals 3 to 6 (replicas 4)", finding.Message, StringComparison.Ordinal);
        Assert.Contains("creates data-db-5, data-db-6 from", finding.Message, StringComparison.Ordinal);

        // Volumes bound by claimRef, without the claims: the controller's claims bind to them, so they cover their ordinals.
        var volumesOnly = ManifestYaml.Write(workload.Documents.Where(d => d is not PersistentVolumeClaim));
        Assert.Contains("creates data-db-5, data-db-6 from", Assert.Single(Sm2052(ManifestLinter.LintText(volumesOnly))).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Claims_named_for_ordinals_before_the_start_cover_none()
    {
        // ordinals.start 5: the controller looks up data-db-5 ..., never data-db-0.
        var yaml = Db(2, Nfs).Build().ToYaml().Replace("replicas: 2", "replicas: 2\n  ordinals:\n    start: 5", StringComparison.Ordinal);

        var finding = Assert.Single(Sm2052(ManifestLinter.LintText(yaml)));

        Assert.Contains("pre-provisioned for none of them; the controller creates data-db-5, data-db-6", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_template_without_pre_provisioned_claims_is_not_reported()
    {
        Assert.Empty(Sm2052(WorkloadLinter.Lint(Db(3, s => s.Count(0)).Build())));
    }

    [Fact]
    public void An_autoscaler_may_run_up_to_its_maximum_so_every_ordinal_up_to_it_needs_a_claim()
    {
        var autoscaled = Workload.StatefulSet("db")
            .Container("postgres", c => c.Image("postgres:17.2").Mount("data", "/var/lib/postgresql/data").Requests(cpu: "500m", memory: "1Gi"))
            .VolumeClaim("data", "10Gi")
            .Autoscale(2, 5);

        // The default covers the autoscaler's maximum; fewer are reported with the maximum as the reason.
        Assert.Equal(5, autoscaled.PreProvisionedClaims("data", Nfs).Build().Owned.OfType<PersistentVolumeClaim>().Count());
        Assert.Empty(Sm2052(WorkloadLinter.Lint(autoscaled.PreProvisionedClaims("data", Nfs).Build())));
        var finding = Assert.Single(Sm2052(WorkloadLinter.Lint(autoscaled.PreProvisionedClaims("data", s => Nfs(s).Count(3)).Build())));
        Assert.Contains("ordinals 0 to 4 (the autoscaler's maxReplicas 5)", finding.Message, StringComparison.Ordinal);
        Assert.Contains("creates data-db-3, data-db-4 from", finding.Message, StringComparison.Ordinal);
    }
}
