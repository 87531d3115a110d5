using System.Text.RegularExpressions;

namespace StatefulManifests.Yaml;

/// <summary>
/// Decides how a string is written so that every common YAML reader reads it back as the same string: kubectl's
/// (go-yaml v2, YAML 1.1: <c>on</c>, <c>y</c>, <c>0755</c>, <c>0x1F</c>, <c>1_000</c>), other YAML 1.1 readers
/// (PyYAML, SnakeYAML: also <c>1:20</c>, <c>1.2.3</c>, timestamps, <c>=</c>) and YAML 1.2 readers (<c>0o17</c>).
/// </summary>
/// <remarks>
/// Styles: a plain scalar when nothing could misread it (the emitter still single-quotes text with YAML indicators
/// such as <c>#</c>, <c>: </c>, a leading <c>-</c> or <c>*</c>); double quotes, which can escape anything, for text
/// a reader could take for a number, boolean, null or date, for surrounding or embedded tabs and spaces, and for
/// characters YAML cannot hold raw (controls, NEL, line/paragraph separators, byte-order marks); a literal block
/// for other multi-line text. Line folding is off (see <see cref="YamlText"/>), so long strings stay on one line.
/// </remarks>
internal static class Scalars
{
    // YAML 1.1 types that go-yaml v2 does not implement but other YAML 1.1 readers do.
    private static readonly Regex Yaml11Only = new(
        "^(?:"
        + @"[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+(?:\.[0-9_]*)?" // sexagesimal (base 60) numbers: 1:20, 190:20:30.15
        + @"|[-+]?(?:[0-9][0-9_]*)?\.[0-9.]*(?:[eE][-+][0-9]+)?" // the spec's float, which even matches 1.2.3
        + @"|[0-9]{4}-.*" // dates and timestamps (2001-12-14, 2001-12-14T21:59:43.10-05:00), generously
        + "|<<|="
        + @")\z",
        RegexOptions.CultureInvariant);

    // Starts like a number and uses only characters of numbers in some base or notation: quote, whatever the reader.
    private static readonly Regex NumberLike = new(@"^(?=.*[0-9])[-+.0-9][-+.0-9_:eExXoObBa-fA-F]*\z", RegexOptions.CultureInvariant);

    /// <summary>True when a plain scalar with this text could be read as something other than that string.</summary>
    public static bool IsAmbiguous(string text) =>
        text.Length == 0
        || PlainScalarResolver.Resolve(text).Kind != PlainKind.String
        || (MayLookLikeNumberOrDate(text[0]) && (Yaml11Only.IsMatch(text) || NumberLike.IsMatch(text)));

    // Both patterns need one of these first; most text (names, images, paths) is settled without running them.
    private static bool MayLookLikeNumberOrDate(char first) => first is (>= '0' and <= '9') or '-' or '+' or '.' or '<' or '=';

    /// <summary>A string value scalar in the safest readable style.</summary>
    public static YScalar String(string value)
    {
        if (NeedsEscapes(value))
        {
            return new YScalar(value, YScalarStyle.Quoted);
        }

        // A literal block needs some visible content (one made only of line breaks and spaces reads back as ""); no
        // line may start with a tab (go-yaml then fails: "found a tab character where an indentation space is
        // expected"); and some readers (YamlDotNet's typed mode) wrongly type block scalars, so "1e3\n" is quoted.
        if (value.IndexOf('\n') >= 0)
        {
            var literal = value.Any(c => c is not ('\n' or ' ')) && value[0] != '\t' && value.IndexOf("\n\t", StringComparison.Ordinal) < 0
                && !IsAmbiguous(value.Trim());
            return new YScalar(value, literal ? YScalarStyle.Literal : YScalarStyle.Quoted);
        }

        return new YScalar(value, NeedsQuotes(value) ? YScalarStyle.Quoted : YScalarStyle.Plain);
    }

    /// <summary>A mapping key: like a value, but never a block scalar.</summary>
    public static YScalar Key(string key) =>
        new(key, NeedsEscapes(key) || key.IndexOf('\n') >= 0 || NeedsQuotes(key) ? YScalarStyle.Quoted : YScalarStyle.Plain);

    /// <summary>A scalar that YAML should read with its implicit type (integers, booleans, null).</summary>
    public static YScalar Typed(string text) => new(text, YScalarStyle.Plain);

    /// <summary>
    /// A JSON number as a plain scalar every reader takes for a number: YAML 1.1 floats need a decimal point, so
    /// <c>1e+21</c> is written <c>1.0e+21</c>.
    /// </summary>
    public static YScalar Number(string json)
    {
        var e = json.IndexOfAny(['e', 'E']);
        return Typed(e > 0 && json.IndexOf('.') < 0 ? json.Substring(0, e) + ".0" + json.Substring(e) : json);
    }

    private static bool NeedsQuotes(string value) =>
        IsAmbiguous(value)
        || value[0] is ' ' or '\t'
        || value[value.Length - 1] is ' ' or '\t'
        || value.IndexOf('\t') >= 0;

    /// <summary>
    /// Characters that only a double-quoted escape carries safely: C0 controls other than tab and line feed, DEL,
    /// C1 controls (NEL is a line break to YAML 1.1), the line and paragraph separators, byte-order marks and
    /// non-characters, and unpaired surrogates.
    /// </summary>
    private static bool NeedsEscapes(string value)
    {
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (c < 0x20 && c != '\t' && c != '\n')
            {
                return true;
            }

            if (c is (>= '\u007F' and <= '\u009F') or '\u2028' or '\u2029' or '\uFEFF' or '\uFFFE' or '\uFFFF')
            {
                return true;
            }

            if (char.IsHighSurrogate(c) && (i + 1 >= value.Length || !char.IsLowSurrogate(value[i + 1])))
            {
                return true;
            }

            if (char.IsLowSurrogate(c) && (i == 0 || !char.IsHighSurrogate(value[i - 1])))
            {
                return true;
            }
        }

        return false;
    }
}
