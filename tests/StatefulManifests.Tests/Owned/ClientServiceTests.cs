using StatefulManifests.Model;
using StatefulManifests.Tests.Support;
using StatefulManifests.Yaml;
using Xunit.Abstractions;

namespace StatefulManifests.Tests.Owned;

/// <summary>Client Services and per-ordinal Services: what they select, which ports they publish, validation, YAML, kubectl.</summary>
public sealed class ClientServiceTests(ITestOutputHelper output)
{
    private static StatefulSetBuilder Postgres() => Workload.StatefulSet("db")
        .Namespace("data")
        .SelectorLabels(("app", "postgres"))
        .Replicas(3)
        .Container("postgres", c => c.Image("postgres:16.4").Port("postgres", 5432).Port("metrics", 9187));

    [Fact]
    public void A_client_service_is_a_ClusterIP_service_selecting_the_sets_pods_with_every_container_port()
    {
        var w = Postgres().ClientService().Build();

        var client = Assert.IsType<Service>(Assert.Single(w.Owned));
        Assert.Equal("db-client", client.Metadata!.Name);
        Assert.Equal("data", client.Metadata.Namespace);
        Assert.Null(client.Spec!.ClusterIP); // not headless: a virtual IP over the ready pods
        Assert.Equal(w.StatefulSet.Spec!.Selector!.MatchLabels, client.Spec.Selector);
        Assert.Equal(["postgres", "metrics"], client.Spec.Ports!.Select(p => p.Name));
        Assert.Equal([5432, 9187], client.Spec.Ports!.Select(p => p.Port!.Value));
        Assert.Empty(w.Validate());
    }

    [Fact]
    public void Chosen_ports_are_the_only_ones_published_and_the_name_is_the_callers()
    {
        var w = Postgres().ClientService("db-read", s => s.Port("postgres")).Build();

        var client = Assert.IsType<Service>(Assert.Single(w.Owned));
        Assert.Equal("db-read", client.Metadata!.Name);
        var port = Assert.Single(client.Spec!.Ports!);
        Assert.Equal(("postgres", 5432, "postgres"), (port.Name, port.Port!.Value, port.TargetPort!.Value.StringValue));
    }

    [Fact]
    public void The_selector_follows_selector_labels_set_after_the_call()
    {
        var w = Workload.StatefulSet("db").ClientService().SelectorLabels(("app", "late"))
            .Container("c", c => c.Image("postgres:16.4").Port("postgres", 5432)).Build();

        var client = Assert.IsType<Service>(Assert.Single(w.Owned));
        Assert.Equal("late", client.Spec!.Selector!["app"]);
        Assert.Equal(5432, Assert.Single(client.Spec.Ports!).Port);
    }

    [Fact]
    public void A_port_no_container_declares_is_a_validation_error_not_an_exception()
    {
        var w = Postgres().ClientService(configure: s => s.Port("pgbouncer")).Build();

        var errors = w.Validate();
        Assert.Contains(errors, e => e.Object == "Service \"db-client\"" && e.Path.ToString() == "spec.ports[0].port");
    }

    [Fact]
    public void A_load_balancer_client_service_keeps_its_type()
    {
        var w = Postgres().ClientService(configure: s => s.Type(ServiceType.LoadBalancer)).Build();

        var client = Assert.IsType<Service>(Assert.Single(w.Owned));
        Assert.Equal(ServiceType.LoadBalancer, client.Spec!.Type!.Value.Known);
    }

    [Fact]
    public void Per_ordinal_services_select_one_pod_each_from_the_ordinals_start()
    {
        var w = Postgres().OrdinalsStart(5).PerOrdinalServices(s => s.Port("postgres")).Build();

        var services = w.Owned.OfType<Service>().ToList();
        Assert.Equal(["db-5", "db-6", "db-7"], services.Select(s => s.Metadata!.Name));
        Assert.All(services, s => Assert.Equal(s.Metadata!.Name, s.Spec!.Selector![StatefulSetBuilder.PodNameLabel]));
        Assert.All(services, s => Assert.Single(s.Spec!.Selector!));
        Assert.Empty(w.Validate());
    }

    [Fact]
    public void Per_ordinal_services_follow_the_replicas_of_the_finished_set()
    {
        var w = Postgres().PerOrdinalServices().Replicas(1).Build();

        Assert.Equal("db-0", Assert.IsType<Service>(Assert.Single(w.Owned)).Metadata!.Name);
    }

    [Fact]
    public void The_services_round_trip_through_yaml()
    {
        var w = Postgres().ClientService("db-read", s => s.Port("postgres")).PerOrdinalServices().Build();

        var read = ManifestYaml.Read(w.ToYaml());
        Assert.Empty(read.Errors);
        Assert.Equal(w.Documents, read.Documents);
    }

    [Fact]
    public void Kubectl_validate_accepts_the_rendered_services()
    {
        var w = Postgres().ClientService("db-read", s => s.Port("postgres").Type(ServiceType.NodePort)).PerOrdinalServices().Build();
        if (KubectlValidate.Yaml(w.ToYaml(), output) is { } result)
        {
            Assert.True(result.ExitCode == 0, result.Output);
        }
    }
}
