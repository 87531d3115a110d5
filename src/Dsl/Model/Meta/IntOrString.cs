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
    /// Resolves the value against a total as Kubernetes' <c>GetScaledValueFromIntOrPercent</c> does:
    /// integers as they are; <c>N%</c> of <paramref name="total"/>, rounded up or down.
    /// </summary>
    public int Scaled(int total, bool roundUp)
    {
        if (!IsString)
        {
            return IntValue;
        }

        if (!IsPercent || !int.TryParse(text!.Substring(0, text.Length - 1), NumberStyles.None, CultureInfo.InvariantCulture, out var percent))
        {
            throw new FormatException("invalid value for IntOrString: invalid type: string is not a percentage: \"" + text + "\"");
        }

        var product = (long)percent * total;
        return (int)(roundUp ? (product + 99) / 100 : product / 100);
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
