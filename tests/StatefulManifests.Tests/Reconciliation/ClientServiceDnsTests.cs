using StatefulManifests.Model;
using StatefulManifests.Reconciliation;

namespace StatefulManifests.Tests.Reconciliation;

/// <summary>The DNS view of the client and per-ordinal Services a workload owns: each leads to the ready pods it selects.</summary>
public class ClientServiceDnsTests
{
    private static StatefulWorkload Db() => Workload.StatefulSet("db")
        .SelectorLabels(("app", "postgres"))
        .Replicas(3)
        .Container("postgres", c => c.Image("postgres:16.4").Port("postgres", 5432))
        .ClientService("db-read")
        .PerOrdinalServices()
        .Build();

    private static StatefulSetSimulation Converged()
    {
        var sim = Db().Simulate();
        sim.RunUntilStable();
        return sim;
    }

    [Fact]
    public void A_client_service_leads_to_every_ready_pod_it_selects()
    {
        var sim = Converged();

        var read = sim.Dns.ClientServices.Single(c => c.Name == "db-read");
        Assert.Equal("db-read.default.svc.cluster.local", read.Fqdn);
        Assert.Equal(["db-0", "db-1", "db-2"], read.Pods);
        Assert.Equal([sim.Pod(0).PodIP!, sim.Pod(1).PodIP!, sim.Pod(2).PodIP!], sim.Dns.ResolveClient("db-read.default.svc.cluster.local"));
    }

    [Fact]
    public void A_per_ordinal_service_leads_to_its_one_pod()
    {
        var sim = Converged();

        Assert.Equal([sim.Pod(1).PodIP!], sim.Dns.ResolveClient("db-1.default.svc.cluster.local"));
        Assert.Equal(["db-0", "db-1", "db-2", "db-read"], sim.Dns.ClientServices.Select(c => c.Name).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void A_pod_that_is_not_ready_drops_out_of_both()
    {
        var sim = Converged();
        sim.Faults.NeverReady(PodMatch.Ordinal(1));
        sim.DeletePod(1);
        sim.RunUntilStable();

        Assert.Equal(["db-0", "db-2"], sim.Dns.ClientServices.Single(c => c.Name == "db-read").Pods);
        Assert.Empty(sim.Dns.ResolveClient("db-1"));
        Assert.Contains("; db-1.default.svc.cluster.local -> (no ready backends)", sim.Dns.Render(), StringComparison.Ordinal);
    }

    [Fact]
    public void The_headless_records_are_unchanged_by_client_services()
    {
        var sim = Converged();

        Assert.Equal(3, sim.Dns.ResolveA("db.default.svc.cluster.local").Count);
        Assert.Empty(sim.Dns.ResolveA("db-read.default.svc.cluster.local")); // a virtual IP, not pod records
    }
}
