using System.Globalization;
using System.Numerics;

namespace StatefulManifests.Model;

/// <summary>
/// Parses quantity text the way <c>resource.ParseQuantity</c> in k8s.io/apimachinery does, into an exact count of
/// nano units. The scan mirrors apimachinery's <c>parseQuantityString</c> step by step, including its leniencies
/// (<c>"."</c>, <c>"-"</c> and <c>"+"</c> parse as zero; <c>"1."</c> is 1), so that whatever the API server
/// accepts is accepted here, and whatever it rejects is rejected with the same message.
/// </summary>
internal static class QuantityParser
{
    /// <summary>
    /// Most significant digits a quantity may have here (Kubernetes has no bound; this one keeps parsing linear, and
    /// no real quantity comes near it). The exponent is unbounded within int32, as in apimachinery.
    /// </summary>
    internal const int MaxSignificantDigits = 4096;

    /// <summary>Kubernetes caps binary-SI quantities at the largest int64 (apimachinery's <c>maxAllowed</c>).</summary>
    private static readonly BigInteger MaxBinaryNanos = new BigInteger(long.MaxValue) * QuantityMath.NanosPerUnit;

    internal readonly struct Result(BigInteger nanos, long scale, QuantityFormat format, string? error)
    {
        public BigInteger Nanos { get; } = nanos;

        /// <summary>The value is <see cref="Nanos"/> × 10^Scale nanos (see <see cref="QuantityMath.Normalize"/>).</summary>
        public long Scale { get; } = scale;

        public QuantityFormat Format { get; } = format;

        public string? Error { get; } = error;
    }

    public static Result Parse(string text)
    {
        if (text.Length == 0)
        {
            return Fail(QuantityErrors.FormatWrong(text));
        }

        if (!Scan(text, out var negative, out var integerDigits, out var fractionDigits, out var suffix))
        {
            return Fail(QuantityErrors.FormatWrong(text));
        }

        if (!TryInterpretSuffix(suffix, out var isBinary, out var exponent, out var format))
        {
            return Fail(QuantityErrors.BadSuffix(text));
        }

        long scale = 0;
        var tooLarge = false;
        var magnitude = isBinary
            ? BinaryNanos(integerDigits, fractionDigits, (int)exponent)
            : DecimalNanos(integerDigits, fractionDigits, exponent, out scale, out tooLarge);
        if (tooLarge)
        {
            return Fail(QuantityErrors.TooLarge);
        }

        if (isBinary && magnitude > MaxBinaryNanos)
        {
            magnitude = MaxBinaryNanos;
        }

        // A binary quantity below one prints in decimal SI; apimachinery switches the format at parse time.
        if (format == QuantityFormat.BinarySI && magnitude < QuantityMath.NanosPerUnit && !magnitude.IsZero)
        {
            format = QuantityFormat.DecimalSI;
        }

        return new Result(negative ? -magnitude : magnitude, scale, format, null);
    }

    private static Result Fail(string error) => new(BigInteger.Zero, 0, QuantityFormat.DecimalSI, error);

    /// <summary>
    /// Splits <c>[+-] digits [. digits] suffix</c> where the suffix is letters from <c>eEinumkKMGTP</c>, an optional
    /// sign and digits. Leading zeros of the integer part are dropped, as apimachinery does.
    /// </summary>
    private static bool Scan(string s, out bool negative, out string integerDigits, out string fractionDigits, out string suffix)
    {
        negative = false;
        integerDigits = fractionDigits = suffix = string.Empty;
        var pos = 0;
        if (s[0] is '+' or '-')
        {
            negative = s[0] == '-';
            pos++;
        }

        while (pos < s.Length && s[pos] == '0')
        {
            pos++;
        }

        var start = pos;
        while (pos < s.Length && IsDigit(s[pos]))
        {
            pos++;
        }

        integerDigits = s.Substring(start, pos - start);
        if (pos < s.Length && s[pos] == '.')
        {
            start = ++pos;
            while (pos < s.Length && IsDigit(s[pos]))
            {
                pos++;
            }

            fractionDigits = s.Substring(start, pos - start);
        }

        var suffixStart = pos;
        while (pos < s.Length && "eEinumkKMGTP".IndexOf(s[pos]) >= 0)
        {
            pos++;
        }

        if (pos < s.Length && s[pos] is '+' or '-')
        {
            pos++;
        }

        while (pos < s.Length && IsDigit(s[pos]))
        {
            pos++;
        }

        suffix = s.Substring(suffixStart);
        return pos == s.Length;
    }

    private static bool IsDigit(char c) => c >= '0' && c <= '9';

    // apimachinery reads a decimal exponent as an int32 (strconv.ParseInt(..., 10, 32)).
    private static bool SetExponent(int parsed, out long exponent)
    {
        exponent = parsed;
        return true;
    }

    /// <summary>apimachinery's suffixer: decimal SI, binary SI, or a decimal exponent (<c>e3</c>, <c>E-2</c>).</summary>
    private static bool TryInterpretSuffix(string suffix, out bool isBinary, out long exponent, out QuantityFormat format)
    {
        isBinary = false;
        format = QuantityFormat.DecimalSI;
        exponent = suffix switch
        {
            "" => 0,
            "n" => -9,
            "u" => -6,
            "m" => -3,
            "k" => 3,
            "M" => 6,
            "G" => 9,
            "T" => 12,
            "P" => 15,
            "E" => 18,
            _ => long.MinValue,
        };
        if (exponent != long.MinValue)
        {
            return true;
        }

        format = QuantityFormat.BinarySI;
        isBinary = true;
        exponent = suffix switch
        {
            "Ki" => 10,
            "Mi" => 20,
            "Gi" => 30,
            "Ti" => 40,
            "Pi" => 50,
            "Ei" => 60,
            _ => long.MinValue,
        };
        if (exponent != long.MinValue)
        {
            return true;
        }

        isBinary = false;
        format = QuantityFormat.DecimalExponent;
        return suffix.Length > 1 && suffix[0] is 'e' or 'E'
            && int.TryParse(suffix.Substring(1), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var parsed)
            && SetExponent(parsed, out exponent);
    }

    /// <summary>
    /// |digits × 10^exponent| in nanos, rounded away from zero to a whole nano as apimachinery rounds, in the
    /// normalized form of <see cref="QuantityMath.Normalize"/> (a huge value keeps its zeros in <paramref name="scale"/>,
    /// so <c>1e999999999</c> costs one digit). Trailing zeros are counted on the text, never by big division.
    /// </summary>
    private static BigInteger DecimalNanos(string integerDigits, string fractionDigits, long exponent, out long scale, out bool tooLarge)
    {
        scale = 0;
        tooLarge = false;
        var digits = (integerDigits + fractionDigits).TrimStart('0');
        if (digits.Length == 0)
        {
            return BigInteger.Zero;
        }

        // The value is digits × 10^shift nanos.
        var shift = exponent - fractionDigits.Length + 9;
        if (shift >= 0)
        {
            var significant = digits.TrimEnd('0');
            if (significant.Length > MaxSignificantDigits)
            {
                tooLarge = true;
                return BigInteger.Zero;
            }

            return QuantityMath.Normalize(significant, shift + digits.Length - significant.Length, out scale);
        }

        // Only the whole-nano digits matter, plus whether anything non-zero follows them (which rounds up).
        var whole = (int)Math.Max(0, digits.Length + shift);
        if (whole > MaxSignificantDigits)
        {
            tooLarge = true;
            return BigInteger.Zero;
        }

        var roundUp = digits.Substring(whole).Trim('0').Length > 0;
        if (!roundUp)
        {
            var kept = digits.Substring(0, whole);
            var significant = kept.TrimEnd('0');
            return significant.Length == 0 ? BigInteger.Zero : QuantityMath.Normalize(significant, kept.Length - significant.Length, out scale);
        }

        var n = (whole == 0 ? BigInteger.Zero : BigInteger.Parse(digits.Substring(0, whole), CultureInfo.InvariantCulture)) + 1;
        var text = n.ToString(CultureInfo.InvariantCulture);
        var rest = text.TrimEnd('0');
        return QuantityMath.Normalize(rest, text.Length - rest.Length, out scale);
    }

    /// <summary>|digits × 2^power| in nanos, rounded away from zero to a whole nano.</summary>
    private static BigInteger BinaryNanos(string integerDigits, string fractionDigits, int power)
    {
        // Far beyond the int64 cap Kubernetes applies to binary quantities (the caller caps it); no need to compute it.
        if (integerDigits.Length > 30)
        {
            return MaxBinaryNanos + 1;
        }

        // A nano boundary of x × 2^60 × 10^9 has at most 69 fraction digits, so digits after the 100th can only
        // tell whether the value is exactly on a boundary: keep one non-zero "sticky" digit for them.
        const int KeptFractionDigits = 100;
        if (fractionDigits.Length > KeptFractionDigits)
        {
            var rest = fractionDigits.Substring(KeptFractionDigits).Trim('0');
            fractionDigits = fractionDigits.Substring(0, KeptFractionDigits) + (rest.Length > 0 ? "1" : string.Empty);
        }

        var digits = (integerDigits + fractionDigits).TrimStart('0');
        if (digits.Length == 0)
        {
            return BigInteger.Zero;
        }

        var scaled = BigInteger.Parse(digits, CultureInfo.InvariantCulture) * BigInteger.Pow(2, power) * QuantityMath.NanosPerUnit;
        return QuantityMath.DivideRoundingUp(scaled, BigInteger.Pow(10, fractionDigits.Length));
    }
}
