using System.Reflection;

namespace StatefulManifests.Import;

/// <summary>
/// A fluent DSL call chain as data: the one representation the importer both writes as C# (<see cref="ChainWriter"/>)
/// and executes against the real builders (<see cref="ChainRunner"/>), so what the generated code builds is known
/// exactly — from the DSL itself — before any of it is written.
/// </summary>
internal sealed class DslChain
{
    private readonly List<object> items = [];

    public DslChain(Type builderType) => BuilderType = builderType;

    /// <summary>The builder type the chain runs on (its lambda parameter's type when nested).</summary>
    public Type BuilderType { get; }

    /// <summary>Calls (<see cref="DslCall"/>) and comment lines (strings), in order.</summary>
    public IReadOnlyList<object> Items => items;

    /// <summary>The calls only.</summary>
    public IEnumerable<DslCall> Calls => items.OfType<DslCall>();

    /// <summary>True when the chain has no call (a lambda that returns its parameter).</summary>
    public bool IsEmpty => !items.OfType<DslCall>().Any();

    /// <summary>
    /// Appends the call of the unique public method <paramref name="name"/> of <see cref="BuilderType"/> whose parameters
    /// accept <paramref name="args"/> (one per parameter; <see cref="DslArg.Default"/> for an optional one left out, a
    /// <see cref="DslChain"/> for a builder lambda, an array for a <c>params</c> parameter).
    /// </summary>
    public DslCall Call(string name, params object?[] args)
    {
        // A string[] given as the only argument arrives as the params array itself (array covariance): it is one argument.
        if (args.GetType() != typeof(object[]))
        {
            args = [args];
        }

        var call = new DslCall(Resolve(BuilderType, name, args), args);
        items.Add(call);
        return call;
    }

    /// <summary>Appends a comment line (without the <c>//</c>).</summary>
    public void Comment(string text) => items.Add(text);

    /// <summary>A copy with the same items, to try a variant without changing this chain.</summary>
    public DslChain Copy()
    {
        var copy = new DslChain(BuilderType);
        copy.items.AddRange(items);
        return copy;
    }

    private static MethodInfo Resolve(Type type, string name, object?[] args)
    {
        var candidates = type.GetMethods(BindingFlags.Public | BindingFlags.Instance)
            .Where(m => m.Name == name && m.GetParameters().Length == args.Length && m.GetParameters().Select((p, i) => Accepts(p, args[i])).All(ok => ok))
            .ToList();
        return candidates.Count == 1
            ? candidates[0]
            : throw new InvalidOperationException(type.Name + "." + name + ": " + candidates.Count + " overloads accept (" + string.Join(", ", args.Select(a => a?.GetType().Name ?? "null")) + ")");
    }

    private static bool Accepts(ParameterInfo parameter, object? arg)
    {
        var type = parameter.ParameterType;
        if (arg == DslArg.Default)
        {
            return parameter.IsOptional || parameter.IsDefined(typeof(ParamArrayAttribute), false);
        }

        if (arg is null)
        {
            return !type.IsValueType || Nullable.GetUnderlyingType(type) is not null;
        }

        if (arg is DslChain chain)
        {
            return type.IsGenericType && type.GetGenericTypeDefinition() == typeof(Func<,>) && type.GetGenericArguments()[0] == chain.BuilderType;
        }

        return type.IsInstanceOfType(arg) || Nullable.GetUnderlyingType(type) is { } underlying && underlying.IsInstanceOfType(arg);
    }
}

/// <summary>One call of a <see cref="DslChain"/>: the DSL method and its arguments, with comments written above it.</summary>
internal sealed class DslCall(MethodInfo method, object?[] args)
{
    public MethodInfo Method { get; } = method;

    public IReadOnlyList<object?> Args { get; } = args;
}

/// <summary>Argument markers.</summary>
internal static class DslArg
{
    /// <summary>An optional parameter left out: the DSL's default applies, and the generated call names the later arguments.</summary>
    public static readonly object Default = new();
}
