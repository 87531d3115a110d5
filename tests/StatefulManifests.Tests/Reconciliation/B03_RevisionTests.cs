using System.Text;
using StatefulManifests.Model;
using StatefulManifests.Reconciliation;

namespace StatefulManifests.Tests.Reconciliation;

/// <summary>Reference §B.3 (and §A.2 revision identity): revisions, rollback renumbering, collisions, history truncation.</summary>
public class B03_RevisionTests
{
    [Fact]
    public void A2_B3_The_revision_name_is_the_set_name_and_the_safe_encoded_FNV1_hash_of_the_template_and_collision_count()
    {
        var web = TestSets.Web();
        var sim = TestSets.Converged(web with { Metadata = web.Metadata! with { Annotations = ValueMap.Of(("team", "storefront")) } });
        var revision = Assert.Single(sim.Revisions);
        var template = StatefulSetDefaulting.ApplyToPodTemplate(TestSets.Web().Spec!.Template!);
        var data = RevisionData.Serialize(template);

        var expectedHash = SafeEncode(IndependentFnv1(Encoding.UTF8.GetBytes(data + "0")).ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal("web-" + expectedHash, revision.Name);
        Assert.Equal(data, revision.Data);
        Assert.Equal(1, revision.Revision);
        Assert.All(revision.Hash, c => Assert.Contains(c, "bcdfghjklmnpqrstvwxz2456789"));
        Assert.Equal(revision.Hash, revision.Labels[WellKnownLabels.RevisionHash]);
        Assert.Equal("web", revision.Labels["app"]);
        Assert.Equal(sim.StatefulSet!.Metadata!.Uid, Assert.Single(revision.OwnerReferences).Uid);
        Assert.Equal("storefront", revision.Annotations["team"]);
        Assert.All(sim.Pods, p => Assert.Equal(revision.Name, p.Labels[WellKnownLabels.ControllerRevisionHash]));
    }

    [Fact]
    public void A2_Revision_hash_helpers_match_known_values()
    {
        Assert.Equal(0x050c5d7eu, RevisionNaming.Fnv1(Encoding.ASCII.GetBytes("a")));
        Assert.Equal(2166136261u, RevisionNaming.Fnv1(Array.Empty<byte>()));
        Assert.Equal("456789bcdf", RevisionNaming.SafeEncode("0123456789"));
        Assert.Equal(new string('x', 223) + "-h", RevisionNaming.NameFromHash(new string('x', 300), "h"));
    }

    [Fact]
    public void B3_5_Only_template_changes_create_revisions()
    {
        var sim = TestSets.Converged(TestSets.Web());
        var generation = sim.Generation;

        sim.Apply(s => s.WithReplicas(4).WithPartition(1).WithMinReadySeconds(2).WithRevisionHistoryLimit(3)
            .WithRetentionPolicy(ClaimRetentionPolicy.Delete, ClaimRetentionPolicy.Retain).WithOrdinalsStart(0));
        Assert.True(sim.RunUntilStable().Converged);
        Assert.Equal(generation + 1, sim.Generation);
        Assert.Single(sim.Revisions);

        sim.Apply(s => s.WithTemplateAnnotation("note", "x"));
        sim.RunUntilStable();
        Assert.Equal(2, sim.Revisions.Count);
    }

    [Fact]
    public void B3_3_Reverting_to_an_identical_older_template_renumbers_that_revision_instead_of_creating_one()
    {
        var sim = TestSets.Converged(TestSets.Web());
        var a = sim.UpdateRevision!;
        sim.SetImage(TestSets.NextImage);
        sim.RunUntilStable();
        var b = sim.UpdateRevision!;

        sim.SetImage(TestSets.Image);
        var pass = sim.Reconcile();

        Assert.Empty(pass.ActionsOf(ControllerActionKind.CreateRevision));
        Assert.Equal(a.Name, Assert.Single(pass.ActionsOf(ControllerActionKind.RenumberRevision)).Target);
        Assert.Equal(a.Name, sim.UpdateRevision!.Name);
        Assert.Equal(3, sim.UpdateRevision.Revision);
        Assert.Equal(a.Uid, sim.UpdateRevision.Uid);
        Assert.Equal(new[] { b.Name, a.Name }, sim.Revisions.Select(r => r.Name));
        Assert.True(sim.RunUntilStable().Converged);
        Assert.All(sim.Pods, p => Assert.Equal(a.Name, p.Revision));
    }

    [Fact]
    public void B3_4_On_the_first_pass_currentRevision_is_the_update_revision()
    {
        var sim = StatefulSetSimulation.Create(TestSets.Web());

        var pass = sim.Reconcile();

        Assert.Equal(pass.UpdateRevision, pass.CurrentRevision);
        Assert.Equal(pass.UpdateRevision, sim.Status.CurrentRevision);
    }

    [Fact]
    public void B3_3_A_name_clash_with_different_data_bumps_collisionCount_and_rehashes()
    {
        var sim = TestSets.Converged(TestSets.Web());
        var next = TestSets.Web().WithImage(TestSets.NextImage);
        var data = RevisionData.Serialize(StatefulSetDefaulting.ApplyToPodTemplate(next.Spec!.Template!));
        sim.Cluster.PlantRevision(RevisionNaming.Name("web", data, 0));

        sim.SetImage(TestSets.NextImage);
        var pass = sim.Reconcile();

        Assert.Equal(RevisionNaming.Name("web", data, 1), Assert.Single(pass.ActionsOf(ControllerActionKind.CreateRevision)).Target);
        Assert.Equal(1, sim.Status.CollisionCount);
        Assert.True(sim.RunUntilStable().Converged);
        Assert.Equal(1, sim.Status.CollisionCount);
    }

    [Fact]
    public void B3_After_the_pass_history_beyond_revisionHistoryLimit_is_deleted_oldest_first()
    {
        var sim = TestSets.Converged(TestSets.Web().WithRevisionHistoryLimit(1));
        var names = new List<string> { sim.UpdateRevision!.Name };
        foreach (var image in new[] { "nginx:1", "nginx:2", "nginx:3" })
        {
            sim.SetImage(image);
            Assert.True(sim.RunUntilStable().Converged);
            names.Add(sim.UpdateRevision!.Name);
        }

        Assert.Equal(new[] { names[2], names[3] }, sim.Revisions.Select(r => r.Name));
        Assert.Equal(2, sim.Passes.SelectMany(p => p.ActionsOf(ControllerActionKind.DeleteRevision)).Count());
    }

    [Fact]
    public void B3_The_revision_that_was_current_when_a_rollout_completed_is_truncated_one_pass_later()
    {
        var sim = TestSets.Converged(TestSets.Web().WithRevisionHistoryLimit(0));
        var a = sim.UpdateRevision!.Name;
        sim.SetImage(TestSets.NextImage);

        sim.StepUntil(s => s.Status.CurrentRevision != a);
        Assert.Contains(a, sim.Revisions.Select(r => r.Name));

        var pass = sim.Step();
        Assert.Equal(a, Assert.Single(pass.ActionsOf(ControllerActionKind.DeleteRevision)).Target);
        Assert.Single(sim.Revisions);
    }

    [Fact]
    public void B3_A_negative_revisionHistoryLimit_never_truncates()
    {
        var sim = TestSets.Converged(TestSets.Web().WithRevisionHistoryLimit(-1));
        foreach (var image in new[] { "nginx:1", "nginx:2", "nginx:3" })
        {
            sim.SetImage(image);
            sim.RunUntilStable();
        }

        Assert.Equal(4, sim.Revisions.Count);
    }

    [Fact]
    public void B3_A_zero_revisionHistoryLimit_keeps_only_live_revisions_including_those_pods_still_run()
    {
        var sim = TestSets.Converged(TestSets.Web().WithRevisionHistoryLimit(0).WithPartition(2));
        var a = sim.UpdateRevision!.Name;
        sim.SetImage("nginx:1");
        sim.RunUntilStable();
        var b = sim.UpdateRevision!.Name;
        sim.SetImage("nginx:2");
        sim.RunUntilStable();
        var c = sim.UpdateRevision!.Name;

        Assert.Equal(new[] { a, c }, sim.Revisions.Select(r => r.Name));
        Assert.DoesNotContain(b, sim.Revisions.Select(r => r.Name));
        Assert.Equal(new[] { a, a, c }, sim.Pods.Select(p => p.Revision));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void A3_B3_3_Semantic_revision_comparison_decides_whether_a_differently_serialised_revision_restarts_the_rollout(bool gateOn)
    {
        var options = new SimulationOptions { FeatureGates = FeatureGates.Kubernetes136 with { StatefulSetSemanticRevisionComparison = gateOn } };
        var sim = TestSets.Converged(TestSets.Web(), options);
        var original = sim.UpdateRevision!.Name;

        // What an older API server might have stored: the same template, without today's defaults.
        sim.Cluster.OverwriteRevisionData(original, TestSets.Web().Spec!.Template!);
        var outcome = sim.RunUntilStable();

        Assert.True(outcome.Converged);
        if (gateOn)
        {
            Assert.Equal(original, sim.Status.UpdateRevision);
            Assert.Single(sim.Revisions);
            Assert.DoesNotContain(sim.Passes, p => p.ActionsOf(ControllerActionKind.DeletePod).Count > 0);
        }
        else
        {
            Assert.NotEqual(original, sim.Status.UpdateRevision);
            Assert.Equal(2, sim.Revisions.Count);
            Assert.Equal(3, sim.Passes.Sum(p => p.ActionsOf(ControllerActionKind.DeletePod).Count));
        }
    }

    private static uint IndependentFnv1(byte[] bytes)
    {
        var hash = 2166136261u;
        foreach (var b in bytes)
        {
            hash = unchecked(hash * 16777619u) ^ b;
        }

        return hash;
    }

    private static string SafeEncode(string s) => new(s.Select(c => "bcdfghjklmnpqrstvwxz2456789"[c % 27]).ToArray());
}
