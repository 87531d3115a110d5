using System.Collections.Concurrent;
using System.Reflection;
using StatefulManifests.Generators.Planning;

namespace StatefulManifests.Generators.Evaluation;

/// <summary>
/// Resolves <see cref="TypeRef"/>s and <see cref="MethodRef"/>s to the types and methods of the assemblies loaded
/// beside the generator: the DSL assembly the generator was built against and the base library. User assemblies are
/// never loaded; a symbol whose type or method is missing here (another DSL version, a user type) resolves to null.
/// Results are cached by value, so repeated evaluations pay for reflection once per distinct signature.
/// </summary>
internal static class RuntimeTypes
{
    private static readonly Assembly DslAssembly = typeof(DslCallSite).Assembly;

    // The base library types a DSL signature can mention live in these assemblies, whatever facade the user's
    // compilation referenced (System.Runtime, netstandard ...).
    private static readonly Assembly[] FrameworkAssemblies =
    [
        typeof(object).Assembly,
        typeof(Func<,>).Assembly,
        typeof(ValueTuple<,>).Assembly,
        typeof(List<>).Assembly,
        typeof(Enumerable).Assembly,
    ];

    private static readonly ConcurrentDictionary<TypeRef, Type?> Types = new();
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<MethodRef, Resolved> ResolvedMethods = new();
    private static readonly ConcurrentDictionary<MethodRef, MethodInfo?> Methods = new();

    /// <summary>The version of the DSL assembly the evaluator executes, for messages about mismatches.</summary>
    public static string DslVersion => DslAssembly.GetName().Version?.ToString() ?? "unknown";

    private static readonly ConcurrentDictionary<MethodInfo, Type[]> ParameterTypes = new();

    /// <summary>The parameter types of a resolved method (cached: <see cref="MethodBase.GetParameters"/> copies on every call).</summary>
    public static Type[] ParametersOf(MethodInfo method) =>
        ParameterTypes.GetOrAdd(method, m => m.GetParameters().Select(p => p.ParameterType).ToArray());

    /// <summary>The runtime type, or null when it is not available to the evaluator.</summary>
    public static Type? Resolve(TypeRef type) => Types.GetOrAdd(type, ResolveUncached);

    /// <summary>The runtime method, or null when the loaded DSL has no method with that signature.</summary>
    public static MethodInfo? Resolve(MethodRef method) =>
        ResolvedMethods.GetValue(method, m => new Resolved(Methods.GetOrAdd(m, ResolveUncached))).Method;

    private static Type? ResolveUncached(TypeRef type)
    {
        if (type.ElementType is { } element)
        {
            return Resolve(element)?.MakeArrayType();
        }

        var definition = type.Home == TypeHome.Dsl
            ? DslAssembly.GetType(type.MetadataName, throwOnError: false)
            : FrameworkAssemblies.Select(a => a.GetType(type.MetadataName, throwOnError: false)).FirstOrDefault(t => t is not null);
        if (definition is null || type.TypeArguments.Count == 0)
        {
            return definition;
        }

        var arguments = new Type[type.TypeArguments.Count];
        for (var i = 0; i < arguments.Length; i++)
        {
            if (Resolve(type.TypeArguments[i]) is not { } argument)
            {
                return null;
            }

            arguments[i] = argument;
        }

        try
        {
            return definition.MakeGenericType(arguments);
        }
        catch (ArgumentException)
        {
            // A constraint the DSL's type does not satisfy in this version.
            return null;
        }
    }

    private static MethodInfo? ResolveUncached(MethodRef method)
    {
        if (Resolve(method.ContainingType) is not { } containing)
        {
            return null;
        }

        var parameterTypes = new Type[method.ParameterTypes.Count];
        for (var i = 0; i < parameterTypes.Length; i++)
        {
            if (Resolve(method.ParameterTypes[i]) is not { } parameterType)
            {
                return null;
            }

            parameterTypes[i] = parameterType;
        }

        var typeArguments = new Type[method.TypeArguments.Count];
        for (var i = 0; i < typeArguments.Length; i++)
        {
            if (Resolve(method.TypeArguments[i]) is not { } typeArgument)
            {
                return null;
            }

            typeArguments[i] = typeArgument;
        }

        var returnType = method.ReturnType is { } r ? Resolve(r) : null;
        var flags = BindingFlags.Public | BindingFlags.DeclaredOnly | (method.IsStatic ? BindingFlags.Static : BindingFlags.Instance);
        foreach (var candidate in containing.GetMethods(flags))
        {
            if (candidate.Name != method.Name || candidate.GetGenericArguments().Length != typeArguments.Length)
            {
                continue;
            }

            var closed = candidate;
            if (typeArguments.Length > 0)
            {
                try
                {
                    closed = candidate.MakeGenericMethod(typeArguments);
                }
                catch (ArgumentException)
                {
                    continue;
                }
            }

            if (Matches(closed, parameterTypes, returnType))
            {
                return closed;
            }
        }

        return null;
    }

    /// <summary>A resolution remembered per reference object (the same MethodRef objects recur through the symbol cache).</summary>
    private sealed class Resolved(MethodInfo? method)
    {
        public MethodInfo? Method { get; } = method;
    }

    private static bool Matches(MethodInfo candidate, Type[] parameterTypes, Type? returnType)
    {
        var parameters = candidate.GetParameters();
        if (parameters.Length != parameterTypes.Length)
        {
            return false;
        }

        for (var i = 0; i < parameters.Length; i++)
        {
            if (parameters[i].ParameterType != parameterTypes[i])
            {
                return false;
            }
        }

        // Conversion operators differ only by return type.
        return returnType is null || candidate.ReturnType == returnType;
    }
}
