using System.Collections.Immutable;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace StatefulManifests.Analyzers.Tests.Support;

/// <summary>
/// Compiles test sources in an <see cref="AdhocWorkspace"/> (so an <c>.editorconfig</c> applies as in a real
/// project) against the test process's framework assemblies and the DSL, and runs
/// <see cref="WorkloadEvaluationAnalyzer"/> with <see cref="CompilationWithAnalyzers"/>. Pragma and
/// <c>[SuppressMessage]</c> suppressions are honoured because the diagnostics carry real source locations.
/// </summary>
public static class AnalyzerHarness
{
    /// <summary>The folder the test files live in (the <c>.editorconfig</c> sits beside them).</summary>
    public const string Folder = "/project/";

    private static readonly Lazy<ImmutableArray<MetadataReference>> LazyReferences = new(LoadReferences);

    /// <summary>A workspace document of <paramref name="source"/> (file <c>Workloads.cs</c>), with an optional <c>.editorconfig</c>.</summary>
    public static Document CreateDocument(string source, string? editorConfig = null)
    {
        var workspace = new AdhocWorkspace();
        var projectId = ProjectId.CreateNewId();
        var solution = workspace.CurrentSolution
            .AddProject(ProjectInfo.Create(
                projectId,
                VersionStamp.Default,
                "TestProject",
                "TestProject",
                LanguageNames.CSharp,
                filePath: Folder + "TestProject.csproj",
                compilationOptions: new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable),
                parseOptions: new CSharpParseOptions(LanguageVersion.Latest),
                metadataReferences: LazyReferences.Value));
        var documentId = DocumentId.CreateNewId(projectId);
        solution = solution.AddDocument(documentId, "Workloads.cs", SourceText.From(source, Encoding.UTF8), filePath: Folder + "Workloads.cs");
        if (editorConfig is not null)
        {
            solution = solution.AddAnalyzerConfigDocument(
                DocumentId.CreateNewId(projectId), ".editorconfig", SourceText.From(editorConfig, Encoding.UTF8), filePath: Folder + ".editorconfig");
        }

        return solution.GetDocument(documentId)!;
    }

    /// <summary>The analyzer's diagnostics for one source file, sorted by position then ID.</summary>
    public static ImmutableArray<Diagnostic> Analyze(string source, string? editorConfig = null) =>
        Analyze(CreateDocument(source, editorConfig).Project);

    /// <summary>The analyzer's diagnostics for a project, sorted by position then ID.</summary>
    public static ImmutableArray<Diagnostic> Analyze(Project project)
    {
        var compilation = project.GetCompilationAsync().GetAwaiter().GetResult()!;
        var compileErrors = compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        Assert.True(compileErrors.Count == 0, "the test source does not compile:\n" + string.Join("\n", compileErrors));
        var options = new CompilationWithAnalyzersOptions(
            project.AnalyzerOptions,
            onAnalyzerException: null,
            concurrentAnalysis: true,
            logAnalyzerExecutionTime: false,
            reportSuppressedDiagnostics: false);
        var diagnostics = compilation
            .WithAnalyzers([new WorkloadEvaluationAnalyzer()], options)
            .GetAllDiagnosticsAsync()
            .GetAwaiter()
            .GetResult()
            .Where(d => d.Id.StartsWith("SM", StringComparison.Ordinal) || d.Id.StartsWith("AD", StringComparison.Ordinal))
            .OrderBy(d => d.Location.SourceSpan.Start)
            .ThenBy(d => d.Id, StringComparer.Ordinal)
            .ToImmutableArray();
        Assert.DoesNotContain(diagnostics, d => d.Id.StartsWith("AD", StringComparison.Ordinal));
        return diagnostics;
    }

    /// <summary>Asserts that the diagnostics of the IDs marked in <paramref name="markup"/> are exactly the marked ones.</summary>
    public static void VerifyMarkedIds(string markup, string? editorConfig = null)
    {
        var parsed = DiagnosticMarkup.Parse(markup);
        var ids = parsed.Expected.Select(e => e.Id).ToHashSet(StringComparer.Ordinal);
        var actual = Analyze(parsed.Text, editorConfig).Where(d => ids.Contains(d.Id)).Select(d => new ExpectedDiagnostic(d.Id, d.Location.SourceSpan)).ToList();
        Assert.True(parsed.Expected.SequenceEqual(actual), "expected:\n" + Show(parsed.Text, parsed.Expected) + "\nactual:\n" + Show(parsed.Text, actual));
    }

    /// <summary>The expected diagnostics printed with the text they cover.</summary>
    public static string Show(string text, IEnumerable<ExpectedDiagnostic> diagnostics) =>
        string.Join("\n", diagnostics.Select(d => $"  {d.Id} at {d.Span}: {text.Substring(d.Span.Start, d.Span.Length)}"));

    /// <summary>The framework and the DSL, as a project referencing the package compiles against.</summary>
    public static ImmutableArray<MetadataReference> References => LazyReferences.Value;

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
