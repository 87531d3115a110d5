using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using StatefulManifests.Analyzers.Tests.Support;
using StatefulManifests.Generators;
using StatefulManifests.Tests.Support;

namespace StatefulManifests.Analyzers.Tests;

/// <summary>
/// Every <c>csharp</c> block of README.md and docs/ compiles (with the generator, as in a project referencing the
/// package), by the marker on the line before it:
/// none — a whole <c>Program.cs</c> of a console project (its implicit usings, nothing else);
/// <c>&lt;!-- fragment: members ... --&gt;</c> — members of a class, with the DSL's usings;
/// any other <c>&lt;!-- fragment: ... --&gt;</c> — needs context the page names, and is not compiled.
/// README's whole programs are built from the packed package and run instead (ReadmeExamplesTests, end to end).
/// </summary>
public sealed class DocsExamplesTests
{
    private static readonly Regex Fence = new("^```csharp\n(?<body>.*?)^```\n", RegexOptions.Singleline | RegexOptions.Multiline);

    private static readonly string ConsoleImplicitUsings = string.Concat(
        new[] { "System", "System.Collections.Generic", "System.IO", "System.Linq", "System.Net.Http", "System.Threading", "System.Threading.Tasks" }
            .Select(n => "global using global::" + n + ";\n"));

    private const string MemberUsings = """
        using System;
        using System.Collections.Generic;
        using System.Diagnostics.CodeAnalysis;
        using System.Linq;
        using StatefulManifests;
        using StatefulManifests.Model;

        namespace Docs;

        public static partial class Example
        {

        """;

    /// <summary>Every compiled block: its file, its index in the file, and how it is compiled.</summary>
    public static TheoryData<string, int> Blocks()
    {
        var data = new TheoryData<string, int>();
        foreach (var (file, blocks) in Documents())
        {
            for (var i = 0; i < blocks.Count; i++)
            {
                // README's whole programs need the project properties the README shows next to them: they are built
                // from the package with those properties, and run, by ReadmeExamplesTests.
                if (blocks[i].Kind == BlockKind.Members || (blocks[i].Kind == BlockKind.Program && file != "README.md"))
                {
                    data.Add(file, i);
                }
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Blocks))]
    public void Documentation_csharp_compiles(string file, int index)
    {
        var block = Documents().Single(d => d.File == file).Blocks[index];
        var trees = block.Kind == BlockKind.Program
            ? new[] { Parse(block.Code, "Program.cs"), Parse(ConsoleImplicitUsings, "GlobalUsings.cs") }
            : new[] { Parse(MemberUsings + block.Code + "\n}\n", "Example.cs") };
        var compilation = CSharpCompilation.Create(
            "DocsExample",
            trees,
            StatefulManifests.RoslynTesting.TestReferences.All,
            new CSharpCompilationOptions(block.Kind == BlockKind.Program ? OutputKind.ConsoleApplication : OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
        CSharpGeneratorDriver.Create(new StatefulWorkloadGenerator()).RunGeneratorsAndUpdateCompilation(compilation, out var generated, out _);
        var errors = generated.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        Assert.True(errors.Count == 0, file + " block " + index + " does not compile:\n" + string.Join("\n", errors) + "\n" + block.Code);
    }

    [Fact]
    public void Every_block_is_found_and_the_docs_have_many()
    {
        Assert.True(Documents().Sum(d => d.Blocks.Count) > 50);
    }

    private static SyntaxTree Parse(string text, string path) => CSharpSyntaxTree.ParseText(text, new CSharpParseOptions(LanguageVersion.Latest), path);

    private enum BlockKind
    {
        Program,
        Members,
        Context,
    }

    private sealed record Block(string Code, BlockKind Kind);

    private static List<(string File, List<Block> Blocks)> Documents()
    {
        var root = SharedFiles.RepositoryRoot;
        var files = new[] { Path.Combine(root, "README.md") }
            .Concat(Directory.GetFiles(Path.Combine(root, "docs"), "*.md", SearchOption.AllDirectories))
            .OrderBy(f => f, StringComparer.Ordinal);
        var documents = new List<(string, List<Block>)>();
        foreach (var path in files)
        {
            var text = File.ReadAllText(path).Replace("\r\n", "\n", StringComparison.Ordinal);
            var blocks = Fence.Matches(text).Select(m => new Block(m.Groups["body"].Value, KindOf(MarkerBefore(text, m.Index)))).ToList();
            if (blocks.Count > 0)
            {
                documents.Add((Path.GetRelativePath(root, path).Replace('\\', '/'), blocks));
            }
        }

        return documents;
    }

    private static string MarkerBefore(string text, int fenceStart)
    {
        var before = text.Substring(0, fenceStart).TrimEnd('\n');
        return before.Substring(before.LastIndexOf('\n') + 1);
    }

    private static BlockKind KindOf(string marker) =>
        !marker.StartsWith("<!-- fragment", StringComparison.Ordinal) ? BlockKind.Program
        : marker.StartsWith("<!-- fragment: members", StringComparison.Ordinal) ? BlockKind.Members
        : BlockKind.Context;
}
