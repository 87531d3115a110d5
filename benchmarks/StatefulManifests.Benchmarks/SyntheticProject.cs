using System.Collections.Immutable;
using System.Globalization;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace StatefulManifests.Benchmarks;

/// <summary>
/// The synthetic project the generator and analyzer benchmarks measure: N realistic <c>[StatefulWorkload]</c>
/// declarations, ten per file, plus one unrelated file (<see cref="UnrelatedPath"/>) that incremental benchmarks edit.
/// Two styles of the same workloads: <see cref="Create"/> spells every workload out (the closed shape of issue 3);
/// <see cref="CreateComposed"/> writes them the way real code does, each one line calling a shared factory that uses
/// extension helpers and constants from one helper file (<see cref="HelpersPath"/>).
/// </summary>
internal static class SyntheticProject
{
    /// <summary>The file incremental benchmarks edit without changing any workload.</summary>
    public const string UnrelatedPath = "Unrelated.cs";

    /// <summary>The composed project's helper file: the factory, the extension helpers and the image constants.</summary>
    public const string HelpersPath = "Platform.cs";

    /// <summary>The parse options of every tree.</summary>
    public static readonly CSharpParseOptions ParseOptions = new(LanguageVersion.Latest);

    private static readonly ImmutableArray<MetadataReference> References = LoadReferences();

    private static readonly string[] Sizes = ["small", "medium", "large"];

    /// <summary>The compilation of a project of <paramref name="workloads"/> workloads, each spelled out in full.</summary>
    public static CSharpCompilation Create(int workloads) => Compile(workloads, Workload, []);

    /// <summary>
    /// The compilation of a project of <paramref name="workloads"/> workloads written with the shared factory and
    /// helpers of <see cref="Helpers"/> (in its first version).
    /// </summary>
    public static CSharpCompilation CreateComposed(int workloads) => Compile(workloads, ComposedWorkload, [Parse(HelpersPath, Helpers(0))]);

    /// <summary><paramref name="compilation"/> with the file at <paramref name="path"/> replaced by <paramref name="text"/>.</summary>
    public static CSharpCompilation Edit(CSharpCompilation compilation, string path, string text) =>
        compilation.ReplaceSyntaxTree(compilation.SyntaxTrees.Single(t => t.FilePath == path), Parse(path, text));

    private static CSharpCompilation Compile(int workloads, Func<int, string> workload, IEnumerable<SyntaxTree> shared)
    {
        var trees = new List<SyntaxTree>(shared);
        for (var file = 0; file * 10 < workloads; file++)
        {
            var members = Enumerable.Range(file * 10, Math.Min(10, workloads - (file * 10))).Select(workload);
            trees.Add(Parse("Workloads" + file + ".cs", "using StatefulManifests;\nusing StatefulManifests.Model;\nnamespace Synthetic;\npublic static partial class Manifests" + file + "\n{\n" + string.Concat(members) + "}\n"));
        }

        trees.Add(Parse(UnrelatedPath, Unrelated(0)));
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

    private static string ComposedWorkload(int i)
    {
        var n = i.ToString(CultureInfo.InvariantCulture);
        return $$"""
                [StatefulWorkload]
                public static StatefulSetBuilder Store{{n}} => Platform.Database("store-{{n}}", replicas: 3, size: "{{Sizes[i % Sizes.Length]}}");

            """;
    }

    /// <summary>
    /// The composed project's helper file in its <paramref name="version"/>th edit: the edit changes a literal inside
    /// <c>Hardened</c>'s body (the user id), which every workload reaches through the factory.
    /// </summary>
    public static string Helpers(int version)
    {
        var user = (10000 + version).ToString(CultureInfo.InvariantCulture);
        return $$"""
            using StatefulManifests;
            using StatefulManifests.Model;
            namespace Synthetic;

            public static class Images
            {
                public const string Registry = "registry.example.com/data";
                public const string Postgres = Registry + "/postgres:16.4";
            }

            public static class Platform
            {
                public static StatefulSetBuilder Database(string name, int replicas, string size) =>
                    Workload.StatefulSet(name)
                        .Namespace("data")
                        .Replicas(replicas)
                        .PodManagementPolicy(PodManagementPolicy.Parallel)
                        .Labels(("tier", "storage"), ("size", size))
                        .Container("db", c => c
                            .Image(Images.Postgres)
                            .Port("pg", 5432)
                            .Resources(size)
                            .Hardened()
                            .ReadinessProbe(p => p.TcpSocket(5432))
                            .Mount("data", "/var/lib/postgresql/data"))
                        .VolumeClaim("data", v => v.AccessModes(AccessMode.ReadWriteOnce).Storage(StorageFor(size)))
                        .DisruptionBudget(maxUnavailable: 1);

                public static ContainerBuilder Hardened(this ContainerBuilder c) =>
                    c.SecurityContext(s => s.RunAsNonRoot().RunAsUser({{user}}).AllowPrivilegeEscalation(false));

                public static ContainerBuilder Resources(this ContainerBuilder c, string size) => size switch
                {
                    "small" => c.Requests(cpu: "250m", memory: "512Mi").Limits(memory: "1Gi"),
                    "large" => c.Requests(cpu: "2", memory: "8Gi").Limits(memory: "16Gi"),
                    _ => c.Requests(cpu: "500m", memory: "1Gi").Limits(memory: "2Gi"),
                };

                private static string StorageFor(string size) => size switch
                {
                    "small" => "10Gi",
                    "large" => "500Gi",
                    _ => "100Gi",
                };
            }

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
