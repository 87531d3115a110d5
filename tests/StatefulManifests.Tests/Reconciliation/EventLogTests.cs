using StatefulManifests.Reconciliation;

namespace StatefulManifests.Tests.Reconciliation;

/// <summary>The event log in the style of <c>kubectl get events</c>.</summary>
public class EventLogTests
{
    [Fact]
    public void The_controller_records_the_real_reasons_and_messages_on_the_set()
    {
        var sim = TestSets.Converged(TestSets.Web(1));
        sim.Scale(0);
        sim.RunUntilStable();

        Assert.Equal(new[] { "SuccessfulCreate", "SuccessfulCreate", "Scheduled", "Started", "SuccessfulDelete", "Killing" }, sim.Events.Select(e => e.Reason));
        Assert.Equal("create Claim data-web-0 Pod web-0 in StatefulSet web success", sim.Events[0].Message);
        Assert.Equal("create Pod web-0 in StatefulSet web successful", sim.Events[1].Message);
        Assert.Equal("statefulset/web", sim.Events[1].Object);
        Assert.Equal("delete Pod web-0 in StatefulSet web successful", sim.Events.WithReason("SuccessfulDelete")[0].Message);
        Assert.All(sim.Events.About("web-0"), e => Assert.Equal("pod/web-0", e.Object));
    }

    [Fact]
    public void Render_prints_a_kubectl_style_table_and_folds_repeats()
    {
        var sim = TestSets.Converged(TestSets.Web(1));
        sim.Faults.Crash(0);
        sim.Step(2);
        sim.Faults.Crash(0);
        sim.Step(2);
        sim.Step(3);

        var lines = sim.Events.Render().TrimEnd('\n').Split('\n');

        Assert.StartsWith("LAST SEEN", lines[0], StringComparison.Ordinal);
        Assert.Contains("REASON", lines[0]);
        // kubectl: "<age of the last> (x<count> over <age of the first>)", both measured back from now.
        var backOffs = sim.Events.WithReason("BackOff");
        Assert.Equal(2, backOffs.Count);
        var over = (int)(sim.Clock.Now - backOffs[0].Time).TotalSeconds;
        var age = (int)(sim.Clock.Now - backOffs[1].Time).TotalSeconds;
        Assert.True(over > age);
        Assert.Contains(lines, l => l.StartsWith(age + "s (x2 over " + over + "s)", StringComparison.Ordinal) && l.Contains("BackOff"));
    }
}
