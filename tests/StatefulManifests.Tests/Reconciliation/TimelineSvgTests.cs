using System.Globalization;
using System.Xml.Linq;
using StatefulManifests.Reconciliation;

namespace StatefulManifests.Tests.Reconciliation;

/// <summary>
/// The SVG timeline: well-formed, one bar per run of identical state laid out on the pass columns without gaps or
/// overlaps, the colour per revision and the fill per state, deterministic bytes in any culture. That a browser
/// draws it as described is checked with Chromium in the CLI tests.
/// </summary>
public class TimelineSvgTests
{
    private static readonly XNamespace Svg = "http://www.w3.org/2000/svg";

    [Fact]
    public void Each_pod_is_a_lane_of_bars_that_tile_the_passes_it_existed_in()
    {
        var sim = RollingUpdate();
        var bars = Bars(sim.Timeline.RenderSvg());

        foreach (var lane in bars.GroupBy(b => b.Ordinal))
        {
            var ordered = lane.OrderBy(b => b.X).ToList();
            for (var i = 1; i < ordered.Count; i++)
            {
                Assert.Equal(ordered[i - 1].X + ordered[i - 1].Width, ordered[i].X); // contiguous: a pod never vanishes mid-rollout here
                Assert.False(ordered[i - 1].Revision == ordered[i].Revision && ordered[i - 1].State == ordered[i].State, "adjacent bars must differ");
            }
        }

        var entries = sim.Timeline.Entries;
        var cell = bars.Single(b => b.Ordinal == 0 && b.First == entries[0].Pass).Width;
        Assert.All(bars, b => Assert.Equal((b.Last - b.First + 1) * cell, b.Width));
        Assert.Equal(new[] { 0, 1 }, bars.Select(b => b.Ordinal).Distinct().Order());
    }

    [Fact]
    public void Bars_follow_the_timeline_states_and_the_colour_names_the_revision()
    {
        var sim = RollingUpdate();
        var bars = Bars(sim.Timeline.RenderSvg());

        foreach (var bar in bars)
        {
            var rows = sim.Timeline.Entries.Where(e => e.Pass >= bar.First && e.Pass <= bar.Last).ToList();
            Assert.All(rows, row => Assert.Equal(new TimelinePod(bar.Ordinal, bar.Revision, bar.State), row.Pods.Single(p => p.Ordinal == bar.Ordinal)));
        }

        var colourA = bars.First(b => b.Revision == "A" && b.State == "Ready").Fill;
        var colourB = bars.First(b => b.Revision == "B" && b.State == "Ready").Fill;
        Assert.NotEqual(colourA, colourB);
        Assert.Equal("url(#terminating)", bars.First(b => b.State == "Terminating").Fill);
        Assert.Equal("#ffffff", bars.First(b => b.State == "Pending").Fill);
        Assert.Contains(bars, b => b.Revision == "A" && b.State == "Terminating");
    }

    [Fact]
    public void A_pod_that_never_becomes_ready_is_drawn_pale_and_the_key_says_so()
    {
        var sim = StatefulSetSimulation.Create(TestSets.Web(2), new SimulationOptions { TerminationTicks = 1 });
        sim.Faults.NeverReady(PodMatch.Ordinal(1));
        sim.RunUntilStable();
        var bars = Bars(sim.Timeline.RenderSvg());

        var notReady = bars.Single(b => b.Ordinal == 1 && b.State == "NotReady");
        Assert.Equal("0.25", notReady.Opacity);
        Assert.Contains("running, not Ready", sim.Timeline.RenderSvg(), StringComparison.Ordinal);
    }

    [Fact]
    public void The_picture_is_the_same_bytes_in_every_culture_and_names_the_revisions_in_its_legend()
    {
        var invariant = RollingUpdate().Timeline.RenderSvg();
        var saved = CultureInfo.CurrentCulture;
        try
        {
            CultureInfo.CurrentCulture = new CultureInfo("tr-TR") { NumberFormat = { NegativeSign = "−", NumberDecimalSeparator = "," } };
            Assert.Equal(invariant, RollingUpdate().Timeline.RenderSvg());
        }
        finally
        {
            CultureInfo.CurrentCulture = saved;
        }

        var legend = XDocument.Parse(invariant).Descendants(Svg + "text").Select(t => t.Value).ToList();
        var sim = RollingUpdate();
        Assert.Contains("A = " + sim.Timeline.Legend[0].Revision.Name + " (" + TestSets.Image + ")", legend);
        Assert.Contains("B = " + sim.Timeline.Legend[1].Revision.Name + " (" + TestSets.NextImage + ")", legend);
    }

    [Fact]
    public void A_long_run_keeps_the_picture_at_most_1300_pixels_wide()
    {
        var sim = StatefulSetSimulation.Create(TestSets.Web(1), new SimulationOptions { TerminationTicks = 1 });
        for (var i = 0; i < 30; i++)
        {
            sim.SetImage("nginx:1." + i.ToString(CultureInfo.InvariantCulture));
            sim.RunUntilStable();
        }

        var root = XDocument.Parse(sim.Timeline.RenderSvg()).Root!;
        Assert.True(sim.Timeline.Entries.Count > 100, "the scenario should be long");
        Assert.InRange(int.Parse(root.Attribute("width")!.Value, CultureInfo.InvariantCulture), 700, 1300);
    }

    private static StatefulSetSimulation RollingUpdate()
    {
        var sim = StatefulSetSimulation.Create(TestSets.Web(2), new SimulationOptions { TerminationTicks = 1 });
        sim.RunUntilStable();
        sim.SetImage(TestSets.NextImage);
        sim.RunUntilStable();
        return sim;
    }

    private static List<SvgBar> Bars(string svg) =>
        XDocument.Parse(svg).Descendants(Svg + "rect").Where(r => r.Attribute("data-state") is not null).Select(r =>
        {
            var passes = r.Attribute("data-passes")!.Value.Split('-');
            return new SvgBar(
                int.Parse(r.Attribute("data-ordinal")!.Value, CultureInfo.InvariantCulture),
                r.Attribute("data-revision")!.Value,
                r.Attribute("data-state")!.Value,
                int.Parse(passes[0], CultureInfo.InvariantCulture),
                int.Parse(passes[1], CultureInfo.InvariantCulture),
                int.Parse(r.Attribute("x")!.Value, CultureInfo.InvariantCulture),
                int.Parse(r.Attribute("width")!.Value, CultureInfo.InvariantCulture),
                r.Attribute("fill")!.Value,
                r.Attribute("fill-opacity")!.Value);
        }).ToList();

    private sealed record SvgBar(int Ordinal, string Revision, string State, int First, int Last, int X, int Width, string Fill, string Opacity);
}
