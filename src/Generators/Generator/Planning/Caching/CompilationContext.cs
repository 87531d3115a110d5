using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;

namespace StatefulManifests.Generators.Planning.Caching;

/// <summary>
/// What every lowered plan of a compilation depends on besides its own files: all files' declaration shapes (see
/// <see cref="DeclarationShapes"/>: nothing that could make a name bind differently or a constant fold differently),
/// the references (by identity) and the options. Two compilations with equal contexts bind every unchanged body
/// identically, so a plan lowered in one is valid in the other. Computed once per compilation.
/// </summary>
internal sealed class CompilationContext : IEquatable<CompilationContext>
{
    private static readonly ConditionalWeakTable<Compilation, CompilationContext> Contexts = new();
    private static readonly ConditionalWeakTable<SyntaxTree, string> Shapes = new();

    private readonly long shapes;
    private readonly ImmutableArray<MetadataReference> references;
    private readonly CompilationOptions options;

    private CompilationContext(long shapes, ImmutableArray<MetadataReference> references, CompilationOptions options)
    {
        this.shapes = shapes;
        this.references = references;
        this.options = options;
    }

    /// <summary>The context of <paramref name="compilation"/>.</summary>
    public static CompilationContext Of(Compilation compilation, CancellationToken cancellationToken) =>
        Contexts.GetValue(compilation, c => Compute(c, cancellationToken));

    private static CompilationContext Compute(Compilation compilation, CancellationToken cancellationToken)
    {
        var hash = 17L;
        foreach (var tree in compilation.SyntaxTrees)
        {
            var shape = Shapes.GetValue(tree, t => DeclarationShapes.Of(t, cancellationToken));
            hash = unchecked((hash * 31) + StableHash(tree.FilePath) + (StableHash(shape) * 7));
        }

        return new CompilationContext(hash, compilation.References.ToImmutableArray(), compilation.Options);
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

    /// <inheritdoc />
    public bool Equals(CompilationContext? other) =>
        other is not null
        && (ReferenceEquals(this, other)
            || (shapes == other.shapes && options.Equals(other.options) && references.SequenceEqual(other.references, ReferenceComparer.Instance)));

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as CompilationContext);

    /// <inheritdoc />
    public override int GetHashCode() => shapes.GetHashCode();

    private sealed class ReferenceComparer : IEqualityComparer<MetadataReference>
    {
        public static readonly ReferenceComparer Instance = new();

        public bool Equals(MetadataReference? x, MetadataReference? y) => ReferenceEquals(x, y);

        public int GetHashCode(MetadataReference obj) => RuntimeHelpers.GetHashCode(obj);
    }
}
