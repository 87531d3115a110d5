using StatefulManifests.Model;
using StatefulManifests.Reconciliation;

namespace StatefulManifests.Tests.Reconciliation;

/// <summary>
/// Reference §B.13, things tutorials get wrong. Items 2, 3, 4, 5, 6, 8 and 10 are also shown by the tests named
/// <c>…B13_n…</c> in the section files (B06, B07, B08, B04, B09); the scenarios here add the rest.
/// </summary>
public class B13_CommonMistakesTests
{
    [Fact]
    public void B13_1_Partition_counts_from_ordinals_start_not_from_ordinal_zero()
    {
        var sim = TestSets.Converged(TestSets.Web(3).WithOrdinalsStart(3).WithPartition(1));
        sim.SetImage(TestSets.NextImage);

        Assert.True(sim.RunUntilStable().Converged);

        // "ordinal >= partition" would update 3, 4 and 5; the controller updates index >= 1, i.e. ordinals 4 and 5.
        Assert.Equal(new[] { TestSets.Image, TestSets.NextImage, TestSets.NextImage }, sim.Pods.Select(p => p.Image));
    }

    [Fact]
    public void B13_2_maxUnavailable_50_percent_of_3_replicas_is_one_pod_not_two()
    {
        var sim = TestSets.Converged(TestSets.ParallelWeb(3).WithMaxUnavailable("50%"), TestSets.MaxUnavailableGateOn());
        sim.SetImage(TestSets.NextImage);

        sim.RunUntilStable();

        Assert.All(sim.Passes, p => Assert.True(p.ActionsOf(ControllerActionKind.DeletePod).Count <= 1));
    }

    [Fact]
    public void B13_3_maxUnavailable_is_kept_and_defaulted_only_when_the_gate_is_on()
    {
        var off = StatefulSetSimulation.Create(TestSets.Web().WithMaxUnavailable(2));
        var onDefaulted = StatefulSetSimulation.Create(TestSets.Web(), TestSets.MaxUnavailableGateOn());

        Assert.Null(off.StatefulSet!.Spec!.UpdateStrategy!.RollingUpdate!.MaxUnavailable);
        Assert.Equal(IntOrString.FromInt(1), onDefaulted.StatefulSet!.Spec!.UpdateStrategy!.RollingUpdate!.MaxUnavailable);
    }

    [Fact]
    public void B13_7_whenScaled_Delete_removes_a_claim_only_after_scale_down_and_only_through_the_garbage_collector()
    {
        var sim = TestSets.Converged(TestSets.Web().WithRetentionPolicy(ClaimRetentionPolicy.Retain, ClaimRetentionPolicy.Delete), new SimulationOptions { TerminationTicks = 1 });

        sim.Scale(2);
        var pass = sim.Reconcile();

        Assert.DoesNotContain(pass.Actions, a => a.Target == "data-web-2" && a.Kind != ControllerActionKind.UpdateClaim);
        Assert.True(sim.Claim("data", 2).IsOwnedByPod);
        sim.Tick();
        Assert.NotNull(sim.FindClaim("data", 2));
        sim.Tick();
        Assert.Null(sim.FindPod(2));
        Assert.Null(sim.FindClaim("data", 2));
        sim.Reconcile();
        Assert.Contains(sim.Timeline.Entries[sim.Timeline.Entries.Count - 1].Notes, n => n.Contains("garbage-collected claim data-web-2"));
    }

    [Fact]
    public void B13_9_A_template_without_an_image_accepted_by_an_old_API_server_fails_at_pod_creation()
    {
        var set = TestSets.Web(1);
        set = set with { Spec = set.Spec! with { Template = set.Spec.Template! with { Spec = set.Spec.Template.Spec! with { Containers = ValueList.Of(new Container { Name = "nginx" }) } } } };
        var sim = StatefulSetSimulation.Create(set, new SimulationOptions { Validate = false });

        var outcome = sim.RunUntilStable();

        Assert.False(outcome.Converged);
        Assert.Empty(sim.Pods);
        Assert.Contains(sim.Events.WithReason("FailedCreate"), e => e.Message.Contains("spec.containers[0].image: Required value"));
    }

    [Fact]
    public void B13_9_A_claim_template_without_access_modes_accepted_by_an_old_API_server_fails_at_claim_creation()
    {
        var set = TestSets.Web(1);
        var template = set.Spec!.VolumeClaimTemplates![0];
        set = set with { Spec = set.Spec with { VolumeClaimTemplates = ValueList.Of(template with { Spec = template.Spec! with { AccessModes = null } }) } };
        var sim = StatefulSetSimulation.Create(set, new SimulationOptions { Validate = false });

        var pass = sim.Step();

        Assert.Contains("at least 1 access mode is required", pass.Error);
        Assert.Empty(sim.Pods);
        Assert.Empty(sim.Claims);
    }
}
