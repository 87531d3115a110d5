using System.Globalization;
using StatefulManifests.Model;

namespace StatefulManifests.Validation;

/// <summary>
/// Value checks shared by every rule file: non-negative and positive numbers, closed sets (<see cref="EnumValue{TEnum}"/>),
/// int-or-percent values and quantities that failed to parse.
/// </summary>
internal static class ValueRules
{
    /// <summary>Kubernetes' message for a negative value.</summary>
    public const string NegativeMessage = "must be greater than or equal to 0";

    /// <summary>Kubernetes' message for a value that must be positive.</summary>
    public const string NotPositiveMessage = "must be greater than zero";

    /// <summary><c>Invalid value: -1: must be greater than or equal to 0</c> when the value is set and negative.</summary>
    public static void NonNegative(ValidationErrors errors, FieldPath path, long? value)
    {
        if (value < 0)
        {
            errors.Invalid(path, value.Value, NegativeMessage);
        }
    }

    /// <summary><c>Invalid value: 0: must be greater than zero</c> when the value is not positive.</summary>
    public static void Positive(ValidationErrors errors, FieldPath path, long value)
    {
        if (value <= 0)
        {
            errors.Invalid(path, value, NotPositiveMessage);
        }
    }

    /// <summary>
    /// Reports an unknown value of a closed set as <c>Unsupported value</c>. A missing or empty value is left alone:
    /// the API server fills in the field's default before it validates.
    /// </summary>
    public static void KnownOrDefaulted<TEnum>(ValidationErrors errors, FieldPath path, EnumValue<TEnum>? value, IEnumerable<string> supported)
        where TEnum : struct, Enum
    {
        if (value is { IsKnown: false } v && v.Value.Length > 0)
        {
            errors.NotSupported(path, v.Value, supported);
        }
    }

    /// <summary>The wire value of a set enum field, or null when it is missing or empty.</summary>
    public static string? Wire<TEnum>(EnumValue<TEnum>? value)
        where TEnum : struct, Enum =>
        value is { } v && v.Value.Length > 0 ? v.Value : null;

    /// <summary>The supported values sorted the way Kubernetes' <c>sets.List</c> sorts them (ordinal).</summary>
    public static IReadOnlyList<string> Sorted<TEnum>()
        where TEnum : struct, Enum =>
        EnumValue<TEnum>.SupportedValues.OrderBy(v => v, StringComparer.Ordinal).ToArray();

    /// <summary>The supported values in declaration order (for the fields where Kubernetes lists them literally).</summary>
    public static IReadOnlyList<string> Declared<TEnum>()
        where TEnum : struct, Enum =>
        EnumValue<TEnum>.SupportedValues;

    /// <summary>Reports a quantity that did not parse, with the parser's reason; true when the quantity is usable.</summary>
    public static bool ValidQuantity(ValidationErrors errors, FieldPath path, Quantity? quantity)
    {
        if (quantity is { IsValid: false } q)
        {
            errors.Invalid(path, q, q.Error!);
            return false;
        }

        return quantity is not null;
    }

    /// <summary>
    /// <c>ValidatePositiveIntOrPercent</c>: an integer must not be negative; a string must be a percentage.
    /// </summary>
    public static void IntOrPercent(ValidationErrors errors, FieldPath path, IntOrString value)
    {
        if (value.IsString)
        {
            errors.Invalid(path, value, NameRules.IsPercent(value.StringValue!));
        }
        else if (value.IntValue < 0)
        {
            errors.Invalid(path, value, NegativeMessage);
        }
    }

    /// <summary><c>IsNotMoreThan100Percent</c>: a valid percentage may not exceed 100%.</summary>
    public static void NotMoreThan100Percent(ValidationErrors errors, FieldPath path, IntOrString value)
    {
        if (PercentValue(value) > 100)
        {
            errors.Invalid(path, value, "must not be greater than 100%");
        }
    }

    /// <summary>
    /// Kubernetes' <c>getIntOrPercentValue</c>: the number of a valid percentage, the integer, or — for any other
    /// string — what Go's <c>Atoi</c> makes of it (0 when it is not a number).
    /// </summary>
    public static long IntOrPercentValue(IntOrString value)
    {
        if (!value.IsString)
        {
            return value.IntValue;
        }

        return PercentValue(value)
            ?? (long.TryParse(value.StringValue, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var n) ? n : 0);
    }

    private static long? PercentValue(IntOrString value)
    {
        if (!value.IsString || NameRules.IsPercent(value.StringValue!).Count > 0)
        {
            return null;
        }

        var digits = value.StringValue!.Substring(0, value.StringValue.Length - 1);
        return long.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var percent) ? percent : long.MaxValue;
    }
}
