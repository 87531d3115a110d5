using StatefulManifests.Reconciliation;
using StatefulManifests.Samples;

namespace StatefulManifests.Samples.Tests;

/// <summary>
/// Rollout tests for the samples, driven through the generated <c>Simulate()</c>: what a team would write to check
/// that their StatefulSet behaves as intended before it reaches a cluster (reference §B).
/// </summary>
public sealed class RolloutTests
{
    [Fact]
    public void Web_comes_up_one_pod_at_a_time_in_ordinal_order()
    {
        var sim = SampleWorkloads.WebManifest.Simulate();

        sim.RunUntilConverged();

        Assert.Equal(SampleWorkloads.WebManifest.PodNames, sim.Pods.Select(p => p.Name));
        var creations = sim.Events.Where(e => e.Reason == "SuccessfulCreate" && e.Message.StartsWith("create Pod ", StringComparison.Ordinal)).Select(e => e.Message).ToList();
        Assert.Equal(3, creations.Count);
        Assert.Contains("web-0", creations[0], StringComparison.Ordinal);
        Assert.Contains("web-2", creations[2], StringComparison.Ordinal);
        Assert.Equal(3, sim.Status.ReadyReplicas);
    }

    [Fact]
    public void Web_image_update_rolls_from_the_highest_ordinal_down()
    {
        var sim = SampleWorkloads.WebManifest.Simulate();
        sim.RunUntilConverged();
        var before = sim.CurrentRevision;

        sim.SetImage("registry.k8s.io/nginx-slim:0.27");
        sim.RunUntilConverged();

        var deletions = sim.Events.Where(e => e.Reason == "SuccessfulDelete" && e.Message.StartsWith("delete Pod ", StringComparison.Ordinal)).Select(e => e.Message).ToList();
        Assert.Equal(3, deletions.Count);
        Assert.Contains("web-2", deletions[0], StringComparison.Ordinal);
        Assert.Contains("web-1", deletions[1], StringComparison.Ordinal);
        Assert.Contains("web-0", deletions[2], StringComparison.Ordinal);
        Assert.All(sim.Pods, p => Assert.Equal("registry.k8s.io/nginx-slim:0.27", p.Image));
        Assert.NotEqual(before, sim.CurrentRevision);
        Assert.Equal(sim.UpdateRevision, sim.CurrentRevision);
    }

    [Fact]
    public void Web_keeps_its_claims_when_scaled_down_and_reuses_them_when_scaled_up()
    {
        var sim = SampleWorkloads.WebManifest.Simulate();
        sim.RunUntilConverged();
        var claim = sim.Claim("www", 2);

        sim.Scale(1);
        sim.RunUntilConverged();
        Assert.Single(sim.Pods);
        Assert.NotNull(sim.Claim("www", 2));

        sim.Scale(3);
        sim.RunUntilConverged();
        Assert.Equal(claim!.Uid, sim.Claim("www", 2)!.Uid);
    }

    [Fact]
    public void Mysql_bad_image_sticks_the_rollout_until_the_stuck_pod_is_deleted()
    {
        var sim = SampleWorkloads.MySqlClusterManifest.Simulate();
        sim.RunUntilConverged();

        sim.Faults.NeverReady(PodMatch.Image("mysql:9.9-broken"));
        sim.SetImage("mysql:9.9-broken");
        var stuck = sim.RunUntilStable();
        Assert.False(stuck.Converged);
        Assert.Equal("mysql-cluster-2", sim.LastPass!.BlockingPod);

        sim.SetImage("mysql:8.0.39");
        Assert.False(sim.RunUntilStable().Converged);

        sim.DeletePod(2);
        sim.RunUntilConverged();
        Assert.All(sim.Pods, p => Assert.Equal("mysql:8.0.39", p.Image));
    }

    [Fact]
    public void ZooKeeper_partitioned_update_changes_only_the_pods_at_or_above_the_partition()
    {
        var sim = SampleWorkloads.ZooKeeperManifest.Simulate();
        sim.RunUntilConverged();

        sim.Apply(s => s.WithImage("registry.k8s.io/kubernetes-zookeeper:1.0-3.4.11").WithPartition(2));
        sim.RunUntilStable();

        Assert.Equal("registry.k8s.io/kubernetes-zookeeper:1.0-3.4.10", sim.Pod(0)!.Image);
        Assert.Equal("registry.k8s.io/kubernetes-zookeeper:1.0-3.4.10", sim.Pod(1)!.Image);
        Assert.Equal("registry.k8s.io/kubernetes-zookeeper:1.0-3.4.11", sim.Pod(2)!.Image);
        Assert.NotEqual(sim.CurrentRevision, sim.UpdateRevision);
    }

    [Fact]
    public void ZooKeeper_dns_publishes_not_ready_servers_so_the_ensemble_can_form()
    {
        var sim = SampleWorkloads.ZooKeeperManifest.Simulate(new SimulationOptions { UnreadyTicks = 5 });

        sim.Step(3);

        var unready = sim.Pods.Where(p => !p.Ready).ToList();
        Assert.NotEmpty(unready);
        Assert.All(unready, p => Assert.NotEmpty(sim.Dns.ResolveA(SampleWorkloads.ZooKeeperManifest.PodFqdn(p.Ordinal))));
    }
}
