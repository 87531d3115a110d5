using System.Collections.Immutable;
using System.Globalization;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace StatefulManifests.Benchmarks;

/// <summary>
/// The synthetic project the generator and analyzer benchmarks measure: N realistic <c>[StatefulWorkload]</c>
/// declarations, ten per file, plus one unrelated file (<c>Unrelated.cs</c>) that incremental benchmarks edit.
/// </summary>
internal static class SyntheticProject
{
    /// <summary>The parse options of every tree.</summary>
    public static readonly CSharpParseOptions ParseOptions = new(LanguageVersion.Latest);

    private static readonly ImmutableArray<MetadataReference> References = LoadReferences();

    /// <summary>The compilation of a project of <paramref name="workloads"/> workloads.</summary>
    public static CSharpCompilation Create(int workloads)
    {
        var trees = new List<SyntaxTree>();
        for (var file = 0; file * 10 < workloads; file++)
        {
            var members = Enumerable.Range(file * 10, Math.Min(10, workloads - (file * 10))).Select(Workload);
            trees.Add(Parse("Workloads" + file + ".cs", "using StatefulManifests;\nusing StatefulManifests.Model;\nnamespace Synthetic;\npublic static partial class Manifests" + file + "\n{\n" + string.Concat(members) + "}\n"));
        }

        trees.Add(Parse("Unrelated.cs", Unrelated(0)));
        return CSharpCompilation.Create("Synthetic", trees, References, new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
    }

    /// <summary>A syntax tree of <paramref name="text"/> at <paramref name="path"/>.</summary>
    public static SyntaxTree Parse(string path, string text) => CSharpSyntaxTree.ParseText(text, ParseOptions, path);

    /// <summary>The unrelated file, in its <paramref name="version"/>th edit.</summary>
    public static string Unrelated(int version) =>
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
