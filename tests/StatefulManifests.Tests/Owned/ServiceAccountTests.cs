using StatefulManifests.Model;
using StatefulManifests.Rules;
using StatefulManifests.Tests.Support;
using StatefulManifests.Yaml;

namespace StatefulManifests.Tests.Owned;

public sealed class ServiceAccountTests(Xunit.Abstractions.ITestOutputHelper output)
{
    private static StatefulSetBuilder Base => Workload.StatefulSet("kafka").Container("kafka", c => c.Image("apache/kafka:3.8.0"));

    [Fact]
    public void ServiceAccount_is_owned_and_the_token_is_off_by_default()
    {
        var workload = Base.ServiceAccount().Build();
        var account = Assert.Single(workload.Owned.OfType<ServiceAccount>());
        Assert.Equal(("kafka", false), (account.Metadata!.Name, account.AutomountServiceAccountToken));
        var pod = workload.StatefulSet.Spec!.Template!.Spec!;
        Assert.Equal(("kafka", false), (pod.ServiceAccountName, pod.AutomountServiceAccountToken));
        Assert.Empty(workload.Validate());
        Assert.DoesNotContain(Lint(workload), f => f.RuleId is RuleIds.TokenMountedWithoutRole or RuleIds.DefaultServiceAccount);
    }

    [Fact]
    public void A_mounted_token_without_a_role_is_SM3021()
    {
        var workload = Base.ServiceAccount("broker", automountToken: true).Build();
        Assert.Equal("broker", workload.StatefulSet.Spec!.Template!.Spec!.ServiceAccountName);
        Assert.Contains(Lint(workload), f => f.RuleId == RuleIds.TokenMountedWithoutRole);
    }

    [Fact]
    public void PeerDiscovery_grants_read_only_pods_and_endpoints_to_the_account()
    {
        var workload = Base.PeerDiscovery().Namespace("data").Build();
        var role = Assert.Single(workload.Owned.OfType<Role>());
        Assert.Equal("kafka-peer-discovery", role.Metadata!.Name);
        Assert.All(role.Rules!, r => Assert.Equal(["get", "list", "watch"], r.Verbs!));
        var binding = Assert.Single(workload.Owned.OfType<RoleBinding>());
        Assert.Equal("kafka-peer-discovery", binding.RoleRef!.Name);
        Assert.Equal(("ServiceAccount", "kafka"), (binding.Subjects![0].Kind, binding.Subjects[0].Name));
        Assert.True(workload.StatefulSet.Spec!.Template!.Spec!.AutomountServiceAccountToken);
        Assert.Empty(workload.Validate());
        var findings = Lint(workload);
        Assert.DoesNotContain(findings, f => f.RuleId is RuleIds.TokenMountedWithoutRole or RuleIds.WildcardInRole or RuleIds.RoleReadsSecrets);
    }

    [Fact]
    public void Install_order_puts_identity_first()
    {
        var kinds = Base.PeerDiscovery().Build().Documents.Select(d => d.Kind).ToList();
        Assert.True(kinds.IndexOf("ServiceAccount") < kinds.IndexOf("Role") && kinds.IndexOf("RoleBinding") < kinds.IndexOf("StatefulSet"));
    }

    [Fact]
    public void Plain_yaml_pairs_the_binding_and_role_and_flags_wildcards_and_secrets()
    {
        var yaml = Base.PeerDiscovery().Build().ToYaml();
        var read = ManifestYaml.Read(yaml);
        Assert.Empty(read.Errors);
        Assert.Equal(Base.PeerDiscovery().Build().Owned.OfType<Role>().Single(), read.Documents.OfType<Role>().Single());
        Assert.DoesNotContain(ManifestLinter.LintText(yaml), f => f.RuleId is RuleIds.WildcardInRole or RuleIds.RoleReadsSecrets);
        var wide = yaml.Replace("- endpoints", "- endpoints\n  - secrets", StringComparison.Ordinal).Replace("- watch\n- apiGroups:\n  - discovery.k8s.io", "- watch\n- apiGroups:\n  - '*'", StringComparison.Ordinal);
        var findings = ManifestLinter.LintText(wide);
        Assert.Contains(findings, f => f.RuleId == RuleIds.RoleReadsSecrets);
    }

    [Fact]
    public void The_api_server_rules_reject_a_bad_binding()
    {
        var bad = Base.Owns(new RoleBinding { Metadata = new ObjectMeta { Name = "b" }, RoleRef = new RoleRef { ApiGroup = "rbac", Kind = "Role", Name = "r" } }).Build();
        Assert.Contains(bad.Validate(), e => e.Object == "RoleBinding \"b\"" && e.Path.ToString() == "roleRef.apiGroup");
    }

    private static IReadOnlyList<Finding> Lint(StatefulWorkload w) =>
        WorkloadLinter.Lint(w.StatefulSet, w.Service, w.DisruptionBudget, w.Owned, StatefulManifests.Versions.TargetCluster.Default);

    [Fact]
    public void Kubectl_validate_accepts_the_rendered_account_role_binding_and_config()
    {
        var workload = Base.Namespace("data").PeerDiscovery()
            .Config("config", c => c.Entry("server.properties", "num.partitions=3"))
            .Build();
        var yaml = workload.ToYaml();
        Assert.Contains("kind: RoleBinding", yaml, StringComparison.Ordinal);

        if (KubectlValidate.Yaml(yaml, output) is { } result)
        {
            Assert.True(result.ExitCode == 0, result.Output);
            Assert.Contains("role.rbac.authorization.k8s.io/kafka-peer-discovery", result.Output, StringComparison.Ordinal);
            Assert.Contains("configmap/kafka-config", result.Output, StringComparison.Ordinal);
        }
    }
}
