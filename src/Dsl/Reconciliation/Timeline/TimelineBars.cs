namespace StatefulManifests.Reconciliation;

/// <summary>One bar of a chart: a run of consecutive timeline rows in which one pod kept the same revision and state.</summary>
/// <param name="Pod">The pod's revision and state throughout the run.</param>
/// <param name="First">The index of the run's first row in <see cref="RolloutTimeline.Entries"/>.</param>
/// <param name="End">The index just after the run's last row.</param>
internal readonly record struct TimelineBar(TimelinePod Pod, int First, int End);

/// <summary>The pods of a timeline as bars, the shape the chart renderers (Mermaid, SVG) draw.</summary>
internal static class TimelineBars
{
    /// <summary>Every ordinal that appears in any row, in order.</summary>
    public static IReadOnlyList<int> Ordinals(RolloutTimeline timeline) =>
        timeline.Entries.SelectMany(e => e.Pods).Select(p => p.Ordinal).Distinct().OrderBy(o => o).ToList();

    /// <summary>The bars of the pod with <paramref name="ordinal"/>; rows where it does not exist are gaps.</summary>
    public static IEnumerable<TimelineBar> Of(RolloutTimeline timeline, int ordinal)
    {
        TimelinePod? current = null;
        var start = 0;
        for (var i = 0; i < timeline.Entries.Count; i++)
        {
            var pod = timeline.Entries[i].Pods.FirstOrDefault(p => p.Ordinal == ordinal);
            if (pod == current)
            {
                continue;
            }

            if (current is not null)
            {
                yield return new TimelineBar(current, start, i);
            }

            current = pod;
            start = i;
        }

        if (current is not null)
        {
            yield return new TimelineBar(current, start, timeline.Entries.Count);
        }
    }
}
