using System.Collections.Immutable;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;
using Microsoft.CodeAnalysis.Text;
using StatefulManifests.Analyzers;
using StatefulManifests.RoslynTesting;
using StatefulManifests.Rules;

namespace StatefulManifests.Generators.Tests.Support;

/// <summary>
/// <see cref="StatefulWorkloadGenerator"/> under Microsoft.CodeAnalysis.Testing, compiled as our users' projects are
/// (<see cref="TestReferences.Configure"/>), together with <see cref="WorkloadEvaluationAnalyzer"/>: the generator
/// reports nothing itself, the analyzer says why a declaration could not be evaluated, so a test states both halves
/// of one build — the generated files (<see cref="ExpectGolden"/>) and every diagnostic, at its markup span
/// (<c>{|SM1002:-1|}</c>, <c>{|#0:...|}</c>). Compiler errors in the user's or the generated code fail the test too.
/// </summary>
/// <remarks>
/// Defaults overridden: the reference assemblies (<see cref="TestReferences"/>: offline, no package download at test
/// time); the language version and nullable context (the SDK's, see <see cref="TestReferences.Configure"/>); and
/// the analyzer's catalogue rules for reliability, security and best practice (SM2xxx–SM4xxx) are switched off —
/// they are tested in StatefulManifests.Analyzers.Tests, and here would only restate lint advice on minimal
/// workloads. Only what the generator's evaluation decides stays on: DSL usage (SM0xxx) and API validation (SM1xxx,
/// and the rules that replace an API validation error).
/// Framework behaviour the tests rely on (each checked by making it fail): a generator exception (CS8785) fails the
/// run; with no expected generated file, any file the generator adds fails it; generated-file text is compared
/// exactly, with the hint name under <c>StatefulManifests.Generators/&lt;generator type&gt;/</c>.
/// </remarks>
public sealed class WorkloadGeneratorTest : CSharpSourceGeneratorTest<StatefulWorkloadGenerator, DefaultVerifier>
{
    private readonly List<(string HintName, string Golden)> goldens = [];

    /// <summary>A test of one file, <c>Workloads.cs</c>.</summary>
    public WorkloadGeneratorTest(string markup)
        : this(("Workloads.cs", markup))
    {
    }

    /// <summary>A test of <paramref name="sources"/> (path, markup).</summary>
    public WorkloadGeneratorTest(params (string Path, string Markup)[] sources)
    {
        TestReferences.Configure(this);
        foreach (var (path, markup) in sources)
        {
            TestState.Sources.Add((path, markup));
        }

        DisabledDiagnostics.AddRange(RuleCatalog.All
            .Where(r => r.Supersedes is null && r.Category is RuleCategory.Reliability or RuleCategory.Security or RuleCategory.BestPractice)
            .Select(r => r.Id));
    }

    /// <summary>
    /// MSBuild properties the package makes visible to the compiler (<c>StatefulManifestsClusterDomain</c>,
    /// <c>StatefulManifestsEnvironmentList</c>), handed to the generator and analyzer as <c>build_property.*</c>
    /// through a global analyzer config, as the SDK does (so, as there, <c>;</c> and <c>#</c> start a comment: the
    /// package hands lists over comma-separated, <c>StatefulManifestsEnvironmentList</c>).
    /// </summary>
    public Dictionary<string, string> BuildProperties { get; } = new(StringComparer.Ordinal);

    /// <summary>After a run: the project with the generated files added, as the analyzer saw it (to emit and load).</summary>
    public Compilation? Compiled { get; private set; }

    /// <summary>Expects the generated file <paramref name="hintName"/> to be the baseline <c>Golden/&lt;golden&gt;.g.cs.txt</c>.</summary>
    public WorkloadGeneratorTest ExpectGolden(string hintName, string golden)
    {
        goldens.Add((hintName, golden));
        return this;
    }

    /// <summary>Runs the test and returns the compiled project (generated files included).</summary>
    public async Task<Compilation> CompileAsync()
    {
        await RunAsync();
        return Compiled!;
    }

    /// <inheritdoc />
    protected override IEnumerable<DiagnosticAnalyzer> GetDiagnosticAnalyzers() => [new WorkloadEvaluationAnalyzer()];

    /// <inheritdoc />
    protected override async Task RunImplAsync(CancellationToken cancellationToken)
    {
        if (BuildProperties.Count > 0)
        {
            var config = new StringBuilder("is_global = true\n");
            foreach (var (name, value) in BuildProperties)
            {
                config.Append("build_property.").Append(name).Append(" = ").Append(value).Append('\n');
            }

            TestState.AnalyzerConfigFiles.Add(("/.globalconfig", config.ToString()));
        }

        if (GoldenFiles.Updating && goldens.Count > 0)
        {
            // Accepting a deliberate change: every other check still runs, the baselines take what was generated.
            TestBehaviors |= TestBehaviors.SkipGeneratedSourcesCheck;
            await base.RunImplAsync(cancellationToken);
            var generated = Compiled!.SyntaxTrees.ToDictionary(t => Path.GetFileName(t.FilePath), t => t.GetText(cancellationToken).ToString(), StringComparer.Ordinal);
            foreach (var (hintName, golden) in goldens)
            {
                GoldenFiles.Write(golden, generated[hintName]);
            }

            return;
        }

        foreach (var (hintName, golden) in goldens)
        {
            TestState.GeneratedSources.Add((typeof(StatefulWorkloadGenerator), hintName, SourceText.From(GoldenFiles.Read(golden), Encoding.UTF8)));
        }

        await base.RunImplAsync(cancellationToken);
    }

    /// <summary>Keeps the first compilation the framework analyzes: the test's own sources plus the generated files.</summary>
    protected override CompilationWithAnalyzers CreateCompilationWithAnalyzers(Compilation compilation, ImmutableArray<DiagnosticAnalyzer> analyzers, AnalyzerOptions options, CancellationToken cancellationToken)
    {
        Compiled ??= compilation;
        return base.CreateCompilationWithAnalyzers(compilation, analyzers, options, cancellationToken);
    }
}
