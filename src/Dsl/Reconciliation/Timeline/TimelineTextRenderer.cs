using System.Globalization;
using System.Text;

namespace StatefulManifests.Reconciliation;

/// <summary>
/// Renders a <see cref="RolloutTimeline"/> as text no wider than <see cref="Width"/> columns: PASS, TIME, one column
/// per pod, the status counters (ready/desired, current, updated), the revisions (current→update), the writes, and why
/// the pass stopped. The layout is chosen deterministically from the content: one table row per pass when everything
/// fits; otherwise the writes (when there are any) and the reason go on indented lines under the row; with too many pods for columns, the
/// pods go there too. Long notes, cells and legend lines wrap at spaces (a word longer than the width is cut).
/// </summary>
internal static class TimelineTextRenderer
{
    /// <summary>The widest line the renderer produces (a terminal or CI log of 120 columns shows it unwrapped).</summary>
    public const int Width = 120;

    private const string Detail = "       ";

    public static string Render(RolloutTimeline timeline)
    {
        var ordinals = timeline.Entries.SelectMany(e => e.Pods).Select(p => p.Ordinal).Distinct().OrderBy(o => o).ToList();
        var text = new StringBuilder();
        if (!TryTable(timeline, ordinals, podColumns: true, detailLines: false, text)
            && !TryTable(timeline, ordinals, podColumns: true, detailLines: true, text))
        {
            TryTable(timeline, ordinals, podColumns: false, detailLines: true, text);
        }

        foreach (var (label, revision) in timeline.Legend)
        {
            var line = label + " = " + revision.Name + (revision.Image is { } image ? " (" + image + ")" : string.Empty);
            Wrap(text, line, string.Empty, "    ");
        }

        return text.ToString();
    }

    /// <summary>
    /// Writes the timeline in one layout; false (and nothing written) when a table row would be wider than
    /// <see cref="Width"/>. With <paramref name="podColumns"/> false the table row never exceeds the width.
    /// </summary>
    private static bool TryTable(RolloutTimeline timeline, IReadOnlyList<int> ordinals, bool podColumns, bool detailLines, StringBuilder output)
    {
        var podColumn = new Dictionary<int, int>();
        for (var i = 0; i < ordinals.Count; i++)
        {
            podColumn[ordinals[i]] = i;
        }

        var header = new List<string> { "PASS", "TIME" };
        if (podColumns)
        {
            header.AddRange(ordinals.Select(o => "#" + N(o)));
        }

        header.AddRange(new[] { "READY", "CUR", "UPD", "REV" });
        if (!detailLines)
        {
            header.AddRange(new[] { "ACTIONS", "WHY" });
        }

        var rows = new List<string[]> { header.ToArray() };
        foreach (var entry in timeline.Entries)
        {
            var row = new List<string> { N(entry.Pass), VirtualClock.FormatAge(entry.Elapsed) };
            if (podColumns)
            {
                var cells = Enumerable.Repeat("-", ordinals.Count).ToArray();
                foreach (var pod in entry.Pods)
                {
                    cells[podColumn[pod.Ordinal]] = pod.ToString();
                }

                row.AddRange(cells);
            }

            row.Add(N(entry.ReadyReplicas) + "/" + N(entry.DesiredReplicas));
            row.Add(N(entry.CurrentReplicas));
            row.Add(N(entry.UpdatedReplicas));
            row.Add(entry.CurrentRevision + "->" + entry.UpdateRevision);
            if (!detailLines)
            {
                row.Add(Actions(entry));
                row.Add(entry.Reason);
            }

            rows.Add(row.ToArray());
        }

        var table = TextTable.Render(rows).TrimEnd('\n').Split('\n');
        if (podColumns && table.Any(line => line.Length > Width))
        {
            return false;
        }

        var text = new StringBuilder();
        Wrap(text, table[0], string.Empty, Detail);
        var at = 1;
        foreach (var entry in timeline.Entries)
        {
            foreach (var note in entry.Notes)
            {
                Wrap(text, note, "  > ", "      ");
            }

            Wrap(text, table[at++], string.Empty, Detail);
            if (detailLines)
            {
                if (!podColumns && entry.Pods.Count > 0)
                {
                    Wrap(text, Items("pods:", entry.Pods.Select(p => "#" + N(p.Ordinal) + " " + p)), Detail, Detail + "      ");
                }

                if (entry.Actions.Count > 0)
                {
                    Wrap(text, Items("actions:", entry.Actions), Detail, Detail + "         ");
                }

                Wrap(text, "why: " + entry.Reason, Detail, Detail + "     ");
            }
        }

        output.Append(text);
        return true;
    }

    private static string Actions(TimelineEntry entry) => entry.Actions.Count == 0 ? "-" : string.Join(", ", entry.Actions);

    /// <summary>
    /// The words of a comma-separated list whose items stay whole on a line: <c>label</c>, then <c>item,</c> … <c>item</c>
    /// (an item's inner spaces are kept, so <c>#7 A Pending</c> never breaks between its parts).
    /// </summary>
    private static IEnumerable<string> Items(string label, IEnumerable<string> items)
    {
        var list = items.ToList();
        yield return label;
        for (var i = 0; i < list.Count; i++)
        {
            yield return i < list.Count - 1 ? list[i] + "," : list[i];
        }
    }

    /// <summary>Appends <paramref name="line"/> word-wrapped to <see cref="Width"/>, each continuation after <paramref name="indent"/>.</summary>
    private static void Wrap(StringBuilder output, string line, string prefix, string indent) => Wrap(output, line.Split(' '), prefix, indent);

    /// <summary>Appends <paramref name="words"/> separated by spaces, wrapped to <see cref="Width"/>; a word wider than a line is cut.</summary>
    private static void Wrap(StringBuilder output, IEnumerable<string> words, string prefix, string indent)
    {
        var current = new StringBuilder(prefix);
        var empty = true;
        foreach (var word in words)
        {
            var piece = word;
            while (true)
            {
                var room = Width - current.Length - (empty ? 0 : 1);
                if (piece.Length <= room)
                {
                    if (!empty)
                    {
                        current.Append(' ');
                    }

                    current.Append(piece);
                    empty = false;
                    break;
                }

                if (!empty)
                {
                    output.Append(current.ToString().TrimEnd()).Append('\n');
                    current.Clear().Append(indent);
                    empty = true;
                    continue;
                }

                // A word longer than a whole line: cut it.
                current.Append(piece.Substring(0, room));
                piece = piece.Substring(room);
                output.Append(current.ToString().TrimEnd()).Append('\n');
                current.Clear().Append(indent);
            }
        }

        output.Append(current.ToString().TrimEnd()).Append('\n');
    }

    private static string N(int value) => value.ToString(CultureInfo.InvariantCulture);
}
