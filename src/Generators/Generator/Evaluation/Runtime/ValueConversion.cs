using System.Collections;
using System.Globalization;
using System.Reflection;
using StatefulManifests.Generators.Evaluation.Interpretation;

namespace StatefulManifests.Generators.Evaluation.Runtime;

/// <summary>
/// Converts evaluated values to the runtime types framework and DSL members expect, as C#'s implicit conversions
/// would: constants to enums, numeric widening, nullable wrapping, boxing, tuples element by element. Because user
/// types are erased to <see cref="object"/> in generic code, it also adapts across the erasure at these boundaries:
/// a <c>Func&lt;object, string&gt;</c> where a <c>Func&lt;string, string&gt;</c> is expected, a sequence of objects
/// where a sequence of strings is. Always culture-invariant.
/// </summary>
internal static class ValueConversion
{
    private static readonly MethodInfo CastMethod = typeof(Enumerable).GetMethod(nameof(Enumerable.Cast))!;

    /// <summary>Converts <paramref name="value"/> to <paramref name="target"/>; throws InvalidCastException when C# could not have.</summary>
    public static object? To(object? value, Type target)
    {
        if (target.IsByRef)
        {
            target = target.GetElementType()!;
        }

        var underlying = Nullable.GetUnderlyingType(target);
        if (value is null)
        {
            // default(T) of a value type (a struct parameter's default); null for references and nullables.
            return target.IsValueType && underlying is null ? Activator.CreateInstance(target) : null;
        }

        var type = underlying ?? target;
        if (type == typeof(object) || type.IsInstanceOfType(value))
        {
            return value;
        }

        if (value is UserEnumValue userEnum)
        {
            return NumericConversion.IsNumeric(type) ? NumericConversion.Convert(userEnum.Value, type, isChecked: false)
                : type.IsEnum ? Enum.ToObject(type, userEnum.Value)
                : throw new InvalidCastException("the enum " + userEnum.Type.DisplayName + " cannot be converted to " + type.Name);
        }

        if (type.IsEnum)
        {
            var number = value is Enum ? Convert.ChangeType(value, Enum.GetUnderlyingType(value.GetType()), CultureInfo.InvariantCulture) : value;
            return Enum.ToObject(type, number);
        }

        if (NumericConversion.IsNumeric(type) && (NumericConversion.IsNumeric(value.GetType()) || value is Enum))
        {
            var number = value is Enum ? Convert.ChangeType(value, Enum.GetUnderlyingType(value.GetType()), CultureInfo.InvariantCulture) : value;
            return NumericConversion.Convert(number!, type, isChecked: false);
        }

        if (IsValueTuple(type) && IsValueTuple(value.GetType()))
        {
            return Tuple(value, type);
        }

        if (value is Delegate function && typeof(Delegate).IsAssignableFrom(type) && DelegateFactory.Adapt(function, type) is { } adapted)
        {
            return adapted;
        }

        if (value is IEnumerable sequence && SequenceElement(type) is { } element)
        {
            return Sequence(sequence, type, element);
        }

        throw new InvalidCastException("a value of type " + TypeName(value) + " cannot be converted to " + type.Name);
    }

    /// <summary>How messages name a value's type (user objects by their C# type).</summary>
    public static string TypeName(object value) => value switch
    {
        UserObject o => o.Type.DisplayName,
        UserEnumValue e => e.Type.DisplayName,
        _ => value.GetType().Name,
    };

    private static object Tuple(object value, Type type)
    {
        var elementTypes = type.GetGenericArguments();
        var source = value.GetType();
        var count = source.GetGenericArguments().Length;
        if (count != elementTypes.Length)
        {
            throw new InvalidCastException("a tuple of " + count + " elements cannot be converted to one of " + elementTypes.Length);
        }

        var items = new object?[elementTypes.Length];
        for (var i = 0; i < items.Length; i++)
        {
            // ValueTuple's fields are Item1..Item7 and Rest, in order.
            var name = i == 7 ? "Rest" : "Item" + (i + 1).ToString(CultureInfo.InvariantCulture);
            items[i] = To(source.GetField(name)!.GetValue(value), elementTypes[i]);
        }

        return Activator.CreateInstance(type, items)!;
    }

    /// <summary>The element type when <paramref name="type"/> is a sequence a converted copy can satisfy (arrays, lists, IEnumerable&lt;T&gt;).</summary>
    private static Type? SequenceElement(Type type)
    {
        if (type.IsArray)
        {
            return type.GetElementType();
        }

        if (!type.IsGenericType)
        {
            return null;
        }

        var definition = type.GetGenericTypeDefinition();
        return definition == typeof(IEnumerable<>) || definition == typeof(IReadOnlyList<>) || definition == typeof(IReadOnlyCollection<>)
            || definition == typeof(IList<>) || definition == typeof(ICollection<>) || definition == typeof(List<>)
            ? type.GetGenericArguments()[0]
            : null;
    }

    private static object Sequence(IEnumerable sequence, Type type, Type element)
    {
        var items = new List<object?>();
        foreach (var item in sequence)
        {
            items.Add(To(item, element));
        }

        if (type.IsArray)
        {
            var array = Array.CreateInstance(element, items.Count);
            for (var i = 0; i < items.Count; i++)
            {
                array.SetValue(items[i], i);
            }

            return array;
        }

        var list = (IList)Activator.CreateInstance(typeof(List<>).MakeGenericType(element))!;
        foreach (var item in items)
        {
            list.Add(item);
        }

        return type.IsInstanceOfType(list) ? list : CastMethod.MakeGenericMethod(element).Invoke(null, [list])!;
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
