using StatefulManifests.Model;
using StatefulManifests.Reconciliation;

namespace StatefulManifests.Tests.Reconciliation;

/// <summary>Reference §B.8: status fields and the completion rule.</summary>
public class B08_StatusTests
{
    [Fact]
    public void B8_Terminating_pods_count_in_replicas_and_ready_but_not_in_current_or_updated()
    {
        var sim = TestSets.Converged(TestSets.Web(), new SimulationOptions { TerminationTicks = 2 });
        sim.DeletePod(2);

        var status = sim.Reconcile().ComputedStatus!;

        Assert.Equal(3, status.Replicas);
        Assert.Equal(3, status.ReadyReplicas);
        Assert.Equal(2, status.CurrentReplicas);
        Assert.Equal(2, status.UpdatedReplicas);
    }

    [Fact]
    public void B8_Available_replicas_are_the_ready_ones_past_minReadySeconds()
    {
        var sim = StatefulSetSimulation.Create(TestSets.ParallelWeb().WithMinReadySeconds(20));
        sim.Step(3);

        Assert.Equal(3, sim.Status.ReadyReplicas);
        Assert.Equal(0, sim.Status.AvailableReplicas);
        sim.Clock.Advance(TimeSpan.FromSeconds(30));
        sim.Step();
        Assert.Equal(3, sim.Status.AvailableReplicas);
    }

    [Fact]
    public void B8_When_both_revisions_are_the_same_a_pod_counts_as_current_and_updated()
    {
        var sim = TestSets.Converged(TestSets.Web());

        Assert.Equal(3, sim.Status.CurrentReplicas);
        Assert.Equal(3, sim.Status.UpdatedReplicas);
        Assert.Equal(sim.Status.CurrentRevision, sim.Status.UpdateRevision);
    }

    [Fact]
    public void B8_A_rolling_update_deletion_decrements_currentReplicas_in_the_same_pass()
    {
        var sim = TestSets.Converged(TestSets.Web());
        sim.SetImage(TestSets.NextImage);

        var pass = sim.Reconcile();

        Assert.Single(pass.ActionsOf(ControllerActionKind.DeletePod));
        Assert.Equal(3, pass.ComputedStatus!.Replicas);
        Assert.Equal(2, pass.ComputedStatus.CurrentReplicas);
        Assert.Equal(0, pass.ComputedStatus.UpdatedReplicas);
        Assert.Equal(2, sim.Status.CurrentReplicas);
        Assert.NotEqual(sim.Status.CurrentRevision, sim.Status.UpdateRevision);
    }

    [Fact]
    public void B8_A_partitioned_update_does_not_complete_because_updated_replicas_differ_from_spec_replicas()
    {
        var sim = TestSets.Converged(TestSets.Web().WithPartition(1));
        sim.SetImage(TestSets.NextImage);

        Assert.True(sim.RunUntilStable().Converged);

        Assert.Equal(2, sim.Status.UpdatedReplicas);
        Assert.Equal(1, sim.Status.CurrentReplicas);
        Assert.NotEqual(sim.Status.CurrentRevision, sim.Status.UpdateRevision);
    }

    [Fact]
    public void B8_B13_6_Completion_ignores_minReadySeconds_while_the_rollout_itself_waits_for_availability()
    {
        var sim = TestSets.Converged(TestSets.Web().WithMinReadySeconds(60));
        sim.SetImage(TestSets.NextImage);

        sim.StepUntil(s => s.Status.CurrentRevision == s.Status.UpdateRevision, maxSteps: 5000);

        Assert.Equal(3, sim.Status.ReadyReplicas);
        Assert.True(sim.Status.AvailableReplicas < 3, "completion should not wait for availability");
        var deletions = sim.Passes.Where(p => p.ActionsOf(ControllerActionKind.DeletePod).Count > 0).Select(p => p.Time).ToList();
        Assert.True(deletions[1] - deletions[0] >= TimeSpan.FromSeconds(60), "the rollout waits for each replaced pod to be available");
    }

    [Fact]
    public void B8_B13_4_OnDelete_never_completes_even_when_every_pod_is_on_the_update_revision()
    {
        var sim = TestSets.Converged(TestSets.Web().WithUpdateStrategy(UpdateStrategyType.OnDelete));
        var a = sim.Status.CurrentRevision;
        sim.SetImage(TestSets.NextImage);
        for (var ordinal = 2; ordinal >= 0; ordinal--)
        {
            sim.DeletePod(ordinal);
            sim.RunUntilStable();
        }

        var outcome = sim.RunUntilStable();

        Assert.True(outcome.Converged);
        Assert.Equal(3, sim.Status.UpdatedReplicas);
        Assert.Equal(a, sim.Status.CurrentRevision);
        Assert.Contains("v1.37", outcome.Explanation);
    }

    [Fact]
    public void B8_The_status_is_written_only_when_it_changes_and_records_the_observed_generation()
    {
        var sim = TestSets.Converged(TestSets.Web());
        Assert.Equal(StatusWriteOutcome.Unchanged, sim.Step().StatusWrite);

        sim.Apply(s => s.WithMinReadySeconds(0).WithRevisionHistoryLimit(5));
        var pass = sim.Step();

        Assert.Equal(StatusWriteOutcome.Written, pass.StatusWrite);
        Assert.Equal(2, sim.Status.ObservedGeneration);
        Assert.Equal(2, sim.Generation);
    }
}
