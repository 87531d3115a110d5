using StatefulManifests.Model;
using StatefulManifests.Reconciliation;

namespace StatefulManifests.Tests.Reconciliation;

/// <summary>Reference §B.6: which revision a (re)created pod gets.</summary>
public class B06_RevisionChoiceTests
{
    [Theory]
    [InlineData(true, "A")]
    [InlineData(false, "B")]
    public void B6_With_a_nil_rollingUpdate_a_recreated_pod_below_status_currentReplicas_gets_the_current_revision(bool nilRollingUpdate, string expected)
    {
        var set = nilRollingUpdate ? TestSets.Web().WithNilRollingUpdate() : TestSets.Web().WithPartition(0);
        var sim = TestSets.Converged(set);
        Assert.Equal(nilRollingUpdate, sim.StatefulSet!.Spec!.UpdateStrategy!.RollingUpdate is null);
        sim.SetImage(TestSets.NextImage);
        sim.DeletePod(0);
        sim.Tick();

        var pass = sim.Step();

        Assert.Equal("web-0", Assert.Single(pass.ActionsOf(ControllerActionKind.CreatePod)).Target);
        Assert.Equal(expected, sim.Timeline.LabelOf(sim.Pod(0).Revision));
    }

    [Fact]
    public void B6_A_pod_below_the_partition_that_dies_comes_back_at_the_old_revision()
    {
        var sim = TestSets.Converged(TestSets.Web().WithPartition(2));
        sim.SetImage(TestSets.NextImage);
        sim.RunUntilStable();
        Assert.Equal("A A B", TestSets.Revisions(sim));

        sim.DeletePod(0);
        Assert.True(sim.RunUntilStable().Converged);

        Assert.Equal("A A B", TestSets.Revisions(sim));
    }

    [Fact]
    public void B6_B13_1_The_partition_is_relative_to_ordinals_start()
    {
        var sim = TestSets.Converged(TestSets.Web(9).WithOrdinalsStart(2).WithPartition(5));
        sim.SetImage(TestSets.NextImage);

        Assert.True(sim.RunUntilStable().Converged);

        Assert.Equal(Enumerable.Range(2, 9), sim.Pods.Select(p => p.Ordinal));
        Assert.All(sim.Pods.Where(p => p.Ordinal <= 6), p => Assert.Equal(TestSets.Image, p.Image));
        Assert.All(sim.Pods.Where(p => p.Ordinal >= 7), p => Assert.Equal(TestSets.NextImage, p.Image));
    }

    [Fact]
    public void B6_B13_4_OnDelete_builds_every_new_or_replaced_pod_from_the_latest_template()
    {
        var sim = TestSets.Converged(TestSets.Web().WithUpdateStrategy(UpdateStrategyType.OnDelete));
        sim.SetImage(TestSets.NextImage);
        sim.Scale(4);
        sim.RunUntilStable();
        Assert.Equal("A A A B", TestSets.Revisions(sim));

        sim.DeletePod(0);
        Assert.True(sim.RunUntilStable().Converged);

        Assert.Equal("B A A B", TestSets.Revisions(sim));
    }

    [Fact]
    public void B6_B13_10_Scaling_to_zero_completes_a_partitioned_update_and_scaling_up_creates_every_pod_at_the_new_revision()
    {
        var sim = TestSets.Converged(TestSets.Web().WithPartition(2));
        var a = sim.Status.CurrentRevision;
        sim.SetImage(TestSets.NextImage);
        sim.RunUntilStable();
        var b = sim.Status.UpdateRevision;
        Assert.Equal(a, sim.Status.CurrentRevision);

        sim.Scale(0);
        Assert.True(sim.RunUntilStable().Converged);
        Assert.Equal(b, sim.Status.CurrentRevision);

        sim.Scale(3);
        Assert.True(sim.RunUntilStable().Converged);
        Assert.Equal("B B B", TestSets.Revisions(sim));
    }
}
