using StatefulManifests.Reconciliation;

namespace StatefulManifests.Tests.Reconciliation;

/// <summary>The kubelet model and fault injection.</summary>
public class KubeletAndFaultTests
{
    [Fact]
    public void Pods_go_Pending_then_Running_then_Ready_after_the_configured_ticks()
    {
        var sim = StatefulSetSimulation.Create(TestSets.Web(1), new SimulationOptions { PendingTicks = 2, UnreadyTicks = 1 });
        sim.Reconcile();
        var states = new List<string>();
        for (var i = 0; i < 5; i++)
        {
            sim.Tick();
            var pod = sim.Pod(0);
            states.Add(pod.Phase + (pod.Ready ? "+Ready" : string.Empty));
        }

        Assert.Equal(new[] { "Pending", "Pending", "Running", "Running+Ready", "Running+Ready" }, states);
        Assert.Equal("node-1", sim.Pod(0).NodeName);
        Assert.NotNull(sim.Pod(0).PodIP);
    }

    [Fact]
    public void A_crash_looping_revision_settles_as_stuck_with_growing_restarts()
    {
        var sim = TestSets.Converged(TestSets.Web());
        sim.Faults.CrashLoop(PodMatch.Image(TestSets.BrokenImage));
        sim.SetImage(TestSets.BrokenImage);

        var outcome = sim.RunUntilStable();
        var restarts = sim.Pod(2).RestartCount;
        sim.Step(20);

        Assert.True(outcome.Settled);
        Assert.False(outcome.Converged);
        Assert.Equal("CrashLoopBackOff", sim.Pod(2).Reason);
        Assert.True(sim.Pod(2).RestartCount > restarts);
        Assert.NotEmpty(sim.Events.WithReason("BackOff"));
    }

    [Fact]
    public void An_image_pull_failure_keeps_the_pod_Pending_and_an_unschedulable_pod_has_no_node()
    {
        var sim = StatefulSetSimulation.Create(TestSets.ParallelWeb(2));
        sim.Faults.ImagePullFailure(PodMatch.Ordinal(0));
        sim.Faults.Unschedulable(PodMatch.Ordinal(1));

        Assert.False(sim.RunUntilStable().Converged);

        Assert.Equal(("Pending", "ImagePullBackOff"), (sim.Pod(0).Phase.ToString(), sim.Pod(0).Reason));
        Assert.NotNull(sim.Pod(0).NodeName);
        Assert.Null(sim.Pod(1).NodeName);
        Assert.NotEmpty(sim.Events.WithReason("FailedScheduling"));
    }

    [Fact]
    public void Removing_a_fault_lets_the_pods_recover()
    {
        var sim = StatefulSetSimulation.Create(TestSets.Web());
        var fault = sim.Faults.NeverReady(PodMatch.All);
        Assert.False(sim.RunUntilStable().Converged);

        sim.Faults.Remove(fault);

        Assert.Empty(sim.Faults.Rules);
        Assert.True(sim.RunUntilStable().Converged);
    }

    [Fact]
    public void A_slow_start_delays_only_the_matching_pods()
    {
        var sim = StatefulSetSimulation.Create(TestSets.ParallelWeb());
        sim.Faults.SlowStart(PodMatch.Ordinal(1), pendingTicks: 3, unreadyTicks: 2);

        sim.Step(2);
        Assert.True(sim.Pod(0).Ready);
        Assert.Equal(PodPhase.Pending, sim.Pod(1).Phase);
        Assert.True(sim.RunUntilStable().Converged);
    }

    [Fact]
    public void A_one_off_crash_makes_the_pod_unready_for_a_while_and_it_recovers()
    {
        var sim = TestSets.Converged(TestSets.Web());
        sim.Faults.Crash(1, restartTicks: 2);

        Assert.False(sim.Pod(1).Ready);
        Assert.Equal(1, sim.Pod(1).RestartCount);
        Assert.True(sim.RunUntilStable().Converged);
        Assert.True(sim.Pod(1).Ready);
    }

    [Fact]
    public void Flapping_readiness_never_settles_and_the_explanation_says_why()
    {
        var sim = TestSets.Converged(TestSets.Web());
        sim.Faults.FlappingReadiness(PodMatch.Ordinal(1), period: 2);

        var outcome = sim.RunUntilStable(maxSteps: 50);

        Assert.False(outcome.Settled);
        Assert.Contains("FlappingReadiness", outcome.Explanation);
    }

    [Fact]
    public void A_lost_node_leaves_its_pod_terminating_forever_until_it_is_force_deleted()
    {
        var sim = TestSets.Converged(TestSets.Web());
        var node = sim.Pod(1).NodeName!;
        sim.Faults.LoseNode(node);

        var stuck = sim.RunUntilStable();

        Assert.False(stuck.Converged);
        Assert.True(sim.Pod(1).IsTerminating);
        Assert.False(sim.Pod(1).Ready);
        Assert.True(sim.Clock.Elapsed >= TimeSpan.FromMinutes(5));
        Assert.Contains("lost node " + node, stuck.Explanation);
        Assert.Contains(sim.Events.WithReason("TaintManagerEviction"), e => e.ObjectName == "web-1");

        sim.ForceDeletePod(1);
        Assert.True(sim.RunUntilStable().Converged);
        Assert.NotEqual(node, sim.Pod(1).NodeName);
    }

    [Fact]
    public void A_restored_node_lets_its_terminating_pods_finish()
    {
        var sim = TestSets.Converged(TestSets.Web());
        var node = sim.Pod(2).NodeName!;
        sim.Faults.LoseNode(node);
        sim.RunUntilStable();

        sim.Faults.RestoreNode(node);

        Assert.True(sim.RunUntilStable().Converged);
        Assert.Empty(sim.Faults.LostNodes);
    }

    [Fact]
    public void Foreground_deletion_waits_for_a_pod_on_a_lost_node_and_settles_as_stuck()
    {
        var sim = TestSets.Converged(TestSets.Web());
        sim.Faults.LoseNode(sim.Pod(0).NodeName!);
        sim.DeleteStatefulSet(DeletionPropagation.Foreground);

        var stuck = sim.RunUntilStable();

        Assert.True(stuck.Settled);
        Assert.False(stuck.Converged);
        Assert.True(sim.Exists);
        Assert.Equal(new[] { "web-0" }, sim.Pods.Select(p => p.Name));
        Assert.Contains("waits for web-0", stuck.Explanation);

        sim.ForceDeletePod(0);
        Assert.True(sim.RunUntilStable().Converged);
        Assert.False(sim.Exists);
    }

    [Fact]
    public void A_pending_pod_whose_node_is_lost_does_not_keep_the_simulation_busy()
    {
        var sim = StatefulSetSimulation.Create(TestSets.Web(1), new SimulationOptions { PendingTicks = 100 });
        sim.Step();
        sim.Tick();
        sim.Faults.LoseNode(sim.Pod(0).NodeName!);

        var outcome = sim.RunUntilStable(maxSteps: 200);

        Assert.True(outcome.Settled, outcome.Explanation);
        Assert.True(sim.Pod(0).IsTerminating);
    }
}
