using System.Globalization;

namespace StatefulManifests.Generators.Evaluation;

/// <summary>
/// Converts evaluated values to the runtime types the DSL's parameters expect, the way C#'s implicit conversions
/// would at run time: constants to enums, numeric widening, nullable wrapping, boxing, and tuples element by element.
/// Always culture-invariant.
/// </summary>
internal static class ValueConversion
{
    /// <summary>Converts <paramref name="value"/> to <paramref name="target"/>; throws InvalidCastException when C# could not have.</summary>
    public static object? To(object? value, Type target)
    {
        var underlying = Nullable.GetUnderlyingType(target);
        if (value is null)
        {
            // default(T) of a value type (a struct parameter's default); null for references and nullables.
            return target.IsValueType && underlying is null ? Activator.CreateInstance(target) : null;
        }

        var type = underlying ?? target;
        if (type.IsEnum)
        {
            var number = value is Enum ? Convert.ChangeType(value, Enum.GetUnderlyingType(value.GetType()), CultureInfo.InvariantCulture) : value;
            return Enum.ToObject(type, number);
        }

        if (type.IsInstanceOfType(value))
        {
            return value;
        }

        if (value is IConvertible && (type.IsPrimitive || type == typeof(decimal)))
        {
            var number = value is Enum ? Convert.ChangeType(value, Enum.GetUnderlyingType(value.GetType()), CultureInfo.InvariantCulture) : value;
            return Convert.ChangeType(number, type, CultureInfo.InvariantCulture);
        }

        if (IsValueTuple(type) && IsValueTuple(value.GetType()))
        {
            var elementTypes = type.GetGenericArguments();
            var sourceFields = value.GetType().GetFields();
            if (elementTypes.Length == sourceFields.Length)
            {
                // ValueTuple's fields are Item1..ItemN in order; convert each to the target's element type.
                var items = new object?[elementTypes.Length];
                for (var i = 0; i < items.Length; i++)
                {
                    items[i] = To(value.GetType().GetField("Item" + (i + 1).ToString(CultureInfo.InvariantCulture))!.GetValue(value), elementTypes[i]);
                }

                return Activator.CreateInstance(type, items);
            }
        }

        throw new InvalidCastException("a value of type " + value.GetType().Name + " cannot be converted to " + type.Name);
    }

    private static bool IsValueTuple(Type type) =>
        type.IsGenericType && type.FullName is { } name && name.StartsWith("System.ValueTuple`", StringComparison.Ordinal);

    /// <summary>The text of a value in a string concatenation or interpolation, formatted with the invariant culture.</summary>
    public static string Text(object? value, int? alignment = null, string? format = null)
    {
        if (alignment is null && format is null)
        {
            return value switch
            {
                null => string.Empty,
                string s => s,
                IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
                _ => value.ToString() ?? string.Empty,
            };
        }

        var pattern = "{0" + (alignment is { } a ? "," + a.ToString(CultureInfo.InvariantCulture) : string.Empty) + (format is null ? string.Empty : ":" + format) + "}";
        return string.Format(CultureInfo.InvariantCulture, pattern, value);
    }
}
