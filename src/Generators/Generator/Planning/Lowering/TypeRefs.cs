using System.Runtime.CompilerServices;
using System.Text;
using Microsoft.CodeAnalysis;
using StatefulManifests.Generators.Helpers;
using StatefulManifests.Generators.Planning.Plan;

namespace StatefulManifests.Generators.Planning.Lowering;

/// <summary>
/// Turns Roslyn type and method symbols into <see cref="TypeRef"/>s and <see cref="MethodRef"/>s. Types of the DSL
/// and of the base library are referenced by metadata name (resolved against the loaded assemblies at evaluation);
/// types of the user's compilation are <see cref="TypeHome.User"/> (interpreted, erased to object where a CLR type is
/// needed), and so are type parameters. Types of other referenced assemblies cannot be created at compile time.
/// </summary>
internal static class TypeRefs
{
    /// <summary>The DSL's assembly name: calls into it are executed, with call-site tokens.</summary>
    public const string DslAssemblyName = "StatefulManifests";

    // Metadata symbols (the DSL's and the framework's) are shared by every compilation with the same references,
    // so references computed for them are cached per symbol object; source symbols are never cached.
    private static readonly ConditionalWeakTable<ITypeSymbol, Box<TypeRef?>> TypeCache = new();
    private static readonly ConditionalWeakTable<IMethodSymbol, Box<MethodRef?>> MethodCache = new();

    /// <summary>True when <paramref name="symbol"/> is declared in the DSL assembly.</summary>
    public static bool IsDsl(ISymbol? symbol) => symbol?.ContainingAssembly?.Name == DslAssemblyName;

    /// <summary>True when <paramref name="symbol"/> is declared in the base class library.</summary>
    public static bool IsFramework(ISymbol? symbol) => symbol?.ContainingAssembly is { } assembly && IsFrameworkAssembly(assembly.Name);

    /// <summary>True for the base library's assembly names (facades and implementations alike).</summary>
    public static bool IsFrameworkAssembly(string name) =>
        name is "mscorlib" or "netstandard" or "System" || name.StartsWith("System.", StringComparison.Ordinal);

    /// <summary>True when <paramref name="symbol"/> is declared in <paramref name="compilation"/>'s own sources.</summary>
    public static bool IsUser(ISymbol? symbol, Compilation compilation) =>
        symbol is not null && SymbolEqualityComparer.Default.Equals(symbol.ContainingAssembly, compilation.Assembly);

    /// <summary>The type reference, or null when values of the type cannot exist at compile time.</summary>
    public static TypeRef? From(ITypeSymbol? type) =>
        type is null ? null
        : type.Locations.Any(l => l.IsInSource) || type.TypeKind == TypeKind.TypeParameter ? Compute(type)
        : TypeCache.GetValue(type, t => new Box<TypeRef?>(Compute(t))).Value;

    /// <summary>The reference of a DSL or framework method, or null when a type in its signature cannot be referenced.</summary>
    public static MethodRef? From(IMethodSymbol method) =>
        method.Locations.Any(l => l.IsInSource) ? Compute(method) : MethodCache.GetValue(method, m => new Box<MethodRef?>(Compute(m))).Value;

    private static TypeRef? Compute(ITypeSymbol type)
    {
        switch (type)
        {
            case IArrayTypeSymbol { Rank: 1 } array:
                return From(array.ElementType) is { } element ? TypeRef.ArrayOf(element) : null;
            case ITypeParameterSymbol:
                // Generic code is interpreted over erased values: a T is whatever it holds.
                return TypeRef.Object;
            case INamedTypeSymbol { IsAnonymousType: true }:
                return TypeRef.Named(TypeHome.User, AnonymousTypeKey);
            case INamedTypeSymbol named:
                return FromNamed(named.TupleUnderlyingType ?? named);
            default:
                return null;
        }
    }

    /// <summary>The key of the synthetic user type every anonymous object has.</summary>
    public const string AnonymousTypeKey = "<anonymous>";

    private static TypeRef? FromNamed(INamedTypeSymbol named)
    {
        TypeHome home;
        if (IsDsl(named))
        {
            home = TypeHome.Dsl;
        }
        else if (IsFramework(named))
        {
            home = TypeHome.Framework;
        }
        else if (named.Locations.Any(l => l.IsInSource))
        {
            home = TypeHome.User;
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
        if (home == TypeHome.User)
        {
            // User generic types are interpreted with erased type arguments: one plan per definition.
            return TypeRef.Named(home, name.ToString());
        }

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

    /// <summary>The metadata-name key of a user type (as <see cref="TypeRef.MetadataName"/> has it).</summary>
    public static string UserKey(INamedTypeSymbol type) => From(type)?.MetadataName ?? type.ToDisplayString();

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
        var byRef = new List<int>();
        foreach (var p in method.Parameters)
        {
            if (From(p.Type) is not { } converted)
            {
                return null;
            }

            if (p.RefKind is RefKind.Out or RefKind.Ref)
            {
                byRef.Add(p.Ordinal);
            }

            parameters.Add(converted);
        }

        var returnType = method.ReturnsVoid ? null : From(method.ReturnType);
        return new MethodRef(containing, method.MetadataName, typeArguments.ToEquatableArray(), parameters.ToEquatableArray(), returnType, method.IsStatic, byRef.ToEquatableArray());
    }

    /// <summary>A reference-type holder, because ConditionalWeakTable values must be classes.</summary>
    private sealed class Box<T>(T value)
    {
        public T Value { get; } = value;
    }
}
