using System.Text;
using Microsoft.CodeAnalysis;
using StatefulManifests.Generators.Helpers;

namespace StatefulManifests.Generators.Planning;

/// <summary>Turns Roslyn type symbols into <see cref="TypeRef"/>s, refusing types compile-time evaluation cannot create.</summary>
internal static class TypeRefs
{
    /// <summary>The DSL's assembly name: calls into it are executed, everything else is interpreted or refused.</summary>
    public const string DslAssemblyName = "StatefulManifests";

    private static readonly HashSet<string> FrameworkAssemblies = new(StringComparer.Ordinal)
    {
        "mscorlib", "netstandard", "System.Runtime", "System.Private.CoreLib", "System.ValueTuple", "System.Collections",
    };

    // Metadata symbols (the DSL's and the framework's) are shared by every compilation with the same references,
    // so references computed for them are cached per symbol object; source symbols are never cached.
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<ITypeSymbol, Box<TypeRef?>> TypeCache = new();
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<IMethodSymbol, Box<MethodRef?>> MethodCache = new();

    /// <summary>True when <paramref name="symbol"/> is declared in the DSL assembly.</summary>
    public static bool IsDsl(ISymbol? symbol) => symbol?.ContainingAssembly?.Name == DslAssemblyName;

    /// <summary>The type reference, or null when the type is neither the DSL's nor the base library's.</summary>
    public static TypeRef? From(ITypeSymbol? type) =>
        type is null ? null
        : type.Locations.Any(l => l.IsInSource) ? Compute(type)
        : TypeCache.GetValue(type, t => new Box<TypeRef?>(Compute(t))).Value;

    /// <summary>The method reference, or null when a type in its signature cannot be referenced.</summary>
    public static MethodRef? From(IMethodSymbol method) =>
        method.Locations.Any(l => l.IsInSource) ? Compute(method) : MethodCache.GetValue(method, m => new Box<MethodRef?>(Compute(m))).Value;

    private static TypeRef? Compute(ITypeSymbol? type)
    {
        switch (type)
        {
            case IArrayTypeSymbol { Rank: 1 } array:
                return From(array.ElementType) is { } element ? TypeRef.ArrayOf(element) : null;
            case INamedTypeSymbol named:
                return FromNamed(named.TupleUnderlyingType ?? named);
            default:
                return null;
        }
    }

    private static TypeRef? FromNamed(INamedTypeSymbol named)
    {
        TypeHome home;
        if (IsDsl(named))
        {
            home = TypeHome.Dsl;
        }
        else if (named.ContainingAssembly is { } assembly && FrameworkAssemblies.Contains(assembly.Name))
        {
            home = TypeHome.Framework;
        }
        else
        {
            return null;
        }

        // Metadata names of nested generic types carry the type arguments of every enclosing type, outermost first.
        var chain = new List<INamedTypeSymbol>();
        for (var t = named; t is not null; t = t.ContainingType)
        {
            chain.Insert(0, t);
        }

        var name = new StringBuilder();
        var ns = chain[0].ContainingNamespace;
        if (ns is { IsGlobalNamespace: false })
        {
            name.Append(ns.ToDisplayString()).Append('.');
        }

        name.Append(string.Join("+", chain.Select(t => t.MetadataName)));
        var arguments = new List<TypeRef>();
        foreach (var argument in chain.SelectMany(t => t.TypeArguments))
        {
            if (From(argument) is not { } converted)
            {
                return null;
            }

            arguments.Add(converted);
        }

        return new TypeRef(home, name.ToString(), arguments.ToEquatableArray(), null);
    }

    private static MethodRef? Compute(IMethodSymbol method)
    {
        if (From(method.ContainingType) is not { } containing)
        {
            return null;
        }

        var typeArguments = new List<TypeRef>();
        foreach (var t in method.TypeArguments)
        {
            if (From(t) is not { } converted)
            {
                return null;
            }

            typeArguments.Add(converted);
        }

        var parameters = new List<TypeRef>();
        foreach (var p in method.Parameters)
        {
            if (p.RefKind != RefKind.None || From(p.Type) is not { } converted)
            {
                return null;
            }

            parameters.Add(converted);
        }

        var returnType = method.ReturnsVoid ? null : From(method.ReturnType);
        return new MethodRef(containing, method.MetadataName, typeArguments.ToEquatableArray(), parameters.ToEquatableArray(), returnType, method.IsStatic);
    }

    /// <summary>A reference-type holder, because ConditionalWeakTable values must be classes.</summary>
    private sealed class Box<T>(T value)
    {
        public T Value { get; } = value;
    }
}
