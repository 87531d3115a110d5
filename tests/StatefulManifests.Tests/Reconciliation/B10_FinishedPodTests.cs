using StatefulManifests.Model;
using StatefulManifests.Reconciliation;

namespace StatefulManifests.Tests.Reconciliation;

/// <summary>Reference §B.10: failed, succeeded and terminating pods.</summary>
public class B10_FinishedPodTests
{
    [Theory]
    [InlineData(PodPhase.Failed)]
    [InlineData(PodPhase.Succeeded)]
    public void B10_A_finished_in_range_pod_is_deleted_once_and_recreated_later_reusing_its_claim(PodPhase phase)
    {
        var sim = TestSets.Converged(TestSets.Web());
        var pod = sim.Pod(1);
        var claim = sim.Claim("data", 1).Uid;
        if (phase == PodPhase.Failed)
        {
            sim.Faults.Fail(1);
        }
        else
        {
            sim.Faults.Succeed(1);
        }

        var deleting = sim.Step();
        Assert.Equal("web-1", Assert.Single(deleting.ActionsOf(ControllerActionKind.DeletePod)).Target);
        Assert.Empty(deleting.ActionsOf(ControllerActionKind.CreatePod));
        Assert.Equal(PassStage.ReplicaPhase, deleting.StoppedIn);

        Assert.True(sim.RunUntilStable().Converged);
        Assert.NotEqual(pod.Uid, sim.Pod(1).Uid);
        Assert.Equal(pod.Revision, sim.Pod(1).Revision);
        Assert.Equal(claim, sim.Claim("data", 1).Uid);
        Assert.Single(sim.Passes, p => p.ActionsOf(ControllerActionKind.DeletePod).Count > 0);
    }

    [Fact]
    public void B10_A_terminating_pod_is_neither_deleted_again_nor_recreated_until_it_is_gone()
    {
        var sim = TestSets.Converged(TestSets.ParallelWeb(), new SimulationOptions { TerminationTicks = 3 });
        sim.SetImage(TestSets.NextImage);
        Assert.Single(sim.Step().ActionsOf(ControllerActionKind.DeletePod));

        for (var i = 0; i < 3; i++)
        {
            Assert.True(sim.Pod(2).IsTerminating);
            var pass = sim.Step();
            Assert.DoesNotContain(pass.Actions, a => a.Kind is ControllerActionKind.CreatePod or ControllerActionKind.DeletePod);
        }

        Assert.Null(sim.FindPod(2));
        Assert.Equal("web-2", Assert.Single(sim.Step().ActionsOf(ControllerActionKind.CreatePod)).Target);
    }
}
