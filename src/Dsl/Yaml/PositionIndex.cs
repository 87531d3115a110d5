using System.Text;
using StatefulManifests.Validation;

namespace StatefulManifests.Yaml;

/// <summary>
/// Maps the field paths of one YAML document to their line and column, so a finding about
/// <c>spec.template.spec.containers[0].image</c> can point at its line. Built by walking the <see cref="YNode"/>
/// tree once. A scalar is located at its value, a mapping or sequence at its key. Map keys are stored in dotted
/// form and lookups normalise <c>labels[app]</c> to <c>labels.app</c>, because the walker cannot tell a struct
/// field from a free-form map key (both are YAML mapping keys); list indexes keep their brackets.
/// </summary>
internal sealed class PositionIndex
{
    private readonly Dictionary<string, (int Line, int Column)> positions = new(StringComparer.Ordinal);

    private PositionIndex()
    {
    }

    /// <summary>The position of the document's root node.</summary>
    public (int Line, int Column) Start { get; private set; }

    /// <summary>Indexes a document.</summary>
    public static PositionIndex Build(YNode root)
    {
        var index = new PositionIndex { Start = (Math.Max(root.Line, 1), Math.Max(root.Column, 1)) };
        index.positions[string.Empty] = index.Start;
        index.Walk(root, string.Empty, new HashSet<YNode>());
        return index;
    }

    /// <summary>The position of exactly <paramref name="path"/>, if the document has it.</summary>
    public bool TryFind(FieldPath path, out (int Line, int Column) position) => positions.TryGetValue(Normalise(path.ToString()), out position);

    /// <summary>The position of <paramref name="path"/> or of its nearest ancestor the document has; the document start as a last resort.</summary>
    public (int Line, int Column) Locate(FieldPath path)
    {
        for (var p = path; p is not null; p = p.Parent)
        {
            if (TryFind(p, out var position))
            {
                return position;
            }
        }

        return Start;
    }

    // Turns map-key brackets into dots: spec.selector.matchLabels[app] → spec.selector.matchLabels.app; [0] stays.
    internal static string Normalise(string path)
    {
        if (path.IndexOf('[') < 0)
        {
            return path;
        }

        var sb = new StringBuilder(path.Length);
        var i = 0;
        while (i < path.Length)
        {
            var open = path.IndexOf('[', i);
            if (open < 0)
            {
                sb.Append(path, i, path.Length - i);
                break;
            }

            var close = path.IndexOf(']', open);
            if (close < 0)
            {
                sb.Append(path, i, path.Length - i);
                break;
            }

            sb.Append(path, i, open - i);
            var segment = path.Substring(open + 1, close - open - 1);
            if (segment.Length > 0 && segment.All(char.IsDigit))
            {
                sb.Append('[').Append(segment).Append(']');
            }
            else
            {
                sb.Append(sb.Length > 0 ? "." : string.Empty).Append(segment);
            }

            i = close + 1;
        }

        return sb.ToString();
    }

    // `visiting` guards against alias cycles (an anchor used inside itself).
    private void Walk(YNode node, string path, HashSet<YNode> visiting)
    {
        if (!visiting.Add(node))
        {
            return;
        }

        switch (node)
        {
            case YMapping mapping:
                foreach (var entry in mapping.Entries)
                {
                    var child = path.Length == 0 ? entry.Key.Value : path + "." + entry.Key.Value;
                    var at = entry.Value is YScalar { Line: > 0 } scalar ? scalar : (YNode)entry.Key;
                    positions[child] = (at.Line, at.Column); // a duplicate key: the last one wins, as in kubectl
                    Walk(entry.Value, child, visiting);
                }

                break;
            case YSequence sequence:
                for (var i = 0; i < sequence.Items.Count; i++)
                {
                    var child = path + "[" + i.ToString(System.Globalization.CultureInfo.InvariantCulture) + "]";
                    var item = sequence.Items[i];
                    positions[child] = (item.Line, item.Column);
                    Walk(item, child, visiting);
                }

                break;
        }

        visiting.Remove(node);
    }
}
