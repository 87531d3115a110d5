using System.Collections.Immutable;
using System.Globalization;
using BenchmarkDotNet.Attributes;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using StatefulManifests.Generators;

namespace StatefulManifests.Benchmarks;

/// <summary>
/// The source generator on synthetic projects of 1, 100 and 1000 realistic workloads (ten per file, plus an
/// unrelated file): a full run on a fresh driver, and the incremental run after an edit to the unrelated file.
/// Targets on a 2-core machine: full run of 1000 workloads under 1 s; incremental run under 50 ms.
/// </summary>
[MemoryDiagnoser]
public class GeneratorBenchmarks
{
    private static readonly CSharpParseOptions ParseOptions = new(LanguageVersion.Latest);
    private static readonly ImmutableArray<MetadataReference> References = LoadReferences();

    private CSharpCompilation compilation = null!;
    private GeneratorDriver warmDriver = null!;
    private CSharpCompilation edited = null!;
    private int edits;

    /// <summary>The number of workloads in the project.</summary>
    [Params(1, 100, 1000)]
    public int Workloads { get; set; }

    /// <summary>Builds the synthetic project.</summary>
    [GlobalSetup]
    public void Setup()
    {
        var trees = new List<SyntaxTree>();
        for (var file = 0; file * 10 < Workloads; file++)
        {
            var members = Enumerable.Range(file * 10, Math.Min(10, Workloads - (file * 10))).Select(Workload);
            trees.Add(Parse("Workloads" + file + ".cs", "using StatefulManifests;\nusing StatefulManifests.Model;\nnamespace Synthetic;\npublic static partial class Manifests" + file + "\n{\n" + string.Concat(members) + "}\n"));
        }

        trees.Add(Parse("Unrelated.cs", Unrelated(0)));
        compilation = CSharpCompilation.Create("Synthetic", trees, References, new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
    }

    /// <summary>Before each incremental measurement: a driver that has run once, and an edited compilation.</summary>
    [IterationSetup(Target = nameof(IncrementalAfterUnrelatedEdit))]
    public void PrepareIncremental()
    {
        warmDriver = CreateDriver().RunGenerators(compilation);
        var old = compilation.SyntaxTrees.Single(t => t.FilePath == "Unrelated.cs");
        edited = compilation.ReplaceSyntaxTree(old, Parse("Unrelated.cs", Unrelated(++edits)));
    }

    /// <summary>First run: every workload lowered, evaluated (the DSL executed), validated, rendered and emitted.</summary>
    [Benchmark]
    public GeneratorDriver FullRun() => CreateDriver().RunGenerators(compilation);

    /// <summary>The run after an edit elsewhere: transforms re-run, nothing after them does.</summary>
    [Benchmark]
    public GeneratorDriver IncrementalAfterUnrelatedEdit() => warmDriver.RunGenerators(edited);

    private static GeneratorDriver CreateDriver() =>
        CSharpGeneratorDriver.Create([new StatefulWorkloadGenerator().AsSourceGenerator()], parseOptions: ParseOptions);

    private static SyntaxTree Parse(string path, string text) => CSharpSyntaxTree.ParseText(text, ParseOptions, path);

    private static string Unrelated(int version) =>
        "namespace Synthetic;\npublic static class Unrelated\n{\n    public static int Value => " + version.ToString(CultureInfo.InvariantCulture) + ";\n}\n";

    private static string Workload(int i)
    {
        var n = i.ToString(CultureInfo.InvariantCulture);
        return $$"""
                [StatefulWorkload]
                public static StatefulSetBuilder Store{{n}} => Workload.StatefulSet("store-{{n}}")
                    .Namespace("data")
                    .Replicas(3)
                    .PodManagementPolicy(PodManagementPolicy.Parallel)
                    .Labels(("tier", "storage"))
                    .Container("db", c => c
                        .Image("postgres:16.4")
                        .Port("pg", 5432)
                        .Requests(cpu: "500m", memory: "1Gi")
                        .Limits(memory: "2Gi")
                        .ReadinessProbe(p => p.TcpSocket(5432))
                        .Mount("data", "/var/lib/postgresql/data"))
                    .VolumeClaim("data", v => v.AccessModes(AccessMode.ReadWriteOnce).Storage("10Gi"))
                    .DisruptionBudget(maxUnavailable: 1);

            """;
    }

    private static ImmutableArray<MetadataReference> LoadReferences()
    {
        var tpa = ((string?)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES") ?? string.Empty).Split(Path.PathSeparator);
        return tpa
            .Where(p => Path.GetFileName(p) is var name && (name.StartsWith("System.", StringComparison.Ordinal) || name is "mscorlib.dll" or "netstandard.dll"))
            .Append(typeof(StatefulSetBuilder).Assembly.Location)
            .Distinct(StringComparer.Ordinal)
            .Select(p => (MetadataReference)MetadataReference.CreateFromFile(p))
            .ToImmutableArray();
    }
}
