using StatefulManifests.Model;
using StatefulManifests.Rules;

namespace StatefulManifests.Tests.Owned;

/// <summary>SM3030 (client Service exposed outside the cluster) and SM3031 (pods without a NetworkPolicy) on DSL workloads.</summary>
public sealed class NetworkRulesTests
{
    private static StatefulSetBuilder Db() => Workload.StatefulSet("db")
        .SelectorLabels(("app", "postgres"))
        .Container("postgres", c => c.Image("postgres:16.4").Port("postgres", 5432));

    private static List<string> Ids(StatefulSetBuilder b) => WorkloadLinter.Lint(b.Build()).Select(f => f.RuleId).ToList();

    [Theory]
    [InlineData(ServiceType.LoadBalancer, true)]
    [InlineData(ServiceType.NodePort, true)]
    [InlineData(ServiceType.ClusterIP, false)]
    public void An_exposed_client_service_is_flagged_at_its_type(ServiceType type, bool flagged)
    {
        var findings = WorkloadLinter.Lint(Db().ClientService(configure: s => s.Type(type)).PerOrdinalServices(s => s.Type(type)).Build());

        var exposed = findings.Where(f => f.RuleId == RuleIds.ClientServiceExposed).ToList();
        Assert.Equal(flagged ? 2 : 0, exposed.Count);
        Assert.All(exposed, f => Assert.Equal("spec.type", f.Path.ToString()));
        Assert.Equal(flagged ? ["Service \"db-0\"", "Service \"db-client\""] : [], exposed.Select(f => f.Object!).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Pods_without_a_policy_are_reported_and_a_policy_with_egress_satisfies_the_check()
    {
        Assert.Contains(RuleIds.PodsWithoutNetworkPolicy, Ids(Db()));
        var ingressOnly = WorkloadLinter.Lint(Db().NetworkPolicy().Build()).Single(f => f.RuleId == RuleIds.PodsWithoutNetworkPolicy);
        Assert.Contains("for egress", ingressOnly.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(RuleIds.PodsWithoutNetworkPolicy, Ids(Db().NetworkPolicy(p => p.RestrictEgress())));
    }

    [Fact]
    public void On_plain_yaml_a_per_ordinal_service_is_paired_by_the_controllers_pod_name_and_a_look_alike_is_not()
    {
        var yaml = Db().Replicas(1).PerOrdinalServices(s => s.Type(ServiceType.NodePort)).Build().ToYaml();
        Assert.Contains("statefulset.kubernetes.io/pod-name: db-0", yaml, StringComparison.Ordinal);

        // Paired: the per-ordinal Service is judged as the set's, so its NodePort type is reported.
        Assert.Contains(ManifestLinter.LintText(yaml), f => f.RuleId == RuleIds.ClientServiceExposed && f.Object == "Service \"db-0\"");

        // "db-00" parses to ordinal 0 but is not a name the controller gives a pod of "db": not paired.
        var lookAlike = yaml.Replace("statefulset.kubernetes.io/pod-name: db-0", "statefulset.kubernetes.io/pod-name: db-00", StringComparison.Ordinal);
        Assert.NotEqual(yaml, lookAlike);
        Assert.DoesNotContain(ManifestLinter.LintText(lookAlike), f => f.RuleId == RuleIds.ClientServiceExposed);
    }
}
