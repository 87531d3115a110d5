using System.Globalization;
using System.Text;

namespace StatefulManifests.Reconciliation;

/// <summary>
/// Renders a <see cref="RolloutTimeline"/> as a standalone SVG picture: one lane per pod, one column per controller
/// pass (the virtual time is labelled under the axis), one bar per run of identical revision and state. The colour
/// says the revision (a colour-blind-safe palette, in legend order); the fill says readiness: solid when Ready,
/// lighter inside minReadySeconds, pale with a coloured outline when running but not Ready, dashed outline while
/// Pending, hatched while Terminating, a dark red outline when Failed (a key under the legend shows each). Every bar has a tooltip and
/// <c>data-</c> attributes (ordinal, revision, state, passes) so tools and tests can find it.
/// </summary>
internal static class TimelineSvgRenderer
{
    /// <summary>Okabe–Ito colours: distinguishable with the common colour-vision deficiencies.</summary>
    internal static readonly string[] RevisionColours = { "#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442", "#000000" };

    internal const int LaneHeight = 24;
    internal const int BarHeight = 16;
    internal const int LabelWidth = 80;
    internal const int Top = 40;
    private const int MaxChartWidth = 1200;
    private const int KeyColumn = 230;

    private static readonly (string State, string Meaning)[] StateKey =
    {
        ("Ready", "Ready"), ("Ready~", "Ready, inside minReadySeconds"), ("NotReady", "running, not Ready"),
        ("Pending", "Pending"), ("Terminating", "Terminating"), ("Failed", "Failed"),
    };
    private const int Right = 20;

    public static string Render(RolloutTimeline timeline)
    {
        var entries = timeline.Entries;
        var ordinals = TimelineBars.Ordinals(timeline);
        var columns = Math.Max(1, entries.Count);
        var cell = Math.Max(2, Math.Min(24, MaxChartWidth / columns));
        var chartWidth = cell * columns;
        var axisY = Top + (ordinals.Count * LaneHeight) + 4;
        var legendY = axisY + 36;
        var legendLines = timeline.Legend.Count + 2;
        var width = Math.Max(LabelWidth + chartWidth, LabelWidth + (3 * KeyColumn)) + Right;
        var height = legendY + (legendLines * 18) + 10;

        var svg = new StringBuilder();
        svg.Append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"").Append(N(width)).Append("\" height=\"").Append(N(height))
            .Append("\" viewBox=\"0 0 ").Append(N(width)).Append(' ').Append(N(height)).Append("\" font-family=\"sans-serif\" font-size=\"12\">\n");
        svg.Append("  <title>StatefulSet rollout: pods by controller pass</title>\n");
        svg.Append("  <defs>\n    <pattern id=\"terminating\" width=\"6\" height=\"6\" patternUnits=\"userSpaceOnUse\" patternTransform=\"rotate(45)\">")
            .Append("<rect width=\"6\" height=\"6\" fill=\"#ffffff\"/><line x1=\"0\" y1=\"0\" x2=\"0\" y2=\"6\" stroke=\"#777777\" stroke-width=\"3\"/></pattern>\n  </defs>\n");
        svg.Append("  <rect width=\"100%\" height=\"100%\" fill=\"#ffffff\"/>\n");
        svg.Append("  <text x=\"").Append(N(LabelWidth)).Append("\" y=\"20\" font-size=\"14\" font-weight=\"bold\">StatefulSet rollout</text>\n");

        for (var lane = 0; lane < ordinals.Count; lane++)
        {
            var y = Top + (lane * LaneHeight);
            svg.Append("  <text x=\"").Append(N(LabelWidth - 8)).Append("\" y=\"").Append(N(y + 12)).Append("\" text-anchor=\"end\">pod ")
                .Append(N(ordinals[lane])).Append("</text>\n");
            foreach (var bar in TimelineBars.Of(timeline, ordinals[lane]))
            {
                Bar(svg, timeline, bar, ordinals[lane], LabelWidth + (bar.First * cell), y, (bar.End - bar.First) * cell);
            }
        }

        Axis(svg, entries, cell, axisY);
        Legend(svg, timeline, legendY);
        svg.Append("</svg>\n");
        return svg.ToString();
    }

    /// <summary>The colour of revision <paramref name="label"/>: its position in the legend, cycling through the palette.</summary>
    internal static string ColourOf(RolloutTimeline timeline, string label)
    {
        var index = 0;
        while (index < timeline.Legend.Count && timeline.Legend[index].Label != label)
        {
            index++;
        }

        return index < timeline.Legend.Count ? RevisionColours[index % RevisionColours.Length] : "#999999";
    }

    private static void Bar(StringBuilder svg, RolloutTimeline timeline, TimelineBar bar, int ordinal, int x, int laneTop, int width)
    {
        var first = timeline.Entries[bar.First];
        var last = timeline.Entries[bar.End - 1];
        svg.Append("  ");
        StyledRect(svg, x, laneTop + ((LaneHeight - BarHeight) / 2), width, BarHeight, bar.Pod.State, ColourOf(timeline, bar.Pod.Revision));
        svg.Append(" data-ordinal=\"").Append(N(ordinal)).Append("\" data-revision=\"").Append(Xml(bar.Pod.Revision)).Append("\" data-state=\"")
            .Append(Xml(bar.Pod.State)).Append("\" data-passes=\"").Append(N(first.Pass)).Append('-').Append(N(last.Pass)).Append("\">");
        svg.Append("<title>pod ").Append(N(ordinal)).Append(": revision ").Append(Xml(bar.Pod.Revision)).Append(' ').Append(Xml(StateName(bar.Pod.State)))
            .Append(", passes ").Append(N(first.Pass)).Append('–').Append(N(last.Pass)).Append(" (").Append(Seconds(first.Elapsed)).Append('–')
            .Append(Seconds(last.Elapsed)).Append(")</title></rect>\n");
    }

    /// <summary>An open <c>rect</c> element drawn the way <paramref name="state"/> looks in <paramref name="colour"/> (the caller closes it).</summary>
    private static void StyledRect(StringBuilder svg, int x, int y, int width, int height, string state, string colour)
    {
        var (fill, opacity, stroke, dash) = state switch
        {
            "Ready" => (colour, "1", colour, null),
            "Ready~" => (colour, "0.6", colour, null),
            "Pending" => ("#ffffff", "1", colour, "3 2"),
            "Terminating" => ("url(#terminating)", "1", colour, null),
            "Failed" => (colour, "0.25", "#8b0000", null),
            _ => (colour, "0.25", colour, (string?)null),
        };
        svg.Append("<rect x=\"").Append(N(x)).Append("\" y=\"").Append(N(y)).Append("\" width=\"").Append(N(width)).Append("\" height=\"").Append(N(height))
            .Append("\" fill=\"").Append(fill).Append("\" fill-opacity=\"").Append(opacity).Append("\" stroke=\"").Append(stroke)
            .Append("\" stroke-width=\"").Append(state == "Failed" ? "2" : "1").Append('"');
        if (dash is not null)
        {
            svg.Append(" stroke-dasharray=\"").Append(dash).Append('"');
        }
    }

    /// <summary>A tick per pass when they fit, otherwise about every 60 pixels; pass number above the virtual time.</summary>
    private static void Axis(StringBuilder svg, IReadOnlyList<TimelineEntry> entries, int cell, int y)
    {
        svg.Append("  <line x1=\"").Append(N(LabelWidth)).Append("\" y1=\"").Append(N(y)).Append("\" x2=\"").Append(N(LabelWidth + (cell * Math.Max(1, entries.Count))))
            .Append("\" y2=\"").Append(N(y)).Append("\" stroke=\"#333333\"/>\n");
        var every = Math.Max(1, (60 + cell - 1) / cell);
        for (var i = 0; i < entries.Count; i += every)
        {
            var x = LabelWidth + (i * cell) + (cell / 2);
            svg.Append("  <text x=\"").Append(N(x)).Append("\" y=\"").Append(N(y + 13)).Append("\" text-anchor=\"middle\" font-size=\"10\">").Append(N(entries[i].Pass))
                .Append("</text><text x=\"").Append(N(x)).Append("\" y=\"").Append(N(y + 25)).Append("\" text-anchor=\"middle\" font-size=\"10\" fill=\"#555555\">")
                .Append(Seconds(entries[i].Elapsed)).Append("</text>\n");
        }

        svg.Append("  <text x=\"").Append(N(LabelWidth - 8)).Append("\" y=\"").Append(N(y + 13)).Append("\" text-anchor=\"end\" font-size=\"10\">pass</text>")
            .Append("<text x=\"").Append(N(LabelWidth - 8)).Append("\" y=\"").Append(N(y + 25)).Append("\" text-anchor=\"end\" font-size=\"10\" fill=\"#555555\">time</text>\n");
    }

    private static void Legend(StringBuilder svg, RolloutTimeline timeline, int y)
    {
        for (var i = 0; i < timeline.Legend.Count; i++)
        {
            var (label, revision) = timeline.Legend[i];
            var lineY = y + (i * 18);
            svg.Append("  <rect x=\"").Append(N(LabelWidth)).Append("\" y=\"").Append(N(lineY)).Append("\" width=\"12\" height=\"12\" fill=\"")
                .Append(RevisionColours[i % RevisionColours.Length]).Append("\"/><text x=\"").Append(N(LabelWidth + 18)).Append("\" y=\"").Append(N(lineY + 10)).Append("\">")
                .Append(Xml(label)).Append(" = ").Append(Xml(revision.Name)).Append(revision.Image is { } image ? " (" + Xml(image) + ")" : string.Empty).Append("</text>\n");
        }

        // The state key: each state drawn as the bars draw it, three to a row.
        var keyY = y + (timeline.Legend.Count * 18) + 4;
        for (var i = 0; i < StateKey.Length; i++)
        {
            var x = LabelWidth + ((i % 3) * KeyColumn);
            var rowY = keyY + ((i / 3) * 18);
            svg.Append("  ");
            StyledRect(svg, x, rowY, 24, 12, StateKey[i].State, RevisionColours[0]);
            svg.Append("/><text x=\"").Append(N(x + 30)).Append("\" y=\"").Append(N(rowY + 10)).Append("\" fill=\"#555555\">").Append(StateKey[i].Meaning).Append("</text>\n");
        }
    }

    private static string StateName(string state) => state == "Ready~" ? "Ready (inside minReadySeconds)" : state;

    private static string Seconds(TimeSpan elapsed) => ((long)elapsed.TotalSeconds).ToString(CultureInfo.InvariantCulture) + "s";

    private static string N(int value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>XML text: markup characters escaped, characters XML cannot hold (controls, lone surrogates) replaced by U+FFFD.</summary>
    private static string Xml(string text)
    {
        var output = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                output.Append(c).Append(text[++i]);
                continue;
            }

            output.Append(c switch
            {
                '&' => "&amp;",
                '<' => "&lt;",
                '>' => "&gt;",
                '"' => "&quot;",
                '\t' or '\n' or '\r' => c.ToString(),
                _ when c < ' ' || char.IsSurrogate(c) || c == '\uFFFE' || c == '\uFFFF' => "\uFFFD",
                _ => c.ToString(),
            });
        }

        return output.ToString();
    }
}
