using StatefulManifests.Reconciliation;

namespace StatefulManifests.Tests.Reconciliation;

/// <summary>Reference §B.2: created, running and ready, available (minReadySeconds on the virtual clock), terminating.</summary>
public class B02_DefinitionTests
{
    [Fact]
    public void B2_Created_A_pod_created_in_a_pass_is_not_counted_by_that_pass()
    {
        var sim = StatefulSetSimulation.Create(TestSets.Web());

        var pass = sim.Reconcile();

        Assert.Single(pass.ActionsOf(ControllerActionKind.CreatePod));
        Assert.Equal(PodPhase.Pending, sim.Pod(0).Phase);
        Assert.Equal(0, pass.ComputedStatus!.Replicas);
    }

    [Fact]
    public void B2_Available_Ready_pods_become_available_only_after_minReadySeconds_on_the_virtual_clock()
    {
        var sim = StatefulSetSimulation.Create(TestSets.Web().WithMinReadySeconds(30));
        sim.StepUntil(s => s.Pod(0).Ready);
        var readySince = sim.Pod(0).ReadyTransitionTime!.Value;

        sim.Step(5);
        Assert.Null(sim.FindPod(1));
        Assert.Equal(1, sim.Status.ReadyReplicas);
        Assert.Equal(0, sim.Status.AvailableReplicas);

        sim.Clock.Advance(readySince.AddSeconds(31) - sim.Clock.Now);
        var pass = sim.Step();

        Assert.Equal("web-1", Assert.Single(pass.ActionsOf(ControllerActionKind.CreatePod)).Target);
        Assert.Equal(1, pass.ComputedStatus!.AvailableReplicas);
    }

    [Fact]
    public void B2_Running_and_ready_A_running_pod_that_is_not_ready_does_not_count_as_ready()
    {
        var sim = StatefulSetSimulation.Create(TestSets.Web(), new SimulationOptions { UnreadyTicks = 3 });
        sim.StepUntil(s => s.Pod(0).Phase == PodPhase.Running);

        var pass = sim.Step();

        Assert.False(sim.Pod(0).Ready || pass.ComputedStatus!.ReadyReplicas != 0);
        Assert.Equal(1, pass.ComputedStatus!.Replicas);
        Assert.Equal(PassStage.ReplicaPhase, pass.StoppedIn);
    }

    [Fact]
    public void B2_Terminating_A_deleted_pod_is_terminating_until_the_kubelet_is_done()
    {
        var sim = TestSets.Converged(TestSets.Web(), new SimulationOptions { TerminationTicks = 2 });
        sim.DeletePod(1);

        Assert.True(sim.Pod(1).IsTerminating);
        sim.Tick();
        sim.Tick();
        Assert.True(sim.Pod(1).IsTerminating);
        sim.Tick();
        Assert.Null(sim.FindPod(1));
    }
}
