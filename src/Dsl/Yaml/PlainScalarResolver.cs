using System.Globalization;
using System.Numerics;
using System.Text.RegularExpressions;

namespace StatefulManifests.Yaml;

/// <summary>What an untagged plain scalar means.</summary>
internal enum PlainKind
{
    /// <summary><c>~</c>, <c>null</c>, empty.</summary>
    Null,

    /// <summary>YAML 1.1 booleans: <c>true</c>, <c>yes</c>, <c>on</c>, <c>y</c> ... and their negatives.</summary>
    Bool,

    /// <summary>An integer (decimal, <c>0x</c>, <c>0o</c>, <c>0b</c>, leading-zero octal, underscores allowed).</summary>
    Int,

    /// <summary>A floating-point number (including <c>.inf</c> and <c>.nan</c>).</summary>
    Float,

    /// <summary>Anything else, timestamps included (kubectl's reader keeps those as strings).</summary>
    String,
}

/// <summary>A resolved plain scalar: its kind, and for numbers the JSON number text kubectl would send.</summary>
internal readonly struct PlainValue(PlainKind kind, bool boolean, string? jsonNumber, double number)
{
    public PlainKind Kind { get; } = kind;

    public bool Boolean { get; } = boolean;

    /// <summary>The number as Go's encoding/json writes it (<c>0755</c> → <c>493</c>, <c>1e3</c> → <c>1000</c>); null for NaN and infinities.</summary>
    public string? JsonNumber { get; } = jsonNumber;

    public double Number { get; } = number;
}

/// <summary>
/// Resolves plain (unquoted, untagged) scalars exactly as kubectl's YAML reader does: go-yaml v2's YAML 1.1
/// rules, which sigs.k8s.io/yaml then turns into JSON. This is why <c>defaultMode: 0755</c> means 493,
/// <c>on</c> means true, <c>replicas: 0x3</c> means 3 and <c>version: 1.10</c> is the number 1.1.
/// </summary>
internal static class PlainScalarResolver
{
    // go-yaml v2's resolve table: the first character decides which rules are tried.
    private static readonly Regex YamlStyleFloat = new(@"^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?\z", RegexOptions.CultureInvariant);
    private static readonly Regex DotFloat = new(@"^\.[0-9]+([eE][-+]?[0-9]+)?\z", RegexOptions.CultureInvariant);
    private static readonly BigInteger MaxUInt64 = ulong.MaxValue;

    public static PlainValue Resolve(string text)
    {
        switch (text)
        {
            case "" or "~" or "null" or "Null" or "NULL":
                return new PlainValue(PlainKind.Null, false, null, 0);
            case "y" or "Y" or "yes" or "Yes" or "YES" or "true" or "True" or "TRUE" or "on" or "On" or "ON":
                return new PlainValue(PlainKind.Bool, true, null, 0);
            case "n" or "N" or "no" or "No" or "NO" or "false" or "False" or "FALSE" or "off" or "Off" or "OFF":
                return new PlainValue(PlainKind.Bool, false, null, 0);
            case ".nan" or ".NaN" or ".NAN":
                return new PlainValue(PlainKind.Float, false, null, double.NaN);
            case ".inf" or ".Inf" or ".INF" or "+.inf" or "+.Inf" or "+.INF":
                return new PlainValue(PlainKind.Float, false, null, double.PositiveInfinity);
            case "-.inf" or "-.Inf" or "-.INF":
                return new PlainValue(PlainKind.Float, false, null, double.NegativeInfinity);
        }

        var first = text[0];
        if (first == '.')
        {
            return DotFloat.IsMatch(text) ? Float(text) : Str;
        }

        if (first is not ('+' or '-' or (>= '0' and <= '9')))
        {
            return Str;
        }

        var plain = text.Replace("_", string.Empty);
        if (TryParseGoInteger(plain, out var integer) && (integer >= long.MinValue && integer <= long.MaxValue || plain[0] != '-' && plain[0] != '+' && integer <= MaxUInt64))
        {
            return new PlainValue(PlainKind.Int, false, integer.ToString(CultureInfo.InvariantCulture), (double)integer);
        }

        return YamlStyleFloat.IsMatch(plain) ? Float(plain) : Str;
    }

    private static PlainValue Str => new(PlainKind.String, false, null, 0);

    /// <summary>strconv.ParseFloat: out-of-range values are an error there, so the scalar stays a string.</summary>
    private static PlainValue Float(string text)
    {
        if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) || double.IsInfinity(value))
        {
            return Str;
        }

        return new PlainValue(PlainKind.Float, false, GoJsonNumbers.Format(value), value);
    }

    /// <summary>
    /// strconv.ParseInt(s, 0, 64) syntax: optional sign, then <c>0x</c>/<c>0X</c> hex, <c>0o</c>/<c>0O</c> or a
    /// leading <c>0</c> octal, <c>0b</c>/<c>0B</c> binary, or decimal. Range is checked by the caller.
    /// </summary>
    private static bool TryParseGoInteger(string s, out BigInteger value)
    {
        value = BigInteger.Zero;
        var i = s.Length > 0 && s[0] is '+' or '-' ? 1 : 0;
        var negative = i == 1 && s[0] == '-';
        var radix = 10;
        if (s.Length - i >= 2 && s[i] == '0')
        {
            switch (s[i + 1])
            {
                case 'x' or 'X':
                    radix = 16;
                    i += 2;
                    break;
                case 'o' or 'O':
                    radix = 8;
                    i += 2;
                    break;
                case 'b' or 'B':
                    radix = 2;
                    i += 2;
                    break;
                default:
                    radix = 8;
                    i += 1;
                    break;
            }
        }

        if (i >= s.Length || s.Length - i > 80)
        {
            return false;
        }

        for (; i < s.Length; i++)
        {
            var digit = s[i] switch
            {
                >= '0' and <= '9' => s[i] - '0',
                >= 'a' and <= 'f' => s[i] - 'a' + 10,
                >= 'A' and <= 'F' => s[i] - 'A' + 10,
                _ => 99,
            };
            if (digit >= radix)
            {
                return false;
            }

            value = (value * radix) + digit;
        }

        value = negative ? -value : value;
        return true;
    }
}
