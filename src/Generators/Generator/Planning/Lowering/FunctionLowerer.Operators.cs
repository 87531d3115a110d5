using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using StatefulManifests.Generators.Planning.Plan;

namespace StatefulManifests.Generators.Planning.Lowering;

/// <summary>Operators: binary, unary, compound assignment and increments, as the compiler bound them.</summary>
internal sealed partial class FunctionLowerer
{
    private ExpressionNode LowerBinary(IBinaryOperation binary)
    {
        var id = NewId(binary);
        if (OperatorOf(binary, binary.OperatorKind, binary.LeftOperand.Type, binary.OperatorMethod, binary.IsChecked, binary.IsLifted) is not { } plan)
        {
            return Fail(binary, "the operator '" + binary.OperatorKind + "' on '" + binary.LeftOperand.Type?.ToDisplayString() + "' is not evaluated at compile time");
        }

        return new BinaryNode(id, plan, Lower(binary.LeftOperand), Lower(binary.RightOperand));
    }

    private ExpressionNode LowerUnary(IUnaryOperation unary)
    {
        var id = NewId(unary);
        var kind = unary.OperatorKind switch
        {
            UnaryOperatorKind.Plus => OperatorKind.Plus,
            UnaryOperatorKind.Minus => OperatorKind.Minus,
            UnaryOperatorKind.Not => OperatorKind.Not,
            UnaryOperatorKind.BitwiseNegation => OperatorKind.BitwiseNegation,
            _ => (OperatorKind?)null,
        };
        if (kind is null || PlanFor(kind.Value, unary.Operand.Type, unary.OperatorMethod, unary.IsChecked, unary.IsLifted) is not { } plan)
        {
            return Fail(unary, "the operator '" + unary.OperatorKind + "' is not evaluated at compile time");
        }

        return new UnaryNode(id, plan, Lower(unary.Operand));
    }

    private ExpressionNode LowerCompoundAssignment(ICompoundAssignmentOperation compound)
    {
        var id = NewId(compound);
        if (compound.InConversion.Exists && !compound.InConversion.IsIdentity || compound.OutConversion.Exists && !compound.OutConversion.IsIdentity)
        {
            // byte b += 1 and friends: the operator works on int and converts back; only same-type forms are evaluated.
            if (!(compound.InConversion.IsNumeric || compound.InConversion.IsIdentity))
            {
                return Fail(compound, "this compound assignment converts its operands, which is not evaluated; write x = x op y");
            }
        }

        var operandType = compound.OperatorMethod?.Parameters.FirstOrDefault()?.Type ?? compound.Target.Type;
        if (compound.Target.Type?.SpecialType == SpecialType.System_String && compound.OperatorKind == BinaryOperatorKind.Add)
        {
            operandType = compound.Target.Type;
        }

        if (OperatorOf(compound, compound.OperatorKind, operandType, compound.OperatorMethod, compound.IsChecked, compound.IsLifted) is not { } plan)
        {
            return Fail(compound, "the operator '" + compound.OperatorKind + "=' on '" + compound.Target.Type?.ToDisplayString() + "' is not evaluated at compile time");
        }

        return new CompoundAssignNode(id, LowerTarget(compound.Target), plan, Lower(compound.Value));
    }

    private ExpressionNode LowerIncrement(IIncrementOrDecrementOperation increment)
    {
        var id = NewId(increment);
        var kind = increment.Kind == OperationKind.Increment ? OperatorKind.Increment : OperatorKind.Decrement;
        if (PlanFor(kind, increment.Target.Type, increment.OperatorMethod, increment.IsChecked, increment.IsLifted) is not { } plan)
        {
            return Fail(increment, "this increment is not evaluated at compile time");
        }

        return new IncrementNode(id, LowerTarget(increment.Target), plan, increment.IsPostfix);
    }

    private OperatorPlan? OperatorOf(IOperation at, BinaryOperatorKind kind, ITypeSymbol? operandType, IMethodSymbol? method, bool isChecked, bool isLifted)
    {
        var operation = kind switch
        {
            BinaryOperatorKind.Add => OperatorKind.Add,
            BinaryOperatorKind.Subtract => OperatorKind.Subtract,
            BinaryOperatorKind.Multiply => OperatorKind.Multiply,
            BinaryOperatorKind.Divide => OperatorKind.Divide,
            BinaryOperatorKind.Remainder => OperatorKind.Remainder,
            BinaryOperatorKind.LeftShift => OperatorKind.LeftShift,
            BinaryOperatorKind.RightShift => OperatorKind.RightShift,
            BinaryOperatorKind.UnsignedRightShift => OperatorKind.UnsignedRightShift,
            BinaryOperatorKind.And => OperatorKind.And,
            BinaryOperatorKind.Or => OperatorKind.Or,
            BinaryOperatorKind.ExclusiveOr => OperatorKind.ExclusiveOr,
            BinaryOperatorKind.ConditionalAnd => OperatorKind.ConditionalAnd,
            BinaryOperatorKind.ConditionalOr => OperatorKind.ConditionalOr,
            BinaryOperatorKind.Equals or BinaryOperatorKind.ObjectValueEquals => OperatorKind.Equals,
            BinaryOperatorKind.NotEquals or BinaryOperatorKind.ObjectValueNotEquals => OperatorKind.NotEquals,
            BinaryOperatorKind.LessThan => OperatorKind.LessThan,
            BinaryOperatorKind.LessThanOrEqual => OperatorKind.LessThanOrEqual,
            BinaryOperatorKind.GreaterThan => OperatorKind.GreaterThan,
            BinaryOperatorKind.GreaterThanOrEqual => OperatorKind.GreaterThanOrEqual,
            _ => (OperatorKind?)null,
        };
        _ = at;
        return operation is null ? null : PlanFor(operation.Value, operandType, method, isChecked, isLifted);
    }

    /// <summary>The operator plan for an operation on <paramref name="operandType"/>, or null when it cannot be evaluated.</summary>
    private OperatorPlan? PlanFor(OperatorKind operation, ITypeSymbol? operandType, IMethodSymbol? method, bool isChecked, bool isLifted)
    {
        if (method is not null)
        {
            if (IsUser(method))
            {
                // A record's compiler-generated == compares the records' values: the interpreter knows how.
                return method.IsImplicitlyDeclared
                    ? new OperatorPlan(operation, OperandKind.Object, isChecked, isLifted, null, null)
                    : new OperatorPlan(operation, OperandKind.UserDefined, isChecked, isLifted, null, Call(method));
            }

            return ExternalApis.WhyNotEvaluated(method) is null && TypeRefs.From(method) is { } reference
                ? new OperatorPlan(operation, OperandKind.UserDefined, isChecked, isLifted, reference, null)
                : null;
        }

        var type = operandType is INamedTypeSymbol { OriginalDefinition.SpecialType: SpecialType.System_Nullable_T } nullable ? nullable.TypeArguments[0] : operandType;
        UseType(type);
        OperandKind? kind = type?.TypeKind == TypeKind.Enum ? OperandKind.Enum : type?.SpecialType switch
        {
            SpecialType.System_Int32 or SpecialType.System_Int16 or SpecialType.System_SByte or SpecialType.System_Byte or SpecialType.System_UInt16 => OperandKind.Int32,
            SpecialType.System_Char => operation is OperatorKind.Increment or OperatorKind.Decrement ? OperandKind.Char : OperandKind.Int32,
            SpecialType.System_UInt32 => OperandKind.UInt32,
            SpecialType.System_Int64 => OperandKind.Int64,
            SpecialType.System_UInt64 => OperandKind.UInt64,
            SpecialType.System_Single => OperandKind.Single,
            SpecialType.System_Double => OperandKind.Double,
            SpecialType.System_Decimal => OperandKind.Decimal,
            SpecialType.System_Boolean => OperandKind.Boolean,
            SpecialType.System_String => OperandKind.String,
            _ => null,
        };
        if (kind is null && type is not null && (type.IsReferenceType || type.TypeKind is TypeKind.Struct or TypeKind.TypeParameter || type.SpecialType == SpecialType.System_Object)
            && operation is OperatorKind.Equals or OperatorKind.NotEquals)
        {
            kind = OperandKind.Object;
        }

        if (kind is null && type is null && operation is OperatorKind.Equals or OperatorKind.NotEquals)
        {
            kind = OperandKind.Object;
        }

        return kind is null ? null : new OperatorPlan(operation, kind.Value, isChecked, isLifted, null, null);
    }

    private static OperatorKind RelationalOf(BinaryOperatorKind kind) => kind switch
    {
        BinaryOperatorKind.LessThan => OperatorKind.LessThan,
        BinaryOperatorKind.LessThanOrEqual => OperatorKind.LessThanOrEqual,
        BinaryOperatorKind.GreaterThan => OperatorKind.GreaterThan,
        BinaryOperatorKind.GreaterThanOrEqual => OperatorKind.GreaterThanOrEqual,
        BinaryOperatorKind.NotEquals => OperatorKind.NotEquals,
        _ => OperatorKind.Equals,
    };
}
