using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;
using StatefulManifests.Generators.Planning.Lowering;

namespace StatefulManifests.Generators.Planning.Caching;

/// <summary>
/// Remembers each declaration's lowered program between generator runs, so an edit elsewhere does not walk every
/// workload again (binding costs far more than everything else the transform does). A program is reused only when
/// the declaration's syntax node is the same object (its file did not change), every file the program was lowered
/// from is unchanged, and the compilation's <see cref="CompilationContext"/> is equal. Otherwise it is lowered again —
/// from the <see cref="UnitCache"/>, so only the members whose files changed are bound again. Held weakly by syntax
/// node; safe for concurrent use.
/// </summary>
internal sealed class PlanCache
{
    private readonly ConditionalWeakTable<SyntaxNode, Entry> entries = new();

    /// <summary>The program for <paramref name="declaration"/>, from the cache when still valid, else lowered and cached.</summary>
    public LoweredProgram GetOrLower(ISymbol declaration, SyntaxNode node, Compilation compilation, CancellationToken cancellationToken)
    {
        var context = CompilationContext.Of(compilation, cancellationToken);
        if (entries.TryGetValue(node, out var entry)
            && entry.Context.Equals(context)
            && entry.Program.Dependencies.All(compilation.ContainsSyntaxTree))
        {
            return entry.Program;
        }

        var program = ProgramLowerer.Lower(declaration, compilation, cancellationToken);
        entries.Remove(node);
        try
        {
            entries.Add(node, new Entry(program, context));
        }
        catch (ArgumentException)
        {
            // Another thread cached the same node meanwhile; either program is valid.
        }

        return program;
    }

    private sealed record Entry(LoweredProgram Program, CompilationContext Context);
}
