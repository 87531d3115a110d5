using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;
using StatefulManifests.Generators.Planning.Lowering;

namespace StatefulManifests.Generators.Planning.Caching;

/// <summary>
/// Lowered members (<see cref="LoweredUnit"/>), kept per file and member key: a helper used by fifty workloads is lowered
/// once per version of its file, and an edit elsewhere reuses it. A unit is valid while every file it was lowered from
/// is still in the compilation (the same tree object: unchanged) and the compilation's context is equal. Entries live
/// as long as their file's syntax tree. Shared by the generator and the analyzers; safe for concurrent use.
/// </summary>
internal static class UnitCache
{
    private static readonly ConditionalWeakTable<SyntaxTree, ConcurrentDictionary<string, Entry>> Entries = new();

    /// <summary>The lowered member, from the cache when still valid, else lowered and cached.</summary>
    public static LoweredUnit GetOrLower(ISymbol member, Compilation compilation, CancellationToken cancellationToken)
    {
        var context = CompilationContext.Of(compilation, cancellationToken);
        var key = FunctionKeys.Of(member);
        var home = HomeTree(member);
        if (home is not null
            && Entries.TryGetValue(home, out var table)
            && table.TryGetValue(key, out var entry)
            && entry.Context.Equals(context)
            && entry.Unit.Trees.All(compilation.ContainsSyntaxTree))
        {
            return entry.Unit;
        }

        var unit = FunctionLowerer.Lower(member, compilation, cancellationToken);
        if (home is not null)
        {
            Entries.GetValue(home, _ => new ConcurrentDictionary<string, Entry>(StringComparer.Ordinal))[key] = new Entry(unit, context);
        }

        return unit;
    }

    /// <summary>The file a member's cache entry lives with: its first declaration's, or its type's for a compiler-generated member.</summary>
    private static SyntaxTree? HomeTree(ISymbol member) =>
        member.DeclaringSyntaxReferences.FirstOrDefault()?.SyntaxTree
        ?? member.ContainingType?.DeclaringSyntaxReferences.FirstOrDefault()?.SyntaxTree;

    private sealed record Entry(LoweredUnit Unit, CompilationContext Context);
}
