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
        var entries = timeline.Entries;
        foreach (var ordinal in TimelineBars.Ordinals(timeline))
        {
            text.Append("    section pod ").Append(N(ordinal)).Append('\n');
            foreach (var bar in TimelineBars.Of(timeline, ordinal))
            {
                // A bar spans from its first pass to the pass that changed it (one past the last pass at the end).
                var to = bar.End < entries.Count ? entries[bar.End].Pass : entries[bar.End - 1].Pass + 1;
                Bar(text, bar.Pod, entries[bar.First].Pass, to);
            }
        }

        return text.ToString();
    }

    private static void Bar(StringBuilder text, TimelinePod pod, int from, int to)
    {
        if (to <= from)
        {
            return;
        }

        var tag = pod.State switch
        {
            "Ready" => "done, ",
            "NotReady" or "Failed" => "crit, ",
            "Pending" or "Terminating" or "Ready~" => "active, ",
            _ => string.Empty,
        };
        text.Append("    ").Append(pod.ToString().Replace("~", " (minReadySeconds)")).Append(" :").Append(tag).Append(N(from)).Append(", ").Append(N(to)).Append('\n');
    }

    private static string N(int value) => value.ToString(CultureInfo.InvariantCulture);
}
