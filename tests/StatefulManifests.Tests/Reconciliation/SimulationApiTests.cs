using System.Globalization;
using StatefulManifests.Model;
using StatefulManifests.Reconciliation;

namespace StatefulManifests.Tests.Reconciliation;

/// <summary>The public test API: forking, determinism, culture independence, failure reporting.</summary>
public class SimulationApiTests
{
    [Fact]
    public void The_same_scenario_gives_the_same_bytes_every_time()
    {
        Assert.Equal(Scenario(), Scenario());
    }

    [Fact]
    public void The_output_does_not_depend_on_the_current_culture()
    {
        var invariant = Scenario();
        var saved = CultureInfo.CurrentCulture;
        try
        {
            CultureInfo.CurrentCulture = new CultureInfo("tr-TR");
            CultureInfo.CurrentUICulture = new CultureInfo("tr-TR");
            Assert.Equal(invariant, Scenario());
        }
        finally
        {
            CultureInfo.CurrentCulture = saved;
            CultureInfo.CurrentUICulture = saved;
        }
    }

    [Fact]
    public void A_fork_is_independent_and_replays_identically()
    {
        var sim = TestSets.Converged(TestSets.Web());
        var fork = sim.Fork();

        fork.SetImage(TestSets.NextImage);
        fork.RunUntilStable();

        Assert.All(sim.Pods, p => Assert.Equal(TestSets.Image, p.Image));
        Assert.All(fork.Pods, p => Assert.Equal(TestSets.NextImage, p.Image));
        Assert.NotEqual(sim.Clock.Now, fork.Clock.Now);

        var again = sim.Fork();
        again.SetImage(TestSets.NextImage);
        again.RunUntilStable();
        Assert.Equal(fork.Timeline.RenderText(), again.Timeline.RenderText());
        Assert.Equal(fork.Events.Render(), again.Events.Render());
    }

    [Fact]
    public void RunUntilConverged_throws_with_the_explanation_and_the_timeline()
    {
        var sim = TestSets.Converged(TestSets.Web());
        sim.Faults.NeverReady(PodMatch.Image(TestSets.BrokenImage));
        sim.SetImage(TestSets.BrokenImage);

        var error = Assert.Throws<SimulationDidNotConvergeException>(() => sim.RunUntilConverged());

        Assert.Contains("kubernetes#67250", error.Message);
        Assert.Contains("PASS   TIME", error.Message);
        Assert.False(error.Report!.Converged);
    }

    [Fact]
    public void StepUntil_returns_the_steps_taken_or_throws()
    {
        var sim = StatefulSetSimulation.Create(TestSets.Web());

        Assert.Equal(3, sim.StepUntil(s => s.Pods.Count == 3));
        Assert.Throws<SimulationDidNotConvergeException>(() => sim.StepUntil(s => s.Pods.Count == 4, maxSteps: 5));
    }

    [Fact]
    public void PassHistoryLimit_keeps_only_the_latest_pass_reports()
    {
        var sim = TestSets.Converged(TestSets.Web(), new SimulationOptions { PassHistoryLimit = 3 });
        sim.Step(5);

        Assert.Equal(3, sim.Passes.Count);
        Assert.Equal(sim.PassCount, sim.LastPass!.Number);
        Assert.Equal(sim.PassCount - 2, sim.Passes[0].Number);
    }

    [Fact]
    public void Queries_explain_what_is_missing()
    {
        var sim = TestSets.Converged(TestSets.Web());

        var pod = Assert.Throws<InvalidOperationException>(() => sim.Pod(7));
        Assert.Equal("there is no pod web-7; pods: web-0, web-1, web-2", pod.Message);
        var claim = Assert.Throws<InvalidOperationException>(() => sim.Claim("logs", 0));
        Assert.Contains("there is no claim logs-web-0; claims: data-web-0, data-web-1, data-web-2", claim.Message);
        Assert.Null(sim.FindPod(7));
        Assert.Equal(sim.UpdateRevision, sim.RevisionOf(1));
    }

    [Fact]
    public void DescribePods_lists_pods_like_kubectl()
    {
        var sim = TestSets.Converged(TestSets.Web(1));

        var lines = sim.DescribePods().TrimEnd('\n').Split('\n');

        Assert.Equal(2, lines.Length);
        Assert.StartsWith("NAME    READY   STATUS    RESTARTS   AGE", lines[0], StringComparison.Ordinal);
        Assert.StartsWith("web-0   1/1     Running   0", lines[1], StringComparison.Ordinal);
    }

    [Fact]
    public void The_guide_example_works_as_written()
    {
        // docs/reconciliation.md, "A first test".
        var web = TestSets.Web();
        var sim = StatefulSetSimulation.Create(web);
        sim.RunUntilConverged();

        sim.Faults.NeverReady(PodMatch.Image("nginx:broken"));
        sim.SetImage("nginx:broken");
        var outcome = sim.RunUntilStable();
        Assert.False(outcome.Converged);
        Assert.Equal("web-2", sim.LastPass!.BlockingPod);

        sim.SetImage("nginx:1.25");
        sim.DeletePod(2);
        sim.RunUntilConverged();
        Assert.All(sim.Pods, p => Assert.Equal("nginx:1.25", p.Image));
    }

    private static string Scenario()
    {
        var sim = StatefulSetSimulation.Create(TestSets.Web(4).WithRetentionPolicy(ClaimRetentionPolicy.Delete, ClaimRetentionPolicy.Delete).WithMinReadySeconds(5), TestSets.HeadlessService());
        sim.RunUntilStable();
        sim.Faults.NeverReady(PodMatch.Image(TestSets.BrokenImage));
        sim.SetImage(TestSets.BrokenImage);
        sim.RunUntilStable();
        sim.SetImage(TestSets.NextImage);
        sim.DeletePod(3);
        sim.Scale(2);
        sim.RunUntilStable();
        return sim.Timeline.RenderText() + sim.Timeline.RenderMermaid() + sim.Events.Render() + sim.DescribePods() + sim.Dns.Render() +
               string.Join("\n", sim.Claims) + string.Join("\n", sim.Revisions) + sim.RunUntilStable().Explanation;
    }
}
