using Microsoft.CodeAnalysis.Text;

namespace StatefulManifests.Analyzers.Tests.Support;

/// <summary>An expected diagnostic: its ID and the exact span it must cover.</summary>
/// <param name="Id">The rule ID.</param>
/// <param name="Span">The span in the source without markup.</param>
public sealed record ExpectedDiagnostic(string Id, TextSpan Span);

/// <summary>Source text with expected diagnostics marked <c>{|SM1002:like this|}</c> (spans may nest).</summary>
public sealed class DiagnosticMarkup
{
    private DiagnosticMarkup(string text, IReadOnlyList<ExpectedDiagnostic> expected)
    {
        Text = text;
        Expected = expected;
    }

    /// <summary>The source without the markers.</summary>
    public string Text { get; }

    /// <summary>The marked diagnostics, ordered by position then ID.</summary>
    public IReadOnlyList<ExpectedDiagnostic> Expected { get; }

    /// <summary>Strips the markers and records their IDs and spans.</summary>
    public static DiagnosticMarkup Parse(string marked)
    {
        var text = new System.Text.StringBuilder();
        var expected = new List<ExpectedDiagnostic>();
        var open = new Stack<(string Id, int Start)>();
        for (var i = 0; i < marked.Length; i++)
        {
            if (string.CompareOrdinal(marked, i, "{|", 0, 2) == 0)
            {
                var colon = marked.IndexOf(':', i + 2);
                if (colon < 0)
                {
                    throw new FormatException("markup {| at " + i + " has no ':' after its ID");
                }

                open.Push((marked.Substring(i + 2, colon - i - 2), text.Length));
                i = colon;
            }
            else if (string.CompareOrdinal(marked, i, "|}", 0, 2) == 0)
            {
                var (id, start) = open.Pop();
                expected.Add(new ExpectedDiagnostic(id, TextSpan.FromBounds(start, text.Length)));
                i++;
            }
            else
            {
                text.Append(marked[i]);
            }
        }

        if (open.Count > 0)
        {
            throw new FormatException("unclosed markup for " + open.Peek().Id);
        }

        return new DiagnosticMarkup(text.ToString(), expected.OrderBy(e => e.Span.Start).ThenBy(e => e.Id, StringComparer.Ordinal).ToList());
    }
}
