namespace StatefulManifests.Generators.Evaluation.Runtime;

/// <summary>
/// C#'s numeric conversions between the primitive numeric types and char, implicit and explicit, checked and
/// unchecked: integral narrowing wraps (or throws when checked), floating point to integral truncates toward zero,
/// decimal conversions always check. <see cref="System.Convert"/> rounds instead, so it cannot be used.
/// </summary>
internal static class NumericConversion
{
    /// <summary>True for the types these conversions handle.</summary>
    public static bool IsNumeric(Type type) => Type.GetTypeCode(type) is >= TypeCode.Char and <= TypeCode.Decimal;

    /// <summary>Converts <paramref name="value"/> (a boxed numeric or char) to <paramref name="target"/>.</summary>
    /// <exception cref="OverflowException">A checked conversion, or any decimal conversion, out of range.</exception>
    public static object Convert(object value, Type target, bool isChecked)
    {
        var source = Type.GetTypeCode(value.GetType());
        var code = Type.GetTypeCode(target);
        if (source == code)
        {
            return value;
        }

        switch (source)
        {
            case TypeCode.Single or TypeCode.Double:
                return FromDouble(System.Convert.ToDouble(value, System.Globalization.CultureInfo.InvariantCulture), code, isChecked);
            case TypeCode.Decimal:
                return FromDecimal((decimal)value, code);
            case TypeCode.UInt64:
                return FromUInt64((ulong)value, code, isChecked);
            default:
                return FromInt64(AsInt64(value), code, isChecked);
        }
    }

    private static long AsInt64(object value) => value switch
    {
        char c => c,
        sbyte v => v,
        byte v => v,
        short v => v,
        ushort v => v,
        int v => v,
        uint v => v,
        long v => v,
        bool => throw new InvalidCastException("bool is not a number"),
        _ => throw new InvalidCastException(value.GetType().Name + " is not a number"),
    };

    private static object FromInt64(long v, TypeCode target, bool isChecked) => isChecked
        ? target switch
        {
            TypeCode.Char => checked((char)v),
            TypeCode.SByte => checked((sbyte)v),
            TypeCode.Byte => checked((byte)v),
            TypeCode.Int16 => checked((short)v),
            TypeCode.UInt16 => checked((ushort)v),
            TypeCode.Int32 => checked((int)v),
            TypeCode.UInt32 => checked((uint)v),
            TypeCode.Int64 => v,
            TypeCode.UInt64 => checked((ulong)v),
            TypeCode.Single => (float)v,
            TypeCode.Double => (double)v,
            TypeCode.Decimal => (decimal)v,
            _ => throw Unsupported(target),
        }
        : target switch
        {
            TypeCode.Char => unchecked((char)v),
            TypeCode.SByte => unchecked((sbyte)v),
            TypeCode.Byte => unchecked((byte)v),
            TypeCode.Int16 => unchecked((short)v),
            TypeCode.UInt16 => unchecked((ushort)v),
            TypeCode.Int32 => unchecked((int)v),
            TypeCode.UInt32 => unchecked((uint)v),
            TypeCode.Int64 => v,
            TypeCode.UInt64 => unchecked((ulong)v),
            TypeCode.Single => (float)v,
            TypeCode.Double => (double)v,
            TypeCode.Decimal => (decimal)v,
            _ => throw Unsupported(target),
        };

    private static object FromUInt64(ulong v, TypeCode target, bool isChecked) => isChecked
        ? target switch
        {
            TypeCode.Char => checked((char)v),
            TypeCode.SByte => checked((sbyte)v),
            TypeCode.Byte => checked((byte)v),
            TypeCode.Int16 => checked((short)v),
            TypeCode.UInt16 => checked((ushort)v),
            TypeCode.Int32 => checked((int)v),
            TypeCode.UInt32 => checked((uint)v),
            TypeCode.Int64 => checked((long)v),
            TypeCode.Single => (float)v,
            TypeCode.Double => (double)v,
            TypeCode.Decimal => (decimal)v,
            _ => throw Unsupported(target),
        }
        : target switch
        {
            TypeCode.Char => unchecked((char)v),
            TypeCode.SByte => unchecked((sbyte)v),
            TypeCode.Byte => unchecked((byte)v),
            TypeCode.Int16 => unchecked((short)v),
            TypeCode.UInt16 => unchecked((ushort)v),
            TypeCode.Int32 => unchecked((int)v),
            TypeCode.UInt32 => unchecked((uint)v),
            TypeCode.Int64 => unchecked((long)v),
            TypeCode.Single => (float)v,
            TypeCode.Double => (double)v,
            TypeCode.Decimal => (decimal)v,
            _ => throw Unsupported(target),
        };

    private static object FromDouble(double v, TypeCode target, bool isChecked)
    {
        if (target is TypeCode.Single)
        {
            return (float)v;
        }

        if (target is TypeCode.Double)
        {
            return v;
        }

        if (target is TypeCode.Decimal)
        {
            return (decimal)v;
        }

        return isChecked
            ? target switch
            {
                TypeCode.Char => checked((char)v),
                TypeCode.SByte => checked((sbyte)v),
                TypeCode.Byte => checked((byte)v),
                TypeCode.Int16 => checked((short)v),
                TypeCode.UInt16 => checked((ushort)v),
                TypeCode.Int32 => checked((int)v),
                TypeCode.UInt32 => checked((uint)v),
                TypeCode.Int64 => checked((long)v),
                TypeCode.UInt64 => checked((ulong)v),
                _ => throw Unsupported(target),
            }
            : target switch
            {
                TypeCode.Char => unchecked((char)v),
                TypeCode.SByte => unchecked((sbyte)v),
                TypeCode.Byte => unchecked((byte)v),
                TypeCode.Int16 => unchecked((short)v),
                TypeCode.UInt16 => unchecked((ushort)v),
                TypeCode.Int32 => unchecked((int)v),
                TypeCode.UInt32 => unchecked((uint)v),
                TypeCode.Int64 => unchecked((long)v),
                TypeCode.UInt64 => unchecked((ulong)v),
                _ => throw Unsupported(target),
            };
    }

    // Decimal conversions check in C# whatever the context.
    private static object FromDecimal(decimal v, TypeCode target) => target switch
    {
        TypeCode.Char => (char)v,
        TypeCode.SByte => (sbyte)v,
        TypeCode.Byte => (byte)v,
        TypeCode.Int16 => (short)v,
        TypeCode.UInt16 => (ushort)v,
        TypeCode.Int32 => (int)v,
        TypeCode.UInt32 => (uint)v,
        TypeCode.Int64 => (long)v,
        TypeCode.UInt64 => (ulong)v,
        TypeCode.Single => (float)v,
        TypeCode.Double => (double)v,
        _ => throw Unsupported(target),
    };

    private static InvalidCastException Unsupported(TypeCode target) => new("no numeric conversion to " + target);
}
