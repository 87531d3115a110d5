using StatefulManifests.Model;
using StatefulManifests.Reconciliation;

namespace StatefulManifests.Tests.Reconciliation;

/// <summary>The headless Service DNS view (§A.2: <c>&lt;pod&gt;.&lt;service&gt;.&lt;namespace&gt;.svc.&lt;domain&gt;</c>).</summary>
public class DnsTests
{
    [Fact]
    public void Ready_pods_get_A_records_and_named_ports_SRV_records()
    {
        var sim = TestSets.Converged(TestSets.Web(), service: TestSets.HeadlessService());
        var dns = sim.Dns;

        Assert.Equal(new[] { sim.Pod(0).PodIP! }, dns.ResolveA("web-0.web.default.svc.cluster.local"));
        Assert.Equal(3, dns.ResolveA("web.default.svc.cluster.local").Count);
        var srv = dns.ResolveSrv("_web._tcp.web.default.svc.cluster.local");
        Assert.Equal(new[] { "web-0.web.default.svc.cluster.local", "web-1.web.default.svc.cluster.local", "web-2.web.default.svc.cluster.local" }, srv.Select(r => r.Value));
        Assert.All(srv, r => Assert.Equal(80, r.Port));
        Assert.Contains("web-1.web.default.svc.cluster.local A " + sim.Pod(1).PodIP, dns.Render());
    }

    [Theory]
    [InlineData(false, 0)]
    [InlineData(true, 1)]
    public void Not_ready_pods_are_published_only_with_publishNotReadyAddresses(bool publishNotReady, int records)
    {
        var sim = TestSets.Converged(TestSets.Web(), service: TestSets.HeadlessService(publishNotReady));
        sim.Faults.NeverReady(PodMatch.Ordinal(1));
        sim.Step();

        Assert.Equal(records, sim.Dns.ResolveA("web-1.web.default.svc.cluster.local").Count);
    }

    [Fact]
    public void The_name_stays_while_the_address_changes_when_a_pod_is_recreated()
    {
        var sim = TestSets.Converged(TestSets.Web(), service: TestSets.HeadlessService());
        var before = Assert.Single(sim.Dns.ResolveA("web-2.web.default.svc.cluster.local"));

        sim.DeletePod(2);
        sim.Step();
        Assert.Empty(sim.Dns.ResolveA("web-2.web.default.svc.cluster.local"));
        sim.RunUntilStable();

        var after = Assert.Single(sim.Dns.ResolveA("web-2.web.default.svc.cluster.local"));
        Assert.NotEqual(before, after);
    }

    [Fact]
    public void Without_a_headless_service_there_are_no_pod_records()
    {
        var none = TestSets.Converged(TestSets.Web());
        Assert.Empty(none.Dns.Records);
        Assert.Contains("no Service", none.Dns.Problem);

        var clusterIp = TestSets.HeadlessService() with { Spec = TestSets.HeadlessService().Spec! with { ClusterIP = "10.0.0.10" } };
        var notHeadless = TestSets.Converged(TestSets.Web(), service: clusterIp);
        Assert.Empty(notHeadless.Dns.Records);
        Assert.Contains("not headless", notHeadless.Dns.Problem);
    }

    [Fact]
    public void A_service_with_another_name_than_serviceName_publishes_no_pod_records()
    {
        var other = TestSets.HeadlessService() with { Metadata = new ObjectMeta { Name = "other" } };
        var sim = TestSets.Converged(TestSets.Web(), service: other);

        Assert.Empty(sim.Dns.Records);
    }
}
