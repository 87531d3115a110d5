using System.Globalization;

namespace StatefulManifests.Model;

/// <summary>
/// Kubernetes <c>IntOrString</c>: a port given as <c>8080</c> or <c>"http"</c>, a budget given as <c>1</c> or
/// <c>"25%"</c>. The two kinds never compare equal (<c>80</c> is not <c>"80"</c>), exactly as in Kubernetes.
/// </summary>
public readonly struct IntOrString : IEquatable<IntOrString>
{
    private readonly string? text;

    private IntOrString(int number, string? text)
    {
        IntValue = number;
        this.text = text;
    }

    /// <summary>True when the value is a string.</summary>
    public bool IsString => text is not null;

    /// <summary>The integer value (0 when <see cref="IsString"/>).</summary>
    public int IntValue { get; }

    /// <summary>The string value (null when an integer).</summary>
    public string? StringValue => text;

    /// <summary>An integer value.</summary>
    public static IntOrString FromInt(int value) => new(value, null);

    /// <summary>A string value.</summary>
    public static IntOrString FromString(string value) => new(0, value ?? throw new ArgumentNullException(nameof(value)));

    /// <summary>An integer value.</summary>
    public static implicit operator IntOrString(int value) => FromInt(value);

    /// <summary>A string value.</summary>
    public static implicit operator IntOrString(string value) => FromString(value);

    /// <summary>True for a string of the form <c>N%</c>.</summary>
    public bool IsPercent => text is not null && text.EndsWith("%", StringComparison.Ordinal);

    /// <summary>
    /// Resolves the value against a total as Kubernetes' <c>intstr.GetScaledValueFromIntOrPercent</c> does:
    /// integers as they are; <c>N%</c> of <paramref name="total"/>, rounded up or down (<c>25%</c> of 10 is 3 rounded
    /// up, 2 rounded down). Throws <see cref="FormatException"/> with Kubernetes' message for any other string.
    /// </summary>
    public int Scaled(int total, bool roundUp) =>
        TryScaled(total, roundUp, out var value, out var error) ? value : throw new FormatException(error);

    /// <summary>Like <see cref="Scaled"/>, but returns false and Kubernetes' error message instead of throwing.</summary>
    public bool TryScaled(int total, bool roundUp, out int value, out string? error)
    {
        value = 0;
        error = null;
        if (!IsString)
        {
            value = IntValue;
            return true;
        }

        if (!IsPercent)
        {
            error = "invalid value for IntOrString: invalid type: string is not a percentage";
            return false;
        }

        // strconv.Atoi: an optional sign and ASCII digits, nothing else.
        var digits = text!.Substring(0, text.Length - 1);
        if (!IsAtoiSyntax(digits) || !long.TryParse(digits, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var percent))
        {
            error = "invalid value for IntOrString: invalid value \"" + text + "\": strconv.Atoi: parsing \"" + digits + "\": "
                + (IsAtoiSyntax(digits) ? "value out of range" : "invalid syntax");
            return false;
        }

        // Exact integer arithmetic for math.Ceil / math.Floor of percent × total / 100 (negatives included).
        var product = (decimal)percent * total;
        var scaled = roundUp ? Math.Ceiling(product / 100) : Math.Floor(product / 100);
        if (scaled < int.MinValue || scaled > int.MaxValue)
        {
            error = "invalid value for IntOrString: " + text + " of " + total.ToString(CultureInfo.InvariantCulture) + " is out of range";
            return false;
        }

        value = (int)scaled;
        return true;
    }

    private static bool IsAtoiSyntax(string s)
    {
        var start = s.Length > 0 && s[0] is '+' or '-' ? 1 : 0;
        return s.Length > start && s.Skip(start).All(c => c >= '0' && c <= '9');
    }

    /// <inheritdoc />
    public bool Equals(IntOrString other) => IsString ? string.Equals(text, other.text, StringComparison.Ordinal) : !other.IsString && IntValue == other.IntValue;

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is IntOrString other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => IsString ? StringComparer.Ordinal.GetHashCode(text!) : IntValue;

    /// <summary>Equality (kind and value).</summary>
    public static bool operator ==(IntOrString left, IntOrString right) => left.Equals(right);

    /// <summary>Inequality.</summary>
    public static bool operator !=(IntOrString left, IntOrString right) => !left.Equals(right);

    /// <inheritdoc />
    public override string ToString() => text ?? IntValue.ToString(CultureInfo.InvariantCulture);
}
