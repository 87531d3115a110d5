using Microsoft.CodeAnalysis.Text;

namespace StatefulManifests.Generators.Tests.Support;

/// <summary>Source text with spans marked <c>[|like this|]</c>: the places a diagnostic is expected.</summary>
public sealed class Markup
{
    private Markup(string text, IReadOnlyList<TextSpan> spans)
    {
        Text = text;
        Spans = spans;
    }

    /// <summary>The source without the markers.</summary>
    public string Text { get; }

    /// <summary>The marked spans, in order.</summary>
    public IReadOnlyList<TextSpan> Spans { get; }

    /// <summary>The text of each marked span.</summary>
    public IEnumerable<string> Marked => Spans.Select(s => Text.Substring(s.Start, s.Length));

    /// <summary>Strips the markers and records their spans.</summary>
    public static Markup Parse(string marked)
    {
        var text = new System.Text.StringBuilder();
        var spans = new List<TextSpan>();
        var open = new Stack<int>();
        for (var i = 0; i < marked.Length; i++)
        {
            if (string.CompareOrdinal(marked, i, "[|", 0, 2) == 0)
            {
                open.Push(text.Length);
                i++;
            }
            else if (string.CompareOrdinal(marked, i, "|]", 0, 2) == 0)
            {
                var start = open.Pop();
                spans.Add(TextSpan.FromBounds(start, text.Length));
                i++;
            }
            else
            {
                text.Append(marked[i]);
            }
        }

        return new Markup(text.ToString(), spans.OrderBy(s => s.Start).ToList());
    }
}
