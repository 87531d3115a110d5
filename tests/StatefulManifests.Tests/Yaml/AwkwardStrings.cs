using System.Text;

namespace StatefulManifests.Tests.Yaml;

/// <summary>
/// Strings that trip YAML writers and readers: words YAML 1.1 reads as booleans or null, numbers in every base and
/// notation, dates, indicators, quotes, whitespace at the edges, line breaks of every kind, control characters and
/// non-ASCII text. <see cref="Generate"/> glues random fragments together from a seeded <see cref="Random"/>.
/// </summary>
internal static class AwkwardStrings
{
    /// <summary>Each of these, written as a plain scalar, would be read back as something else by some YAML reader.</summary>
    public static readonly string[] Misreadable =
    [
        "yes", "no", "on", "off", "y", "n", "Y", "N", "Yes", "NO", "On", "OFF", "true", "False", "TRUE",
        "null", "Null", "NULL", "~", string.Empty,
        "0755", "0o17", "0O17", "0x1F", "0X1f", "0b101", "-0b101", "+0x10", "1e3", "1E3", "1.5e-3", "1_000", "1__0", "-_1", "08",
        "1:20", "190:20:30.15", "-1:30", ".inf", "-.Inf", "+.INF", ".nan", ".NaN", ".5", "1.", "1.2.3", "+1", "-1", "0", "00",
        "3.0", "99999999999999999999", "2001-12-14", "2001-12-14t21:59:43.10-05:00", "2001-12-14 21:59:43.10 -5", "2002-12-14T21:59:43Z",
        "<<", "=",
    ];

    /// <summary>Each of these needs quoting or escaping for reasons of YAML syntax rather than typing.</summary>
    public static readonly string[] SyntaxTraps =
    [
        " leading", "trailing ", " ", "\t", "\ttab", "tab\t", "a\tb", "#", "# comment", "a #b", "a\t#b", ": ", "a: b", "key:", ":x",
        "-", "- item", "-x", "--", "---", "...", "*ref", "&anchor", "!tag", "!!str", "%YAML", "@at", "`tick", "'single", "\"double",
        "'", "\"", "\\", "\\n", "{x}", "[x]", "{", "]", ",", "a, b", "?", "? x", "|", "| x", ">", "> x",
        "multi\nline", "trailing newline\n", "\nleading newline", "two\n\nblank lines\n\n", "  indented\nlines", "a\n  \nb", "\n", "\n\n",
        "crlf\r\nline", "cr\ronly", "nel\u0085line", "ls\u2028line", "ps\u2029line", "bom\uFEFF", "\uFEFFstart",
        "nul\u0000char", "bell\u0007", "esc\u001b[0m", "del\u007f", "c1\u0090", "nbsp\u00a0", "\u00a0lead",
        "é", "日本語", "Ünïcödé", "😀 emoji", "zero\u200bwidth", "right\u200fleft", "\uFFFD",
    ];

    private static readonly string[] Fragments =
    [
        .. Misreadable.Where(s => s.Length > 0), .. SyntaxTraps,
        "a", "b", "web", "x", "1", "0", " ", "  ", ":", "#", "-", "\n", "\r", "\t", "'", "\"", "\\", ",", "[", "{", "&", "*", "!", "|", ">", "%", "@", "`",
    ];

    /// <summary>Every fixed awkward string.</summary>
    public static IEnumerable<string> All => Misreadable.Concat(SyntaxTraps);

    /// <summary><paramref name="count"/> strings of zero to five random fragments each.</summary>
    public static List<string> Generate(Random random, int count)
    {
        var result = new List<string>(count);
        for (var i = 0; i < count; i++)
        {
            var sb = new StringBuilder();
            var parts = random.Next(0, 6);
            for (var p = 0; p < parts; p++)
            {
                sb.Append(Fragments[random.Next(Fragments.Length)]);
            }

            result.Add(sb.ToString());
        }

        return result;
    }
}
