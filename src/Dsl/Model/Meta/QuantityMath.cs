using System.Numerics;

namespace StatefulManifests.Model;

/// <summary>Exact arithmetic on quantities held as whole nano units (Kubernetes' finest quantity scale).</summary>
internal static class QuantityMath
{
    /// <summary>Nanos in one unit.</summary>
    public static readonly BigInteger NanosPerUnit = new(1_000_000_000);

    /// <summary>Digits of the largest nano count this model holds (see <see cref="QuantityParser.MaxMagnitudeNanos"/>).</summary>
    public const int MaxDigitsOfNanos = 37;

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
