using StatefulManifests.Model;
using StatefulManifests.Reconciliation;

namespace StatefulManifests.Tests.Reconciliation;

/// <summary>Issue 10, deliverable 5: the simulator behaves as Kubernetes does where it used to differ.</summary>
public class FidelityDefectTests
{
    [Theory]
    [InlineData(PodPhase.Failed)]
    [InlineData(PodPhase.Succeeded)]
    public void B9_A_deleted_claim_stays_Terminating_while_a_scheduled_finished_pod_mounts_it(PodPhase phase)
    {
        // pvc_protection_controller.go podUsesPVC: any scheduled pod that mounts the claim, whatever its phase.
        var sim = TestSets.Converged(TestSets.Web());
        sim.DeleteClaim("data", 1);
        if (phase == PodPhase.Failed)
        {
            sim.Faults.Fail(1);
        }
        else
        {
            sim.Faults.Succeed(1);
        }

        sim.Tick();
        sim.Tick();

        Assert.Equal(phase, sim.Pod(1).Phase);
        Assert.True(sim.Claim("data", 1).IsTerminating);

        sim.ForceDeletePod(1);
        sim.Tick();
        Assert.Null(sim.FindClaim("data", 1));
    }

    [Fact]
    public void B9_A_claim_of_an_unscheduled_pod_is_released()
    {
        var sim = TestSets.Converged(TestSets.Web());
        sim.Faults.Unschedulable(PodMatch.Ordinal(1));
        sim.DeletePod(1);
        sim.StepUntil(s => s.FindPod(1) is { NodeName: null });
        sim.DeleteClaim("data", 1);

        sim.Tick();

        Assert.Null(sim.FindClaim("data", 1));
    }

    [Fact]
    public void A2_A_name_over_52_characters_is_accepted_and_its_pods_then_fail_on_the_revision_label()
    {
        var name = new string('w', 55);
        var sim = (TestSets.Web() with { Metadata = new ObjectMeta { Name = name } }).Simulate();

        var pass = sim.Step();

        Assert.Equal(name, sim.StatefulSet!.Metadata!.Name);
        Assert.Empty(sim.Pods);
        Assert.Contains("must be no more than 63 characters", pass.Error);
    }

    [Fact]
    public void GC_With_automatic_collection_off_the_claims_of_a_deleted_pod_wait_until_the_collector_processes_it()
    {
        var sim = TestSets.Converged(
            TestSets.Web().WithRetentionPolicy(ClaimRetentionPolicy.Retain, ClaimRetentionPolicy.Delete),
            new SimulationOptions { AutomaticGarbageCollection = false });

        sim.Scale(1);
        sim.RunUntilStable();

        // Pods 1 and 2 are gone; the collector has not processed them yet, so their claims are still there.
        Assert.Null(sim.FindPod(2));
        Assert.False(sim.Claim("data", 2).IsTerminating);
        Assert.False(sim.Claim("data", 1).IsTerminating);

        var collected = sim.CollectDependentsOfPod(2);

        Assert.Equal(["garbage-collected claim data-web-2 (owner Pod/web-2 gone)"], collected);
        Assert.True(sim.Claim("data", 2).IsTerminating);
        Assert.False(sim.Claim("data", 1).IsTerminating);
        sim.Tick();
        Assert.Null(sim.FindClaim("data", 2));

        Assert.Contains(sim.CollectGarbage(), n => n.Contains("data-web-1"));
        Assert.Empty(sim.CollectGarbage());
        sim.Tick();
        Assert.Null(sim.FindClaim("data", 1));
    }

    [Fact]
    public void GC_Collecting_an_owner_that_still_exists_or_has_no_dependents_does_nothing()
    {
        var sim = TestSets.Converged(TestSets.Web().WithRetentionPolicy(ClaimRetentionPolicy.Retain, ClaimRetentionPolicy.Delete));

        Assert.Empty(sim.CollectGarbageOf("Pod", "web-1"));
        Assert.Empty(sim.CollectGarbageOf("Pod", "nothing-here"));
        Assert.Equal(3, sim.Claims.Count);
        Assert.Throws<ArgumentException>(() => sim.CollectGarbageOf("", "web-1"));
        Assert.Throws<ArgumentException>(() => sim.CollectGarbageOf("Pod", null!));
    }

    [Fact]
    public void GC_Collecting_now_ignores_the_collection_delay()
    {
        var sim = TestSets.Converged(TestSets.Web(), new SimulationOptions { GarbageCollectionDelayTicks = 100 });
        sim.DeleteStatefulSet();

        var collected = sim.CollectGarbageOf("StatefulSet", "web");

        Assert.Equal(3, collected.Count(n => n.StartsWith("garbage-collected pod", StringComparison.Ordinal)));
        Assert.Empty(sim.CollectGarbageOf("StatefulSet", "web"));
    }

    [Fact]
    public void GC_With_automatic_collection_off_a_deleted_set_leaves_its_pods_until_collected()
    {
        var sim = TestSets.Converged(TestSets.Web(), new SimulationOptions { AutomaticGarbageCollection = false });
        sim.DeleteStatefulSet();

        sim.Step(5);
        Assert.Equal(3, sim.Pods.Count);

        Assert.Equal(3, sim.CollectGarbage().Count(n => n.StartsWith("garbage-collected pod", StringComparison.Ordinal)));
        sim.Step(3);
        Assert.Empty(sim.Pods);
    }
}
