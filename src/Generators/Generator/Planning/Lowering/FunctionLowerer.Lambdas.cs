using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using StatefulManifests.Generators.Helpers;
using StatefulManifests.Generators.Planning.Plan;

namespace StatefulManifests.Generators.Planning.Lowering;

/// <summary>
/// Lambdas, method groups and local functions: each lambda and local function becomes a <see cref="FunctionPlan"/>
/// nested in the member, whose frame's parent is the frame it was created in (that is what it captures). At run time
/// a lambda is a real delegate of the type the DSL or LINQ expects.
/// </summary>
internal sealed partial class FunctionLowerer
{
    private ExpressionNode LowerDelegate(IOperation creation, IOperation target, ITypeSymbol? delegateType)
    {
        var id = NewId(creation);
        if (delegateType is not INamedTypeSymbol { TypeKind: TypeKind.Delegate } named || DelegateTypeOf(named) is not { } type)
        {
            return Fail(creation, "delegates of type '" + delegateType?.ToDisplayString() + "' cannot be created at compile time");
        }

        switch (target)
        {
            case IAnonymousFunctionOperation lambda:
            {
                var key = NestedKey("lambda");
                LowerFunction(key, "lambda in " + FunctionDisplay(), lambda.Symbol.Parameters, hasThis: false, isIterator: false, () => LowerBlock(lambda.Body, ownFrame: false));
                return new LambdaNode(id, type, key);
            }

            case IMethodReferenceOperation { Method: { MethodKind: MethodKind.LocalFunction } local } group:
                return LocalFunctionGroup(id, type, local, group);
            case IMethodReferenceOperation { Method: var method } group when IsUser(method):
                if (method.Parameters.Any(p => p.RefKind != RefKind.None))
                {
                    return Fail(group, "'" + method.Name + "' has ref or out parameters, which are not evaluated");
                }

                return new MethodGroupNode(id, type, Call(method), null, method.IsStatic || group.Instance is null ? null : Lower(group.Instance));
            case IMethodReferenceOperation { Method: var method } group:
                if (ExternalApis.WhyNotEvaluated(method) is { } refused)
                {
                    return Fail(group, refused);
                }

                return TypeRefs.From(method) is { } reference
                    ? new MethodGroupNode(id, type, null, reference, method.IsStatic || group.Instance is null ? null : Lower(group.Instance))
                    : Fail(group, "'" + method.ToDisplayString() + "' uses types that cannot exist at compile time");
            default:
                return Fail(target, "only lambdas and method groups become compile-time delegates");
        }
    }

    /// <summary>A local function used as a delegate: a nested function that calls it (one frame further out).</summary>
    private ExpressionNode LocalFunctionGroup(int id, TypeRef type, IMethodSymbol local, IMethodReferenceOperation group)
    {
        if (!state.Scope.TryFind(local.OriginalDefinition, out var depth, out var slot))
        {
            return Fail(group, "the local function '" + local.Name + "' is not in scope here");
        }

        var key = NestedKey("group");
        LowerFunction(key, local.Name, local.Parameters, hasThis: false, isIterator: false, () =>
        {
            var arguments = local.Parameters.Select((_, i) => (ExpressionNode)new VariableNode(Implicit(), 0, i)).ToEquatableArray<ExpressionNode>();
            var call = new LocalFunctionCallNode(NewId(group), depth + 1, slot, arguments);
            return new BlockNode(Implicit(), new StatementNode[] { new ReturnNode(Implicit(), call) }.ToEquatableArray(), 0);
        });
        return new LambdaNode(id, type, key);
    }

    private StatementNode LowerLocalFunction(ILocalFunctionOperation local)
    {
        var id = NewId(local);
        if (!state.Scope.TryFind(local.Symbol, out var depth, out var slot) || depth != 0)
        {
            slot = state.Scope.Declare(local.Symbol);
        }

        if (local.Symbol.Parameters.Any(p => p.RefKind is RefKind.Out or RefKind.Ref))
        {
            return FailStatement(local.Syntax, "'" + local.Symbol.Name + "' has ref or out parameters, which are not evaluated; return a tuple instead");
        }

        var body = local.Body ?? local.IgnoredBody;
        if (body is null)
        {
            return FailStatement(local.Syntax, "the local function has no body");
        }

        var key = NestedKey("local:" + local.Symbol.Name + ":");
        LowerFunction(key, local.Symbol.Name + " in " + FunctionDisplay(), local.Symbol.Parameters, hasThis: false, IsIterator(local.Syntax), () => LowerBlock(body, ownFrame: false));
        return new LocalFunctionNode(id, slot, key);
    }

    /// <summary>The delegate type a lambda becomes: the expected one, or for a user delegate type the matching Func/Action.</summary>
    private TypeRef? DelegateTypeOf(INamedTypeSymbol delegateType)
    {
        if (!IsUser(delegateType))
        {
            return TypeOf(delegateType);
        }

        var invoke = delegateType.DelegateInvokeMethod;
        if (invoke is null || invoke.Parameters.Length > 4 || invoke.Parameters.Any(p => p.RefKind != RefKind.None))
        {
            return null;
        }

        var parameters = invoke.Parameters.Select(p => TypeOf(p.Type)).ToList();
        if (parameters.Any(p => p is null))
        {
            return null;
        }

        if (invoke.ReturnsVoid)
        {
            return parameters.Count == 0
                ? TypeRef.Named(TypeHome.Framework, "System.Action")
                : new TypeRef(TypeHome.Framework, "System.Action`" + parameters.Count.ToString(System.Globalization.CultureInfo.InvariantCulture), parameters.Select(p => p!).ToEquatableArray(), null);
        }

        if (TypeOf(invoke.ReturnType) is not { } returnType)
        {
            return null;
        }

        return new TypeRef(TypeHome.Framework, "System.Func`" + (parameters.Count + 1).ToString(System.Globalization.CultureInfo.InvariantCulture), parameters.Select(p => p!).Append(returnType).ToEquatableArray(), null);
    }

    private string FunctionDisplay() => state.DisplayName;
}
