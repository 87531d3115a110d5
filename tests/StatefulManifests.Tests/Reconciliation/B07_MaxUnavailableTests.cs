using StatefulManifests.Model;
using StatefulManifests.Reconciliation;

namespace StatefulManifests.Tests.Reconciliation;

/// <summary>Reference §B.7: RollingUpdate with the MaxUnavailableStatefulSet gate on.</summary>
public class B07_MaxUnavailableTests
{
    [Theory]
    [InlineData(5, 2, 2)]
    [InlineData(5, 9, 5)]
    public void B7_An_integer_budget_deletes_that_many_pods_in_one_pass(int replicas, int maxUnavailable, int deleted)
    {
        var sim = TestSets.Converged(TestSets.Web(replicas).WithMaxUnavailable(maxUnavailable), TestSets.MaxUnavailableGateOn());
        sim.SetImage(TestSets.NextImage);

        var pass = sim.Step();

        Assert.Equal(deleted, pass.ActionsOf(ControllerActionKind.DeletePod).Count);
        Assert.Equal(maxUnavailable, pass.MaxUnavailable);
        Assert.Equal(replicas - deleted, pass.ComputedStatus!.CurrentReplicas);
        Assert.True(sim.RunUntilStable().Converged);
    }

    [Theory]
    [InlineData(10, "25%", 2)]
    [InlineData(3, "50%", 1)]
    [InlineData(5, "10%", 1)]
    [InlineData(4, "100%", 4)]
    public void B7_1_B13_2_A_percentage_is_rounded_down_with_a_floor_of_one(int replicas, string percent, int deleted)
    {
        var sim = TestSets.Converged(TestSets.Web(replicas, PodManagementPolicy.Parallel).WithMaxUnavailable(percent), TestSets.MaxUnavailableGateOn());
        sim.SetImage(TestSets.NextImage);

        var pass = sim.Step();

        Assert.Equal(deleted, pass.ActionsOf(ControllerActionKind.DeletePod).Count);
        Assert.Equal(deleted, MaxUnavailableRollingUpdate.Budget(percent, replicas));
    }

    [Fact]
    public void B7_1_A_nil_maxUnavailable_means_one()
    {
        Assert.Equal(1, MaxUnavailableRollingUpdate.Budget(null, 10));
    }

    [Fact]
    public void B7_2_Unavailable_pods_below_the_partition_use_up_the_budget_too()
    {
        var sim = TestSets.Converged(TestSets.Web(5, PodManagementPolicy.Parallel).WithMaxUnavailable(2).WithPartition(3), TestSets.MaxUnavailableGateOn());
        sim.Faults.NeverReady(PodMatch.Ordinal(0));
        sim.Step();
        sim.SetImage(TestSets.NextImage);

        var first = sim.Step();
        Assert.Equal(new[] { "web-4" }, first.ActionsOf(ControllerActionKind.DeletePod).Select(a => a.Target));
        Assert.Equal(1, first.UnavailableReplicas);

        sim.Faults.NeverReady(PodMatch.Ordinal(1));
        var stuck = sim.RunUntilStable();
        Assert.False(stuck.Converged);
        Assert.Contains("used up", sim.LastPass!.Reason);
        Assert.Equal(TestSets.Image, sim.Pod(3).Image);
    }

    [Fact]
    public void B7_OrderedReady_still_blocks_on_an_unhealthy_replica_before_the_update()
    {
        var sim = TestSets.Converged(TestSets.Web(4).WithMaxUnavailable(3), TestSets.MaxUnavailableGateOn());
        sim.Faults.NeverReady(PodMatch.Ordinal(0));
        sim.Step();
        sim.SetImage(TestSets.NextImage);

        sim.RunUntilStable();

        Assert.DoesNotContain(sim.Passes.Skip(5), p => p.ActionsOf(ControllerActionKind.DeletePod).Count > 0);
        Assert.Equal(PassStage.ReplicaPhase, sim.LastPass!.StoppedIn);
    }

    [Theory]
    [InlineData(true, true)]
    [InlineData(false, false)]
    public void B7_3_B11_Parallel_heals_a_broken_first_revision_in_v1_36_but_deadlocked_in_v1_35(bool parallelFix, bool converges)
    {
        var options = TestSets.MaxUnavailableGateOn() with { MaxUnavailableParallelFix = parallelFix };
        var sim = StatefulSetSimulation.Create(TestSets.Web(3, PodManagementPolicy.Parallel, TestSets.BrokenImage).WithMaxUnavailable(1), options);
        sim.Faults.NeverReady(PodMatch.Image(TestSets.BrokenImage));
        Assert.False(sim.RunUntilStable().Converged);

        sim.SetImage(TestSets.Image);
        var outcome = sim.RunUntilStable();

        Assert.Equal(converges, outcome.Converged);
        if (!converges)
        {
            Assert.Contains("#137409", outcome.Explanation);
            Assert.All(sim.Pods, p => Assert.Equal(TestSets.BrokenImage, p.Image));
        }
    }

    [Fact]
    public void B7_Gauges_are_reported_only_with_the_gate_on()
    {
        var off = TestSets.Converged(TestSets.Web());
        off.SetImage(TestSets.NextImage);
        var offPass = off.Step();
        Assert.Null(offPass.MaxUnavailable);
        Assert.Null(offPass.UnavailableReplicas);

        var on = TestSets.Converged(TestSets.Web(), TestSets.MaxUnavailableGateOn());
        on.SetImage(TestSets.NextImage);
        var onPass = on.Step();
        Assert.Equal(1, onPass.MaxUnavailable);
        Assert.Equal(0, onPass.UnavailableReplicas);
    }

    [Fact]
    public void B7_B13_3_With_the_gate_off_maxUnavailable_is_dropped_on_create_and_pods_are_replaced_one_at_a_time()
    {
        var sim = TestSets.Converged(TestSets.Web(4).WithMaxUnavailable(3));
        Assert.Null(sim.StatefulSet!.Spec!.UpdateStrategy!.RollingUpdate!.MaxUnavailable);

        sim.Apply(s => s.WithMaxUnavailable(2).WithImage(TestSets.NextImage));
        Assert.Null(sim.StatefulSet!.Spec!.UpdateStrategy!.RollingUpdate!.MaxUnavailable);
        Assert.True(sim.RunUntilStable().Converged);

        Assert.All(sim.Passes, p => Assert.True(p.ActionsOf(ControllerActionKind.DeletePod).Count <= 1));
    }
}
