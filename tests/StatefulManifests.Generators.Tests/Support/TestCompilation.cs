using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace StatefulManifests.Generators.Tests.Support;

/// <summary>Builds C# compilations of test sources against the running framework and the DSL (no reference packs needed).</summary>
public static class TestCompilation
{
    /// <summary>The parse options every test uses (latest C#).</summary>
    public static readonly CSharpParseOptions ParseOptions = new(LanguageVersion.Latest);

    private static readonly Lazy<ImmutableArray<MetadataReference>> LazyReferences = new(LoadReferences);

    /// <summary>Framework assemblies of the test process plus the DSL.</summary>
    public static ImmutableArray<MetadataReference> References => LazyReferences.Value;

    /// <summary>A compilation of <paramref name="sources"/> (path, text) as a class library.</summary>
    public static CSharpCompilation Create(params (string Path, string Text)[] sources) =>
        CSharpCompilation.Create(
            "TestProject",
            sources.Select(s => CSharpSyntaxTree.ParseText(s.Text, ParseOptions, s.Path)),
            References,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));

    /// <summary>A compilation of one source file.</summary>
    public static CSharpCompilation Create(string source) => Create(("Workloads.cs", source));

    private static ImmutableArray<MetadataReference> LoadReferences()
    {
        var tpa = ((string?)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES") ?? string.Empty).Split(Path.PathSeparator);
        var framework = tpa.Where(p =>
        {
            var name = Path.GetFileName(p);
            return name.StartsWith("System.", StringComparison.Ordinal) || name is "mscorlib.dll" or "netstandard.dll";
        });
        return framework
            .Append(typeof(StatefulSetBuilder).Assembly.Location)
            .Distinct(StringComparer.Ordinal)
            .Select(p => (MetadataReference)MetadataReference.CreateFromFile(p))
            .ToImmutableArray();
    }
}
