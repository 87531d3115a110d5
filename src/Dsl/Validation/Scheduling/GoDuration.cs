namespace StatefulManifests.Validation.Scheduling;

/// <summary>
/// Go's <c>time.ParseDuration</c>, which robfig/cron uses for <c>@every &lt;duration&gt;</c>: a signed sequence of
/// decimal numbers, each with an optional fraction and a unit (ns, us, µs, μs, ms, s, m, h), e.g. <c>1h30m</c>.
/// Only whether it parses (and Go's message when it does not) matters here.
/// </summary>
internal static class GoDuration
{
    private const ulong Limit = 1UL << 63;

    private static readonly Dictionary<string, ulong> Units = new(StringComparer.Ordinal)
    {
        ["ns"] = 1,
        ["us"] = 1_000,
        ["\u00b5s"] = 1_000, // U+00B5 micro sign
        ["\u03bcs"] = 1_000, // U+03BC Greek small letter mu
        ["ms"] = 1_000_000,
        ["s"] = 1_000_000_000,
        ["m"] = 60_000_000_000,
        ["h"] = 3_600_000_000_000,
    };

    /// <summary>Returns null when <paramref name="text"/> is a Go duration, otherwise Go's error message.</summary>
    public static string? Validate(string text)
    {
        var invalid = "time: invalid duration " + GoText.TimeQuote(text);
        var s = text;
        var negative = false;
        if (s.Length > 0 && (s[0] == '-' || s[0] == '+'))
        {
            negative = s[0] == '-';
            s = s.Substring(1);
        }

        if (s == "0")
        {
            return null;
        }

        if (s.Length == 0)
        {
            return invalid;
        }

        ulong total = 0;
        while (s.Length > 0)
        {
            if (!(s[0] == '.' || IsDigit(s[0])))
            {
                return invalid;
            }

            var before = s.Length;
            if (!LeadingInt(ref s, out var whole))
            {
                return invalid;
            }

            var pre = before != s.Length;
            var post = false;
            ulong fraction = 0;
            var scale = 1.0;
            if (s.Length > 0 && s[0] == '.')
            {
                s = s.Substring(1);
                var beforeFraction = s.Length;
                (fraction, scale) = LeadingFraction(ref s);
                post = beforeFraction != s.Length;
            }

            if (!pre && !post)
            {
                return invalid;
            }

            var unitLength = 0;
            while (unitLength < s.Length && s[unitLength] != '.' && !IsDigit(s[unitLength]))
            {
                unitLength++;
            }

            if (unitLength == 0)
            {
                return "time: missing unit in duration " + GoText.TimeQuote(text);
            }

            var unitText = s.Substring(0, unitLength);
            s = s.Substring(unitLength);
            if (!Units.TryGetValue(unitText, out var unit))
            {
                return "time: unknown unit " + GoText.TimeQuote(unitText) + " in duration " + GoText.TimeQuote(text);
            }

            if (whole > Limit / unit)
            {
                return invalid;
            }

            whole *= unit;
            if (fraction > 0)
            {
                // Go converts through float64 here too; the result only matters for the overflow check.
                whole += (ulong)(fraction * (unit / scale));
                if (whole > Limit)
                {
                    return invalid;
                }
            }

            total += whole;
            if (total > Limit)
            {
                return invalid;
            }
        }

        return !negative && total > Limit - 1 ? invalid : null;
    }

    private static bool IsDigit(char c) => c >= '0' && c <= '9';

    private static bool LeadingInt(ref string s, out ulong value)
    {
        value = 0;
        var i = 0;
        for (; i < s.Length && IsDigit(s[i]); i++)
        {
            if (value > Limit / 10)
            {
                return false;
            }

            value = (value * 10) + (ulong)(s[i] - '0');
            if (value > Limit)
            {
                return false;
            }
        }

        s = s.Substring(i);
        return true;
    }

    private static (ulong Value, double Scale) LeadingFraction(ref string s)
    {
        ulong value = 0;
        var scale = 1.0;
        var overflow = false;
        var i = 0;
        for (; i < s.Length && IsDigit(s[i]); i++)
        {
            // Digits past what fits are consumed and ignored, as in Go.
            if (overflow)
            {
                continue;
            }

            if (value > (Limit - 1) / 10)
            {
                overflow = true;
                continue;
            }

            var next = (value * 10) + (ulong)(s[i] - '0');
            if (next > Limit)
            {
                overflow = true;
                continue;
            }

            value = next;
            scale *= 10;
        }

        s = s.Substring(i);
        return (value, scale);
    }
}
