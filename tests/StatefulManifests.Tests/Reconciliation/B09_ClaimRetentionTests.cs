using StatefulManifests.Model;
using StatefulManifests.Reconciliation;

namespace StatefulManifests.Tests.Reconciliation;

/// <summary>Reference §B.9: claim creation, owner references per retention policy, stale claims, set deletion.</summary>
public class B09_ClaimRetentionTests
{
    [Fact]
    public void B9_Claims_are_created_before_their_pod_named_and_labelled_from_the_template_and_selector()
    {
        var sim = StatefulSetSimulation.Create(TestSets.Web(1));

        var pass = sim.Step();

        Assert.Equal(new[] { ControllerActionKind.CreateRevision, ControllerActionKind.CreateClaim, ControllerActionKind.CreatePod }, pass.Actions.Select(a => a.Kind));
        var claim = sim.Claim("data", 0);
        Assert.Equal("data-web-0", claim.Name);
        Assert.Equal("web", claim.Labels["app"]);
        Assert.Equal("storage", claim.Labels["tier"]);
        Assert.Equal(TestSets.Web().Spec!.VolumeClaimTemplates![0].Spec, claim.Spec);
        Assert.Empty(claim.OwnerReferences);
    }

    [Fact]
    public void A2_Claim_labels_merge_the_template_labels_with_the_selector_which_wins()
    {
        var set = TestSets.Web(1);
        var template = set.Spec!.VolumeClaimTemplates![0];
        set = set with { Spec = set.Spec with { VolumeClaimTemplates = ValueList.Of(template with { Metadata = template.Metadata! with { Labels = ValueMap.Of(("app", "db"), ("tier", "storage")) } }) } };
        var sim = TestSets.Converged(set);

        Assert.Equal(ValueMap.Of(("app", "web"), ("tier", "storage")), sim.Claim("data", 0).Labels);
    }

    [Fact]
    public void B9_Existing_claims_are_reused_without_comparing_their_spec_with_the_template()
    {
        var sim = TestSets.Converged(TestSets.Web());
        var uids = sim.Claims.Select(c => c.Uid).ToList();
        sim.DeleteStatefulSet(DeletionPropagation.Orphan);
        sim.Tick();
        foreach (var ordinal in new[] { 0, 1, 2 })
        {
            sim.Faults.Delete(ordinal);
        }

        // A new set whose claim template asks for 5Gi: the old 1Gi claims are simply reused.
        var bigger = TestSets.Web();
        var template = bigger.Spec!.VolumeClaimTemplates![0];
        var resources = new VolumeResourceRequirements { Requests = ValueMap.Of(("storage", Quantity.FromText("5Gi"))) };
        bigger = bigger with { Spec = bigger.Spec with { VolumeClaimTemplates = ValueList.Of(template with { Spec = template.Spec! with { Resources = resources } }) } };
        sim.Apply(bigger);

        Assert.True(sim.RunUntilStable().Converged);
        Assert.Equal(uids, sim.Claims.Select(c => c.Uid));
        Assert.All(sim.Claims, c => Assert.Equal(Quantity.FromText("1Gi"), c.Spec.Resources!.Requests!["storage"]));
        Assert.Equal(3, sim.Passes.Sum(p => p.ActionsOf(ControllerActionKind.CreateClaim).Count));
    }

    [Theory]
    [InlineData(ClaimRetentionPolicy.Retain, ClaimRetentionPolicy.Retain, "", "", true, true)]
    [InlineData(ClaimRetentionPolicy.Retain, ClaimRetentionPolicy.Delete, "StatefulSet", "StatefulSet", true, false)]
    [InlineData(ClaimRetentionPolicy.Delete, ClaimRetentionPolicy.Retain, "", "Pod", false, true)]
    [InlineData(ClaimRetentionPolicy.Delete, ClaimRetentionPolicy.Delete, "StatefulSet", "Pod", false, false)]
    public void B9_The_retention_table_owner_refs_for_in_range_and_condemned_claims_and_what_survives(
        ClaimRetentionPolicy whenScaled, ClaimRetentionPolicy whenDeleted, string inRangeOwner, string condemnedOwner, bool survivesScaleDown, bool survivesSetDeletion)
    {
        var sim = TestSets.Converged(TestSets.Web().WithRetentionPolicy(whenDeleted, whenScaled), new SimulationOptions { TerminationTicks = 2 });
        Assert.Equal(inRangeOwner, Owners(sim.Claim("data", 2)));

        sim.Scale(2);
        sim.Step();
        Assert.True(sim.Pod(2).IsTerminating);
        Assert.Equal(condemnedOwner, Owners(sim.Claim("data", 2)));
        Assert.Equal(inRangeOwner, Owners(sim.Claim("data", 1)));

        Assert.True(sim.RunUntilStable().Converged);
        Assert.Equal(survivesScaleDown, sim.FindClaim("data", 2) is not null);

        sim.DeleteStatefulSet();
        sim.RunUntilStable();
        Assert.Empty(sim.Pods);
        Assert.Equal(survivesSetDeletion, sim.FindClaim("data", 0) is not null);
    }

    [Fact]
    public void B9_B13_7_Under_whenScaled_Delete_a_fast_scale_down_and_up_waits_for_the_stale_claim_and_loses_the_data()
    {
        var options = new SimulationOptions { GarbageCollectionDelayTicks = 3 };
        var sim = TestSets.Converged(TestSets.Web().WithRetentionPolicy(ClaimRetentionPolicy.Retain, ClaimRetentionPolicy.Delete), options);
        var before = sim.Claim("data", 2).Uid;

        sim.Scale(2);
        sim.StepUntil(s => s.FindPod(2) is null);
        Assert.Equal(before, sim.Claim("data", 2).Uid);
        sim.Scale(3);
        var pass = sim.Step();

        Assert.Equal(PassStage.ReplicaPhase, pass.StoppedIn);
        Assert.Contains("stale", pass.Reason);
        Assert.Empty(pass.ActionsOf(ControllerActionKind.CreatePod));
        Assert.True(sim.RunUntilStable().Converged);
        Assert.NotEqual(before, sim.Claim("data", 2).Uid);
    }

    [Fact]
    public void B9_Under_whenScaled_Retain_a_scale_down_and_up_keeps_the_data()
    {
        var sim = TestSets.Converged(TestSets.Web());
        var before = sim.Claim("data", 2).Uid;

        sim.Scale(2);
        sim.RunUntilStable();
        sim.Scale(3);
        Assert.True(sim.RunUntilStable().Converged);

        Assert.Equal(before, sim.Claim("data", 2).Uid);
    }

    [Fact]
    public void B9_Rolling_updates_pod_deletion_failures_and_evictions_never_delete_claims_even_under_Delete_Delete()
    {
        var sim = TestSets.Converged(TestSets.Web().WithRetentionPolicy(ClaimRetentionPolicy.Delete, ClaimRetentionPolicy.Delete));
        var uids = sim.Claims.Select(c => c.Uid).ToList();

        sim.SetImage(TestSets.NextImage);
        sim.RunUntilStable();
        sim.DeletePod(0);
        sim.RunUntilStable();
        sim.Faults.Fail(1);
        sim.RunUntilStable();
        sim.Faults.Evict(2);

        Assert.True(sim.RunUntilStable().Converged);
        Assert.Equal(uids, sim.Claims.Select(c => c.Uid));
    }

    [Fact]
    public void B9_A_claim_with_another_controller_is_left_to_it_and_the_set_removes_its_own_refs()
    {
        var sim = TestSets.Converged(TestSets.Web().WithRetentionPolicy(ClaimRetentionPolicy.Delete, ClaimRetentionPolicy.Delete));
        var foreign = new OwnerReference { ApiVersion = "example.com/v1", Kind = "Backup", Name = "nightly", Uid = "uid-backup", Controller = true };
        sim.Cluster.AddClaimOwnerReference("data-web-2", foreign);

        sim.Step();
        Assert.Equal("Backup", Owners(sim.Claim("data", 2)));
        Assert.Contains(sim.Events.WithReason("ConflictingController"), e => e.Message.Contains("data-web-2"));

        sim.Scale(2);
        Assert.True(sim.RunUntilStable().Converged);
        Assert.Equal("Backup", Owners(sim.Claim("data", 2)));
    }

    [Fact]
    public void B9_Claims_of_pods_gone_before_the_policy_changed_are_not_touched()
    {
        var sim = TestSets.Converged(TestSets.Web());
        sim.Scale(2);
        sim.RunUntilStable();

        sim.Apply(s => s.WithRetentionPolicy(ClaimRetentionPolicy.Retain, ClaimRetentionPolicy.Delete));
        Assert.True(sim.RunUntilStable().Converged);

        Assert.Empty(sim.Claim("data", 2).OwnerReferences);
        Assert.Equal("", Owners(sim.Claim("data", 0)));
    }

    [Fact]
    public void B9_A_claim_that_is_being_deleted_blocks_pod_creation_with_an_error_until_it_is_gone()
    {
        var sim = TestSets.Converged(TestSets.Web(), new SimulationOptions { GarbageCollectionDelayTicks = 1 });
        var before = sim.Claim("data", 1).Uid;
        sim.DeleteClaim("data", 1);
        sim.Tick();
        Assert.True(sim.Claim("data", 1).IsTerminating);

        sim.DeletePod(1);
        sim.Tick();
        var pass = sim.Step();

        Assert.Contains("pvc data-web-1 is being deleted", pass.Error);
        Assert.Contains(sim.Events.WithReason("FailedCreate"), e => e.Message.Contains("data-web-1 is being deleted"));
        Assert.True(sim.RunUntilStable().Converged);
        Assert.NotEqual(before, sim.Claim("data", 1).Uid);
    }

    [Fact]
    public void B9_B13_8_Deleting_the_set_removes_its_pods_all_at_once_not_in_reverse_ordinal_order()
    {
        var sim = TestSets.Converged(TestSets.Web(), new SimulationOptions { TerminationTicks = 2 });

        sim.DeleteStatefulSet();
        sim.Tick();

        Assert.All(sim.Pods, p => Assert.True(p.IsTerminating));
        Assert.Single(sim.Pods.Select(p => p.DeletionTimestamp).Distinct());
        Assert.True(sim.RunUntilStable().Converged);
        Assert.Empty(sim.Pods);
        Assert.Equal(3, sim.Claims.Count);
    }

    private static string Owners(SimulatedClaim claim) => string.Join(",", claim.OwnerReferences.Select(r => r.Kind));
}
