using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;

namespace StatefulManifests.Generators.Planning;

/// <summary>
/// Remembers each declaration's lowered plan between generator runs, so an edit elsewhere does not re-bind every
/// workload (binding a fluent declaration costs far more than everything else the transform does). A plan is reused
/// only when the declaration's syntax node is the same object (its file did not change), every file it depends on
/// (shared members it used) is unchanged, the references are the same objects, and no file's declaration shape
/// changed (see <see cref="DeclarationShapes"/>: nothing that could make a name bind differently or a constant fold
/// differently). Otherwise it lowers again. Held weakly by syntax node and compilation; safe for concurrent use.
/// </summary>
internal sealed class PlanCache
{
    private readonly ConditionalWeakTable<SyntaxNode, Entry> entries = new();
    private readonly ConditionalWeakTable<Compilation, ContextKey> contexts = new();
    private readonly ConditionalWeakTable<SyntaxTree, string> shapes = new();

    /// <summary>The plan for <paramref name="declaration"/>, from the cache when still valid, else lowered and cached.</summary>
    public LoweredPlan GetOrLower(ISymbol declaration, SyntaxNode node, SemanticModel model, CancellationToken cancellationToken)
    {
        var compilation = model.Compilation;
        var context = contexts.GetValue(compilation, c => ContextOf(c, cancellationToken));
        if (entries.TryGetValue(node, out var entry)
            && entry.Context.Equals(context)
            && entry.Plan.Dependencies.All(compilation.ContainsSyntaxTree))
        {
            return entry.Plan;
        }

        var plan = PlanBuilder.Lower(declaration, model, recordLocations: false, cancellationToken);
        entries.Remove(node);
        try
        {
            entries.Add(node, new Entry(plan, context));
        }
        catch (ArgumentException)
        {
            // Another thread cached the same node meanwhile; either plan is valid.
        }

        return plan;
    }

    private ContextKey ContextOf(Compilation compilation, CancellationToken cancellationToken)
    {
        var hash = 17L;
        foreach (var tree in compilation.SyntaxTrees)
        {
            var shape = shapes.GetValue(tree, t => DeclarationShapes.Of(t, cancellationToken));
            hash = unchecked((hash * 31) + StableHash(tree.FilePath) + (StableHash(shape) * 7));
        }

        return new ContextKey(hash, compilation.References.ToImmutableArray(), compilation.Options);
    }

    private static long StableHash(string text)
    {
        // FNV-1a: string.GetHashCode is randomized per process, which is fine here but this is cheap and explicit.
        var hash = unchecked((long)14695981039346656037UL);
        foreach (var c in text)
        {
            hash = unchecked((hash ^ c) * 1099511628211L);
        }

        return hash;
    }

    private sealed record Entry(LoweredPlan Plan, ContextKey Context);

    /// <summary>What every plan of a compilation depends on: all files' declaration shapes, the references (by identity) and the options.</summary>
    private sealed class ContextKey(long shapes, ImmutableArray<MetadataReference> references, CompilationOptions options) : IEquatable<ContextKey>
    {
        private readonly long shapes = shapes;
        private readonly ImmutableArray<MetadataReference> references = references;
        private readonly CompilationOptions options = options;

        public bool Equals(ContextKey? other) =>
            other is not null
            && (ReferenceEquals(this, other)
                || (shapes == other.shapes && options.Equals(other.options) && references.SequenceEqual(other.references, ReferenceEqualityComparer.Instance)));

        public override bool Equals(object? obj) => Equals(obj as ContextKey);

        public override int GetHashCode() => shapes.GetHashCode();
    }

    private sealed class ReferenceEqualityComparer : IEqualityComparer<MetadataReference>
    {
        public static readonly ReferenceEqualityComparer Instance = new();

        public bool Equals(MetadataReference? x, MetadataReference? y) => ReferenceEquals(x, y);

        public int GetHashCode(MetadataReference obj) => RuntimeHelpers.GetHashCode(obj);
    }
}
