using System.Globalization;
using System.Text;

namespace StatefulManifests.Reconciliation;

/// <summary>
/// Renders a <see cref="RolloutTimeline"/> as a Mermaid Gantt chart: one section per pod, one bar per run of passes in
/// which the pod kept the same revision and state (x axis: pass number). Ready bars are <c>done</c>, NotReady and
/// Failed bars <c>crit</c>, Pending and Terminating bars <c>active</c>.
/// </summary>
internal static class TimelineMermaidRenderer
{
    public static string Render(RolloutTimeline timeline)
    {
        var text = new StringBuilder();
        text.Append("gantt\n");
        text.Append("    title StatefulSet rollout (x axis: controller pass)\n");
        text.Append("    dateFormat X\n");
        text.Append("    axisFormat %s\n");
        var ordinals = timeline.Entries.SelectMany(e => e.Pods).Select(p => p.Ordinal).Distinct().OrderBy(o => o);
        foreach (var ordinal in ordinals)
        {
            text.Append("    section pod ").Append(N(ordinal)).Append('\n');
            string? current = null;
            var start = 0;
            var last = 0;
            foreach (var entry in timeline.Entries)
            {
                var cell = entry.Pods.FirstOrDefault(p => p.Ordinal == ordinal)?.ToString();
                if (cell != current)
                {
                    Bar(text, current, start, entry.Pass);
                    current = cell;
                    start = entry.Pass;
                }

                last = entry.Pass;
            }

            Bar(text, current, start, last + 1);
        }

        return text.ToString();
    }

    private static void Bar(StringBuilder text, string? cell, int from, int to)
    {
        if (cell is null || to <= from)
        {
            return;
        }

        var state = cell.Substring(cell.IndexOf(' ') + 1);
        var tag = state switch
        {
            "Ready" => "done, ",
            "NotReady" or "Failed" => "crit, ",
            "Pending" or "Terminating" or "Ready~" => "active, ",
            _ => string.Empty,
        };
        text.Append("    ").Append(cell.Replace("~", " (minReadySeconds)")).Append(" :").Append(tag).Append(N(from)).Append(", ").Append(N(to)).Append('\n');
    }

    private static string N(int value) => value.ToString(CultureInfo.InvariantCulture);
}
