using System.Runtime.CompilerServices;
using StatefulManifests.Generators.Evaluation.Runtime;
using StatefulManifests.Generators.Planning.Plan;

namespace StatefulManifests.Generators.Evaluation.Interpretation;

/// <summary>
/// Executes a <see cref="WorkloadPlan"/>: the user's code is interpreted node by node (locals, loops, calls of user
/// functions, user objects), and DSL and allowed framework members run for real by reflection — DSL calls with
/// <see cref="DslCallSite.Current"/> set to a <see cref="CallSiteToken"/> — so what a DSL call means is decided by
/// the DSL alone. Lambdas become real delegates the DSL and LINQ invoke. Every value remembers where it was written.
/// A step budget and a call-depth limit stop pathological code; every failure is an <see cref="EvaluationException"/>
/// naming the node. Single-threaded; one instance per evaluation (static readonly values are computed once in it).
/// The partial files hold statements, expressions, calls, objects, operators, patterns and assignment targets.
/// </summary>
internal sealed partial class Interpreter
{
    /// <summary>Steps (nodes evaluated) one evaluation may take.</summary>
    internal const int MaxSteps = 5_000_000;

    /// <summary>Nested calls of user functions one evaluation may make.</summary>
    internal const int MaxCallDepth = 400;

    private readonly Dictionary<string, FunctionPlan> functions = new(StringComparer.Ordinal);
    private readonly Dictionary<string, UserTypePlan> typePlans = new(StringComparer.Ordinal);
    private readonly Dictionary<string, UserType> types = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (object? Value, SourceRef Origin)> statics = new(StringComparer.Ordinal);
    private readonly HashSet<string> staticsInProgress = new(StringComparer.Ordinal);
    private readonly CancellationToken cancellationToken;
    private CallChain? callers;
    private int steps;
    private int callDepth;
    private object? returnValue;
    private SourceRef returnOrigin;

    /// <summary>Creates an interpreter for <paramref name="plan"/>.</summary>
    public Interpreter(WorkloadPlan plan, CancellationToken cancellationToken)
    {
        Plan = plan;
        this.cancellationToken = cancellationToken;
        foreach (var function in plan.Functions)
        {
            functions[function.Key] = function;
        }

        foreach (var type in plan.Types)
        {
            typePlans[type.Key] = type;
        }
    }

    /// <summary>The plan.</summary>
    public WorkloadPlan Plan { get; }

    /// <summary>Runs the declaration's entry function with <paramref name="arguments"/>.</summary>
    public object? Run(object?[] arguments)
    {
        var entry = Function(Plan.Entry, default);
        return Invoke(entry, null, null, arguments, null, out _);
    }

    /// <summary>The function with key <paramref name="key"/>.</summary>
    private FunctionPlan Function(string key, SourceRef at) =>
        functions.TryGetValue(key, out var function)
            ? function
            : throw new EvaluationException(at, "the function " + key + " is not part of the plan", isLimitation: true);

    /// <summary>The runtime view of the user type <paramref name="key"/> (by metadata name).</summary>
    public UserType Type(string key)
    {
        if (types.TryGetValue(key, out var type))
        {
            return type;
        }

        if (!typePlans.TryGetValue(key, out var plan))
        {
            throw new EvaluationException(default, "the type " + key + " is not part of the plan", isLimitation: true);
        }

        type = new UserType(plan, plan.BaseType is { } baseKey && typePlans.ContainsKey(baseKey) ? Type(baseKey) : null);
        types[key] = type;
        return type;
    }

    /// <summary>True when <paramref name="type"/> is a user enum of the plan.</summary>
    private bool IsUserEnum(TypeRef type, out UserType? enumType)
    {
        enumType = type.IsUser && typePlans.TryGetValue(type.MetadataName, out var plan) && plan.Kind == UserTypeKind.Enum ? Type(plan.Key) : null;
        return enumType is not null;
    }

    /// <summary>Runs a closure (a lambda or local function) on arguments.</summary>
    internal object? Invoke(Closure closure, object?[] arguments, IReadOnlyList<SourceRef>? origins, out SourceRef origin) =>
        Invoke(closure.Function, closure.Captured, null, arguments, origins, out origin);

    /// <summary>Runs a function in a new frame: parameters bound, body executed, the returned (or yielded) value.</summary>
    private object? Invoke(FunctionPlan function, Frame? parent, object? self, IReadOnlyList<object?> arguments, IReadOnlyList<SourceRef>? origins, out SourceRef origin)
    {
        var site = callers?.Site ?? default;
        if (++callDepth > MaxCallDepth)
        {
            callDepth--;
            throw new EvaluationException(site, "the code recurses more than " + MaxCallDepth + " calls deep", isLimitation: true);
        }

        try
        {
            try
            {
                RuntimeHelpers.EnsureSufficientExecutionStack();
            }
            catch (InsufficientExecutionStackException)
            {
                throw new EvaluationException(site, "the code recurses too deeply to evaluate", isLimitation: true);
            }

            var frame = new Frame(function, function.FrameSize, parent, self);
            for (var i = 0; i < function.ParameterCount && i < frame.Values.Length; i++)
            {
                frame.Values[i] = i < arguments.Count ? CopyIfStruct(arguments[i]) : null;
                frame.Origins[i] = origins is not null && i < origins.Count ? origins[i] : default;
            }

            if (function.IsIterator)
            {
                frame.Yielded = [];
            }

            var completion = Execute(function.Body, frame);
            if (function.IsIterator)
            {
                origin = default;
                return frame.Yielded;
            }

            if (completion == Completion.Return)
            {
                origin = returnOrigin;
                var value = returnValue;
                returnValue = null;
                returnOrigin = default;
                return value;
            }

            origin = default;
            return null;
        }
        finally
        {
            callDepth--;
        }
    }

    /// <summary>Counts a step; stops at the budget, checks for cancellation now and then.</summary>
    private void Step(Frame frame, int node)
    {
        if (++steps > MaxSteps)
        {
            throw new EvaluationException(new SourceRef(frame.Function.Key, node), "evaluation took more than " + MaxSteps + " steps (an endless loop?)", isLimitation: true);
        }

        if ((steps & 0x3FF) == 0)
        {
            cancellationToken.ThrowIfCancellationRequested();
        }
    }

    private static SourceRef At(Frame frame, int node) => new(frame.Function.Key, node);

    /// <summary>A struct is copied when stored or passed, as C# does.</summary>
    private static object? CopyIfStruct(object? value) => value is UserObject { Type.IsValueType: true } structValue ? structValue.Copy() : value;

    /// <summary>The default value of a type: zero, a default struct, the first (zero) enum value, or null.</summary>
    internal object? DefaultOf(TypeRef? type)
    {
        if (type is null)
        {
            return null;
        }

        if (type.IsUser)
        {
            if (!typePlans.TryGetValue(type.MetadataName, out var plan))
            {
                return null;
            }

            return plan.Kind switch
            {
                UserTypeKind.Enum => new UserEnumValue(Type(plan.Key), 0),
                UserTypeKind.Struct or UserTypeKind.RecordStruct => new UserObject(Type(plan.Key), this),
                _ => null,
            };
        }

        var runtime = RuntimeTypes.Resolve(type);
        return runtime is { IsValueType: true } && Nullable.GetUnderlyingType(runtime) is null ? Activator.CreateInstance(runtime) : null;
    }

    /// <summary>How statements complete.</summary>
    private enum Completion
    {
        Normal,
        Break,
        Continue,
        Return,
    }
}
