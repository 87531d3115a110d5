using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using StatefulManifests.Generators.Helpers;
using StatefulManifests.Generators.Planning.Plan;

namespace StatefulManifests.Generators.Planning.Lowering;

/// <summary>Patterns: <c>is</c>, switch expressions and case labels (constants, types, relational, and/or/not, positional, property).</summary>
internal sealed partial class FunctionLowerer
{
    private ExpressionNode LowerIsPattern(IIsPatternOperation isPattern) =>
        new IsPatternNode(NewId(isPattern), Lower(isPattern.Value), LowerPattern(isPattern.Pattern));

    private ExpressionNode LowerIsType(IIsTypeOperation isType)
    {
        var id = NewId(isType);
        if (TypeOf(isType.TypeOperand) is not { } type)
        {
            return Fail(isType, UnavailableType(isType.TypeOperand));
        }

        PatternNode pattern = new DeclarationPattern(Implicit(), type, null, MatchesNull: false);
        if (isType.IsNegated)
        {
            pattern = new NotPattern(Implicit(), pattern);
        }

        return new IsPatternNode(id, Lower(isType.ValueOperand), pattern);
    }

    private ExpressionNode LowerSwitchExpression(ISwitchExpressionOperation switchExpression)
    {
        var id = NewId(switchExpression);
        var value = Lower(switchExpression.Value);
        var arms = switchExpression.Arms
            .Select(arm => new SwitchArm(LowerPattern(arm.Pattern), arm.Guard is null ? null : Lower(arm.Guard), Lower(arm.Value)))
            .ToEquatableArray();
        return new SwitchExpressionNode(id, value, arms);
    }

    private PatternNode LowerPattern(IPatternOperation pattern)
    {
        var id = NewId(pattern);
        switch (pattern)
        {
            case IConstantPatternOperation constant:
                return new ConstantPattern(id, Lower(constant.Value));
            case IRelationalPatternOperation relational:
                return new RelationalPattern(id, RelationalOf(relational.OperatorKind), Lower(relational.Value));
            case IDeclarationPatternOperation declaration:
            {
                var type = declaration.MatchesNull ? null : PatternType(declaration.MatchedType, pattern);
                return new DeclarationPattern(id, type, VariableOf(declaration.DeclaredSymbol), declaration.MatchesNull);
            }

            case ITypePatternOperation typePattern:
                return new DeclarationPattern(id, PatternType(typePattern.MatchedType, pattern), null, MatchesNull: false);
            case IBinaryPatternOperation binary:
                return new BinaryPattern(id, binary.OperatorKind == BinaryOperatorKind.And, LowerPattern(binary.LeftPattern), LowerPattern(binary.RightPattern));
            case INegatedPatternOperation negated:
                return new NotPattern(id, LowerPattern(negated.Pattern));
            case IDiscardPatternOperation:
                return new DiscardPattern(id);
            case IRecursivePatternOperation recursive:
                return LowerRecursivePattern(id, recursive);
            default:
                Record(pattern.Syntax, "list and slice patterns are not evaluated; test Count and the elements instead");
                return new DiscardPattern(id);
        }
    }

    private PatternNode LowerRecursivePattern(int id, IRecursivePatternOperation recursive)
    {
        var slot = state.Scope.Temporary();
        var type = recursive.MatchedType is { } matched && !SymbolEqualityComparer.Default.Equals(matched, recursive.InputType)
            ? PatternType(matched, recursive)
            : null;
        DeconstructPlan? deconstruct = null;
        var positional = EquatableArray<PatternNode>.Empty;
        if (!recursive.DeconstructionSubpatterns.IsEmpty)
        {
            deconstruct = DeconstructionOf(recursive.MatchedType, recursive.Syntax);
            positional = recursive.DeconstructionSubpatterns.Select(LowerPattern).ToEquatableArray();
        }

        var properties = WithReceiver(slot, () => recursive.PropertySubpatterns
            .Select(p => new PropertySubpattern(Lower(p.Member), LowerPattern(p.Pattern)))
            .ToEquatableArray());
        return new RecursivePattern(id, type, slot, deconstruct, positional, properties, VariableOf(recursive.DeclaredSymbol));
    }

    private TypeRef? PatternType(ITypeSymbol? type, IOperation at)
    {
        if (type is null)
        {
            return null;
        }

        var reference = TypeOf(type);
        if (reference is null)
        {
            Record(at.Syntax, UnavailableType(type));
        }

        return reference;
    }

    private TargetNode? VariableOf(ISymbol? declared) =>
        declared is ILocalSymbol local ? new VariableTarget(Implicit(), 0, DeclareLocal(local)) : null;
}
