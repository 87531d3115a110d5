using System.Globalization;
using System.Numerics;

namespace StatefulManifests.Model;

/// <summary>
/// The canonical text of a quantity, as apimachinery's <c>Quantity.CanonicalizeBytes</c> computes it: the
/// largest suffix of the quantity's format family that leaves an integral mantissa (decimal exponents are
/// multiples of three); binary quantities under 1024 or with a fraction print in decimal SI.
/// </summary>
internal static class QuantityFormatter
{
    private static readonly string[] BinarySuffixes = [string.Empty, "Ki", "Mi", "Gi", "Ti", "Pi", "Ei"];

    /// <summary>The canonical text of <paramref name="nanos"/> × 10^<paramref name="scale"/> nanos.</summary>
    public static string Canonical(BigInteger nanos, long scale, QuantityFormat format)
    {
        if (nanos.IsZero)
        {
            return "0";
        }

        if (format == QuantityFormat.BinarySI)
        {
            var wholeUnits = BigInteger.DivRem(nanos, QuantityMath.NanosPerUnit, out var fraction);
            if (BigInteger.Abs(wholeUnits) < 1024 || !fraction.IsZero)
            {
                format = QuantityFormat.DecimalSI;
            }
            else
            {
                var mantissa = QuantityMath.RemoveFactors(wholeUnits, 1024, BinarySuffixes.Length - 1, out var powers);
                return mantissa.ToString(CultureInfo.InvariantCulture) + BinarySuffixes[powers];
            }
        }

        // nanos × 10^-9, with every factor of ten moved into the exponent, then the exponent lowered to a multiple
        // of three (C#'s % truncates toward zero like Go's, so -1 and -2 round down as in apimachinery).
        // A scaled (huge) value has no trailing zeros left in its mantissa; only binary values are ever multiplied out.
        var digits = QuantityMath.RemoveFactors(nanos, 10, int.MaxValue, out var tens);
        var exponent = tens + scale - 9;
        while (exponent % 3 != 0)
        {
            digits *= 10;
            exponent--;
        }

        if (format == QuantityFormat.DecimalExponent)
        {
            return digits.ToString(CultureInfo.InvariantCulture) + (exponent == 0 ? string.Empty : "e" + exponent.ToString(CultureInfo.InvariantCulture));
        }

        // apimachinery has no decimal suffix above E and would print the bare mantissa (1000E as "1"), changing the
        // value; keep E and a larger mantissa instead, which reads back as the same quantity.
        if (exponent > 18)
        {
            digits *= BigInteger.Pow(10, (int)(exponent - 18));
            exponent = 18;
        }

        return digits.ToString(CultureInfo.InvariantCulture) + DecimalSuffix(exponent);
    }

    private static string DecimalSuffix(long exponent) => exponent switch
    {
        -9 => "n",
        -6 => "u",
        -3 => "m",
        3 => "k",
        6 => "M",
        9 => "G",
        12 => "T",
        15 => "P",
        18 => "E",
        _ => string.Empty,
    };
}
