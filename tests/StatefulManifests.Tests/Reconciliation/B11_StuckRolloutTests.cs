using StatefulManifests.Model;
using StatefulManifests.Reconciliation;

namespace StatefulManifests.Tests.Reconciliation;

/// <summary>Reference §B.11: the broken state that requires manual intervention (OrderedReady + RollingUpdate).</summary>
public class B11_StuckRolloutTests
{
    [Fact]
    public void B11_A_revision_that_never_becomes_ready_sticks_the_rollout_and_reverting_does_not_help_until_the_pod_is_deleted()
    {
        var sim = TestSets.Converged(TestSets.Web());
        var a = sim.UpdateRevision!;
        sim.Faults.NeverReady(PodMatch.Image(TestSets.BrokenImage));

        // 1–2: the update replaces web-2 with the bad revision B, which never becomes Ready.
        sim.SetImage(TestSets.BrokenImage);
        var stuck = sim.RunUntilStable();
        Assert.True(stuck.Settled);
        Assert.False(stuck.Converged);
        Assert.Equal("A A B", TestSets.Revisions(sim));
        Assert.False(sim.Pod(2).Ready);
        Assert.Equal(PassStage.ReplicaPhase, sim.LastPass!.StoppedIn);
        Assert.Equal("web-2", sim.LastPass.BlockingPod);
        Assert.Contains("kubernetes#67250", stuck.Explanation);
        Assert.Contains("NeverReady(image nginx:broken)", stuck.Explanation);

        // 3: reverting makes A the update revision again (renumbered, no new object), but nothing replaces web-2.
        sim.SetImage(TestSets.Image);
        var stillStuck = sim.RunUntilStable();
        Assert.False(stillStuck.Converged);
        Assert.Equal(a.Name, sim.Status.UpdateRevision);
        Assert.Equal(a.Name, sim.Status.CurrentRevision);
        Assert.Equal(2, sim.Revisions.Count);
        Assert.Equal(3, sim.UpdateRevision!.Revision);
        Assert.Equal("A A B", TestSets.Revisions(sim));
        Assert.Contains("reverting the template alone does not help", stillStuck.Explanation);

        // 4: only deleting the stuck pod fixes it: it comes back at the update revision A.
        sim.DeletePod(2);
        var healed = sim.RunUntilStable();
        Assert.True(healed.Converged, healed.Explanation);
        Assert.Equal("A A A", TestSets.Revisions(sim));
    }

    [Fact]
    public void B11_A_broken_first_revision_is_never_replaced_by_a_fixed_template_until_the_pod_is_deleted()
    {
        var sim = StatefulSetSimulation.Create(TestSets.Web(1, image: TestSets.BrokenImage));
        sim.Faults.NeverReady(PodMatch.Image(TestSets.BrokenImage));
        Assert.False(sim.RunUntilStable().Converged);

        sim.SetImage(TestSets.Image);
        Assert.False(sim.RunUntilStable().Converged);
        Assert.Equal(TestSets.BrokenImage, sim.Pod(0).Image);

        sim.DeletePod(0);
        Assert.True(sim.RunUntilStable().Converged);
        Assert.Equal(TestSets.Image, sim.Pod(0).Image);
    }

    [Fact]
    public void B11_Under_Parallel_with_the_gate_off_the_revert_heals_on_its_own()
    {
        var sim = TestSets.Converged(TestSets.ParallelWeb());
        sim.Faults.NeverReady(PodMatch.Image(TestSets.BrokenImage));
        sim.SetImage(TestSets.BrokenImage);
        Assert.False(sim.RunUntilStable().Converged);
        Assert.Equal("A A B", TestSets.Revisions(sim));

        sim.SetImage(TestSets.Image);
        var outcome = sim.RunUntilStable();

        Assert.True(outcome.Converged, outcome.Explanation);
        Assert.Equal("A A A", TestSets.Revisions(sim));
        var lastDeletion = sim.Passes.SelectMany(p => p.ActionsOf(ControllerActionKind.DeletePod)).Last();
        Assert.Equal("web-2", lastDeletion.Target);
        Assert.StartsWith("rolling update", lastDeletion.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void B11_A_stuck_pod_whose_phase_becomes_Failed_is_replaced_which_unblocks_the_set()
    {
        var sim = TestSets.Converged(TestSets.Web());
        sim.Faults.NeverReady(PodMatch.Image(TestSets.BrokenImage));
        sim.SetImage(TestSets.BrokenImage);
        sim.RunUntilStable();
        sim.SetImage(TestSets.Image);
        Assert.False(sim.RunUntilStable().Converged);

        sim.Faults.Evict(2);
        var outcome = sim.RunUntilStable();

        Assert.True(outcome.Converged, outcome.Explanation);
        Assert.Equal("A A A", TestSets.Revisions(sim));
    }

    [Fact]
    public void B11_OrderedReady_stops_in_the_replica_phase_while_Parallel_waits_in_the_update_loop()
    {
        var ordered = TestSets.Converged(TestSets.Web());
        var parallel = TestSets.Converged(TestSets.ParallelWeb());
        foreach (var sim in new[] { ordered, parallel })
        {
            sim.Faults.NeverReady(PodMatch.Image(TestSets.BrokenImage));
            sim.SetImage(TestSets.BrokenImage);
            sim.RunUntilStable();
        }

        // Both stop after the first bad pod, but OrderedReady stops in the replica phase (so the update loop is never
        // reached again), while Parallel waits inside the update loop, which is why a revert heals it.
        Assert.Equal("A A B", TestSets.Revisions(ordered));
        Assert.Equal("A A B", TestSets.Revisions(parallel));
        Assert.Equal(PassStage.ReplicaPhase, ordered.LastPass!.StoppedIn);
        Assert.Equal(PassStage.RollingUpdate, parallel.LastPass!.StoppedIn);
    }
}
