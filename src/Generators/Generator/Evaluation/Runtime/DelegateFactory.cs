using System.Reflection;

namespace StatefulManifests.Generators.Evaluation.Runtime;

/// <summary>
/// Creates real delegates of the types DSL methods take (<c>Func&lt;ContainerBuilder, ContainerBuilder&gt;</c>, or
/// any delegate type with up to four parameters) whose invocation evaluates a lambda body. The DSL calls them with
/// the builders it creates, exactly as it calls the user's lambdas at run time. No code is emitted: a generic
/// closure class is instantiated for the delegate's signature and bound with <see cref="Delegate.CreateDelegate(Type, object, MethodInfo)"/>.
/// </summary>
internal static class DelegateFactory
{
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<Type, (Type Closure, MethodInfo Invoke)> Closures = new();

    /// <summary>Creates a delegate of <paramref name="delegateType"/> that runs <paramref name="body"/> on its arguments.</summary>
    /// <param name="delegateType">The delegate type.</param>
    /// <param name="source">What the delegate runs (an interpreted closure), retrievable with <see cref="SourceOf"/>.</param>
    /// <param name="body">The body, given the arguments.</param>
    public static Delegate Create(Type delegateType, object? source, Func<object?[], object?> body)
    {
        var (closureType, invoke) = Closures.GetOrAdd(delegateType, ClosureFor);
        var target = (ClosureBase)Activator.CreateInstance(closureType, body)!;
        target.Source = source;
        return Delegate.CreateDelegate(delegateType, target, invoke);
    }

    /// <summary>What a delegate made here runs, or null for any other delegate.</summary>
    public static object? SourceOf(Delegate value) => (value.Target as ClosureBase)?.Source;

    /// <summary>
    /// A delegate of <paramref name="delegateType"/> calling <paramref name="inner"/> with its arguments converted to
    /// <paramref name="inner"/>'s parameter types (a <c>Func&lt;object, string&gt;</c> over erased values passed where a
    /// <c>Func&lt;string, string&gt;</c> is expected), or null when the shapes differ.
    /// </summary>
    public static Delegate? Adapt(Delegate inner, Type delegateType)
    {
        var target = delegateType.GetMethod("Invoke");
        var source = inner.GetType().GetMethod("Invoke");
        if (target is null || source is null || target.GetParameters().Length != source.GetParameters().Length)
        {
            return null;
        }

        var parameters = source.GetParameters().Select(p => p.ParameterType).ToArray();
        return Create(delegateType, SourceOf(inner), arguments =>
        {
            var converted = new object?[arguments.Length];
            for (var i = 0; i < arguments.Length; i++)
            {
                converted[i] = ValueConversion.To(arguments[i], parameters[i]);
            }

            try
            {
                return inner.DynamicInvoke(converted);
            }
            catch (System.Reflection.TargetInvocationException e) when (e.InnerException is not null)
            {
                throw e.InnerException;
            }
        });
    }

    /// <summary>The closure class matching a delegate type's signature, and its Invoke method.</summary>
    private static (Type Closure, MethodInfo Invoke) ClosureFor(Type delegateType)
    {
        var invoke = delegateType.GetMethod("Invoke") ?? throw new InvalidCastException(delegateType.Name + " is not a delegate type");
        var parameters = invoke.GetParameters().Select(p => p.ParameterType).ToArray();
        var returnsValue = invoke.ReturnType != typeof(void);
        var closureDefinition = (returnsValue, parameters.Length) switch
        {
            (true, 0) => typeof(FuncClosure<>),
            (true, 1) => typeof(FuncClosure<,>),
            (true, 2) => typeof(FuncClosure<,,>),
            (true, 3) => typeof(FuncClosure<,,,>),
            (true, 4) => typeof(FuncClosure<,,,,>),
            (false, 0) => typeof(ActionClosure),
            (false, 1) => typeof(ActionClosure<>),
            (false, 2) => typeof(ActionClosure<,>),
            (false, 3) => typeof(ActionClosure<,,>),
            _ => throw new InvalidCastException("delegates with " + parameters.Length + " parameters are not created at compile time"),
        };
        var typeArguments = returnsValue ? parameters.Concat([invoke.ReturnType]).ToArray() : parameters;
        var closureType = typeArguments.Length == 0 ? closureDefinition : closureDefinition.MakeGenericType(typeArguments);
        return (closureType, closureType.GetMethod("Invoke")!);
    }

    private static T Result<T>(object? value) => (T)ValueConversion.To(value, typeof(T))!;

    /// <summary>The base of the closures: carries what the delegate runs.</summary>
    private abstract class ClosureBase
    {
        public object? Source { get; set; }
    }

    // The closures: one per arity. Their Invoke signatures match the delegate's, so CreateDelegate binds them.
    private sealed class FuncClosure<TResult>(Func<object?[], object?> body) : ClosureBase
    {
        public TResult Invoke() => Result<TResult>(body([]));
    }

    private sealed class FuncClosure<T1, TResult>(Func<object?[], object?> body) : ClosureBase
    {
        public TResult Invoke(T1 a) => Result<TResult>(body([a]));
    }

    private sealed class FuncClosure<T1, T2, TResult>(Func<object?[], object?> body) : ClosureBase
    {
        public TResult Invoke(T1 a, T2 b) => Result<TResult>(body([a, b]));
    }

    private sealed class FuncClosure<T1, T2, T3, TResult>(Func<object?[], object?> body) : ClosureBase
    {
        public TResult Invoke(T1 a, T2 b, T3 c) => Result<TResult>(body([a, b, c]));
    }

    private sealed class FuncClosure<T1, T2, T3, T4, TResult>(Func<object?[], object?> body) : ClosureBase
    {
        public TResult Invoke(T1 a, T2 b, T3 c, T4 d) => Result<TResult>(body([a, b, c, d]));
    }

    private sealed class ActionClosure(Func<object?[], object?> body) : ClosureBase
    {
        public void Invoke() => body([]);
    }

    private sealed class ActionClosure<T1, T2, T3>(Func<object?[], object?> body) : ClosureBase
    {
        public void Invoke(T1 a, T2 b, T3 c) => body([a, b, c]);
    }

    private sealed class ActionClosure<T1>(Func<object?[], object?> body) : ClosureBase
    {
        public void Invoke(T1 a) => body([a]);
    }

    private sealed class ActionClosure<T1, T2>(Func<object?[], object?> body) : ClosureBase
    {
        public void Invoke(T1 a, T2 b) => body([a, b]);
    }
}
