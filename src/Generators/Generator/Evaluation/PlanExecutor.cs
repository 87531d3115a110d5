using System.Reflection;
using StatefulManifests.Generators.Planning;

namespace StatefulManifests.Generators.Evaluation;

/// <summary>
/// Executes a plan: constants and conversions are computed here, DSL calls run the real DSL methods by
/// reflection (with <see cref="DslCallSite.Current"/> set to a <see cref="CallSiteToken"/> around each), and lambdas
/// become real delegates that the DSL invokes. A step budget stops pathological plans; every failure is an
/// <see cref="EvaluationException"/> naming the node. Single-threaded, one instance per evaluation.
/// </summary>
internal sealed class PlanExecutor
{
    /// <summary>Steps (nodes evaluated, lambda bodies included) one evaluation may take.</summary>
    internal const int MaxSteps = 200_000;

    private readonly CancellationToken cancellationToken;
    private int steps;

    /// <summary>Creates an executor.</summary>
    public PlanExecutor(CancellationToken cancellationToken) => this.cancellationToken = cancellationToken;

    /// <summary>Evaluates <paramref name="root"/> with no parameters bound.</summary>
    public object? Run(PlanNode root) => Execute(root, null);

    private object? Execute(PlanNode node, Bindings? bindings)
    {
        if (++steps > MaxSteps)
        {
            throw new EvaluationException(node.Id, "evaluation took more than " + MaxSteps + " steps");
        }

        if ((steps & 0xFF) == 0)
        {
            cancellationToken.ThrowIfCancellationRequested();
        }

        return node switch
        {
            ConstantNode constant => Convert(constant.Value, constant.Type, constant.Id),
            CallNode call => Call(call, bindings),
            ConversionNode conversion => Convert(conversion, bindings),
            LambdaNode lambda => Lambda(lambda, bindings),
            ParameterNode parameter => Bindings.Lookup(bindings, parameter.Slot, parameter.Id),
            ArrayNode array => Array(array, bindings),
            TupleNode tuple => Tuple(tuple, bindings),
            ConcatNode concat => string.Concat(concat.Parts.Select(p => Text(p, bindings))),
            FormatNode format => ValueConversion.Text(Execute(format.Value, bindings), format.Alignment, format.Format),
            _ => throw new EvaluationException(node.Id, "this part of the declaration could not be evaluated"),
        };
    }

    private string Text(PlanNode part, Bindings? bindings) => part is FormatNode
        ? (string)Execute(part, bindings)!
        : ValueConversion.Text(Execute(part, bindings));

    private object? Call(CallNode call, Bindings? bindings)
    {
        var method = RuntimeTypes.Resolve(call.Method) ?? throw new EvaluationException(call.Id, "the DSL method " + call.Method + " is not available");
        var receiver = call.Receiver is null ? null : Execute(call.Receiver, bindings);
        if (!method.IsStatic && receiver is null)
        {
            throw new EvaluationException(call.Id, "the call's receiver is null");
        }

        var parameters = RuntimeTypes.ParametersOf(method);
        var arguments = new object?[call.Arguments.Count];
        for (var i = 0; i < arguments.Length; i++)
        {
            arguments[i] = Convert(Execute(call.Arguments[i], bindings), parameters[i], call.Arguments[i].Id);
        }

        var token = new CallSiteToken(call.Id, call.Arguments.Select(a => a.Id).ToArray(), arguments);
        using (DslCallSite.Enter(token))
        {
            return Invoke(method, receiver, arguments, call.Id);
        }
    }

    private object? Convert(ConversionNode conversion, Bindings? bindings)
    {
        var operand = Execute(conversion.Operand, bindings);
        if (conversion.Operator is { } op)
        {
            var method = RuntimeTypes.Resolve(op) ?? throw new EvaluationException(conversion.Id, "the conversion " + op + " is not available");
            var argument = Convert(operand, RuntimeTypes.ParametersOf(method)[0], conversion.Id);
            return Invoke(method, null, [argument], conversion.Id);
        }

        return Convert(operand, conversion.Target, conversion.Id);
    }

    private object? Lambda(LambdaNode lambda, Bindings? bindings)
    {
        var delegateType = Resolve(lambda.DelegateType, lambda.Id);
        return DelegateFactory.Create(delegateType, arguments =>
        {
            var inner = bindings;
            for (var i = 0; i < lambda.ParameterSlots.Count && i < arguments.Length; i++)
            {
                inner = new Bindings(lambda.ParameterSlots[i], arguments[i], inner);
            }

            return Execute(lambda.Body, inner);
        });
    }

    private object Array(ArrayNode array, Bindings? bindings)
    {
        var elementType = Resolve(array.ElementType, array.Id);
        var result = System.Array.CreateInstance(elementType, array.Items.Count);
        for (var i = 0; i < array.Items.Count; i++)
        {
            result.SetValue(Convert(Execute(array.Items[i], bindings), elementType, array.Items[i].Id), i);
        }

        return result;
    }

    private object Tuple(TupleNode tuple, Bindings? bindings)
    {
        var type = Resolve(tuple.TupleType, tuple.Id);
        var elementTypes = type.GetGenericArguments();
        var items = new object?[tuple.Items.Count];
        for (var i = 0; i < items.Length; i++)
        {
            items[i] = Convert(Execute(tuple.Items[i], bindings), elementTypes[i], tuple.Items[i].Id);
        }

        return Activator.CreateInstance(type, items)!;
    }

    private static object? Convert(object? value, TypeRef? type, int nodeId) =>
        type is null ? value : Convert(value, Resolve(type, nodeId), nodeId);

    private static object? Convert(object? value, Type type, int nodeId)
    {
        try
        {
            return ValueConversion.To(value, type);
        }
        catch (Exception e) when (e is InvalidCastException or FormatException or OverflowException or ArgumentException)
        {
            throw new EvaluationException(nodeId, e.Message, e);
        }
    }

    private static Type Resolve(TypeRef type, int nodeId) =>
        RuntimeTypes.Resolve(type) ?? throw new EvaluationException(nodeId, "the type " + type + " is not available at compile time");

    private static object? Invoke(MethodInfo method, object? receiver, object?[] arguments, int nodeId)
    {
        try
        {
            return method.Invoke(receiver, arguments);
        }
        catch (TargetInvocationException e) when (e.InnerException is EvaluationException or OperationCanceledException)
        {
            // A failure inside a lambda the DSL called: it already names its own node.
            throw e.InnerException;
        }
        catch (TargetInvocationException e) when (e.InnerException is { } inner)
        {
            throw new EvaluationException(nodeId, "the DSL call threw " + inner.GetType().Name + ": " + inner.Message, inner);
        }
    }

    /// <summary>Lambda parameters in scope: an immutable chain, so each delegate keeps the bindings it was created with.</summary>
    private sealed class Bindings(int slot, object? value, Bindings? next)
    {
        private readonly int slot = slot;
        private readonly object? value = value;
        private readonly Bindings? next = next;

        public static object? Lookup(Bindings? bindings, int slot, int nodeId)
        {
            for (var b = bindings; b is not null; b = b.next)
            {
                if (b.slot == slot)
                {
                    return b.value;
                }
            }

            throw new EvaluationException(nodeId, "a lambda parameter was used outside its lambda");
        }
    }
}
