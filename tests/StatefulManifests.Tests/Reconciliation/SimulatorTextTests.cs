using System.Globalization;
using System.Text.RegularExpressions;
using StatefulManifests.Model;
using StatefulManifests.Reconciliation;

namespace StatefulManifests.Tests.Reconciliation;

/// <summary>
/// The text the simulator shows users who do not have the project's internal reference: explanations cite Kubernetes
/// (no "§" paragraph numbers), timeline rows fit 120 columns, and folded events read as kubectl prints them.
/// </summary>
public class SimulatorTextTests
{
    private const int Width = 120;

    public static TheoryData<string> Scenarios() => new(ScenarioRuns.Keys);

    private static readonly IReadOnlyDictionary<string, Func<(StatefulSetSimulation Sim, List<string> Texts)>> ScenarioRuns =
        new Dictionary<string, Func<(StatefulSetSimulation, List<string>)>>
        {
            ["converged rolling update"] = () => Run(TestSets.Web(), sim => sim.SetImage(TestSets.NextImage)),
            ["stuck rollout (broken image)"] = () => Run(TestSets.Web(), sim =>
            {
                sim.Faults.NeverReady(PodMatch.Image(TestSets.BrokenImage));
                sim.SetImage(TestSets.BrokenImage);
            }),
            ["scale-down deadlock"] = () => Run(TestSets.Web(5), sim =>
            {
                sim.Faults.Fail(3);
                sim.Faults.Fail(4);
                sim.Scale(3);
            }),
            ["livelock (Parallel, nil rollingUpdate)"] = () => Run(TestSets.ParallelWeb(1).WithNilRollingUpdate(), sim =>
            {
                sim.DeletePod(0);
                sim.SetImage(TestSets.NextImage);
                sim.Step();
                sim.Step();
            }),
            ["OnDelete"] = () => Run(TestSets.Web().WithUpdateStrategy(UpdateStrategyType.OnDelete), sim => sim.SetImage(TestSets.NextImage)),
            ["OnDelete after one pod is replaced"] = () => Run(TestSets.Web().WithUpdateStrategy(UpdateStrategyType.OnDelete), sim =>
            {
                sim.SetImage(TestSets.NextImage);
                sim.DeletePod(2);
            }),
            ["partition"] = () => Run(TestSets.Web(), sim => sim.Apply(s => s.WithImage(TestSets.NextImage).WithPartition(2))),
            ["maxUnavailable without the v1.36 fix"] = () => Run(
                TestSets.ParallelWeb(4).WithMaxUnavailable(IntOrString.FromInt(2)),
                sim =>
                {
                    sim.Faults.CrashLoop(PodMatch.Image(TestSets.Image));
                    sim.DeletePod(3);
                    sim.DeletePod(2);
                    sim.SetImage(TestSets.NextImage);
                },
                TestSets.MaxUnavailableGateOn(new SimulationOptions { MaxUnavailableParallelFix = false })),
            ["lost node"] = () => Run(TestSets.Web(), sim =>
            {
                sim.Faults.LoseNode(sim.Pod(2).NodeName!);
                sim.SetImage(TestSets.NextImage);
            }),
            ["flapping readiness"] = () => Run(TestSets.Web(), sim => sim.Faults.FlappingReadiness(PodMatch.Ordinal(1))),
            ["crash loop and scale up"] = () => Run(TestSets.Web(2), sim =>
            {
                sim.Faults.Crash(0);
                sim.Scale(4);
            }),
            ["delete the set"] = () => Run(TestSets.Web(), sim => sim.DeleteStatefulSet()),
        };

    [Theory]
    [MemberData(nameof(Scenarios))]
    public void No_user_visible_simulator_text_cites_the_internal_reference(string scenario)
    {
        var (_, texts) = ScenarioRuns[scenario]();

        Assert.NotEmpty(texts);
        Assert.All(texts, text => Assert.DoesNotContain("§", text));
        Assert.All(texts, text => Assert.DoesNotContain("reference", text.Replace("owner reference", string.Empty, StringComparison.Ordinal), StringComparison.Ordinal));
    }

    [Fact]
    public void Explanations_cite_upstream_Kubernetes()
    {
        var stuck = ScenarioRuns["stuck rollout (broken image)"]().Sim.RunUntilStable();
        Assert.Contains("kubernetes#67250", stuck.Explanation);
        Assert.Contains("https://kubernetes.io/docs/concepts/workloads/controllers/statefulset/#forced-rollback", stuck.Explanation);
        Assert.Contains("processReplica in pkg/controller/statefulset/stateful_set_control.go", stuck.Explanation);

        var deadlock = ScenarioRuns["scale-down deadlock"]().Sim.RunUntilStable();
        Assert.Contains("processCondemned in pkg/controller/statefulset/stateful_set_control.go", deadlock.Explanation);
    }

    [Fact]
    public void Exception_messages_of_the_simulator_do_not_cite_the_internal_reference()
    {
        var messages = new List<string>();
        var sim = TestSets.Converged(TestSets.Web());
        sim.Faults.NeverReady(PodMatch.Image(TestSets.BrokenImage));
        sim.SetImage(TestSets.BrokenImage);
        messages.Add(Assert.Throws<SimulationDidNotConvergeException>(() => sim.RunUntilConverged()).Message);
        messages.Add(Assert.ThrowsAny<Exception>(() => sim.Scale(-1)).Message);
        messages.Add(Assert.ThrowsAny<Exception>(() => sim.Scale(StatefulSetSimulation.MaxReplicas + 1)).Message);
        messages.Add(Assert.ThrowsAny<Exception>(() => sim.Apply(s => s.WithReplicas(-2))).Message);
        messages.Add(Assert.ThrowsAny<Exception>(() => sim.Apply(s => s with { Spec = s.Spec! with { ServiceName = "other" } })).Message);
        messages.Add(Assert.ThrowsAny<Exception>(() => sim.RunUntilStable(-1)).Message);
        messages.Add(Assert.ThrowsAny<Exception>(() => sim.DeleteStatefulSet((DeletionPropagation)42)).Message);
        var foreign = TestSets.Web() with { Spec = TestSets.Web().Spec! with { Selector = new LabelSelector { MatchLabels = ValueMap.Of(("app", "other")) } } };
        messages.Add(Assert.ThrowsAny<Exception>(() => StatefulSetSimulation.Create(foreign, new SimulationOptions { Validate = false })).Message);
        messages.Add(Assert.ThrowsAny<Exception>(() => StatefulSetSimulation.Create(foreign)).Message);

        Assert.All(messages, m => Assert.DoesNotContain("§", m));
    }

    [Theory]
    [InlineData(1, PodManagementPolicy.OrderedReady)]
    [InlineData(3, PodManagementPolicy.OrderedReady)]
    [InlineData(8, PodManagementPolicy.Parallel)]
    [InlineData(20, PodManagementPolicy.Parallel)]
    [InlineData(RolloutTimeline.MaxDrawnPods, PodManagementPolicy.Parallel)]
    [InlineData(RolloutTimeline.MaxDrawnPods + 1, PodManagementPolicy.Parallel)]
    public void Timeline_rows_fit_120_columns_for_any_set_size(int replicas, PodManagementPolicy policy)
    {
        var name = "a-statefulset-with-a-rather-long-name-for-the-test";
        var set = TestSets.Web(replicas, policy) with { Metadata = new ObjectMeta { Name = name } };
        var sim = StatefulSetSimulation.Create(set, new SimulationOptions { TerminationTicks = 1 });
        sim.RunUntilStable();
        sim.SetImage("registry.example.com/some-team/a-very-long-image-repository-name-that-goes-on-and-on:1.27.3-with-a-build-suffix-0123456789abcdef");
        sim.RunUntilStable();

        var text = sim.Timeline.RenderText();
        var lines = text.TrimEnd('\n').Split('\n');

        Assert.All(lines, line => Assert.True(line.Length <= Width, "line of " + line.Length.ToString(CultureInfo.InvariantCulture) + " columns: " + line));

        // Nothing is lost: every reason, action and legend entry is still there once the wrapping is undone.
        var joined = Regex.Replace(text, @"\s+", " ");
        foreach (var entry in sim.Timeline.Entries)
        {
            Assert.Contains(Regex.Replace(entry.Reason, @"\s+", " "), joined);
            Assert.All(entry.Actions, a => Assert.Contains(a, joined));
            var podColumns = lines[0].Contains("#0", StringComparison.Ordinal);
            Assert.All(entry.Pods, p => Assert.Contains(podColumns ? p.ToString() : "#" + p.Ordinal.ToString(CultureInfo.InvariantCulture) + " " + p, joined));
        }

        Assert.All(sim.Timeline.Legend, l => Assert.Contains(l.Revision.Name, joined));
        Assert.Equal(text, sim.Timeline.RenderText());
    }

    [Fact]
    public void Over_is_never_less_than_the_age_shown_in_any_folded_event()
    {
        foreach (var run in ScenarioRuns.Values)
        {
            var (sim, _) = run();
            foreach (var line in sim.Events.Render().Split('\n'))
            {
                var match = Regex.Match(line, @"^(\S+) \(x\d+ over (\S+)\)");
                if (match.Success)
                {
                    Assert.True(Seconds(match.Groups[2].Value) >= Seconds(match.Groups[1].Value), line);
                }
            }
        }
    }

    private static long Seconds(string age)
    {
        long total = 0, number = 0;
        foreach (var c in age)
        {
            if (char.IsDigit(c))
            {
                number = number * 10 + (c - '0');
                continue;
            }

            total += number * (c == 'h' ? 3600 : c == 'm' ? 60 : 1);
            number = 0;
        }

        return total;
    }

    private static (StatefulSetSimulation, List<string>) Run(StatefulSet set, Action<StatefulSetSimulation> act, SimulationOptions? options = null)
    {
        var sim = StatefulSetSimulation.Create(set, TestSets.HeadlessService(), options ?? new SimulationOptions { TerminationTicks = 1 });
        var texts = new List<string> { sim.RunUntilStable().Explanation };
        act(sim);
        var outcome = sim.RunUntilStable();
        texts.Add(outcome.Explanation);
        texts.AddRange(outcome.Problems);
        texts.Add(sim.Timeline.RenderText());
        texts.Add(sim.Timeline.RenderMermaid());
        texts.Add(sim.Events.Render());
        texts.AddRange(sim.Events.Select(e => e.Message));
        texts.AddRange(sim.Passes.Select(p => p.ToString()));
        texts.AddRange(sim.Passes.Select(p => p.Reason));
        texts.AddRange(sim.Passes.Where(p => p.Error is not null).Select(p => p.Error!));
        texts.Add(sim.DescribePods());
        return (sim, texts);
    }
}
