using StatefulManifests.Generators.Evaluation.Runtime;
using StatefulManifests.Generators.Planning.Plan;

namespace StatefulManifests.Generators.Evaluation.Interpretation;

/// <summary>
/// Operators with C#'s semantics: short-circuit logic, lifted nullable forms, checked and unchecked integral arithmetic,
/// ordinal string equality, enum arithmetic on the underlying value, record value equality, and user-defined operators.
/// </summary>
internal sealed partial class Interpreter
{
    private object? Binary(BinaryNode binary, Frame frame)
    {
        var plan = binary.Operator;
        var left = Eval(binary.Left, frame);
        switch (plan.Operation)
        {
            case OperatorKind.ConditionalAnd:
                return IsTrue(left, frame, binary.Id) && IsTrue(Eval(binary.Right, frame), frame, binary.Id);
            case OperatorKind.ConditionalOr:
                return IsTrue(left, frame, binary.Id) || IsTrue(Eval(binary.Right, frame), frame, binary.Id);
            default:
                var right = Eval(binary.Right, frame);
                return Operate(plan, left, () => right, frame, binary.Id);
        }
    }

    /// <summary>Applies an operator; <paramref name="right"/> is null for a unary operator.</summary>
    private object? Operate(OperatorPlan plan, object? left, Func<object?>? right, Frame frame, int node)
    {
        var at = At(frame, node);
        if (plan.Operands == OperandKind.UserDefined)
        {
            var operands = right is null ? new[] { left } : new[] { left, right() };
            if (plan.UserFunction is { } function)
            {
                return Invoke(Function(function, at), null, null, operands, null, out _);
            }

            var method = RuntimeTypes.Resolve(plan.Method!) ?? throw new EvaluationException(at, "the operator " + plan.Method + " is not available", isLimitation: true);
            var parameters = RuntimeTypes.ParametersOf(method);
            return InvokeMember(method, null, operands.Select((o, i) => Convert(o, parameters[i], at)).ToArray(), at);
        }

        var rightValue = right?.Invoke();
        try
        {
            return right is null ? Unary(plan, left, at) : BinaryValue(plan, left, rightValue, at);
        }
        catch (OverflowException)
        {
            throw new EvaluationException(at, "arithmetic overflow in a checked context (OverflowException at run time)");
        }
        catch (DivideByZeroException)
        {
            throw new EvaluationException(at, "division by zero (DivideByZeroException at run time)");
        }
    }

    private object? Increment(OperatorPlan plan, object? value, Frame frame, int node)
    {
        var at = At(frame, node);
        if (plan.Operands == OperandKind.UserDefined)
        {
            return Operate(plan, value, null, frame, node);
        }

        if (value is null)
        {
            return null;
        }

        var one = plan.Operands == OperandKind.Char ? (object)1 : NumericConversion.Convert(1, ClrType(plan.Operands, value), false);
        var step = plan with { Operation = plan.Operation == OperatorKind.Increment ? OperatorKind.Add : OperatorKind.Subtract };
        if (plan.Operands == OperandKind.Char)
        {
            var code = (int)(char)value + (plan.Operation == OperatorKind.Increment ? 1 : -1);
            return plan.Checked ? checked((char)code) : unchecked((char)code);
        }

        try
        {
            return BinaryValue(step, value, one, at);
        }
        catch (OverflowException)
        {
            throw new EvaluationException(at, "arithmetic overflow in a checked context (OverflowException at run time)");
        }
    }

    private static Type ClrType(OperandKind kind, object sample) => kind switch
    {
        OperandKind.Int32 => typeof(int),
        OperandKind.UInt32 => typeof(uint),
        OperandKind.Int64 => typeof(long),
        OperandKind.UInt64 => typeof(ulong),
        OperandKind.Single => typeof(float),
        OperandKind.Double => typeof(double),
        OperandKind.Decimal => typeof(decimal),
        OperandKind.Enum => typeof(long),
        _ => sample.GetType(),
    };

    private object? BinaryValue(OperatorPlan plan, object? left, object? right, SourceRef at)
    {
        var op = plan.Operation;
        if (plan.Operands == OperandKind.String)
        {
            return op switch
            {
                OperatorKind.Add => ValueConversion.Text(left) + ValueConversion.Text(right),
                OperatorKind.Equals => string.Equals(left as string, right as string, StringComparison.Ordinal),
                OperatorKind.NotEquals => !string.Equals(left as string, right as string, StringComparison.Ordinal),
                _ => throw new EvaluationException(at, "the operator " + op + " on strings is not evaluated"),
            };
        }

        if (plan.Operands == OperandKind.Object)
        {
            var equal = ObjectEquals(left, right);
            return op == OperatorKind.Equals ? equal : op == OperatorKind.NotEquals ? !equal : throw new EvaluationException(at, "the operator " + op + " on objects is not evaluated", isLimitation: true);
        }

        if (left is null || right is null)
        {
            // Lifted operators: null in, null out; comparisons are false, == is true only for two nulls.
            return op switch
            {
                OperatorKind.Equals => left is null && right is null,
                OperatorKind.NotEquals => !(left is null && right is null),
                OperatorKind.LessThan or OperatorKind.LessThanOrEqual or OperatorKind.GreaterThan or OperatorKind.GreaterThanOrEqual => false,
                _ => null,
            };
        }

        if (plan.Operands == OperandKind.Enum)
        {
            return EnumOperation(op, left, right, at);
        }

        if (plan.Operands == OperandKind.Boolean)
        {
            var a = (bool)left;
            var b = (bool)right;
            return op switch
            {
                OperatorKind.And => a & b,
                OperatorKind.Or => a | b,
                OperatorKind.ExclusiveOr => a ^ b,
                OperatorKind.Equals => a == b,
                OperatorKind.NotEquals => a != b,
                _ => throw new EvaluationException(at, "the operator " + op + " on bool is not evaluated"),
            };
        }

        return Arithmetic.Binary(op, plan.Operands, left, right, plan.Checked);
    }

    private object? Unary(OperatorPlan plan, object? operand, SourceRef at)
    {
        if (operand is null)
        {
            return null;
        }

        if (plan.Operands == OperandKind.Boolean && plan.Operation == OperatorKind.Not)
        {
            return !(bool)operand;
        }

        if (plan.Operands == OperandKind.Enum && plan.Operation == OperatorKind.BitwiseNegation)
        {
            return operand is UserEnumValue e ? new UserEnumValue(e.Type, ~e.Value) : Enum.ToObject(operand.GetType(), ~System.Convert.ToInt64(operand, System.Globalization.CultureInfo.InvariantCulture));
        }

        return Arithmetic.Unary(plan.Operation, plan.Operands, operand, plan.Checked) ?? throw new EvaluationException(at, "the operator " + plan.Operation + " is not evaluated", isLimitation: true);
    }

    private static object EnumOperation(OperatorKind op, object left, object right, SourceRef at)
    {
        long Value(object v) => v is UserEnumValue e ? e.Value : System.Convert.ToInt64(Underlying(v), System.Globalization.CultureInfo.InvariantCulture);
        object Wrap(long v) => left is UserEnumValue e ? new UserEnumValue(e.Type, v) : right is UserEnumValue r ? new UserEnumValue(r.Type, v) : Enum.ToObject(left.GetType().IsEnum ? left.GetType() : right.GetType(), v);
        var a = Value(left);
        var b = Value(right);
        return op switch
        {
            OperatorKind.Equals => a == b,
            OperatorKind.NotEquals => a != b,
            OperatorKind.LessThan => a < b,
            OperatorKind.LessThanOrEqual => a <= b,
            OperatorKind.GreaterThan => a > b,
            OperatorKind.GreaterThanOrEqual => a >= b,
            OperatorKind.And => Wrap(a & b),
            OperatorKind.Or => Wrap(a | b),
            OperatorKind.ExclusiveOr => Wrap(a ^ b),
            OperatorKind.Add => Wrap(a + b),
            OperatorKind.Subtract => IsEnumValue(left) && IsEnumValue(right) ? unchecked((int)(a - b)) : Wrap(a - b),
            _ => throw new EvaluationException(at, "the operator " + op + " on enums is not evaluated"),
        };
    }

    private static bool IsEnumValue(object value) => value is UserEnumValue or Enum;

    /// <summary><c>==</c> on objects: value equality for records, structs and tuples; reference equality otherwise.</summary>
    private static bool ObjectEquals(object? left, object? right)
    {
        if (left is null || right is null)
        {
            return left is null && right is null;
        }

        if (left is UserObject user)
        {
            return user.Type.HasValueEquality ? user.Equals(right) : ReferenceEquals(left, right);
        }

        return left.GetType().IsValueType || left is string || left is Delegate ? left.Equals(right) : ReferenceEquals(left, right);
    }
}

/// <summary>Built-in arithmetic and comparison on the numeric operand types, checked or unchecked as C# would.</summary>
internal static class Arithmetic
{
    /// <summary>A binary operator on two values of the operand type.</summary>
    public static object Binary(OperatorKind op, OperandKind kind, object left, object right, bool isChecked)
    {
        switch (kind)
        {
            case OperandKind.Int32:
            {
                var a = System.Convert.ToInt32(left, System.Globalization.CultureInfo.InvariantCulture);
                var b = System.Convert.ToInt32(right, System.Globalization.CultureInfo.InvariantCulture);
                return op switch
                {
                    OperatorKind.Add => isChecked ? checked(a + b) : unchecked(a + b),
                    OperatorKind.Subtract => isChecked ? checked(a - b) : unchecked(a - b),
                    OperatorKind.Multiply => isChecked ? checked(a * b) : unchecked(a * b),
                    OperatorKind.Divide => a / b,
                    OperatorKind.Remainder => a % b,
                    OperatorKind.LeftShift => a << b,
                    OperatorKind.RightShift => a >> b,
                    OperatorKind.UnsignedRightShift => (int)((uint)a >> b),
                    OperatorKind.And => a & b,
                    OperatorKind.Or => a | b,
                    OperatorKind.ExclusiveOr => a ^ b,
                    _ => Compare(op, a.CompareTo(b)),
                };
            }

            case OperandKind.UInt32:
            {
                var a = System.Convert.ToUInt32(left, System.Globalization.CultureInfo.InvariantCulture);
                var b = System.Convert.ToUInt32(right, System.Globalization.CultureInfo.InvariantCulture);
                return op switch
                {
                    OperatorKind.Add => isChecked ? checked(a + b) : unchecked(a + b),
                    OperatorKind.Subtract => isChecked ? checked(a - b) : unchecked(a - b),
                    OperatorKind.Multiply => isChecked ? checked(a * b) : unchecked(a * b),
                    OperatorKind.Divide => a / b,
                    OperatorKind.Remainder => a % b,
                    OperatorKind.LeftShift => a << (int)b,
                    OperatorKind.RightShift or OperatorKind.UnsignedRightShift => a >> (int)b,
                    OperatorKind.And => a & b,
                    OperatorKind.Or => a | b,
                    OperatorKind.ExclusiveOr => a ^ b,
                    _ => Compare(op, a.CompareTo(b)),
                };
            }

            case OperandKind.Int64:
            {
                var a = System.Convert.ToInt64(left, System.Globalization.CultureInfo.InvariantCulture);
                var b = System.Convert.ToInt64(right, System.Globalization.CultureInfo.InvariantCulture);
                return op switch
                {
                    OperatorKind.Add => isChecked ? checked(a + b) : unchecked(a + b),
                    OperatorKind.Subtract => isChecked ? checked(a - b) : unchecked(a - b),
                    OperatorKind.Multiply => isChecked ? checked(a * b) : unchecked(a * b),
                    OperatorKind.Divide => a / b,
                    OperatorKind.Remainder => a % b,
                    OperatorKind.LeftShift => a << (int)b,
                    OperatorKind.RightShift => a >> (int)b,
                    OperatorKind.UnsignedRightShift => (long)((ulong)a >> (int)b),
                    OperatorKind.And => a & b,
                    OperatorKind.Or => a | b,
                    OperatorKind.ExclusiveOr => a ^ b,
                    _ => Compare(op, a.CompareTo(b)),
                };
            }

            case OperandKind.UInt64:
            {
                var a = System.Convert.ToUInt64(left, System.Globalization.CultureInfo.InvariantCulture);
                var b = System.Convert.ToUInt64(right, System.Globalization.CultureInfo.InvariantCulture);
                return op switch
                {
                    OperatorKind.Add => isChecked ? checked(a + b) : unchecked(a + b),
                    OperatorKind.Subtract => isChecked ? checked(a - b) : unchecked(a - b),
                    OperatorKind.Multiply => isChecked ? checked(a * b) : unchecked(a * b),
                    OperatorKind.Divide => a / b,
                    OperatorKind.Remainder => a % b,
                    OperatorKind.LeftShift => a << (int)b,
                    OperatorKind.RightShift or OperatorKind.UnsignedRightShift => a >> (int)b,
                    OperatorKind.And => a & b,
                    OperatorKind.Or => a | b,
                    OperatorKind.ExclusiveOr => a ^ b,
                    _ => Compare(op, a.CompareTo(b)),
                };
            }

            case OperandKind.Single:
            {
                var a = System.Convert.ToSingle(left, System.Globalization.CultureInfo.InvariantCulture);
                var b = System.Convert.ToSingle(right, System.Globalization.CultureInfo.InvariantCulture);
                return op switch
                {
                    OperatorKind.Add => a + b,
                    OperatorKind.Subtract => a - b,
                    OperatorKind.Multiply => a * b,
                    OperatorKind.Divide => a / b,
                    OperatorKind.Remainder => a % b,
                    _ => FloatCompare(op, a, b),
                };
            }

            case OperandKind.Double:
            {
                var a = System.Convert.ToDouble(left, System.Globalization.CultureInfo.InvariantCulture);
                var b = System.Convert.ToDouble(right, System.Globalization.CultureInfo.InvariantCulture);
                return op switch
                {
                    OperatorKind.Add => a + b,
                    OperatorKind.Subtract => a - b,
                    OperatorKind.Multiply => a * b,
                    OperatorKind.Divide => a / b,
                    OperatorKind.Remainder => a % b,
                    _ => FloatCompare(op, a, b),
                };
            }

            case OperandKind.Decimal:
            {
                var a = System.Convert.ToDecimal(left, System.Globalization.CultureInfo.InvariantCulture);
                var b = System.Convert.ToDecimal(right, System.Globalization.CultureInfo.InvariantCulture);
                return op switch
                {
                    OperatorKind.Add => a + b,
                    OperatorKind.Subtract => a - b,
                    OperatorKind.Multiply => a * b,
                    OperatorKind.Divide => a / b,
                    OperatorKind.Remainder => a % b,
                    _ => Compare(op, a.CompareTo(b)),
                };
            }

            default:
                throw new InvalidOperationException("no arithmetic on " + kind);
        }
    }

    /// <summary>A unary operator, or null when it does not apply.</summary>
    public static object? Unary(OperatorKind op, OperandKind kind, object operand, bool isChecked) => (kind, op) switch
    {
        (_, OperatorKind.Plus) => operand,
        (OperandKind.Int32, OperatorKind.Minus) => isChecked ? checked(-System.Convert.ToInt32(operand, System.Globalization.CultureInfo.InvariantCulture)) : unchecked(-System.Convert.ToInt32(operand, System.Globalization.CultureInfo.InvariantCulture)),
        (OperandKind.Int64, OperatorKind.Minus) => isChecked ? checked(-(long)operand) : unchecked(-(long)operand),
        (OperandKind.UInt32, OperatorKind.Minus) => -(long)(uint)operand,
        (OperandKind.Single, OperatorKind.Minus) => -(float)operand,
        (OperandKind.Double, OperatorKind.Minus) => -(double)operand,
        (OperandKind.Decimal, OperatorKind.Minus) => -(decimal)operand,
        (OperandKind.Int32, OperatorKind.BitwiseNegation) => ~System.Convert.ToInt32(operand, System.Globalization.CultureInfo.InvariantCulture),
        (OperandKind.UInt32, OperatorKind.BitwiseNegation) => ~(uint)operand,
        (OperandKind.Int64, OperatorKind.BitwiseNegation) => ~(long)operand,
        (OperandKind.UInt64, OperatorKind.BitwiseNegation) => ~(ulong)operand,
        _ => null,
    };

    private static bool Compare(OperatorKind op, int comparison) => op switch
    {
        OperatorKind.Equals => comparison == 0,
        OperatorKind.NotEquals => comparison != 0,
        OperatorKind.LessThan => comparison < 0,
        OperatorKind.LessThanOrEqual => comparison <= 0,
        OperatorKind.GreaterThan => comparison > 0,
        OperatorKind.GreaterThanOrEqual => comparison >= 0,
        _ => throw new InvalidOperationException("not a comparison: " + op),
    };

    // IEEE comparisons: NaN compares false with everything (CompareTo would order it).
    private static bool FloatCompare(OperatorKind op, double a, double b) => op switch
    {
        OperatorKind.Equals => a == b,
        OperatorKind.NotEquals => a != b,
        OperatorKind.LessThan => a < b,
        OperatorKind.LessThanOrEqual => a <= b,
        OperatorKind.GreaterThan => a > b,
        OperatorKind.GreaterThanOrEqual => a >= b,
        _ => throw new InvalidOperationException("not a comparison: " + op),
    };
}
