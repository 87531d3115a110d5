using StatefulManifests.Generators.Evaluation.Runtime;
using StatefulManifests.Generators.Planning.Plan;

namespace StatefulManifests.Generators.Evaluation.Interpretation;

/// <summary>Conversions as C# performs them: numeric (checked or not), enum, nullable, downcasts, user-defined, structural.</summary>
internal sealed partial class Interpreter
{
    private object? Convert(ConversionNode conversion, object? operand, Frame frame)
    {
        var at = At(frame, conversion.Id);
        switch (conversion.Kind)
        {
            case ConversionKind.Identity:
                return operand;
            case ConversionKind.Downcast:
                if (operand is null || IsInstance(operand, conversion.Target))
                {
                    return operand;
                }

                throw new EvaluationException(at, "a " + ValueConversion.TypeName(operand) + " is not a " + conversion.Target + " (InvalidCastException at run time)");
            case ConversionKind.UserDefined when conversion.UserOperator is { } function:
                return Invoke(Function(function, at), null, null, [operand], null, out _);
            case ConversionKind.UserDefined when conversion.Operator is { } method:
            {
                var resolved = RuntimeTypes.Resolve(method) ?? throw new EvaluationException(at, "the conversion " + method + " is not available", isLimitation: true);
                var parameter = RuntimeTypes.ParametersOf(resolved)[0];
                return InvokeMember(resolved, null, [Convert(operand, parameter, at)], at);
            }

            case ConversionKind.Value:
                return ValueConvert(operand, conversion.Target, conversion.Checked, at);
            default:
                return conversion.Target.IsUser ? operand : Convert(operand, Resolve(conversion.Target, at), at);
        }
    }

    /// <summary>Numeric, enum, char, nullable and unboxing conversions.</summary>
    private object? ValueConvert(object? value, TypeRef target, bool isChecked, SourceRef at)
    {
        var isNullable = target.MetadataName == "System.Nullable`1";
        var type = isNullable ? target.TypeArguments[0] : target;
        if (value is null)
        {
            return isNullable || !IsValueTypeRef(type)
                ? null
                : throw new EvaluationException(at, "null has no value of type " + type + " (InvalidOperationException at run time)");
        }

        try
        {
            if (IsUserEnum(type, out var enumType))
            {
                return new UserEnumValue(enumType!, value is UserEnumValue e ? e.Value : System.Convert.ToInt64(Underlying(value), System.Globalization.CultureInfo.InvariantCulture));
            }

            if (type.IsUser)
            {
                return value;
            }

            var runtime = Resolve(type, at);
            var number = value is UserEnumValue userEnum ? userEnum.Value : Underlying(value);
            if (runtime.IsEnum)
            {
                return Enum.ToObject(runtime, NumericConversion.Convert(number, Enum.GetUnderlyingType(runtime), isChecked));
            }

            if (NumericConversion.IsNumeric(runtime) && NumericConversion.IsNumeric(number.GetType()))
            {
                return NumericConversion.Convert(number, runtime, isChecked);
            }

            return Convert(value, runtime, at);
        }
        catch (OverflowException)
        {
            throw new EvaluationException(at, "the value " + ValueConversion.Text(value) + " does not fit in " + type + " (OverflowException at run time)");
        }
    }

    private bool IsValueTypeRef(TypeRef type)
    {
        if (type.IsUser)
        {
            return typePlans.TryGetValue(type.MetadataName, out var plan) && plan.Kind is UserTypeKind.Enum or UserTypeKind.Struct or UserTypeKind.RecordStruct;
        }

        return RuntimeTypes.Resolve(type) is { IsValueType: true };
    }

    /// <summary>A CLR enum's underlying number; any other value as it is.</summary>
    private static object Underlying(object value) =>
        value is Enum ? System.Convert.ChangeType(value, Enum.GetUnderlyingType(value.GetType()), System.Globalization.CultureInfo.InvariantCulture) : value;

    /// <summary>An implicit conversion at a boundary with framework or DSL code.</summary>
    private static object? Convert(object? value, Type type, SourceRef at) => ConvertStatic(value, type, at);

    private static object? ConvertStatic(object? value, Type type, SourceRef at)
    {
        try
        {
            return ValueConversion.To(value, type);
        }
        catch (Exception e) when (e is InvalidCastException or FormatException or OverflowException or ArgumentException)
        {
            throw new EvaluationException(at, e.Message, e, isLimitation: true);
        }
    }

    /// <summary>True when <paramref name="value"/> is of <paramref name="type"/> (user types by their supertypes).</summary>
    private bool IsInstance(object value, TypeRef type)
    {
        if (value is UserObject user)
        {
            return user.Type.Is(type.MetadataName) || type.MetadataName == "System.Object";
        }

        if (value is UserEnumValue userEnum)
        {
            return userEnum.Type.Is(type.MetadataName) || type.MetadataName is "System.Object" or "System.Enum" or "System.ValueType";
        }

        if (type.IsUser)
        {
            return false;
        }

        var runtime = RuntimeTypes.Resolve(type);
        if (runtime is null)
        {
            return false;
        }

        var underlying = Nullable.GetUnderlyingType(runtime) ?? runtime;
        return underlying.IsInstanceOfType(value);
    }
}
