using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using StatefulManifests.Generators.Helpers;
using StatefulManifests.Generators.Planning.Plan;

namespace StatefulManifests.Generators.Planning.Lowering;

/// <summary>The expression dispatcher, constants, conditionals, conversions, strings and the other small shapes.</summary>
internal sealed partial class FunctionLowerer
{
    private ExpressionNode Lower(IOperation operation)
    {
        if (!Enter(operation.Syntax))
        {
            return new ConstantNode(Implicit(), null, null);
        }

        try
        {
            return LowerShape(operation);
        }
        finally
        {
            Leave();
        }
    }

    private ExpressionNode LowerShape(IOperation operation)
    {
        if (operation.ConstantValue.HasValue && operation is not IConversionOperation { OperatorMethod: not null })
        {
            return LowerConstant(operation);
        }

        return operation switch
        {
            IConversionOperation conversion => LowerConversion(conversion),
            IInvocationOperation invocation => LowerInvocation(invocation),
            IPropertyReferenceOperation property => LowerPropertyRead(property),
            IFieldReferenceOperation field => LowerFieldRead(field),
            ILocalReferenceOperation local => LowerLocal(local),
            IParameterReferenceOperation parameter => LowerParameter(parameter),
            IInstanceReferenceOperation instance => LowerInstance(instance),
            IDelegateCreationOperation creation => LowerDelegate(creation, creation.Target, creation.Type),
            IAnonymousFunctionOperation lambda => LowerDelegate(lambda, lambda, lambda.Type),
            IMethodReferenceOperation group => LowerDelegate(group, group, group.Type),
            IBinaryOperation binary => LowerBinary(binary),
            IUnaryOperation unary => LowerUnary(unary),
            IConditionalOperation conditional => new ConditionalNode(NewId(conditional), Lower(conditional.Condition), Lower(conditional.WhenTrue), Lower(conditional.WhenFalse!)),
            ICoalesceOperation coalesce => new CoalesceNode(NewId(coalesce), Lower(coalesce.Value), Lower(coalesce.WhenNull)),
            IConditionalAccessOperation access => LowerConditionalAccess(access),
            IConditionalAccessInstanceOperation placeholder => LowerConditionalAccessInstance(placeholder),
            ISimpleAssignmentOperation assignment => new AssignNode(NewId(assignment), LowerTarget(assignment.Target), Lower(assignment.Value)),
            ICompoundAssignmentOperation compound => LowerCompoundAssignment(compound),
            ICoalesceAssignmentOperation coalesceAssignment => new CoalesceAssignNode(NewId(coalesceAssignment), LowerTarget(coalesceAssignment.Target), Lower(coalesceAssignment.Value)),
            IIncrementOrDecrementOperation increment => LowerIncrement(increment),
            IIsPatternOperation isPattern => LowerIsPattern(isPattern),
            IIsTypeOperation isType => LowerIsType(isType),
            ISwitchExpressionOperation switchExpression => LowerSwitchExpression(switchExpression),
            IObjectCreationOperation creation => LowerObjectCreation(creation),
            IAnonymousObjectCreationOperation anonymous => LowerAnonymousObject(anonymous),
            IWithOperation with => LowerWith(with),
            IArrayCreationOperation array => LowerArray(array),
            IArrayElementReferenceOperation element => LowerArrayElement(element),
            ICollectionExpressionOperation collection => LowerCollection(collection),
            ITupleOperation tuple => LowerTuple(tuple),
            IInterpolatedStringOperation interpolation => LowerInterpolation(interpolation),
            IDefaultValueOperation defaultValue => new DefaultNode(NewId(defaultValue), defaultValue.Type is null ? null : TypeOf(defaultValue.Type)),
            IThrowOperation throwOperation => LowerThrow(throwOperation),
            IDeconstructionAssignmentOperation deconstruction => LowerDeconstruction(deconstruction),
            IDeclarationExpressionOperation declaration => Lower(declaration.Expression),
            IParenthesizedOperation parenthesized => Lower(parenthesized.Operand),
            IInvalidOperation => Fail(operation, "this code does not compile yet"),
            IAwaitOperation => Fail(operation, "await is not evaluated: declarations are synchronous"),
            ITypeOfOperation => Fail(operation, "typeof is reflection, which is not evaluated at compile time"),
            IDynamicInvocationOperation or IDynamicMemberReferenceOperation or IDynamicObjectCreationOperation or IDynamicIndexerAccessOperation =>
                Fail(operation, "dynamic is not evaluated at compile time; use static types"),
            IEventReferenceOperation or IEventAssignmentOperation => Fail(operation, "events are not evaluated at compile time"),
            IAddressOfOperation or ISizeOfOperation => Fail(operation, "unsafe code is not evaluated at compile time"),
            IRangeOperation or IImplicitIndexerReferenceOperation => Fail(operation, "ranges and indices (^1, 1..) are not evaluated at compile time; use Skip/Take or explicit indexes"),
            _ => Fail(operation, "this expression (" + operation.Kind + ") is not evaluated at compile time"),
        };
    }

    private ExpressionNode LowerConstant(IOperation operation)
    {
        // Roslyn has already folded literals, const fields and locals, nameof, enum members and constant strings.
        var value = operation.ConstantValue.Value;
        if (operation.Type is null)
        {
            return new ConstantNode(NewId(operation), null, value);
        }

        return TypeOf(operation.Type) is { } type
            ? new ConstantNode(NewId(operation), type, value)
            : Fail(operation, UnavailableType(operation.Type));
    }

    private ExpressionNode LowerConversion(IConversionOperation conversion)
    {
        if (conversion.Operand is IAnonymousFunctionOperation or IMethodReferenceOperation)
        {
            return LowerDelegate(conversion, conversion.Operand, conversion.Type);
        }

        var id = NewId(conversion);
        if (TypeOf(conversion.Type) is not { } target)
        {
            return Fail(conversion, UnavailableType(conversion.Type));
        }

        var operand = Lower(conversion.Operand);
        var info = Microsoft.CodeAnalysis.CSharp.CSharpExtensions.GetConversion(conversion);
        if (conversion.OperatorMethod is { } method)
        {
            if (IsUser(method))
            {
                return new ConversionNode(id, operand, target, ConversionKind.UserDefined, conversion.IsChecked, null, Call(method));
            }

            if (ExternalApis.WhyNotEvaluated(method) is { } refused)
            {
                return Fail(conversion, refused);
            }

            return TypeRefs.From(method) is { } reference
                ? new ConversionNode(id, operand, target, ConversionKind.UserDefined, conversion.IsChecked, reference, null)
                : Fail(conversion, "the conversion operator '" + method.ToDisplayString() + "' cannot be called at compile time");
        }

        var kind = info.IsNumeric || info.IsEnumeration || info.IsNullable || info.IsUnboxing || info.IsConstantExpression
            ? ConversionKind.Value
            : info.IsReference && info.IsExplicit ? ConversionKind.Downcast
            : info.IsIdentity || info.IsBoxing || info.IsReference || info.IsImplicit && !info.IsTupleLiteralConversion && !info.IsTupleConversion ? ConversionKind.Identity
            : ConversionKind.Structural;
        if (info.IsTupleConversion || info.IsTupleLiteralConversion)
        {
            kind = ConversionKind.Structural;
        }

        return new ConversionNode(id, operand, target, kind, conversion.IsChecked, null, null);
    }

    private ExpressionNode LowerConditionalAccess(IConditionalAccessOperation access)
    {
        var id = NewId(access);
        var operand = Lower(access.Operation);
        var slot = state.Scope.Temporary();
        conditionalSlots.Push(slot);
        try
        {
            return new ConditionalAccessNode(id, operand, slot, Lower(access.WhenNotNull));
        }
        finally
        {
            conditionalSlots.Pop();
        }
    }

    private readonly Stack<int> conditionalSlots = new();

    private ExpressionNode LowerConditionalAccessInstance(IConditionalAccessInstanceOperation placeholder) =>
        conditionalSlots.Count == 0
            ? Fail(placeholder, "this conditional access is not evaluated")
            : new VariableNode(NewId(placeholder), 0, conditionalSlots.Peek());

    private ExpressionNode LowerInterpolation(IInterpolatedStringOperation interpolation)
    {
        var id = NewId(interpolation);
        var parts = new List<ExpressionNode>();
        foreach (var part in interpolation.Parts)
        {
            switch (part)
            {
                case IInterpolatedStringTextOperation text:
                    parts.Add(Lower(text.Text));
                    break;
                case IInterpolationOperation hole:
                    var holeId = NewId(hole);
                    var alignment = hole.Alignment?.ConstantValue is { HasValue: true, Value: int a } ? a : (int?)null;
                    var format = hole.FormatString?.ConstantValue is { HasValue: true, Value: string f } ? f : null;
                    parts.Add(new FormatNode(holeId, Lower(hole.Expression), alignment, format));
                    break;
                default:
                    parts.Add(Fail(part, "this part of an interpolated string is not evaluated"));
                    break;
            }
        }

        return new ConcatNode(id, parts.ToEquatableArray());
    }

    private ExpressionNode LowerThrow(IThrowOperation throwOperation)
    {
        var id = NewId(throwOperation);
        if (throwOperation.Exception is null)
        {
            return new ThrowNode(id, "Exception", null);
        }

        var exception = throwOperation.Exception is IConversionOperation { IsImplicit: true } conversion ? conversion.Operand : throwOperation.Exception;
        if (exception is IObjectCreationOperation creation)
        {
            // The exception's message is what the user wants to say: evaluate it; the exception object itself is not needed.
            var message = creation.Arguments.FirstOrDefault(a => a.Parameter?.Name == "message" && a.ArgumentKind == ArgumentKind.Explicit)?.Value;
            return new ThrowNode(id, creation.Type?.Name ?? "Exception", message is null ? null : Lower(message));
        }

        return new ThrowNode(id, exception.Type?.Name ?? "Exception", null);
    }

    private ExpressionNode LowerDeconstruction(IDeconstructionAssignmentOperation deconstruction)
    {
        var id = NewId(deconstruction);
        var target = deconstruction.Target is IDeclarationExpressionOperation declaration ? declaration.Expression : deconstruction.Target;
        if (target is not ITupleOperation tuple)
        {
            return Fail(deconstruction, "this deconstruction is not evaluated");
        }

        return new DeconstructNode(id, DeconstructTargets(tuple), Lower(deconstruction.Value), DeconstructionOf(deconstruction.Value.Type, deconstruction.Syntax));
    }

    private EquatableArray<TargetNode> DeconstructTargets(ITupleOperation tuple) =>
        tuple.Elements.Select(e => e switch
        {
            ITupleOperation nested => new DeconstructTarget(NewId(nested), DeconstructTargets(nested), DeconstructionOf(nested.Type, nested.Syntax)),
            IDeclarationExpressionOperation { Expression: ITupleOperation nested } => new DeconstructTarget(NewId(nested), DeconstructTargets(nested), DeconstructionOf(nested.Type, nested.Syntax)),
            _ => LowerTarget(e),
        }).ToEquatableArray();

    /// <summary>How values of <paramref name="type"/> are deconstructed: tuple items, a record's positions, or a Deconstruct method.</summary>
    private DeconstructPlan DeconstructionOf(ITypeSymbol? type, SyntaxNode at)
    {
        if (type is INamedTypeSymbol { IsTupleType: true })
        {
            return new DeconstructPlan(DeconstructKind.Tuple, null, null);
        }

        var deconstruct = type?.GetMembers("Deconstruct").OfType<IMethodSymbol>().FirstOrDefault(m => !m.IsStatic && m.Parameters.All(p => p.RefKind == RefKind.Out));
        if (type is INamedTypeSymbol named && IsUser(named))
        {
            UseType(named);
            if (deconstruct is null || deconstruct.IsImplicitlyDeclared)
            {
                return new DeconstructPlan(DeconstructKind.UserRecord, null, null);
            }

            Record(at, "user Deconstruct methods have out parameters, which are not evaluated; declare the type as a positional record or deconstruct a tuple");
            return new DeconstructPlan(DeconstructKind.UserRecord, null, null);
        }

        if (deconstruct is not null && ExternalApis.WhyNotEvaluated(deconstruct) is null && TypeRefs.From(deconstruct) is { } reference)
        {
            return new DeconstructPlan(DeconstructKind.Method, reference, null);
        }

        Record(at, "values of type '" + type?.ToDisplayString() + "' cannot be deconstructed at compile time");
        return new DeconstructPlan(DeconstructKind.Tuple, null, null);
    }
}
