using StatefulManifests.Model;
using static StatefulManifests.Tests.Builders.WorkloadAccess;

namespace StatefulManifests.Tests.Builders;

/// <summary>Customising the generated Service and PodDisruptionBudget.</summary>
public class ServiceAndBudgetBuilderTests
{
    private static StatefulSetBuilder WithPorts() =>
        Workload.StatefulSet("zk").Container("zk", c => c.Image("zk:3").Port("client", 2181).Port("server", 2888).Port("leader-election", 3888));

    [Fact]
    public void ServiceCustomisationsAreLaidOverTheDefaults()
    {
        var service = WithPorts()
            .Service(s => s
                .PublishNotReadyAddresses()
                .Labels(("tier", "coord"))
                .Annotations(("service.alpha.kubernetes.io/tolerate-unready-endpoints", "true"))
                .Port("metrics", 9141, targetPort: 7000, appProtocol: "http")
                .Port("admin", 8080, "admin-http", Protocol.TCP)
                .SessionAffinity(SessionAffinity.None))
            .Build()
            .Service!;

        Assert.True(service.Spec!.PublishNotReadyAddresses);
        Assert.Equal("None", service.Spec.ClusterIP);
        Assert.Equal(Map(("app.kubernetes.io/name", "zk"), ("tier", "coord")), service.Metadata!.Labels);
        Assert.Equal(Map(("service.alpha.kubernetes.io/tolerate-unready-endpoints", "true")), service.Metadata.Annotations);
        Assert.Equal<EnumValue<SessionAffinity>?>(SessionAffinity.None, service.Spec!.SessionAffinity);
        Assert.Equal(
            ["client", "server", "leader-election", "metrics", "admin"],
            service.Spec.Ports!.Select(p => p.Name));
        Assert.Equal(new ServicePort { Name = "metrics", Port = 9141, TargetPort = 7000, AppProtocol = "http" }, service.Spec!.Ports![3]);
        Assert.Equal(new ServicePort { Name = "admin", Port = 8080, TargetPort = "admin-http", Protocol = Protocol.TCP }, service.Spec!.Ports![4]);
    }

    [Fact]
    public void ExcludePortAndWithoutContainerPorts()
    {
        var excluded = WithPorts().Service(s => s.ExcludePort("client")).Build().Service!.Spec!.Ports!;
        var explicitOnly = WithPorts().Service(s => s.WithoutContainerPorts().Port(2181)).Build().Service!.Spec!.Ports!;

        Assert.Equal(["server", "leader-election"], excluded.Select(p => p.Name));
        Assert.Equal(new ServicePort { Port = 2181 }, Assert.Single(explicitOnly));
    }

    [Fact]
    public void NonHeadlessTypeAndSelectorOverrides()
    {
        var service = WithPorts().Service(s => s.ClusterIP("10.0.0.10").Type(ServiceType.ClusterIP).Selector(("custom", "sel"))).Build().Service!;

        Assert.Equal("10.0.0.10", service.Spec!.ClusterIP);
        Assert.Equal<EnumValue<ServiceType>?>(ServiceType.ClusterIP, service.Spec.Type);
        Assert.Equal(Map(("custom", "sel")), service.Spec.Selector);
    }

    [Fact]
    public void ServiceCustomisationsAccumulateAcrossCalls()
    {
        var service = WithPorts().Service(s => s.PublishNotReadyAddresses()).Service(s => s.Labels(("a", "b"))).Build().Service!;

        Assert.True(service.Spec!.PublishNotReadyAddresses);
        Assert.Equal("b", service.Metadata!.Labels!["a"]);
    }

    [Fact]
    public void ServiceModifyRunsOnTheFinishedService()
    {
        var service = WithPorts().Service(s => s.Modify(x => x with { Spec = x.Spec! with { Ports = x.Spec.Ports!.RemoveAll(p => p.Name == "client") } })).Build().Service!;

        Assert.Equal(["server", "leader-election"], service.Spec!.Ports!.Select(p => p.Name));
    }

    [Fact]
    public void BudgetCustomisations()
    {
        var pdb = WithPorts()
            .DisruptionBudget(b => b
                .Name("zk-pdb")
                .Labels(("app", "zk"))
                .Annotations(("note", "one at a time"))
                .MinAvailable("60%")
                .UnhealthyPodEvictionPolicy(UnhealthyPodEvictionPolicy.AlwaysAllow)
                .Selector(("app", "zk")))
            .Build()
            .DisruptionBudget!;

        Assert.Equal(
            new PodDisruptionBudget
            {
                Metadata = new ObjectMeta { Name = "zk-pdb", Labels = Map(("app", "zk")), Annotations = Map(("note", "one at a time")) },
                Spec = new PodDisruptionBudgetSpec
                {
                    MinAvailable = "60%",
                    UnhealthyPodEvictionPolicy = UnhealthyPodEvictionPolicy.AlwaysAllow,
                    Selector = new LabelSelector { MatchLabels = Map(("app", "zk")) },
                },
            },
            pdb);
    }

    [Fact]
    public void MinAndMaxAreExclusiveInTheBudgetBuilder()
    {
        var max = WithPorts().DisruptionBudget(b => b.MinAvailable(2).MaxUnavailable(1)).Build().DisruptionBudget!.Spec!;
        var min = WithPorts().DisruptionBudget(b => b.MaxUnavailable("10%").MinAvailable(2)).Build().DisruptionBudget!.Spec!;

        Assert.Equal((null, IntOrString.FromInt(1)), (max.MinAvailable, max.MaxUnavailable));
        Assert.Equal((IntOrString.FromInt(2), null), (min.MinAvailable, min.MaxUnavailable));
    }

    [Fact]
    public void BudgetModifyRunsOnTheFinishedBudget()
    {
        var pdb = WithPorts().DisruptionBudget(b => b.MaxUnavailable(1).Modify(p => p with { Metadata = p.Metadata! with { Name = p.Metadata.Name + "-budget" } })).Build().DisruptionBudget!;

        Assert.Equal("zk-budget", pdb.Metadata!.Name);
    }
}
