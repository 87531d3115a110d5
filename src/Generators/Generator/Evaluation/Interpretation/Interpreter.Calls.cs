using System.Reflection;
using StatefulManifests.Generators.Evaluation.Runtime;
using StatefulManifests.Generators.Planning.Plan;

namespace StatefulManifests.Generators.Evaluation.Interpretation;

/// <summary>
/// Calls: DSL and framework members by reflection (DSL calls inside a <see cref="CallSiteToken"/>), user functions
/// with virtual dispatch on user objects, local functions, delegates, and the members C# generates for records and
/// enums (ToString, Equals, HasFlag ...), which the interpreter implements.
/// </summary>
internal sealed partial class Interpreter
{
    private object? Call(CallNode call, Frame frame)
    {
        var at = At(frame, call.Id);
        var method = RuntimeTypes.Resolve(call.Method) ?? throw new EvaluationException(at, "'" + call.Method + "' is not available in the StatefulManifests " + RuntimeTypes.DslVersion + " the generator runs, or in this runtime", isLimitation: true);
        var receiver = call.Receiver is null ? null : Eval(call.Receiver, frame);
        if (receiver is UserObject or UserEnumValue)
        {
            return ObjectMember(receiver, call.Method.Name, call.Arguments.Select(a => Eval(a, frame)).ToArray(), at);
        }

        if (!method.IsStatic && receiver is null)
        {
            throw new EvaluationException(at, "calling '" + call.Method.Name + "' on null (NullReferenceException at run time)");
        }

        var parameters = RuntimeTypes.ParametersOf(method);
        var arguments = new object?[call.Arguments.Count];
        var argumentNodes = call.IsDsl ? new SourceRef[arguments.Length] : null;
        var origins = call.IsDsl ? new SourceRef[arguments.Length] : null;
        for (var i = 0; i < arguments.Length; i++)
        {
            var node = call.Arguments[i];
            if (node is OutArgumentNode)
            {
                arguments[i] = DefaultOfClr(parameters[i].GetElementType()!);
                continue;
            }

            var value = Eval(node, frame, out var origin);
            arguments[i] = Convert(value, parameters[i], At(frame, node.Id));
            if (argumentNodes is not null)
            {
                argumentNodes[i] = At(frame, node.Id);
                origins![i] = origin;
            }
        }

        object? result;
        if (call.IsDsl)
        {
            using (DslCallSite.Enter(new CallSiteToken(at, argumentNodes!, origins!, arguments, callers, ItemsOf(call, arguments, frame))))
            {
                result = InvokeMember(method, receiver, arguments, at);
            }
        }
        else
        {
            result = InvokeMember(method, receiver, arguments, at);
        }

        for (var i = 0; i < arguments.Length; i++)
        {
            if (call.Arguments[i] is OutArgumentNode output)
            {
                Locate(output.Target, frame).Set(arguments[i], at);
            }
        }

        return result;
    }

    /// <summary>
    /// The items of a DSL call's list arguments with the nodes that wrote them, so an error about one item (a null
    /// command word, a null annotation value) lands on that item rather than on the whole call.
    /// </summary>
    private List<ArgumentItem>? ItemsOf(CallNode call, object?[] arguments, Frame frame)
    {
        List<ArgumentItem>? items = null;
        for (var i = 0; i < arguments.Length; i++)
        {
            var nodes = Unconverted(call.Arguments[i]) switch
            {
                ArrayNode array => array.Items.ToList(),
                CollectionNode collection when collection.Elements.All(e => !e.Spread) => collection.Elements.Select(e => e.Value).ToList(),
                TupleNode tuple => [tuple],
                _ => null,
            };
            var values = nodes is null ? null
                : Unconverted(call.Arguments[i]) is TupleNode ? [arguments[i]]
                : arguments[i] is System.Collections.IEnumerable sequence and not string ? sequence.Cast<object?>().ToList()
                : null;
            if (nodes is null || values is null || values.Count != nodes.Count)
            {
                continue;
            }

            items ??= [];
            for (var j = 0; j < nodes.Count; j++)
            {
                items.Add(Unconverted(nodes[j]) is TupleNode { Items.Count: 2 } entry && TupleParts(values[j]) is { } parts
                    ? new ArgumentItem(At(frame, entry.Items[1].Id), parts.Value, parts.Key as string)
                    : new ArgumentItem(At(frame, nodes[j].Id), values[j], null));
            }
        }

        return items;
    }

    private static ExpressionNode Unconverted(ExpressionNode node) => node is ConversionNode conversion ? Unconverted(conversion.Operand) : node;

    private static (object? Key, object? Value)? TupleParts(object? value)
    {
        var type = value?.GetType();
        return type is { IsGenericType: true } && type.GetGenericTypeDefinition() == typeof(ValueTuple<,>)
            ? (type.GetField("Item1")!.GetValue(value), type.GetField("Item2")!.GetValue(value))
            : null;
    }

    private static object? DefaultOfClr(Type type) => type.IsValueType ? Activator.CreateInstance(type) : null;

    /// <summary>Invokes a DSL or framework member, turning what it throws into an evaluation error at the call.</summary>
    private static object? InvokeMember(MethodBase method, object? receiver, object?[] arguments, SourceRef at)
    {
        try
        {
            return method is ConstructorInfo constructor ? constructor.Invoke(arguments) : method.Invoke(receiver, arguments);
        }
        catch (TargetInvocationException e) when (e.InnerException is EvaluationException or OperationCanceledException)
        {
            // A failure inside a lambda the member called: it already names its own node.
            throw e.InnerException;
        }
        catch (TargetInvocationException e) when (e.InnerException is { } inner)
        {
            throw new EvaluationException(at, "'" + (method.DeclaringType?.Name + "." + method.Name).Replace("..ctor", " constructor") + "' threw " + inner.GetType().Name + ": " + inner.Message, inner);
        }
        catch (ArgumentException e)
        {
            throw new EvaluationException(at, "'" + method.Name + "' cannot be called with these arguments: " + e.Message, e);
        }
    }

    private object? UserCall(UserCallNode call, Frame frame, out SourceRef origin)
    {
        var at = At(frame, call.Id);
        var receiver = call.Receiver is null ? null : Eval(call.Receiver, frame);
        if (call.Receiver is not null && receiver is null)
        {
            throw new EvaluationException(at, "calling a method on null (NullReferenceException at run time)");
        }

        var key = call.Function;
        if (call.DispatchKey is { } slot && receiver is UserObject target && target.Type.Implementation(slot) is { } implementation)
        {
            key = implementation;
        }

        var (arguments, origins) = Arguments(call.Arguments, frame);
        if (!functions.TryGetValue(key, out var function))
        {
            // A member C# generates (a record's ToString, Equals ...) or an object method the type does not override.
            origin = at;
            return ObjectMember(receiver, MemberName(call.DispatchKey ?? key), arguments, at);
        }

        return Enter(at, (out SourceRef returned) => Invoke(function, null, receiver, arguments, origins, out returned), out origin);
    }

    /// <summary>Runs <paramref name="run"/> as a call made at <paramref name="site"/> (pushed on the user call chain).</summary>
    private object? Enter(SourceRef site, InvokeWithOrigin run, out SourceRef origin)
    {
        var saved = callers;
        callers = new CallChain(site, saved);
        try
        {
            var value = run(out var returned);
            origin = returned.IsKnown ? returned : site;
            return value;
        }
        finally
        {
            callers = saved;
        }
    }

    private delegate object? InvokeWithOrigin(out SourceRef origin);

    private (object?[] Values, SourceRef[] Origins) Arguments(IReadOnlyList<ExpressionNode> nodes, Frame frame)
    {
        var values = new object?[nodes.Count];
        var origins = new SourceRef[nodes.Count];
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = Eval(nodes[i], frame, out origins[i]);
        }

        return (values, origins);
    }

    private object? LocalCall(LocalFunctionCallNode call, Frame frame, out SourceRef origin)
    {
        var at = At(frame, call.Id);
        var closure = frame.Up(call.Depth).Values[call.Slot] as Closure ?? throw new EvaluationException(at, "the local function is not defined yet");
        var (arguments, origins) = Arguments(call.Arguments, frame);
        return Enter(at, (out SourceRef returned) => Invoke(closure, arguments, origins, out returned), out origin);
    }

    private object? InvokeDelegate(DelegateInvokeNode invoke, Frame frame, out SourceRef origin)
    {
        var at = At(frame, invoke.Id);
        var target = Eval(invoke.Target, frame) as Delegate ?? throw new EvaluationException(at, "invoking a null delegate (NullReferenceException at run time)");
        var (arguments, origins) = Arguments(invoke.Arguments, frame);
        if (DelegateFactory.SourceOf(target) is Closure closure)
        {
            return Enter(at, (out SourceRef returned) => Invoke(closure, arguments, origins, out returned), out origin);
        }

        origin = at;
        var parameters = target.GetType().GetMethod("Invoke")!.GetParameters();
        var converted = arguments.Select((a, i) => Convert(a, parameters[i].ParameterType, at)).ToArray();
        try
        {
            return target.DynamicInvoke(converted);
        }
        catch (TargetInvocationException e) when (e.InnerException is EvaluationException or OperationCanceledException)
        {
            throw e.InnerException;
        }
        catch (TargetInvocationException e) when (e.InnerException is { } inner)
        {
            throw new EvaluationException(at, "the delegate threw " + inner.GetType().Name + ": " + inner.Message, inner);
        }
    }

    private Delegate MethodGroup(MethodGroupNode group, Frame frame)
    {
        var at = At(frame, group.Id);
        var delegateType = Resolve(group.DelegateType, at);
        var receiver = group.Receiver is null ? null : Eval(group.Receiver, frame);
        if (group.Function is { } key)
        {
            var function = Function(key, at);
            return DelegateFactory.Create(delegateType, null, arguments => Invoke(function, null, receiver, arguments, null, out _));
        }

        var method = RuntimeTypes.Resolve(group.Method!) ?? throw new EvaluationException(at, "'" + group.Method + "' is not available", isLimitation: true);
        var parameters = RuntimeTypes.ParametersOf(method);
        return DelegateFactory.Create(delegateType, null, arguments =>
            InvokeMember(method, receiver, arguments.Select((a, i) => Convert(a, parameters[i], at)).ToArray(), at));
    }

    /// <summary>The name of a method from its key (<c>M:System.Object.ToString</c> → <c>ToString</c>).</summary>
    private static string MemberName(string key)
    {
        var paren = key.IndexOf('(');
        var name = paren < 0 ? key : key.Substring(0, paren);
        var dot = name.LastIndexOf('.');
        return dot < 0 ? name : name.Substring(dot + 1);
    }

    /// <summary>The object and enum members the interpreter implements for user values.</summary>
    private object? ObjectMember(object? receiver, string name, object?[] arguments, SourceRef at)
    {
        switch (name, receiver)
        {
            case ("ToString", UserObject user):
                return ToText(user);
            case ("ToString", UserEnumValue userEnum):
                return userEnum.ToString(arguments.Length > 0 ? arguments[0] as string : null, null);
            case ("Equals", UserObject user):
                return AreEqual(user, arguments.Length > 0 ? arguments[0] : null);
            case ("Equals", UserEnumValue userEnum):
                return userEnum.Equals(arguments.Length > 0 ? arguments[0] : null);
            case ("HasFlag", UserEnumValue flags) when arguments.Length == 1 && arguments[0] is UserEnumValue flag:
                return (flags.Value & flag.Value) == flag.Value;
            case ("CompareTo", UserEnumValue left):
                return left.CompareTo(arguments.Length > 0 ? arguments[0] : null);
            case ("<Clone>$", UserObject user):
                return user.Copy();
            case ("GetHashCode", _):
                throw new EvaluationException(at, "GetHashCode is randomized per process, so its result would differ from build to build");
            default:
                throw new EvaluationException(at, "'" + name + "' on a value of type " + (receiver is null ? "null" : ValueConversion.TypeName(receiver)) + " is not evaluated at compile time", isLimitation: true);
        }
    }

    /// <summary>A user object's text: its own ToString override, a record's printed members, or its type's name.</summary>
    internal string ToText(UserObject value)
    {
        if (value.Type.Implementation(ToStringKey) is { } overridden && functions.TryGetValue(overridden, out var function))
        {
            return Invoke(function, null, value, [], null, out _) as string ?? string.Empty;
        }

        if (value.Type.Plan.Kind is UserTypeKind.Record or UserTypeKind.RecordStruct)
        {
            return value.Printed(getter => functions.TryGetValue(getter, out var g) ? Invoke(g, null, value, [], null, out _) : null);
        }

        return value.Type.Plan.Key == Planning.Lowering.TypeRefs.AnonymousTypeKey ? value.Printed(_ => null) : value.Type.Plan.Key;
    }

    /// <summary>C# equality of a user object with another value.</summary>
    internal bool AreEqual(UserObject value, object? other)
    {
        if (value.Type.Implementation(EqualsKey) is { } overridden && functions.TryGetValue(overridden, out var function))
        {
            return Invoke(function, null, value, [other], null, out _) is true;
        }

        if (ReferenceEquals(value, other))
        {
            return true;
        }

        if (other is not UserObject that || !value.Type.HasValueEquality && value.Type.Plan.Key != Planning.Lowering.TypeRefs.AnonymousTypeKey)
        {
            return false;
        }

        if (!ReferenceEquals(value.Type, that.Type) && value.Type.Plan.Key != that.Type.Plan.Key)
        {
            return false;
        }

        for (var i = 0; i < value.Values.Length; i++)
        {
            if (!Equals(value.Values[i], that.Values[i]))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>A hash consistent with <see cref="AreEqual"/> (used only inside one evaluation: dictionaries, Distinct).</summary>
    internal int HashOf(UserObject value)
    {
        if (!value.Type.HasValueEquality && value.Type.Plan.Key != Planning.Lowering.TypeRefs.AnonymousTypeKey)
        {
            return System.Runtime.CompilerServices.RuntimeHelpers.GetHashCode(value);
        }

        var hash = 17;
        foreach (var field in value.Values)
        {
            hash = unchecked((hash * 31) + (field?.GetHashCode() ?? 0));
        }

        return hash;
    }

    private const string ToStringKey = "M:System.Object.ToString";
    private const string EqualsKey = "M:System.Object.Equals(System.Object)";
}
