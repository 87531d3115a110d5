using System.Globalization;

namespace StatefulManifests.Yaml;

/// <summary>
/// Formats doubles as kubectl's libraries do: <see cref="Format"/> as Go's encoding/json writes a number (the text
/// kubectl sends for a YAML float), <see cref="FormatMapKey"/> as sigs.k8s.io/yaml turns a float map key into a string.
/// </summary>
internal static class GoJsonNumbers
{
    /// <summary>encoding/json: shortest digits; plain notation from 1e-6 up to 1e21, else <c>1e+21</c>, <c>1e-7</c>.</summary>
    public static string Format(double value)
    {
        if (value == 0)
        {
            return BitConverter.DoubleToInt64Bits(value) < 0 ? "-0" : "0";
        }

        var (negative, digits, exponent) = ShortestDigits(value.ToString("R", CultureInfo.InvariantCulture));
        var abs = Math.Abs(value);
        var text = abs < 1e-6 || abs >= 1e21 ? Scientific(digits, exponent, minExponentDigits: 1) : Fixed(digits, exponent);
        return negative ? "-" + text : text;
    }

    /// <summary>strconv.FormatFloat(f, 'g', -1, 32), with go-yaml's names for infinities and NaN.</summary>
    public static string FormatMapKey(double value)
    {
        if (double.IsNaN(value))
        {
            return ".nan";
        }

        if (double.IsInfinity(value))
        {
            return value > 0 ? ".inf" : "-.inf";
        }

        if (value == 0)
        {
            return "0";
        }

        var (negative, digits, exponent) = ShortestDigits(((float)value).ToString("R", CultureInfo.InvariantCulture));
        var text = exponent < -4 || exponent >= 6 ? Scientific(digits, exponent, minExponentDigits: 2) : Fixed(digits, exponent);
        return negative ? "-" + text : text;
    }

    /// <summary>Significant digits (no leading or trailing zeros) and the decimal exponent of the first digit.</summary>
    private static (bool Negative, string Digits, int Exponent) ShortestDigits(string roundTrip)
    {
        var negative = roundTrip[0] == '-';
        var r = negative ? roundTrip.Substring(1) : roundTrip;
        var e = r.IndexOfAny(['E', 'e']);
        var mantissa = e < 0 ? r : r.Substring(0, e);
        var exponent = e < 0 ? 0 : int.Parse(r.Substring(e + 1), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
        var dot = mantissa.IndexOf('.');
        var digits = dot < 0 ? mantissa : mantissa.Remove(dot, 1);
        var pointAt = (dot < 0 ? mantissa.Length : dot) + exponent;
        var leadingZeros = digits.Length - digits.TrimStart('0').Length;
        return (negative, digits.Trim('0'), pointAt - leadingZeros - 1);
    }

    /// <summary><c>d.ddde±x</c>; negative exponents as short as possible, positive ones at least two digits.</summary>
    private static string Scientific(string digits, int exponent, int minExponentDigits)
    {
        var body = digits.Length == 1 ? digits : digits[0] + "." + digits.Substring(1);
        var expText = Math.Abs(exponent).ToString(CultureInfo.InvariantCulture);
        var width = exponent < 0 ? minExponentDigits : 2;
        return body + "e" + (exponent < 0 ? "-" : "+") + expText.PadLeft(width, '0');
    }

    private static string Fixed(string digits, int exponent)
    {
        var pointAt = exponent + 1;
        if (pointAt <= 0)
        {
            return "0." + new string('0', -pointAt) + digits;
        }

        return pointAt >= digits.Length
            ? digits + new string('0', pointAt - digits.Length)
            : digits.Substring(0, pointAt) + "." + digits.Substring(pointAt);
    }
}
