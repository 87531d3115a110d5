using System.Numerics;

namespace StatefulManifests.Model;

/// <summary>Exact arithmetic on quantities held as whole nano units (Kubernetes' finest quantity scale).</summary>
internal static class QuantityMath
{
    /// <summary>Nanos in one unit.</summary>
    public static readonly BigInteger NanosPerUnit = new(1_000_000_000);

    /// <summary>
    /// Digits of the largest nano count held as a plain integer (10^28 units); larger values keep their trailing zeros
    /// as a power of ten (see <see cref="Normalize"/>).
    /// </summary>
    public const int MaxDigitsOfNanos = 37;

    /// <summary>
    /// The one representation of <paramref name="significant"/> × 10^<paramref name="zeros"/> nanos
    /// (<paramref name="significant"/>: digits without leading or trailing zeros): the plain nano count when it has at
    /// most <see cref="MaxDigitsOfNanos"/> digits (<paramref name="scale"/> 0), else the significant digits and the
    /// zeros as <paramref name="scale"/>. One representation per value, so equality compares the two fields.
    /// </summary>
    public static BigInteger Normalize(string significant, long zeros, out long scale)
    {
        var mantissa = BigInteger.Parse(significant, System.Globalization.CultureInfo.InvariantCulture);
        if (significant.Length + zeros <= MaxDigitsOfNanos)
        {
            scale = 0;
            return mantissa * BigInteger.Pow(10, (int)zeros);
        }

        scale = zeros;
        return mantissa;
    }

    /// <summary>The number of decimal digits of |<paramref name="value"/>| (1 for zero).</summary>
    public static long DigitCount(BigInteger value) => BigInteger.Abs(value).ToString(System.Globalization.CultureInfo.InvariantCulture).Length;

    /// <summary>Compares m1 × 10^s1 with m2 × 10^s2 (normalized, same sign handled by the caller) by magnitude.</summary>
    public static int CompareMagnitude(BigInteger m1, long s1, BigInteger m2, long s2)
    {
        if (s1 == 0 && s2 == 0)
        {
            return BigInteger.Abs(m1).CompareTo(BigInteger.Abs(m2));
        }

        var d1 = DigitCount(m1) + s1;
        var d2 = DigitCount(m2) + s2;
        if (d1 != d2)
        {
            return d1.CompareTo(d2);
        }

        // Same number of digits: the scales differ by at most a mantissa's length, so aligning is cheap.
        var common = Math.Min(s1, s2);
        var a = BigInteger.Abs(m1) * BigInteger.Pow(10, (int)(s1 - common));
        var b = BigInteger.Abs(m2) * BigInteger.Pow(10, (int)(s2 - common));
        return a.CompareTo(b);
    }

    /// <summary>⌈<paramref name="dividend"/> / <paramref name="divisor"/>⌉ for non-negative operands.</summary>
    public static BigInteger DivideRoundingUp(BigInteger dividend, BigInteger divisor)
    {
        var quotient = BigInteger.DivRem(dividend, divisor, out var remainder);
        return remainder.IsZero ? quotient : quotient + 1;
    }

    /// <summary>Removes every factor <paramref name="factor"/> from <paramref name="value"/>, counting them.</summary>
    public static BigInteger RemoveFactors(BigInteger value, int factor, int maxCount, out int count)
    {
        count = 0;
        while (count < maxCount && !value.IsZero)
        {
            var quotient = BigInteger.DivRem(value, factor, out var remainder);
            if (!remainder.IsZero)
            {
                break;
            }

            value = quotient;
            count++;
        }

        return value;
    }
}
