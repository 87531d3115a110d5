using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using StatefulManifests.RoslynTesting;

namespace StatefulManifests.Generators.Tests.Support;

/// <summary>
/// Compilations for the tests that drive <see cref="CSharpGeneratorDriver"/> themselves — step tracking across
/// edits, and probing thousands of half-typed prefixes — which Microsoft.CodeAnalysis.Testing does not cover.
/// Compiled as <see cref="WorkloadGeneratorTest"/> compiles: <see cref="TestReferences.All"/>, latest C#, nullable on.
/// </summary>
public static class DriverCompilation
{
    /// <summary>The parse options of every tree (latest C#).</summary>
    public static readonly CSharpParseOptions ParseOptions = new(LanguageVersion.Latest);

    /// <summary>A class library of <paramref name="sources"/> (path, text).</summary>
    public static CSharpCompilation Create(params (string Path, string Text)[] sources) =>
        CSharpCompilation.Create(
            "TestProject",
            sources.Select(s => CSharpSyntaxTree.ParseText(s.Text, ParseOptions, s.Path)),
            TestReferences.All,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));

    /// <summary>A class library of one file, <c>Workloads.cs</c>.</summary>
    public static CSharpCompilation Create(string source) => Create(("Workloads.cs", source));

    /// <summary><paramref name="compilation"/> with the file at <paramref name="path"/> replaced by <paramref name="text"/> (an edit between runs).</summary>
    public static CSharpCompilation Edit(CSharpCompilation compilation, string path, string text) =>
        compilation.ReplaceSyntaxTree(compilation.SyntaxTrees.Single(t => t.FilePath == path), CSharpSyntaxTree.ParseText(text, ParseOptions, path));
}
