using System.Numerics;

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
/// <c>k8s.io/apimachinery/pkg/api/resource</c> does. The value is held exactly, in nano units; anything finer is
/// rounded up (away from zero), binary quantities are capped at the largest int64 as Kubernetes caps them, and
/// equality is numeric (<c>1000m</c> equals <c>1</c>, <c>1Ki</c> equals <c>1024</c>).
/// <see cref="ToString"/> prints the canonical form (<c>1.5Gi</c> → <c>1536Mi</c>, <c>0.5</c> → <c>500m</c>,
/// <c>1e3</c> stays <c>1e3</c>, <c>2048Ki</c> → <c>2Mi</c>).
/// A quantity that failed to parse keeps its text and error so validation can report it with its field path.
/// </summary>
/// <remarks>
/// Deliberate differences from apimachinery, none of which a real manifest meets:
/// apimachinery's <c>String()</c> returns the input unchanged when its parser judged it canonical (so <c>+1</c> and
/// <c>1.500</c> print as given), while this type always prints the canonical form; decimal quantities of
/// 1000E and more print with an <c>E</c> suffix (apimachinery drops the suffix and so changes the value); and more
/// than 4096 significant digits are rejected. Any magnitude is held, as in apimachinery (<c>1e999999999</c> is one
/// digit and an exponent); <see cref="Value"/> saturates at <see cref="decimal.MaxValue"/> beyond decimal's range.
/// </remarks>
public readonly struct Quantity : IEquatable<Quantity>, IComparable<Quantity>
{
    // The value is nanos × 10^scale nanos, normalized by QuantityMath.Normalize (scale is 0 below 10^28 units).
    private readonly BigInteger nanos;
    private readonly long scale;
    private readonly string? invalidText;

    private Quantity(BigInteger nanos, long scale, QuantityFormat format, string? invalidText, string? error)
    {
        this.nanos = nanos;
        this.scale = scale;
        Format = format;
        this.invalidText = invalidText;
        Error = error;
    }

    /// <summary>
    /// The numeric value (exact to nano precision; 0 for an invalid quantity); beyond decimal's range (about 7.9 × 10^28)
    /// it saturates at <see cref="decimal.MaxValue"/> or <see cref="decimal.MinValue"/>.
    /// </summary>
    public decimal Value
    {
        get
        {
            var whole = BigInteger.DivRem(nanos, QuantityMath.NanosPerUnit, out var fraction);
            if (scale > 0 || BigInteger.Abs(whole) > MaxDecimal)
            {
                return nanos.Sign < 0 ? decimal.MinValue : decimal.MaxValue;
            }

            return (decimal)whole + ((decimal)fraction / 1_000_000_000m);
        }
    }

    private static readonly BigInteger MaxDecimal = new(decimal.MaxValue);

    /// <summary>The suffix family the quantity prints with.</summary>
    public QuantityFormat Format { get; }

    /// <summary>Why the text did not parse, or null for a valid quantity.</summary>
    public string? Error { get; }

    /// <summary>True when the quantity parsed.</summary>
    public bool IsValid => Error is null;

    /// <summary>The sign of the value: -1, 0 or 1.</summary>
    public int Sign => nanos.Sign;

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

    /// <summary>A quantity from an integer (<c>FromInt64(3)</c> is <c>3</c>; with BinarySI, 2048 prints as <c>2Ki</c>).</summary>
    public static Quantity FromInt64(long value, QuantityFormat format = QuantityFormat.DecimalSI) =>
        new(new BigInteger(value) * QuantityMath.NanosPerUnit, 0, format, null, null);

    /// <summary>
    /// Parses <paramref name="text"/> as <c>resource.ParseQuantity</c> does, without throwing: an invalid text yields
    /// a quantity whose <see cref="Error"/> gives Kubernetes' reason (with a suggestion for the usual unit mistakes,
    /// e.g. <c>10GB</c> → "did you mean 10G or 10Gi") and whose <see cref="ToString"/> is the original text.
    /// Surrounding spaces are an error here, as in <c>ParseQuantity</c> (the YAML reader trims them first, as
    /// Kubernetes' JSON decoding does).
    /// </summary>
    public static Quantity FromText(string? text)
    {
        text ??= string.Empty;
        var result = QuantityParser.Parse(text);
        return result.Error is null
            ? new Quantity(result.Nanos, result.Scale, result.Format, null, null)
            : new Quantity(BigInteger.Zero, 0, QuantityFormat.DecimalSI, text, result.Error);
    }

    /// <summary>The canonical Kubernetes text (or the original text of an invalid quantity).</summary>
    public override string ToString() => IsValid ? QuantityFormatter.Canonical(nanos, scale, Format) : invalidText ?? string.Empty;

    /// <summary>Numeric equality, as <c>Quantity.Equal</c> in Kubernetes; invalid quantities compare by text.</summary>
    public bool Equals(Quantity other) =>
        IsValid && other.IsValid ? nanos == other.nanos && scale == other.scale : !IsValid && !other.IsValid && invalidText == other.invalidText;

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is Quantity other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => IsValid ? nanos.GetHashCode() ^ scale.GetHashCode() : StringComparer.Ordinal.GetHashCode(invalidText ?? string.Empty);

    /// <summary>Numeric order, as <c>Quantity.Cmp</c>; invalid quantities sort after valid ones, by text.</summary>
    public int CompareTo(Quantity other)
    {
        if (IsValid != other.IsValid)
        {
            return IsValid ? -1 : 1;
        }

        if (!IsValid)
        {
            return string.CompareOrdinal(invalidText, other.invalidText);
        }

        if (nanos.Sign != other.nanos.Sign)
        {
            return nanos.Sign.CompareTo(other.nanos.Sign);
        }

        var magnitude = QuantityMath.CompareMagnitude(nanos, scale, other.nanos, other.scale);
        return nanos.Sign < 0 ? -magnitude : magnitude;
    }

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
