using System.Globalization;

namespace StatefulManifests.Model;

/// <summary>How a <see cref="Quantity"/> prints: the suffix family Kubernetes keeps when it canonicalises.</summary>
public enum QuantityFormat
{
    /// <summary>Decimal SI suffixes: <c>n u m k M G T P E</c>.</summary>
    DecimalSI,

    /// <summary>Binary SI suffixes: <c>Ki Mi Gi Ti Pi Ei</c>.</summary>
    BinarySI,

    /// <summary>Decimal exponent: <c>1e3</c>.</summary>
    DecimalExponent,
}

/// <summary>
/// A Kubernetes resource quantity (<c>500m</c>, <c>1Gi</c>, <c>1e3</c>), parsed and canonicalised as
/// <c>k8s.io/apimachinery/pkg/api/resource</c> does: values are kept to nano precision (rounded up), equality is
/// numeric (<c>1000m</c> equals <c>1</c>) and <see cref="ToString"/> prints the canonical form
/// (<c>1.5Gi</c> prints as <c>1536Mi</c>, <c>0.5</c> as <c>500m</c>).
/// A quantity that failed to parse keeps its text and error so validation can report it with its field path.
/// </summary>
public readonly struct Quantity : IEquatable<Quantity>, IComparable<Quantity>
{
    private static readonly (string Suffix, int Exponent)[] DecimalSuffixes =
    [
        ("n", -9), ("u", -6), ("m", -3), (string.Empty, 0), ("k", 3), ("M", 6), ("G", 9), ("T", 12), ("P", 15), ("E", 18),
    ];

    private static readonly (string Suffix, int Power)[] BinarySuffixes =
    [
        ("Ki", 10), ("Mi", 20), ("Gi", 30), ("Ti", 40), ("Pi", 50), ("Ei", 60),
    ];

    private readonly string? invalidText;

    private Quantity(decimal value, QuantityFormat format, string? invalidText, string? error)
    {
        Value = value;
        Format = format;
        this.invalidText = invalidText;
        Error = error;
    }

    /// <summary>The numeric value (nano precision).</summary>
    public decimal Value { get; }

    /// <summary>The suffix family the quantity prints with.</summary>
    public QuantityFormat Format { get; }

    /// <summary>Why the text did not parse, or null for a valid quantity.</summary>
    public string? Error { get; }

    /// <summary>True when the quantity parsed.</summary>
    public bool IsValid => Error is null;

    /// <summary>Parses a quantity, throwing <see cref="FormatException"/> with Kubernetes' reason if it is invalid.</summary>
    public static Quantity Parse(string text)
    {
        var q = FromText(text);
        return q.IsValid ? q : throw new FormatException(q.Error);
    }

    /// <summary>Parses a quantity; on failure returns false and the reason.</summary>
    public static bool TryParse(string text, out Quantity quantity, out string? error)
    {
        quantity = FromText(text);
        error = quantity.Error;
        return quantity.IsValid;
    }

    /// <summary>A quantity from an integer with decimal SI format (<c>FromInt64(3)</c> is <c>3</c>).</summary>
    public static Quantity FromInt64(long value, QuantityFormat format = QuantityFormat.DecimalSI) => new(value, format, null, null);

    /// <summary>
    /// Parses <paramref name="text"/> without throwing: an invalid text yields a quantity whose
    /// <see cref="Error"/> explains the problem and whose <see cref="ToString"/> is the original text.
    /// </summary>
    public static Quantity FromText(string? text)
    {
        if (text is null || text.Length == 0)
        {
            return Invalid(text ?? string.Empty, "quantity must not be empty");
        }

        var s = text.Trim();
        var i = 0;
        if (i < s.Length && (s[i] == '+' || s[i] == '-'))
        {
            i++;
        }

        var numberStart = i;
        var digits = 0;
        var dots = 0;
        while (i < s.Length && (char.IsDigit(s[i]) && s[i] < 128 || s[i] == '.'))
        {
            if (s[i] == '.')
            {
                dots++;
            }
            else
            {
                digits++;
            }

            i++;
        }

        if (digits == 0 || dots > 1 || s != text)
        {
            return Invalid(text, "quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'");
        }

        if (!decimal.TryParse(s.Substring(0, i), NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var number))
        {
            return Invalid(text, "quantity is too large");
        }

        var suffix = s.Substring(i);
        decimal value;
        QuantityFormat format;
        if (TryDecimalSuffix(suffix, out var exponent))
        {
            format = QuantityFormat.DecimalSI;
            value = Scale(number, exponent, out var overflow);
            if (overflow)
            {
                return Invalid(text, "quantity is too large");
            }
        }
        else if (TryBinarySuffix(suffix, out var power))
        {
            format = QuantityFormat.BinarySI;
            try
            {
                value = number * (decimal)Math.Pow(2, power);
            }
            catch (OverflowException)
            {
                return Invalid(text, "quantity is too large");
            }
        }
        else if (TryExponentSuffix(suffix, out var e))
        {
            format = QuantityFormat.DecimalExponent;
            value = Scale(number, e, out var overflow);
            if (overflow)
            {
                return Invalid(text, "quantity is too large");
            }
        }
        else
        {
            return Invalid(text, SuffixError(s.Substring(0, i), suffix));
        }

        return new Quantity(RoundUpToNano(value), format, null, null);
    }

    private static Quantity Invalid(string text, string error) => new(0, QuantityFormat.DecimalSI, text, error);

    private static string SuffixError(string number, string suffix)
    {
        var message = "unable to parse quantity's suffix \"" + suffix + "\"";
        var upper = suffix.ToUpperInvariant();
        if (upper.EndsWith("IB", StringComparison.Ordinal))
        {
            upper = upper.Substring(0, upper.Length - 2);
        }
        else if (upper.EndsWith("B", StringComparison.Ordinal))
        {
            upper = upper.Substring(0, upper.Length - 1);
        }

        if (upper.Length == 1 && "KMGTPE".IndexOf(upper[0]) >= 0)
        {
            var dec = upper == "K" ? "k" : upper;
            message += ": Kubernetes units have no \"B\" and are case-sensitive; did you mean \"" + number + dec + "\" (powers of 1000) or \"" + number + upper + "i\" (powers of 1024)?";
        }

        return message;
    }

    private static bool TryDecimalSuffix(string suffix, out int exponent)
    {
        foreach (var (s, e) in DecimalSuffixes)
        {
            if (s == suffix)
            {
                exponent = e;
                return true;
            }
        }

        exponent = 0;
        return false;
    }

    private static bool TryBinarySuffix(string suffix, out int power)
    {
        foreach (var (s, p) in BinarySuffixes)
        {
            if (s == suffix)
            {
                power = p;
                return true;
            }
        }

        power = 0;
        return false;
    }

    private static bool TryExponentSuffix(string suffix, out int exponent)
    {
        exponent = 0;
        if (suffix.Length < 2 || (suffix[0] != 'e' && suffix[0] != 'E'))
        {
            return false;
        }

        var rest = suffix.Substring(1);
        var start = rest[0] == '+' || rest[0] == '-' ? 1 : 0;
        if (start == rest.Length || rest.Skip(start).Any(c => c < '0' || c > '9'))
        {
            return false;
        }

        return int.TryParse(rest, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out exponent);
    }

    private static decimal Scale(decimal number, int exponent, out bool overflow)
    {
        overflow = false;
        try
        {
            var result = number;
            for (var k = 0; k < Math.Abs(exponent); k++)
            {
                result = exponent > 0 ? result * 10m : result / 10m;
            }

            return result;
        }
        catch (OverflowException)
        {
            overflow = true;
            return 0;
        }
    }

    private static decimal RoundUpToNano(decimal value)
    {
        var scaled = value * 1_000_000_000m;
        var truncated = decimal.Truncate(scaled);
        if (truncated == scaled)
        {
            return value;
        }

        // apimachinery rounds values finer than a nano unit away from zero.
        return (truncated + (value > 0 ? 1 : -1)) / 1_000_000_000m;
    }

    /// <summary>The canonical Kubernetes text (or the original text of an invalid quantity).</summary>
    public override string ToString()
    {
        if (!IsValid)
        {
            return invalidText ?? string.Empty;
        }

        if (Value == 0)
        {
            return "0";
        }

        var format = Format;
        if (format == QuantityFormat.BinarySI && (Math.Abs(Value) < 1024 || decimal.Truncate(Value) != Value))
        {
            // Small or fractional binary quantities print as decimal SI, as Kubernetes does.
            format = QuantityFormat.DecimalSI;
        }

        if (format == QuantityFormat.BinarySI)
        {
            var mantissa = Value;
            var suffix = string.Empty;
            foreach (var (s, _) in BinarySuffixes)
            {
                var next = mantissa / 1024m;
                if (decimal.Truncate(next) != next)
                {
                    break;
                }

                mantissa = next;
                suffix = s;
            }

            return mantissa.ToString("0", CultureInfo.InvariantCulture) + suffix;
        }

        // Largest exponent (multiple of 3, nano .. exa) that leaves an integral mantissa.
        var exponent = -9;
        var m = Value * 1_000_000_000m;
        while (exponent < 18)
        {
            var next = m / 1000m;
            if (decimal.Truncate(next) != next)
            {
                break;
            }

            m = next;
            exponent += 3;
        }

        var digits = decimal.Truncate(m).ToString("0", CultureInfo.InvariantCulture);
        if (format == QuantityFormat.DecimalExponent)
        {
            return exponent == 0 ? digits : digits + "e" + exponent.ToString(CultureInfo.InvariantCulture);
        }

        foreach (var (s, e) in DecimalSuffixes)
        {
            if (e == exponent)
            {
                return digits + s;
            }
        }

        return digits;
    }

    /// <summary>Numeric equality, as <c>Quantity.Equal</c> in Kubernetes; invalid quantities compare by text.</summary>
    public bool Equals(Quantity other) =>
        IsValid && other.IsValid ? Value == other.Value : !IsValid && !other.IsValid && invalidText == other.invalidText;

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is Quantity other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => IsValid ? Value.GetHashCode() : StringComparer.Ordinal.GetHashCode(invalidText ?? string.Empty);

    /// <inheritdoc />
    public int CompareTo(Quantity other) => Value.CompareTo(other.Value);

    /// <summary>Numeric equality.</summary>
    public static bool operator ==(Quantity left, Quantity right) => left.Equals(right);

    /// <summary>Numeric inequality.</summary>
    public static bool operator !=(Quantity left, Quantity right) => !left.Equals(right);

    /// <summary>Numeric comparison.</summary>
    public static bool operator <(Quantity left, Quantity right) => left.CompareTo(right) < 0;

    /// <summary>Numeric comparison.</summary>
    public static bool operator >(Quantity left, Quantity right) => left.CompareTo(right) > 0;

    /// <summary>Numeric comparison.</summary>
    public static bool operator <=(Quantity left, Quantity right) => left.CompareTo(right) <= 0;

    /// <summary>Numeric comparison.</summary>
    public static bool operator >=(Quantity left, Quantity right) => left.CompareTo(right) >= 0;
}
