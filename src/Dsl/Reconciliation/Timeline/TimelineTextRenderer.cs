using System.Globalization;
using System.Text;

namespace StatefulManifests.Reconciliation;

/// <summary>
/// Renders a <see cref="RolloutTimeline"/> as a text table: PASS, TIME, one column per pod, the status counters
/// (ready/desired, current, updated), the revisions (current→update), the writes, and why the pass stopped.
/// </summary>
internal static class TimelineTextRenderer
{
    public static string Render(RolloutTimeline timeline)
    {
        var ordinals = timeline.Entries.SelectMany(e => e.Pods).Select(p => p.Ordinal).Distinct().OrderBy(o => o).ToList();
        var podColumn = ordinals.ToDictionary(o => o, o => ordinals.IndexOf(o));
        var header = new List<string> { "PASS", "TIME" };
        header.AddRange(ordinals.Select(o => "#" + o.ToString(CultureInfo.InvariantCulture)));
        header.AddRange(new[] { "READY", "CUR", "UPD", "REV", "ACTIONS", "WHY" });

        var rows = new List<string[]> { header.ToArray() };
        var lines = new List<(string? Note, int Row)>();
        foreach (var entry in timeline.Entries)
        {
            foreach (var note in entry.Notes)
            {
                lines.Add((note, -1));
            }

            var cells = new string[ordinals.Count];
            for (var i = 0; i < cells.Length; i++)
            {
                cells[i] = "-";
            }

            foreach (var pod in entry.Pods)
            {
                cells[podColumn[pod.Ordinal]] = pod.ToString();
            }

            var row = new List<string> { N(entry.Pass), VirtualClock.FormatAge(entry.Elapsed) };
            row.AddRange(cells);
            row.Add(N(entry.ReadyReplicas) + "/" + N(entry.DesiredReplicas));
            row.Add(N(entry.CurrentReplicas));
            row.Add(N(entry.UpdatedReplicas));
            row.Add(entry.CurrentRevision + "->" + entry.UpdateRevision);
            row.Add(entry.Actions.Count == 0 ? "-" : string.Join(", ", entry.Actions));
            row.Add(entry.Reason);
            lines.Add((null, rows.Count));
            rows.Add(row.ToArray());
        }

        var table = TextTable.Render(rows).Split('\n');
        var text = new StringBuilder();
        text.Append(table[0]).Append('\n');
        foreach (var (note, row) in lines)
        {
            text.Append(note is null ? table[row] : "  > " + note).Append('\n');
        }

        foreach (var (label, revision) in timeline.Legend)
        {
            text.Append(label).Append(" = ").Append(revision.Name);
            if (revision.Image is { } image)
            {
                text.Append(" (").Append(image).Append(')');
            }

            text.Append('\n');
        }

        return text.ToString();
    }

    private static string N(int value) => value.ToString(CultureInfo.InvariantCulture);
}
