using StatefulManifests.Reconciliation;

namespace StatefulManifests.Tests.Reconciliation;

/// <summary>The rollout timeline renders as a readable text table (golden) and as Mermaid.</summary>
public class TimelineTests
{
    private const string Golden = """
        PASS   TIME   #0              #1              READY   CUR   UPD   REV
          > 0s: create statefulset web (replicas 2, OrderedReady, RollingUpdate, image nginx:1.25)
        1      0s     A Pending       -               0/2     0     0     A->A
               actions: new revision A, create claim data-web-0, create web-0 (A)
               why: created web-0; OrderedReady waits for it to be Running and Ready
        2      1s     A Ready         A Pending       1/2     1     1     A->A
               actions: create claim data-web-1, create web-1 (A)
               why: created web-1; OrderedReady waits for it to be Running and Ready
        3      2s     A Ready         A Ready         2/2     2     2     A->A
               why: every pod is on web-77bfffb69f
        4      3s     A Ready         A Ready         2/2     2     2     A->A
               why: every pod is on web-77bfffb69f
          > 4s: apply: template changed (image nginx:1.27) (generation 2)
        5      4s     A Ready         A Terminating   2/2     1     0     A->B
               actions: new revision B, delete web-1
               why: deleted web-1 to update it to web-54d89b77b9 (one pod per pass)
        6      5s     A Ready         A Terminating   2/2     1     0     A->B
               why: web-1 is terminating; OrderedReady waits for it to be gone
        7      6s     A Ready         B Pending       1/2     1     0     A->B
               actions: create web-1 (B)
               why: created web-1; OrderedReady waits for it to be Running and Ready
        8      7s     A Terminating   B Ready         2/2     0     1     A->B
               actions: delete web-0
               why: deleted web-0 to update it to web-54d89b77b9 (one pod per pass)
        9      8s     A Terminating   B Ready         2/2     0     1     A->B
               why: web-0 is terminating; OrderedReady waits for it to be gone
        10     9s     B Pending       B Ready         1/2     0     1     A->B
               actions: create web-0 (B)
               why: created web-0; OrderedReady waits for it to be Running and Ready
        11     10s    B Ready         B Ready         2/2     2     2     B->B
               why: every pod is on web-54d89b77b9
        12     11s    B Ready         B Ready         2/2     2     2     B->B
               why: every pod is on web-54d89b77b9
        A = web-77bfffb69f (nginx:1.25)
        B = web-54d89b77b9 (nginx:1.27)
        """ + "\n";

    [Fact]
    public void The_text_timeline_of_a_rolling_update_matches_the_golden_text()
    {
        var text = RollingUpdate().Timeline.RenderText();

        Assert.Equal(Golden, text);
    }

    [Fact]
    public void The_Mermaid_timeline_has_one_section_per_pod_and_one_bar_per_state()
    {
        var mermaid = RollingUpdate().Timeline.RenderMermaid();

        Assert.StartsWith("gantt\n", mermaid, StringComparison.Ordinal);
        Assert.Contains("dateFormat X", mermaid);
        Assert.Contains("    section pod 0\n    A Pending :active, 1, 2\n    A Ready :done, 2, ", mermaid);
        Assert.Contains("    section pod 1\n", mermaid);
        Assert.Contains("B Ready :done, ", mermaid);
        Assert.Contains("A Terminating :active, ", mermaid);
    }

    [Fact]
    public void Legend_and_labels_follow_the_order_revisions_appear_in()
    {
        var sim = RollingUpdate();

        Assert.Equal(new[] { "A", "B" }, sim.Timeline.Legend.Select(l => l.Label));
        Assert.Equal("B", sim.Timeline.LabelOf(sim.Status.UpdateRevision));
        Assert.Equal("?", sim.Timeline.LabelOf("unknown"));
    }

    [Fact]
    public void Recording_can_be_turned_off()
    {
        var sim = TestSets.Converged(TestSets.Web(), new SimulationOptions { RecordTimeline = false });

        Assert.Empty(sim.Timeline.Entries);
        Assert.NotEmpty(sim.Passes);
    }

    private static StatefulSetSimulation RollingUpdate()
    {
        var sim = StatefulSetSimulation.Create(TestSets.Web(2), new SimulationOptions { TerminationTicks = 1 });
        sim.RunUntilStable();
        sim.SetImage(TestSets.NextImage);
        sim.RunUntilStable();
        return sim;
    }
}
