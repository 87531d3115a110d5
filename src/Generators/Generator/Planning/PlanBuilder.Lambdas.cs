using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using StatefulManifests.Generators.Helpers;

namespace StatefulManifests.Generators.Planning;

/// <summary>
/// Builder lambdas (<c>c =&gt; c.Image(...)</c>) and method groups: each becomes a <see cref="LambdaNode"/> that the
/// executor turns into a real delegate of the type the DSL expects, evaluating the body with the parameters bound.
/// </summary>
internal sealed partial class PlanBuilder
{
    private PlanNode LowerDelegate(IOperation creation, IOperation target, ITypeSymbol? delegateType)
    {
        var id = NewId(creation);
        if (delegateType is not INamedTypeSymbol { TypeKind: TypeKind.Delegate } || TypeOf(delegateType) is not { } type)
        {
            return Fail(creation, "delegates of type '" + delegateType?.ToDisplayString() + "' cannot be created at compile time");
        }

        switch (target)
        {
            case IAnonymousFunctionOperation lambda:
                return WithParameters(lambda.Symbol.Parameters, slotsOf => new LambdaNode(id, type, slotsOf, LowerBody(lambda.Body, lambda)));
            case IMethodReferenceOperation { Method: var method } group when TypeRefs.IsDsl(method):
                return WithParameters(method.Parameters, slotsOf => new LambdaNode(id, type, slotsOf, DslMethodGroupCall(group, method, slotsOf)));
            case IMethodReferenceOperation { Method: var method } group when IsInThisProject(method):
                return WithParameters(method.Parameters, slotsOf => new LambdaNode(id, type, slotsOf, LowerSharedMember(method, group, allowParameters: true)));
            default:
                return Fail(target, "only lambdas and method groups of the DSL or of this project become compile-time delegates");
        }
    }

    /// <summary>Binds each parameter to a fresh environment slot while the body is lowered.</summary>
    private PlanNode WithParameters(IEnumerable<IParameterSymbol> parameters, Func<EquatableArray<int>, PlanNode> lowerBody)
    {
        var bound = new List<(IParameterSymbol Parameter, int Slot)>();
        foreach (var parameter in parameters)
        {
            bound.Add((parameter, nextSlot++));
        }

        foreach (var (parameter, slot) in bound)
        {
            slots[parameter] = slot;
        }

        try
        {
            return lowerBody(bound.Select(b => b.Slot).ToEquatableArray());
        }
        finally
        {
            foreach (var (parameter, _) in bound)
            {
                slots.Remove(parameter);
            }
        }
    }

    private PlanNode LowerParameter(IParameterReferenceOperation reference) =>
        slots.TryGetValue(reference.Parameter, out var slot)
            ? new ParameterNode(NewId(reference), slot)
            : Fail(reference, "the parameter '" + reference.Parameter.Name + "' has no compile-time value");

    /// <summary>The single value a lambda body returns: an expression body, or const locals and one return.</summary>
    private PlanNode LowerBody(IBlockOperation? body, IOperation lambda)
    {
        if (body is null)
        {
            return Fail(lambda, "the lambda has no body");
        }

        IOperation? result = null;
        foreach (var statement in body.Operations)
        {
            switch (statement)
            {
                case IVariableDeclarationGroupOperation group when group.Declarations.SelectMany(d => d.GetDeclaredVariables()).All(l => l.IsConst):
                case IReturnOperation { IsImplicit: true, ReturnedValue: null }:
                    continue;
                case IReturnOperation { ReturnedValue: { } value } when result is null:
                    result = value;
                    continue;
                case IExpressionStatementOperation { Operation: var value } when result is null:
                    result = value;
                    continue;
                default:
                    return Fail(statement, "a lambda body may contain only const locals and one returned expression");
            }
        }

        return result is null ? Fail(lambda, "the lambda returns nothing") : Lower(result);
    }

    /// <summary>A DSL method used as a delegate (<c>Presets.Nginx</c>): a call with the delegate's parameters as arguments.</summary>
    private PlanNode DslMethodGroupCall(IMethodReferenceOperation group, IMethodSymbol method, EquatableArray<int> parameterSlots)
    {
        var id = NewId(group);
        if (DslMethod(method) is not { } reference)
        {
            return Fail(group, "the DSL method '" + method.ToDisplayString() + "' is not in the StatefulManifests assembly the generator runs");
        }

        var receiver = method.IsStatic ? null : Lower(group.Instance);
        var arguments = parameterSlots.Select(slot => (PlanNode)new ParameterNode(NewId(null), slot)).ToEquatableArray();
        return new CallNode(id, reference, receiver, arguments);
    }
}
