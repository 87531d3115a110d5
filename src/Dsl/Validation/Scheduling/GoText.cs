using System.Globalization;
using System.Text;

namespace StatefulManifests.Validation.Scheduling;

/// <summary>
/// The few pieces of Go's standard library whose exact wording ends up in the API server's messages:
/// <c>strconv.Atoi</c> and its quoting, and <c>time</c>'s own quoting of durations and zone names.
/// </summary>
internal static class GoText
{
    /// <summary>
    /// Go's <c>strconv.Atoi</c> on a 64-bit platform: an optional sign and decimal digits only.
    /// Returns null and sets <paramref name="error"/> to Go's message when the text is not a number.
    /// </summary>
    public static long? Atoi(string text, out string? error)
    {
        error = null;
        var i = 0;
        var negative = false;
        if (text.Length > 0 && (text[0] == '+' || text[0] == '-'))
        {
            negative = text[0] == '-';
            i = 1;
        }

        if (i == text.Length)
        {
            error = AtoiError(text, "invalid syntax");
            return null;
        }

        // Digits accumulate as unsigned, like ParseUint, so an overflow before a bad character is a range error.
        ulong value = 0;
        for (; i < text.Length; i++)
        {
            var digit = text[i] - '0';
            if (digit < 0 || digit > 9)
            {
                error = AtoiError(text, "invalid syntax");
                return null;
            }

            if (value > (ulong.MaxValue - (ulong)digit) / 10)
            {
                error = AtoiError(text, "value out of range");
                return null;
            }

            value = (value * 10) + (ulong)digit;
        }

        const ulong Cutoff = 1UL << 63;
        if ((!negative && value >= Cutoff) || (negative && value > Cutoff))
        {
            error = AtoiError(text, "value out of range");
            return null;
        }

        return negative ? unchecked(-(long)value) : (long)value;
    }

    /// <summary>Go's <c>strconv.Quote</c> for the texts a schedule can hold (printable text kept, the rest escaped).</summary>
    public static string Quote(string text)
    {
        var builder = new StringBuilder(text.Length + 2).Append('"');
        foreach (var c in text)
        {
            switch (c)
            {
                case '"': builder.Append("\\\""); break;
                case '\\': builder.Append("\\\\"); break;
                case '\a': builder.Append("\\a"); break;
                case '\b': builder.Append("\\b"); break;
                case '\f': builder.Append("\\f"); break;
                case '\n': builder.Append("\\n"); break;
                case '\r': builder.Append("\\r"); break;
                case '\t': builder.Append("\\t"); break;
                case '\v': builder.Append("\\v"); break;
                default:
                    if (c < ' ' || c == '\x7f')
                    {
                        builder.Append("\\x").Append(((int)c).ToString("x2", CultureInfo.InvariantCulture));
                    }
                    else if (char.IsControl(c) || char.IsSurrogate(c) || CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.Format)
                    {
                        builder.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                    }
                    else
                    {
                        builder.Append(c);
                    }

                    break;
            }
        }

        return builder.Append('"').ToString();
    }

    /// <summary>
    /// The <c>time</c> package's quoting (used in duration and location errors): ASCII kept, every byte of a
    /// non-ASCII or control character written as <c>\xHH</c>.
    /// </summary>
    public static string TimeQuote(string text)
    {
        var builder = new StringBuilder(text.Length + 2).Append('"');
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c >= 0x80 || c < ' ')
            {
                var width = char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]) ? 2 : 1;
                foreach (var b in Encoding.UTF8.GetBytes(text.Substring(i, width)))
                {
                    builder.Append("\\x").Append(b.ToString("x2", CultureInfo.InvariantCulture));
                }

                i += width - 1;
            }
            else
            {
                if (c == '"' || c == '\\')
                {
                    builder.Append('\\');
                }

                builder.Append(c);
            }
        }

        return builder.Append('"').ToString();
    }

    private static string AtoiError(string text, string reason) => "strconv.Atoi: parsing " + Quote(text) + ": " + reason;
}
