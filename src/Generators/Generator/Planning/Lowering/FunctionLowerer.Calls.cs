using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using StatefulManifests.Generators.Helpers;
using StatefulManifests.Generators.Planning.Plan;

namespace StatefulManifests.Generators.Planning.Lowering;

/// <summary>
/// Calls: DSL methods (executed by reflection, with call-site tokens), allowed framework members, methods of the
/// user's code (static, extension, instance with virtual dispatch, local functions, operators), delegates, and the
/// compiler-generated members of user records and enums.
/// </summary>
internal sealed partial class FunctionLowerer
{
    private ExpressionNode LowerInvocation(IInvocationOperation invocation)
    {
        var method = invocation.TargetMethod;
        if (method.MethodKind == MethodKind.DelegateInvoke)
        {
            var id = NewId(invocation);
            return invocation.Instance is null
                ? Fail(invocation, "this delegate call has no delegate")
                : new DelegateInvokeNode(id, Lower(invocation.Instance), invocation.Arguments.Select(a => Lower(a.Value)).ToEquatableArray());
        }

        if (method.MethodKind == MethodKind.LocalFunction)
        {
            return LowerLocalFunctionCall(invocation, method);
        }

        if (IsUser(method))
        {
            return LowerUserCall(invocation, method);
        }

        if (UserEnumHelpers.Applies(method))
        {
            return LowerUserEnumHelper(invocation, method);
        }

        return LowerExternalCall(invocation, method, invocation.Instance, invocation.Arguments);
    }

    private ExpressionNode LowerUserCall(IInvocationOperation invocation, IMethodSymbol method)
    {
        var id = NewId(invocation);
        if (method.Parameters.Any(p => p.RefKind is RefKind.Out or RefKind.Ref))
        {
            return Fail(invocation, "'" + method.Name + "' has ref or out parameters, which are not evaluated; return a tuple instead");
        }

        var receiver = invocation.Instance is null ? null : Lower(invocation.Instance);
        var arguments = LowerArguments(invocation.Arguments, method);
        if (method.IsImplicitlyDeclared)
        {
            // A record's generated ToString/Equals/GetHashCode/PrintMembers: the interpreter implements them.
            var root = UserTypes.DispatchKey(method);
            return new UserCallNode(id, root, receiver, arguments, root);
        }

        if (receiver is not null)
        {
            UseType(method.ContainingType);
        }

        var dispatch = invocation.IsVirtual ? DispatchKeyOf(method) : null;
        if (dispatch is not null)
        {
            dispatchKeys.Add(dispatch);
        }

        return new UserCallNode(id, Call(method), receiver, arguments, dispatch);
    }

    private readonly HashSet<string> dispatchKeys = new(StringComparer.Ordinal);

    private ExpressionNode LowerLocalFunctionCall(IInvocationOperation invocation, IMethodSymbol method)
    {
        var id = NewId(invocation);
        var function = method.OriginalDefinition;
        if (!state.Scope.TryFind(function, out var depth, out var slot))
        {
            return Fail(invocation, "the local function '" + method.Name + "' is not in scope here");
        }

        if (method.Parameters.Any(p => p.RefKind is RefKind.Out or RefKind.Ref))
        {
            return Fail(invocation, "'" + method.Name + "' has ref or out parameters, which are not evaluated; return a tuple instead");
        }

        return new LocalFunctionCallNode(id, depth, slot, LowerArguments(invocation.Arguments, method));
    }

    /// <summary>A call of a DSL or framework member (methods and property getters).</summary>
    private ExpressionNode LowerExternalCall(IOperation call, IMethodSymbol method, IOperation? instance, ImmutableArray<IArgumentOperation> arguments)
    {
        var id = NewId(call);

        // Receiver and arguments first: when they already cannot be evaluated (CultureInfo.CurrentCulture.Name), the
        // innermost cause is the one worth reporting, not the member called on its result.
        var failuresBefore = failures.Count;
        var receiver = instance is null ? null : Lower(instance);
        var lowered = LowerArguments(arguments, method);
        var innerFailed = failures.Count > failuresBefore;
        if (ExternalApis.WhyNotEvaluated(method) is { } refused)
        {
            return innerFailed ? new ConstantNode(id, null, null) : Fail(call, refused);
        }

        if (TypeRefs.From(method) is not { } reference)
        {
            return Fail(call, "'" + method.ToDisplayString() + "' uses types that cannot exist at compile time");
        }

        if (IsObjectMethod(method) && instance?.Type is { } instanceType && MayHoldUserValue(instanceType))
        {
            dispatchKeys.Add(UserTypes.DispatchKey(method));
        }

        return new CallNode(id, reference, receiver, lowered, TypeRefs.IsDsl(method));
    }

    private static bool IsObjectMethod(IMethodSymbol method) =>
        method.ContainingType?.SpecialType is SpecialType.System_Object or SpecialType.System_Enum or SpecialType.System_ValueType;

    /// <summary>True when a value of this static type may be a user object at run time (so object methods dispatch).</summary>
    private bool MayHoldUserValue(ITypeSymbol type) =>
        IsUser(type) || type.TypeKind is TypeKind.TypeParameter or TypeKind.Interface || type.SpecialType == SpecialType.System_Object;

    /// <summary>Arguments in parameter order, with defaults and <c>params</c> arrays as Roslyn filled them in.</summary>
    private EquatableArray<ExpressionNode> LowerArguments(ImmutableArray<IArgumentOperation> arguments, IMethodSymbol method)
    {
        var lowered = new ExpressionNode?[method.Parameters.Length];
        foreach (var argument in arguments)
        {
            if (argument.Parameter is not { } parameter || parameter.Ordinal >= lowered.Length)
            {
                continue;
            }

            lowered[parameter.Ordinal] = parameter.RefKind is RefKind.Out or RefKind.Ref
                ? new OutArgumentNode(NewId(argument.Value), LowerTarget(argument.Value))
                : Lower(argument.Value);
        }

        for (var i = 0; i < lowered.Length; i++)
        {
            lowered[i] ??= new ConstantNode(Implicit(), TypeOf(method.Parameters[i].Type), method.Parameters[i].HasExplicitDefaultValue ? method.Parameters[i].ExplicitDefaultValue : null);
        }

        return lowered.Select(a => a!).ToEquatableArray();
    }

    /// <summary>The generic <c>Enum</c> helpers (<c>Enum.GetValues&lt;Env&gt;()</c>, <c>Enum.Parse&lt;Env&gt;(s)</c>) on a user enum.</summary>
    private ExpressionNode LowerUserEnumHelper(IInvocationOperation invocation, IMethodSymbol method)
    {
        var id = NewId(invocation);
        var enumType = (INamedTypeSymbol)method.TypeArguments[0];
        UseType(enumType);
        if (!UserEnumHelpers.Supported.Contains(method.Name) || method.Parameters.Any(p => p.RefKind != RefKind.None))
        {
            return Fail(invocation, "'Enum." + method.Name + "' on this project's enum is not evaluated; use a switch or the members directly");
        }

        return new UserEnumHelperNode(id, method.Name, TypeRefs.UserKey(enumType), LowerArguments(invocation.Arguments, method));
    }
}

/// <summary>The generic <c>System.Enum</c> helpers the interpreter implements for user enums, which are never loaded.</summary>
internal static class UserEnumHelpers
{
    /// <summary>The helpers implemented.</summary>
    public static readonly HashSet<string> Supported = new(StringComparer.Ordinal) { "GetValues", "GetNames", "Parse", "IsDefined", "GetName" };

    /// <summary>True for a generic <c>Enum</c> method instantiated with a user enum.</summary>
    public static bool Applies(IMethodSymbol method) =>
        method.ContainingType?.SpecialType == SpecialType.System_Enum
        && method.IsGenericMethod
        && method.TypeArguments.Length == 1
        && method.TypeArguments[0] is INamedTypeSymbol { TypeKind: TypeKind.Enum } enumType
        && enumType.Locations.Any(l => l.IsInSource);
}
