using StatefulManifests.Model;
using StatefulManifests.Rules;

namespace StatefulManifests.Tests.Owned;

/// <summary>SM2050: a pre-provisioned volume whose reclaim policy erases a replica's data.</summary>
public sealed class PreProvisionedVolumeDeletesDataTests
{
    private static StatefulSetBuilder Db(Func<PreProvisionedStorageBuilder, PreProvisionedStorageBuilder> storage) =>
        Workload.StatefulSet("db")
            .Replicas(2)
            .Container("postgres", c => c.Image("postgres:17.2").Mount("data", "/var/lib/postgresql/data"))
            .VolumeClaim("data", "10Gi")
            .PreProvisionedClaims("data", storage);

    private static IEnumerable<Finding> Sm2050(IReadOnlyList<Finding> findings) =>
        findings.Where(f => f.RuleId == RuleIds.PreProvisionedVolumeDeletesData);

    [Theory]
    [InlineData(PersistentVolumeReclaimPolicy.Delete)]
    [InlineData(PersistentVolumeReclaimPolicy.Recycle)]
    public void A_volume_that_erases_its_data_is_reported_once_per_volume(PersistentVolumeReclaimPolicy policy)
    {
        var findings = Sm2050(WorkloadLinter.Lint(Db(s => s.Nfs("nfs.example.com", "/exports/{claim}").ReclaimPolicy(policy)).Build())).ToList();

        Assert.Equal(["PersistentVolume \"data-db-0\"", "PersistentVolume \"data-db-1\""], findings.Select(f => f.Object));
        Assert.All(findings, f => Assert.Equal("spec.persistentVolumeReclaimPolicy", f.Path.ToString()));
    }

    [Fact]
    public void The_default_retain_policy_is_clean()
    {
        Assert.Empty(Sm2050(WorkloadLinter.Lint(Db(s => s.Nfs("nfs.example.com", "/exports/{claim}")).Build())));
    }

    [Fact]
    public void Plain_yaml_volumes_bound_to_the_sets_claims_are_checked_and_others_are_not()
    {
        var yaml = Db(s => s.Nfs("nfs.example.com", "/exports/{claim}").ReclaimPolicy(PersistentVolumeReclaimPolicy.Delete)).Build().ToYaml();
        Assert.Equal(2, Sm2050(ManifestLinter.LintText(yaml)).Count());

        // The same volumes bound to another set's claims are not this set's data.
        var elsewhere = yaml.Replace("name: data-db-", "name: data-other-", StringComparison.Ordinal);
        Assert.Empty(Sm2050(ManifestLinter.LintText(elsewhere)));
    }
}
