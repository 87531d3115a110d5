using StatefulManifests.Model;
using StatefulManifests.Tests.Support;
using StatefulManifests.Yaml;
using Xunit.Abstractions;

namespace StatefulManifests.Tests.Owned;

/// <summary>The workload's NetworkPolicy: peers, clients, default deny, egress, validation, YAML and kubectl.</summary>
public sealed class NetworkPolicyTests(ITestOutputHelper output)
{
    private static StatefulSetBuilder Postgres() => Workload.StatefulSet("db")
        .Namespace("data")
        .SelectorLabels(("app", "postgres"))
        .Container("postgres", c => c.Image("postgres:16.4").Port("postgres", 5432).Port("metrics", 9187));

    private static NetworkPolicy Policy(StatefulWorkload w) => Assert.IsType<NetworkPolicy>(Assert.Single(w.Owned));

    [Fact]
    public void The_default_policy_admits_only_the_peers_on_every_declared_port()
    {
        var policy = Policy(Postgres().NetworkPolicy().Build());

        Assert.Equal(("db", "data"), (policy.Metadata!.Name, policy.Metadata.Namespace));
        Assert.Equal("postgres", policy.Spec!.PodSelector!.MatchLabels!["app"]);
        Assert.Equal([PolicyType.Ingress], policy.Spec.PolicyTypes!.Select(t => t.Known!.Value));
        var peers = Assert.Single(policy.Spec.Ingress!);
        Assert.Equal(policy.Spec.PodSelector, Assert.Single(peers.From!).PodSelector);
        Assert.Equal(["postgres", "metrics"], peers.Ports!.Select(p => p.Port!.Value.StringValue));
        Assert.Null(policy.Spec.Egress);
    }

    [Fact]
    public void Clients_by_pod_and_namespace_label_get_a_rule_each_on_the_client_ports()
    {
        var policy = Policy(Postgres().NetworkPolicy(p => p
            .AllowClients(("app", "api"))
            .AllowClientsInNamespaces([("kubernetes.io/metadata.name", "reports")], ("role", "reader"))
            .ClientPorts("postgres")).Build());

        var rules = policy.Spec!.Ingress!;
        Assert.Equal(3, rules.Count);
        Assert.Equal("api", Assert.Single(rules[1].From!).PodSelector!.MatchLabels!["app"]);
        var reports = Assert.Single(rules[2].From!);
        Assert.Equal("reports", reports.NamespaceSelector!.MatchLabels!["kubernetes.io/metadata.name"]);
        Assert.Equal("reader", reports.PodSelector!.MatchLabels!["role"]);
        Assert.All(rules.Skip(1), r => Assert.Equal("postgres", Assert.Single(r.Ports!).Port!.Value.StringValue));
        Assert.Equal(2, rules[0].Ports!.Count); // the peers keep every port
    }

    [Fact]
    public void Restricting_egress_allows_the_peers_and_cluster_dns()
    {
        var policy = Policy(Postgres().NetworkPolicy(p => p.RestrictEgress()).Build());

        Assert.Equal([PolicyType.Ingress, PolicyType.Egress], policy.Spec!.PolicyTypes!.Select(t => t.Known!.Value));
        Assert.Equal(2, policy.Spec.Egress!.Count);
        Assert.All(policy.Spec.Egress[1].Ports!, p => Assert.Equal(53, p.Port!.Value.IntValue));
    }

    [Theory]
    [InlineData("10.0.0.0/16", new string[0], null)]
    [InlineData("10.0.0.0/33", new string[0], "spec.ingress[1].from[0].ipBlock.cidr")]
    [InlineData("", new string[0], "spec.ingress[1].from[0].ipBlock.cidr")]
    [InlineData("10.0.0.0/16", new[] { "10.1.0.0/24" }, "spec.ingress[1].from[0].ipBlock.except[0]")]
    [InlineData("10.0.0.0/16", new[] { "10.0.0.0/16" }, "spec.ingress[1].from[0].ipBlock.except[0]")]
    public void An_ip_block_is_validated_as_the_api_server_does(string cidr, string[] except, string? errorPath)
    {
        var errors = Postgres().NetworkPolicy(p => p.AllowClientsFrom(cidr, except)).Build().Validate();

        if (errorPath is null)
        {
            Assert.Empty(errors);
        }
        else
        {
            var error = Assert.Single(errors);
            Assert.Equal((errorPath, "NetworkPolicy \"db\""), (error.Path.ToString(), error.Object));
        }
    }

    [Fact]
    public void The_policy_round_trips_through_yaml()
    {
        var w = Postgres().NetworkPolicy(p => p.AllowClients(("app", "api")).AllowClientsFrom("10.0.0.0/8", "10.1.0.0/16").RestrictEgress()).Build();

        var read = ManifestYaml.Read(w.ToYaml());
        Assert.Empty(read.Errors);
        Assert.Equal(w.Documents, read.Documents);
        Assert.Empty(w.Validate());
    }

    [Fact]
    public void Kubectl_validate_accepts_the_rendered_policy()
    {
        var w = Postgres().NetworkPolicy(p => p.AllowClients(("app", "api")).AllowClientsInNamespaces([("team", "bi")]).AllowClientsFrom("10.0.0.0/8").RestrictEgress()).Build();
        if (KubectlValidate.Yaml(w.ToYaml(), output) is { } result)
        {
            Assert.True(result.ExitCode == 0, result.Output);
        }
    }
}
