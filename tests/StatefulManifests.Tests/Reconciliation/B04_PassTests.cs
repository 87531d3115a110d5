using StatefulManifests.Model;
using StatefulManifests.Reconciliation;

namespace StatefulManifests.Tests.Reconciliation;

/// <summary>Reference §B.4: the steps of one pass, in order.</summary>
public class B04_PassTests
{
    [Fact]
    public void B4_3_to_5_Moving_ordinals_start_creates_the_new_slots_lowest_first_then_condemns_the_old_ones_highest_first()
    {
        var sim = TestSets.Converged(TestSets.Web().WithOrdinalsStart(2));
        Assert.Equal(new[] { "web-2", "web-3", "web-4" }, sim.Pods.Select(p => p.Name));

        sim.Apply(s => s.WithOrdinalsStart(0));
        Assert.True(sim.RunUntilStable().Converged);

        var podActions = sim.Passes.SelectMany(p => p.Actions)
            .Where(a => a.Kind is ControllerActionKind.CreatePod or ControllerActionKind.DeletePod)
            .Skip(3)
            .Select(a => a.Kind + " " + a.Target);
        Assert.Equal(new[] { "CreatePod web-0", "CreatePod web-1", "DeletePod web-4", "DeletePod web-3" }, podActions);
        Assert.Equal(new[] { "web-0", "web-1", "web-2" }, sim.Pods.Select(p => p.Name));
    }

    [Fact]
    public void B4_3_A_pod_whose_name_has_no_ordinal_is_ignored()
    {
        var sim = StatefulSetSimulation.Create(TestSets.Web());
        sim.Cluster.CreatePod("web-abc", ValueMap.Of(("app", "web")));

        Assert.True(sim.RunUntilStable().Converged);
        Assert.DoesNotContain(sim.Passes, p => p.Actions.Any(a => a.Target == "web-abc"));
        Assert.Empty(sim.Store.Pods["web-abc"].OwnerReferences);
    }

    [Fact]
    public void B4_7_While_the_set_is_deleted_in_the_foreground_a_pass_only_writes_status()
    {
        var sim = TestSets.Converged(TestSets.Web(), new SimulationOptions { TerminationTicks = 2 });
        sim.DeleteStatefulSet(DeletionPropagation.Foreground);
        sim.Faults.Fail(1);

        var pass = sim.Reconcile();

        Assert.Equal(PassStage.Deleting, pass.StoppedIn);
        Assert.Empty(pass.Actions);
        Assert.Equal(PodPhase.Failed, sim.Pod(1).Phase);
        Assert.Equal(2, sim.Status.ReadyReplicas);

        sim.Tick();
        Assert.True(sim.Exists);
        Assert.True(sim.Pods.All(p => p.IsTerminating || p.Phase == PodPhase.Failed));
        var outcome = sim.RunUntilStable();
        Assert.True(outcome.Converged, outcome.Explanation);
        Assert.False(sim.Exists);
        Assert.Empty(sim.Pods);
    }

    [Fact]
    public void B4_8c_A_pending_pod_gets_a_missing_claim_created_again()
    {
        var sim = StatefulSetSimulation.Create(TestSets.Web());
        sim.Faults.Unschedulable(PodMatch.Ordinal(2));
        sim.RunUntilStable();
        Assert.Equal(PodPhase.Pending, sim.Pod(2).Phase);
        var before = sim.Claim("data", 2).Uid;

        sim.DeleteClaim("data", 2);
        sim.Tick();
        Assert.Null(sim.FindClaim("data", 2));
        var pass = sim.Step();

        Assert.Equal("data-web-2", Assert.Single(pass.ActionsOf(ControllerActionKind.CreateClaim)).Target);
        Assert.NotEqual(before, sim.Claim("data", 2).Uid);
    }

    [Fact]
    public void B4_8e_Identity_drift_is_repaired_in_place_and_the_pod_index_label_is_not_checked()
    {
        var sim = TestSets.Converged(TestSets.Web());
        var uid = sim.Pod(1).Uid;
        sim.Cluster.LabelPod(1, WellKnownLabels.PodName, "wrong");
        sim.Cluster.LabelPod(2, WellKnownLabels.PodIndex, "7");

        var pass = sim.Step();

        Assert.Equal("web-1", Assert.Single(pass.ActionsOf(ControllerActionKind.UpdatePod)).Target);
        Assert.Equal("web-1", sim.Pod(1).Labels[WellKnownLabels.PodName]);
        Assert.Equal("1", sim.Pod(1).Labels[WellKnownLabels.PodIndex]);
        Assert.Equal(uid, sim.Pod(1).Uid);
        Assert.Equal("7", sim.Pod(2).Labels[WellKnownLabels.PodIndex]);
        Assert.Contains(sim.Events.WithReason("SuccessfulUpdate"), e => e.Message == "update Pod web-1 in StatefulSet web successful");
    }

    [Fact]
    public void B4_8e_Storage_drift_cannot_be_repaired_on_a_live_pod_and_surfaces_as_a_sync_error_without_deleting_it()
    {
        var sim = StatefulSetSimulation.Create(TestSets.Web(replicas: 1));
        var orphan = sim.Cluster.CreatePod("web-0", ValueMap.Of(("app", "web")));

        var outcome = sim.RunUntilStable();

        Assert.False(outcome.Converged);
        Assert.Contains("Forbidden", sim.LastPass!.Error);
        Assert.NotEmpty(sim.Events.WithReason("FailedUpdate"));
        Assert.Equal(orphan.Uid, sim.Pod(0).Uid);
        Assert.DoesNotContain(sim.Passes, p => p.ActionsOf(ControllerActionKind.DeletePod).Count > 0);
    }

    [Theory]
    [InlineData(PodManagementPolicy.Parallel)]
    [InlineData(PodManagementPolicy.OrderedReady)]
    public void B4_9_The_claims_of_every_condemned_pod_are_fixed_before_any_of_them_is_deleted(PodManagementPolicy policy)
    {
        var sim = TestSets.Converged(TestSets.Web(5, policy).WithRetentionPolicy(ClaimRetentionPolicy.Retain, ClaimRetentionPolicy.Delete));
        sim.Scale(2);

        var pass = sim.Reconcile();

        var kinds = pass.Actions.Select(a => a.Kind + " " + a.Target).ToList();
        Assert.Equal(new[] { "UpdateClaim data-web-4", "UpdateClaim data-web-3", "UpdateClaim data-web-2" }, kinds.Take(3));
        Assert.Equal(policy == PodManagementPolicy.Parallel ? new[] { "DeletePod web-4", "DeletePod web-3", "DeletePod web-2" } : new[] { "DeletePod web-4" }, kinds.Skip(3));
        Assert.All(new[] { 2, 3, 4 }, o => Assert.True(sim.Claim("data", o).IsOwnedByPod));
    }

    [Fact]
    public void B4_10_An_unhealthy_condemned_pod_is_removed_when_it_is_the_first_unavailable_one()
    {
        var sim = TestSets.Converged(TestSets.Web(5));
        sim.Faults.NeverReady(PodMatch.Ordinal(3));
        sim.Step();
        sim.Scale(3);

        var outcome = sim.RunUntilStable();

        Assert.True(outcome.Converged, outcome.Explanation);
        Assert.Equal(new[] { "web-4", "web-3" }, sim.Passes.SelectMany(p => p.ActionsOf(ControllerActionKind.DeletePod)).Select(a => a.Target));
    }

    [Fact]
    public void B4_13_The_classic_rolling_update_deletes_one_pod_per_pass_highest_first_and_waits_for_availability()
    {
        var sim = TestSets.Converged(TestSets.Web().WithMinReadySeconds(10));
        sim.SetImage(TestSets.NextImage);

        Assert.True(sim.RunUntilStable().Converged);

        var deletions = sim.Passes.Where(p => p.ActionsOf(ControllerActionKind.DeletePod).Count > 0).ToList();
        Assert.All(deletions, p => Assert.Single(p.ActionsOf(ControllerActionKind.DeletePod)));
        Assert.Equal(new[] { "web-2", "web-1", "web-0" }, deletions.Select(p => p.ActionsOf(ControllerActionKind.DeletePod)[0].Target));
        var readyAgain = sim.Events.About("web-2").Last(e => e.Reason == "Started").Time;
        Assert.True(deletions[1].Time >= readyAgain.AddSeconds(10), "web-1 was deleted before web-2 was available");
        Assert.All(sim.Pods, p => Assert.Equal(TestSets.NextImage, p.Image));
    }

    [Fact]
    public void B4_Scale_down_comes_before_the_rolling_update()
    {
        var sim = TestSets.Converged(TestSets.Web());
        sim.Apply(s => s.WithImage(TestSets.NextImage).WithReplicas(2));

        var pass = sim.Step();

        var delete = Assert.Single(pass.ActionsOf(ControllerActionKind.DeletePod));
        Assert.Equal("web-2", delete.Target);
        Assert.Equal("scale down", delete.Detail);
        Assert.True(sim.RunUntilStable().Converged);
        Assert.Equal(new[] { "web-0", "web-1" }, sim.Pods.Select(p => p.Name));
    }

    [Fact]
    public void B4_Creation_comes_before_the_rolling_update()
    {
        var sim = TestSets.Converged(TestSets.Web());
        sim.Apply(s => s.WithImage(TestSets.NextImage).WithReplicas(4));

        var pass = sim.Step();

        Assert.Equal("web-3", Assert.Single(pass.ActionsOf(ControllerActionKind.CreatePod)).Target);
        Assert.Empty(pass.ActionsOf(ControllerActionKind.DeletePod));
        Assert.Equal(TestSets.NextImage, sim.Pod(3).Image);
    }

    [Theory]
    [InlineData(PodManagementPolicy.Parallel, "B B B")]
    [InlineData(PodManagementPolicy.OrderedReady, "A A A")]
    public void B4_B13_5_An_unready_lower_pod_stops_the_update_only_under_OrderedReady(PodManagementPolicy policy, string revisions)
    {
        var sim = TestSets.Converged(TestSets.Web(3, policy));
        sim.Faults.NeverReady(PodMatch.Ordinal(0));
        sim.Step();
        sim.SetImage(TestSets.NextImage);

        var outcome = sim.RunUntilStable();

        Assert.False(outcome.Converged);
        Assert.Equal(revisions, TestSets.Revisions(sim));
    }

    [Fact]
    public void B4_8_Parallel_works_in_slow_start_batches_and_stops_after_a_batch_with_an_error()
    {
        var sim = TestSets.Converged(TestSets.ParallelWeb(5), new SimulationOptions { GarbageCollectionDelayTicks = 1 });
        sim.DeleteClaim("data", 2);
        sim.DeletePod(2);
        sim.Tick();
        sim.Scale(8);

        // Batches of 1, 2, 4, …: slots 1 and 2 form the second batch; creating web-2 fails, so slots 3–7 wait.
        var pass = sim.Step();

        var create = Assert.Single(pass.ActionsOf(ControllerActionKind.CreatePod));
        Assert.Equal("web-2", create.Target);
        Assert.Contains("being deleted", create.Error);
        Assert.Equal(PassStage.ReplicaPhase, pass.StoppedIn);
        Assert.Equal(new[] { "web-2", "web-5", "web-6", "web-7" }, sim.Step().ActionsOf(ControllerActionKind.CreatePod).Select(a => a.Target));
    }
}
