using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using StatefulManifests.Analyzers;
using StatefulManifests.Generators.Tests.Support;
using Xunit.Abstractions;

namespace StatefulManifests.Generators.Tests;

/// <summary>
/// Half-typed and malformed code never makes the generator or the analyzer throw into the compiler: every prefix
/// of every sample source, and a set of malformed declarations, run without CS8785 (generator failure) or AD0001
/// (analyzer failure). Thousands of compilations, so they go through the driver and CompilationWithAnalyzers
/// directly rather than a Microsoft.CodeAnalysis.Testing workspace each.
/// </summary>
public sealed class RobustnessTests(ITestOutputHelper output)
{
    /// <summary>The test's own sample declarations plus the repository's samples when they exist.</summary>
    public static IEnumerable<(string Name, string Text)> SampleSources()
    {
        yield return ("Samples.Web", Samples.Web);
        yield return ("Shapes", Workloads.Declare(
            """
            Workload.StatefulSet($"{Prefix}-db").Replicas(Count).Labels(("tier", "t" + Count))
                .ImagePullSecrets(["a", "b"]).Container("db", Configure).InitContainer("init", c => { const string s = "sh"; return c.Image("busybox").Command(s); })
            """,
            """
                const string Prefix = "orders";
                const int Count = 2;
                static ContainerBuilder Configure(ContainerBuilder c) => c.Image("postgres:16").Port("pg", 5432).ReadinessProbe(p => p.TcpSocket(5432));
            """));
        var samples = Path.Combine(RepositoryRoot(), "samples");
        if (Directory.Exists(samples))
        {
            foreach (var file in Directory.EnumerateFiles(samples, "*.cs", SearchOption.AllDirectories).Where(f => !f.Contains("/obj/", StringComparison.Ordinal) && !f.Contains("/bin/", StringComparison.Ordinal)).Order(StringComparer.Ordinal))
            {
                yield return (Path.GetRelativePath(samples, file), File.ReadAllText(file));
            }
        }
    }

    [Fact]
    public void Every_prefix_of_every_sample_runs_without_generator_or_analyzer_failures()
    {
        var checkedPrefixes = 0;
        foreach (var (name, text) in SampleSources())
        {
            var failures = new System.Collections.Concurrent.ConcurrentBag<string>();
            Parallel.For(0, text.Length + 1, new ParallelOptions { MaxDegreeOfParallelism = 2 }, length =>
            {
                var problem = Problems(DriverCompilation.Create(text.Substring(0, length)));
                if (problem is not null)
                {
                    failures.Add(name + " prefix " + length + ": " + problem);
                }
            });
            Assert.True(failures.IsEmpty, string.Join("\n", failures.Take(5)));
            checkedPrefixes += text.Length + 1;
        }

        output.WriteLine(checkedPrefixes + " prefixes checked");
    }

    public static TheoryData<string> Malformed => new()
    {
        "[StatefulWorkload] public static StatefulSetBuilder Web => ;",
        "[StatefulWorkload] public StatefulSetBuilder Web => Workload.StatefulSet(\"web\");",
        "[StatefulWorkload] public static StatefulSetBuilder Web { set { } }",
        "[StatefulWorkload] public static StatefulSetBuilder Web { get; set; } = Workload.StatefulSet(\"web\");",
        "[StatefulWorkload] public static StatefulSetBuilder Web(int x) => Workload.StatefulSet(\"web\");",
        "[StatefulWorkload] public static StatefulSetBuilder Web<T>() => Workload.StatefulSet(\"web\");",
        "[StatefulWorkload] public static extern StatefulSetBuilder Web();",
        "[StatefulWorkload] public static partial StatefulSetBuilder Web();",
        "[StatefulWorkload] public static StatefulSetBuilder Web => Workload.StatefulSet(null!);",
        "[StatefulWorkload] public static StatefulSetBuilder Web => Workload.StatefulSet(\"web\").Container(\"c\", null!);",
        "[StatefulWorkload] public static StatefulSetBuilder Web => Workload.StatefulSet(\"web\").Container(\"c\", c => null!);",
        "[StatefulWorkload] public static StatefulSetBuilder Web => Undefined.Call();",
        "[StatefulWorkload] public static StatefulSetBuilder Web => default!;",
        "[StatefulWorkload] public static StatefulSetBuilder Web => (StatefulSetBuilder)null!;",
        "[StatefulWorkload] public static StatefulSetBuilder Web => throw new System.Exception();",
        "[StatefulWorkload] public static StatefulSetBuilder Web => Workload.StatefulSet(\"web\").Replicas(int.MaxValue).OrdinalsStart(int.MaxValue);",
        "[StatefulWorkload] public static StatefulSetBuilder Web => Workload.StatefulSet(\"web\").Container(\"c\", c => c.Image(\"\\u2028\\\"\\\\\")).Replicas(\"3\");",
        "[StatefulWorkload] public static StatefulSetBuilder Web => Workload.StatefulSet(\"web\"); [StatefulWorkload] public static StatefulSetBuilder Web => Workload.StatefulSet(\"web\");",
        "[StatefulWorkload] [StatefulWorkload] public static StatefulSetBuilder Web => Workload.StatefulSet(\"web\");",
        "[StatefulWorkload(FileName = \"../../etc/passwd\")] public static StatefulSetBuilder Web => Workload.StatefulSet(\"web\").Container(\"c\", c => c.Image(\"i\"));",
        "[StatefulWorkload] public static StatefulSetBuilder Web => Workload.StatefulSet(\"web\").Patch(p => p.Add(\"/spec/template/spec/hostUsers\", false)).Container(\"c\", c => c.Image(\"i\"));",
        "[StatefulWorkload] public static StatefulSetBuilder Web => Workload.StatefulSet(\"web\").ModifyPodSpec(Modify); static StatefulManifests.Model.PodSpec Modify(StatefulManifests.Model.PodSpec p) => p;",
        "[StatefulWorkload] public static StatefulSetBuilder Web => Workload.StatefulSet(\"web\").Container(\"c\", c => c.Image(\"i\").Port(\"p\", 1, (StatefulManifests.Model.Protocol)99));",
        "[StatefulWorkload] public static StatefulSetBuilder Web => Workload.StatefulSet(\"web\").Container(\"c\", c => c.Image(\"i\")).Container(\"c\", c => c.Image(\"i\"));",
    };

    [Theory]
    [MemberData(nameof(Malformed))]
    public void Malformed_declarations_never_crash(string member)
    {
        var source = "using StatefulManifests;\nnamespace Demo;\npublic static partial class Manifests\n{\n    " + member + "\n}\n";
        var problems = Problems(DriverCompilation.Create(source));
        Assert.True(problems is null, problems);
    }

    [Theory]
    [InlineData("public static partial class Outer { public partial struct Inner<T> { [StatefulWorkload] public static StatefulSetBuilder Web => Workload.StatefulSet(\"web\").Container(\"c\", c => c.Image(\"i\")); } }")]
    [InlineData("public partial record Settings { [StatefulWorkload] internal static StatefulSetBuilder Web() => Workload.StatefulSet(\"web\").Container(\"c\", c => c.Image(\"i\")); }")]
    [InlineData("static partial class Hidden { [StatefulWorkload] private static StatefulSetBuilder Web => Workload.StatefulSet(\"web\").Container(\"c\", c => c.Image(\"i\")); }")]
    public void Unusual_but_valid_declaration_sites_generate_code_that_compiles(string type)
    {
        foreach (var source in new[] { "using StatefulManifests;\nnamespace Demo;\n" + type, "using StatefulManifests;\n" + type })
        {
            var run = GeneratorRun.Run(DriverCompilation.Create(source));
            Assert.Single(run.Sources);
            Assert.Empty(run.Diagnostics);
            Assert.True(run.OutputErrors.Count == 0, string.Join("\n", run.OutputErrors));
        }
    }

    /// <summary>A description of a generator or analyzer failure, or null when both behaved.</summary>
    private static string? Problems(Compilation compilation)
    {
        try
        {
            var run = GeneratorRun.Run(compilation);
            var bad = run.Diagnostics.Concat(run.Output.GetDiagnostics()).Concat(AnalyzerDiagnostics(compilation))
                .Where(d => d.Id is "CS8785" or "AD0001" || d.GetMessage().Contains("#error", StringComparison.Ordinal))
                .ToList();
            return bad.Count == 0 ? null : string.Join("; ", bad);
        }
        catch (Exception e)
        {
            return e.ToString();
        }
    }

    /// <summary>The analyzer's diagnostics, every rule on; an exception in the analyzer surfaces as AD0001.</summary>
    private static ImmutableArray<Diagnostic> AnalyzerDiagnostics(Compilation compilation) =>
        compilation
            .WithAnalyzers([new WorkloadEvaluationAnalyzer()], new CompilationWithAnalyzersOptions(new AnalyzerOptions([]), onAnalyzerException: null, concurrentAnalysis: false, logAnalyzerExecutionTime: false))
            .GetAnalyzerDiagnosticsAsync()
            .GetAwaiter()
            .GetResult();

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "StatefulManifests.slnx")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("repository root not found");
    }
}
