using StatefulManifests.Model;
using StatefulManifests.Reconciliation;

namespace StatefulManifests.Tests.Reconciliation;

/// <summary>Reference §B.1: the outer sync — adoption and release of pods and revisions, requeue for availability.</summary>
public class B01_SyncTests
{
    [Fact]
    public void B1_1_A_pass_does_nothing_once_the_set_is_gone()
    {
        var sim = TestSets.Converged(TestSets.Web());
        sim.DeleteStatefulSet();

        var pass = sim.Reconcile();

        Assert.Equal(PassStage.NotFound, pass.StoppedIn);
        Assert.Empty(pass.Actions);
    }

    [Fact]
    public void B1_2_and_B1_3_A_recreated_set_adopts_the_orphaned_pods_and_revision_instead_of_replacing_them()
    {
        var sim = TestSets.Converged(TestSets.Web());
        var podUids = sim.Pods.Select(p => p.Uid).ToList();
        var revision = sim.UpdateRevision!.Name;
        sim.DeleteStatefulSet(DeletionPropagation.Orphan);
        sim.Tick();
        Assert.False(sim.Exists);
        Assert.All(sim.Pods, p => Assert.Empty(p.OwnerReferences));

        sim.Apply(TestSets.Web());
        var pass = sim.Reconcile();

        Assert.Equal(new[] { "web-0", "web-1", "web-2" }, pass.ActionsOf(ControllerActionKind.AdoptPod).Select(a => a.Target));
        Assert.Equal(revision, Assert.Single(pass.ActionsOf(ControllerActionKind.AdoptRevision)).Target);
        Assert.Empty(pass.ActionsOf(ControllerActionKind.CreateRevision));
        Assert.Empty(pass.ActionsOf(ControllerActionKind.CreatePod));
        Assert.Equal(podUids, sim.Pods.Select(p => p.Uid));
        Assert.All(sim.Pods, p => Assert.Equal(sim.StatefulSet!.Metadata!.Uid, Assert.Single(p.OwnerReferences).Uid));
        Assert.True(sim.RunUntilStable().Converged);
    }

    [Fact]
    public void B1_3_An_owned_pod_that_stops_matching_is_released_and_blocks_its_own_name()
    {
        var sim = TestSets.Converged(TestSets.Web());
        sim.Cluster.LabelPod(1, "app", "other");

        var pass = sim.Step();

        Assert.Equal("web-1", Assert.Single(pass.ActionsOf(ControllerActionKind.ReleasePod)).Target);
        Assert.Empty(sim.Pod(1).OwnerReferences);
        var create = Assert.Single(pass.ActionsOf(ControllerActionKind.CreatePod));
        Assert.Contains("already exists", create.Error);
        var stuck = sim.RunUntilStable();
        Assert.False(stuck.Converged);
        Assert.Contains("already exists", stuck.Explanation);

        sim.Cluster.LabelPod(1, "app", "web");
        var readopt = sim.Step();
        Assert.Equal("web-1", Assert.Single(readopt.ActionsOf(ControllerActionKind.AdoptPod)).Target);
        Assert.True(sim.RunUntilStable().Converged);
    }

    [Fact]
    public void B1_3_Pods_owned_by_another_controller_are_ignored()
    {
        var sim = StatefulSetSimulation.Create(TestSets.Web(replicas: 1));
        var foreign = new OwnerReference { ApiVersion = "apps/v1", Kind = "ReplicaSet", Name = "other", Uid = "uid-other", Controller = true };
        sim.Cluster.CreatePod("web-0", ValueMap.Of(("app", "web")), foreign);

        var pass = sim.Step();

        Assert.Empty(pass.ActionsOf(ControllerActionKind.AdoptPod));
        Assert.Contains("already exists", Assert.Single(pass.ActionsOf(ControllerActionKind.CreatePod)).Error);
        Assert.Equal("other", Assert.Single(sim.Pod(0).OwnerReferences).Name);
    }

    [Fact]
    public void B1_5_With_minReadySeconds_a_pass_asks_to_be_requeued_until_every_replica_is_available()
    {
        var sim = StatefulSetSimulation.Create(TestSets.Web(replicas: 1).WithMinReadySeconds(10));

        Assert.Equal(TimeSpan.FromSeconds(10), sim.Step().RequeueAfter);
        Assert.True(sim.RunUntilStable().Converged);
        Assert.Null(sim.Step().RequeueAfter);
    }
}
