using StatefulManifests.Validation;
using StatefulManifests.Model;
using StatefulManifests.Reconciliation;

namespace StatefulManifests.Tests.Reconciliation;

/// <summary>Reference §B.12: status writes are validated, and the livelock and deadlock that follow.</summary>
public class B12_StatusValidationTests
{
    [Fact]
    public void B12_Livelock_under_Parallel_with_a_nil_rollingUpdate_when_the_pod_disappears_before_the_next_pass()
    {
        var sim = TestSets.Converged(TestSets.ParallelWeb(1).WithNilRollingUpdate());
        sim.DeletePod(0);
        sim.SetImage(TestSets.NextImage);
        sim.Tick();
        Assert.Null(sim.FindPod(0));

        var outcome = sim.RunUntilStable(maxSteps: 40);

        Assert.False(outcome.Settled);
        Assert.Contains("Livelock", outcome.Explanation);
        Assert.Contains("web-0", outcome.Explanation);
        var last = sim.LastPass!;
        Assert.Equal(StatusWriteOutcome.Rejected, last.StatusWrite);
        Assert.Equal("status.currentReplicas", Assert.Single(last.StatusErrors).Path.ToString());
        Assert.Equal(-1, last.ComputedStatus!.CurrentReplicas);
        Assert.Equal(1, sim.Status.ObservedGeneration);
        Assert.Equal(2, sim.Generation);
        Assert.Equal(1, sim.Status.CurrentReplicas);
        Assert.All(sim.Passes.Skip(sim.Passes.Count - 10), p =>
        {
            Assert.Equal("web-0", Assert.Single(p.ActionsOf(ControllerActionKind.CreatePod)).Target);
            Assert.Equal("web-0", Assert.Single(p.ActionsOf(ControllerActionKind.DeletePod)).Target);
        });
    }

    [Fact]
    public void B12_A_pass_that_sees_the_pod_still_terminating_writes_currentReplicas_0_and_avoids_the_livelock()
    {
        var sim = TestSets.Converged(TestSets.ParallelWeb(1).WithNilRollingUpdate());
        sim.DeletePod(0);
        sim.SetImage(TestSets.NextImage);

        var pass = sim.Step();
        Assert.Equal(StatusWriteOutcome.Written, pass.StatusWrite);
        Assert.Equal(0, sim.Status.CurrentReplicas);

        var outcome = sim.RunUntilStable();
        Assert.True(outcome.Converged, outcome.Explanation);
        Assert.Equal(TestSets.NextImage, sim.Pod(0).Image);
    }

    [Fact]
    public void B12_Two_failed_condemned_pods_deadlock_an_OrderedReady_scale_down_until_one_is_deleted()
    {
        var sim = TestSets.Converged(TestSets.Web(5));
        sim.Faults.Fail(3);
        sim.Faults.Fail(4);
        sim.Scale(3);

        var stuck = sim.RunUntilStable();

        Assert.True(stuck.Settled);
        Assert.False(stuck.Converged);
        Assert.Equal(PassStage.ScaleDown, sim.LastPass!.StoppedIn);
        Assert.Equal("web-4", sim.LastPass.BlockingPod);
        Assert.Contains("processCondemned", stuck.Explanation);
        Assert.Equal(PodPhase.Failed, sim.Pod(3).Phase);
        Assert.Equal(PodPhase.Failed, sim.Pod(4).Phase);

        sim.DeletePod(3);
        var healed = sim.RunUntilStable();
        Assert.True(healed.Converged, healed.Explanation);
        Assert.Equal(new[] { "web-0", "web-1", "web-2" }, sim.Pods.Select(p => p.Name));
    }

    [Fact]
    public void B12_Under_Parallel_the_failed_condemned_pods_are_simply_deleted()
    {
        var sim = TestSets.Converged(TestSets.ParallelWeb(5));
        sim.Faults.Fail(3);
        sim.Faults.Fail(4);
        sim.Scale(3);

        Assert.True(sim.RunUntilStable().Converged);
    }

    [Theory]
    [InlineData(-1, 0, 0, 0, 0, "status.replicas")]
    [InlineData(1, 2, 0, 0, 0, "status.readyReplicas")]
    [InlineData(1, 1, -1, 0, 0, "status.currentReplicas")]
    [InlineData(1, 1, 0, 2, 0, "status.updatedReplicas")]
    [InlineData(2, 1, 0, 0, 2, "status.availableReplicas")]
    public void B12_Status_validation_rejects_negative_counters_and_counters_above_their_bounds(int replicas, int ready, int current, int updated, int available, string path)
    {
        var status = new StatefulSetStatus { Replicas = replicas, ReadyReplicas = ready, CurrentReplicas = current, UpdatedReplicas = updated, AvailableReplicas = available };

        var errors = UpdateValidator.ValidateStatefulSetStatusUpdate(new StatefulSet(), new StatefulSet { Status = status });

        Assert.Contains(errors, e => e.Path.ToString() == path);
    }

    [Fact]
    public void B12_Status_validation_rejects_a_decreasing_collisionCount()
    {
        var errors = UpdateValidator.ValidateStatefulSetStatusUpdate(new StatefulSet { Status = new StatefulSetStatus { CollisionCount = 1 } }, new StatefulSet { Status = new StatefulSetStatus { CollisionCount = 0 } });

        Assert.Equal("status.collisionCount: Invalid value: 0: cannot be decremented", Assert.Single(errors).ToString());
    }
}
