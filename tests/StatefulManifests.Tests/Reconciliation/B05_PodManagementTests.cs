using StatefulManifests.Model;
using StatefulManifests.Reconciliation;

namespace StatefulManifests.Tests.Reconciliation;

/// <summary>Reference §B.5: OrderedReady versus Parallel, row by row.</summary>
public class B05_PodManagementTests
{
    [Fact]
    public void B5_Creating_OrderedReady_creates_one_pod_per_pass_lowest_first_after_the_previous_is_ready()
    {
        var sim = StatefulSetSimulation.Create(TestSets.Web(), new SimulationOptions { PendingTicks = 1, UnreadyTicks = 1 });

        Assert.True(sim.RunUntilStable().Converged);

        var creations = sim.Passes.Where(p => p.ActionsOf(ControllerActionKind.CreatePod).Count > 0).ToList();
        Assert.All(creations, p => Assert.Single(p.ActionsOf(ControllerActionKind.CreatePod)));
        Assert.Equal(new[] { "web-0", "web-1", "web-2" }, creations.Select(p => p.ActionsOf(ControllerActionKind.CreatePod)[0].Target));
        Assert.True(creations[1].Number - creations[0].Number >= 3, "web-1 was created before web-0 could be Running and Ready");
    }

    [Fact]
    public void B5_Creating_Parallel_creates_every_missing_pod_in_one_pass()
    {
        var sim = StatefulSetSimulation.Create(TestSets.ParallelWeb(5));

        var pass = sim.Step();

        Assert.Equal(new[] { "web-0", "web-1", "web-2", "web-3", "web-4" }, pass.ActionsOf(ControllerActionKind.CreatePod).Select(a => a.Target));
        Assert.True(sim.RunUntilStable().Converged);
    }

    [Theory]
    [InlineData(PodManagementPolicy.OrderedReady, new[] { "delete web-1" })]
    [InlineData(PodManagementPolicy.Parallel, new[] { "delete web-1", "create web-3", "create web-4" })]
    public void B5_A_failed_pod_is_deleted_and_OrderedReady_stops_there_while_Parallel_goes_on(PodManagementPolicy policy, string[] expected)
    {
        var sim = TestSets.Converged(TestSets.Web(3, policy));
        sim.Faults.Fail(1);
        sim.Scale(5);

        var pass = sim.Step();

        Assert.Equal(expected, pass.Actions.Where(a => a.Kind is ControllerActionKind.CreatePod or ControllerActionKind.DeletePod)
            .Select(a => (a.Kind == ControllerActionKind.CreatePod ? "create " : "delete ") + a.Target));
        Assert.True(sim.RunUntilStable().Converged);
    }

    [Theory]
    [InlineData(PodManagementPolicy.OrderedReady, false)]
    [InlineData(PodManagementPolicy.Parallel, true)]
    public void B5_B10_A_terminating_in_range_pod_blocks_OrderedReady_but_Parallel_ignores_it(PodManagementPolicy policy, bool creates)
    {
        var sim = TestSets.Converged(TestSets.Web(3, policy), new SimulationOptions { TerminationTicks = 3 });
        sim.DeletePod(0);
        sim.Scale(4);

        var pass = sim.Step();

        Assert.Equal(creates, pass.ActionsOf(ControllerActionKind.CreatePod).Any(a => a.Target == "web-3"));
        Assert.DoesNotContain(pass.Actions, a => a.Target == "web-0");
        Assert.True(sim.RunUntilStable().Converged);
    }

    [Fact]
    public void B5_Scale_down_OrderedReady_removes_one_pod_at_a_time_and_waits_for_it_to_disappear()
    {
        var sim = TestSets.Converged(TestSets.Web(5), new SimulationOptions { TerminationTicks = 2 });
        sim.Scale(2);

        Assert.True(sim.RunUntilStable().Converged);

        var deletions = sim.Passes.Where(p => p.ActionsOf(ControllerActionKind.DeletePod).Count > 0).ToList();
        Assert.Equal(new[] { "web-4", "web-3", "web-2" }, deletions.Select(p => Assert.Single(p.Actions, a => a.Kind == ControllerActionKind.DeletePod).Target));
        Assert.All(deletions.Zip(deletions.Skip(1), (a, b) => b.Number - a.Number), gap => Assert.True(gap >= 3));
        Assert.Contains(sim.Passes, p => p.StoppedIn == PassStage.ScaleDown && p.Reason.Contains("terminating"));
    }

    [Fact]
    public void B5_Scale_down_Parallel_removes_every_condemned_pod_in_one_pass()
    {
        var sim = TestSets.Converged(TestSets.ParallelWeb(5));
        sim.Scale(2);

        var pass = sim.Step();

        Assert.Equal(new[] { "web-4", "web-3", "web-2" }, pass.ActionsOf(ControllerActionKind.DeletePod).Select(a => a.Target));
    }

    [Theory]
    [InlineData(PodManagementPolicy.OrderedReady, new[] { "web-2" })]
    [InlineData(PodManagementPolicy.Parallel, new[] { "web-2", "web-3" })]
    public void B5_Gate_on_maxUnavailable_deletes_a_batch_but_OrderedReady_still_recreates_one_at_a_time(PodManagementPolicy policy, string[] recreatedTogether)
    {
        var sim = TestSets.Converged(TestSets.Web(4, policy).WithMaxUnavailable(2), TestSets.MaxUnavailableGateOn());
        sim.SetImage(TestSets.NextImage);

        var first = sim.Step();
        var second = sim.Step();

        Assert.Equal(new[] { "web-3", "web-2" }, first.ActionsOf(ControllerActionKind.DeletePod).Select(a => a.Target));
        Assert.Equal(recreatedTogether, second.ActionsOf(ControllerActionKind.CreatePod).Select(a => a.Target));
        Assert.True(sim.RunUntilStable().Converged);
    }
}
