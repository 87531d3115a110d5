using System.Collections.Concurrent;
using System.Reflection;
using StatefulManifests.Generators.Planning.Plan;

namespace StatefulManifests.Generators.Evaluation.Runtime;

/// <summary>
/// Resolves <see cref="TypeRef"/>s and <see cref="MethodRef"/>s to the types and members of the assemblies loaded
/// beside the generator: the DSL assembly the generator was built against and the base library. User assemblies are
/// never loaded: a user type resolves to <see cref="object"/> (its values are interpreted objects). A member missing
/// here (another DSL version) resolves to null. Results are cached by value, so reflection is paid once per signature.
/// </summary>
internal static class RuntimeTypes
{
    private static readonly Assembly DslAssembly = typeof(DslCallSite).Assembly;

    // The base library types a signature can mention live in these assemblies, whatever facade the user's
    // compilation referenced (System.Runtime, netstandard ...).
    private static readonly Assembly[] FrameworkAssemblies =
    [
        typeof(object).Assembly,
        typeof(Func<,>).Assembly,
        typeof(ValueTuple<,>).Assembly,
        typeof(List<>).Assembly,
        typeof(HashSet<>).Assembly,
        typeof(Enumerable).Assembly,
        typeof(System.Text.RegularExpressions.Regex).Assembly,
        typeof(System.Text.StringBuilder).Assembly,
        typeof(System.Collections.Immutable.ImmutableArray).Assembly,
        typeof(Uri).Assembly,
    ];

    private static readonly ConcurrentDictionary<TypeRef, Type?> Types = new();
    private static readonly ConcurrentDictionary<MethodRef, MethodBase?> Methods = new();
    private static readonly ConcurrentDictionary<(Type, string), FieldInfo?> Fields = new();
    private static readonly ConcurrentDictionary<MethodBase, Type[]> ParameterTypes = new();

    /// <summary>The version of the DSL assembly the evaluator executes, for messages about mismatches.</summary>
    public static string DslVersion => DslAssembly.GetName().Version?.ToString() ?? "unknown";

    /// <summary>The parameter types of a resolved method (cached: <see cref="MethodBase.GetParameters"/> copies on every call).</summary>
    public static Type[] ParametersOf(MethodBase method) =>
        ParameterTypes.GetOrAdd(method, m => m.GetParameters().Select(p => p.ParameterType).ToArray());

    /// <summary>The runtime type, or null when it is not available to the evaluator. User types are <see cref="object"/>.</summary>
    public static Type? Resolve(TypeRef type) => Types.GetOrAdd(type, ResolveUncached);

    /// <summary>The runtime method or constructor, or null when the loaded assemblies have no such member.</summary>
    public static MethodBase? Resolve(MethodRef method) => Methods.GetOrAdd(method, ResolveUncached);

    /// <summary>A public field of a framework or DSL type.</summary>
    public static FieldInfo? Field(Type type, string name) =>
        Fields.GetOrAdd((type, name), k => k.Item1.GetField(k.Item2, BindingFlags.Public | BindingFlags.Static | BindingFlags.Instance));

    private static Type? ResolveUncached(TypeRef type)
    {
        if (type.ElementType is { } element)
        {
            return Resolve(element)?.MakeArrayType();
        }

        if (type.Home == TypeHome.User)
        {
            return typeof(object);
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
            // A constraint an erased type argument does not satisfy (an enum constraint with a user enum).
            return null;
        }
    }

    private static MethodBase? ResolveUncached(MethodRef method)
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

            parameterTypes[i] = method.ByRefParameters.Contains(i) ? parameterType.MakeByRefType() : parameterType;
        }

        if (method.Name == ".ctor")
        {
            return containing.GetConstructors(BindingFlags.Public | BindingFlags.Instance).FirstOrDefault(c => Matches(c, parameterTypes));
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
        foreach (var candidate in Candidates(containing, flags, method.Name))
        {
            if (candidate.GetGenericArguments().Length != typeArguments.Length)
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

            // Conversion operators differ only by return type.
            if (Matches(closed, parameterTypes) && (returnType is null || closed.ReturnType == returnType || method.Name is not ("op_Implicit" or "op_Explicit")))
            {
                return closed;
            }
        }

        return null;
    }

    private static IEnumerable<MethodInfo> Candidates(Type containing, BindingFlags flags, string name)
    {
        foreach (var candidate in containing.GetMethods(flags))
        {
            if (candidate.Name == name)
            {
                yield return candidate;
            }
        }

        if (containing.IsInterface || (flags & BindingFlags.Instance) == 0)
        {
            yield break;
        }

        // Compiler-generated members of records (<Clone>$) and explicit interface implementations are not always declared where Roslyn says.
        foreach (var candidate in containing.GetMethods(BindingFlags.Public | BindingFlags.Instance))
        {
            if (candidate.Name == name && candidate.DeclaringType != containing)
            {
                yield return candidate;
            }
        }
    }

    private static bool Matches(MethodBase candidate, Type[] parameterTypes)
    {
        var parameters = ParametersOf(candidate);
        if (parameters.Length != parameterTypes.Length)
        {
            return false;
        }

        for (var i = 0; i < parameters.Length; i++)
        {
            if (parameters[i] != parameterTypes[i])
            {
                return false;
            }
        }

        return true;
    }
}
