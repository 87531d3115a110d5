using Microsoft.CodeAnalysis;
using StatefulManifests.Generators.Tests.Support;
using static StatefulManifests.Generators.Tests.Support.Workloads;

namespace StatefulManifests.Generators.Tests;

/// <summary>
/// Code the compiler must not run (I/O, the environment, clocks, randomness, reflection, mutable statics) is SM0001
/// on exactly that node (marked <c>[|...|]</c>), as information saying what it is and what to do; all of them are
/// reported at once. Nothing breaks: the generator still emits the companion class, backed by the declaration at
/// run time, and asks the build to evaluate the declaration by running it (never throwing into the compiler).
/// </summary>
public sealed class UnsupportedShapeTests
{
    private const string Tail = """.Container("app", c => c.Image("app:1"))""";

    public static TheoryData<string, string, string, string> Cases => new()
    {
        { "environment variable", """Workload.StatefulSet([|System.Environment.GetEnvironmentVariable("APP")|] ?? "web")""" + Tail, string.Empty, "machine's environment" },
        { "clock", """Workload.StatefulSet("web").PodAnnotations(("built", [|System.DateTime.Now|].ToString("O")))""" + Tail, string.Empty, "clock" },
        { "file", """Workload.StatefulSet([|System.IO.File.ReadAllText("name.txt")|])""" + Tail, string.Empty, "files" },
        { "random", """Workload.StatefulSet("web").Replicas([|new System.Random()|].Next(3))""" + Tail, string.Empty, "random" },
        { "new guid", """Workload.StatefulSet("web").PodAnnotations(("id", [|System.Guid.NewGuid()|].ToString()))""" + Tail, string.Empty, "GUID" },
        { "hash code", """Workload.StatefulSet("web").PodAnnotations(("h", [|"x".GetHashCode()|].ToString()))""" + Tail, string.Empty, "hash codes" },
        { "current culture", """Workload.StatefulSet("web").PodAnnotations(("c", [|System.Globalization.CultureInfo.CurrentCulture|].Name))""" + Tail, string.Empty, "InvariantCulture" },
        { "mutable field", """Workload.StatefulSet([|Name|])""" + Tail, "    static string Name = \"web\";", "static readonly" },
        { "settable property", """Workload.StatefulSet([|Name|])""" + Tail, "    static string Name { get; set; } = \"web\";", "get-only" },
        { "assigning a static", """Workload.StatefulSet(Bump())""" + Tail, "    static int count;\n    static string Bump() { [|count|]++; return \"web\"; }", "static" },
        { "reading files through the DSL", """Workload.StatefulSet("web").Labels(([|StatefulManifests.Rules.ManifestLinter.LintFiles(new[] { "a.yaml" })|].Count.ToString(), "x"))""" + Tail, string.Empty, "reads files" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Code_the_compiler_must_not_run_is_reported_on_the_exact_node(string name, string body, string members, string reason)
    {
        var markup = Markup.Parse(Declare(body, members));
        var compilation = TestCompilation.Create(markup.Text);
        var diagnostics = AnalyzerRun.Diagnostics(compilation);

        var sm0001 = diagnostics.Where(d => d.Id == "SM0001").ToList();
        Assert.True(sm0001.Count == 1, name + ": " + string.Join("\n", diagnostics));
        Assert.Equal(markup.Spans.Single(), sm0001[0].Location.SourceSpan);
        Assert.Equal(DiagnosticSeverity.Info, sm0001[0].Severity);
        Assert.Contains(reason, sm0001[0].GetMessage(), StringComparison.Ordinal);
        Assert.EndsWith("this declaration is evaluated when you build instead", sm0001[0].GetMessage(), StringComparison.Ordinal);
        Assert.DoesNotContain(diagnostics, d => d.Id == "AD0001" || d.Severity == DiagnosticSeverity.Error);

        var run = GeneratorRun.Run(compilation);
        Assert.Empty(run.Diagnostics);
        Assert.True(run.OutputErrors.Count == 0, string.Join("\n", run.OutputErrors));
        var source = Assert.Single(run.Sources).Value;
        Assert.Contains("\"StatefulManifests.Fallback:Demo.Manifests.Web\"", source, StringComparison.Ordinal);
        Assert.DoesNotContain("StatefulManifests.Yaml:", source, StringComparison.Ordinal);
        Assert.Contains("static partial class WebManifest", source, StringComparison.Ordinal);
    }

    [Fact]
    public void The_fallback_companion_computes_its_members_by_running_the_declaration()
    {
        var compilation = TestCompilation.Create(Declare(
            """Workload.StatefulSet("web").Replicas(3).PodAnnotations(("host", System.Environment.MachineName))""" + Tail));
        var run = GeneratorRun.Run(compilation);
        Assert.True(run.OutputErrors.Count == 0, string.Join("\n", run.OutputErrors));
        using var project = LoadedProject.Load(run.Output);
        var expected = Workload.StatefulSet("web").Replicas(3).PodAnnotations(("host", Environment.MachineName))
            .Container("app", c => c.Image("app:1"));
        Assert.Equal(expected.Render(), project.Property(WebClass, "Yaml"));
        Assert.Equal("web", project.Property(WebClass, "Name"));
        Assert.Equal(3, project.Property(WebClass, "Replicas"));
        Assert.Equal("web-2", project.Call(WebClass, "PodName", 2));
    }

    [Fact]
    public void Every_node_the_compiler_must_not_run_is_reported_at_once()
    {
        var markup = Markup.Parse(Declare(
            """Workload.StatefulSet([|System.Environment.MachineName|]).PodAnnotations(("t", [|System.DateTime.UtcNow|].Ticks.ToString())).Container("app", c => c.Image([|System.IO.File.ReadAllText("image.txt")|]))"""));
        var diagnostics = AnalyzerRun.Diagnostics(TestCompilation.Create(markup.Text));
        Assert.Equal(markup.Spans, diagnostics.Where(d => d.Id == "SM0001").Select(d => d.Location.SourceSpan).OrderBy(s => s.Start));
    }

    [Fact]
    public void Problem_inside_a_shared_member_is_reported_in_that_member()
    {
        var shared = Markup.Parse("""
            using StatefulManifests;
            namespace Demo;
            public static class Shared
            {
                public static StatefulSetBuilder Base => Workload.StatefulSet([|System.Environment.MachineName|]);
            }
            """);
        var workload = Declare("Shared.Base" + Tail);
        var compilation = TestCompilation.Create(("Shared.cs", shared.Text), ("Workloads.cs", workload));
        var diagnostic = Assert.Single(AnalyzerRun.Diagnostics(compilation), d => d.Id == "SM0001");
        Assert.Equal("Shared.cs", diagnostic.Location.SourceTree!.FilePath);
        Assert.Equal(shared.Spans.Single(), diagnostic.Location.SourceSpan);
    }

    [Fact]
    public void Members_that_refer_to_each_other_forever_are_reported_not_followed()
    {
        var markup = Markup.Parse("""
            using StatefulManifests;
            namespace Demo;
            public static partial class Manifests
            {
                static StatefulSetBuilder A => [|B|].Replicas(1);
                static StatefulSetBuilder B => A.Replicas(2);

                [StatefulWorkload]
                public static StatefulSetBuilder Web => A;
            }
            """);
        var compilation = TestCompilation.Create(markup.Text);
        var diagnostic = Assert.Single(AnalyzerRun.Diagnostics(compilation), d => d.Id is "SM0001" or "SM0007");
        Assert.Equal(markup.Spans.Single(), diagnostic.Location.SourceSpan);
        Assert.Contains("recurses more than", diagnostic.GetMessage(), StringComparison.Ordinal);
        Assert.Empty(GeneratorRun.Run(compilation).Diagnostics);
    }

    [Fact]
    public void Pathological_nesting_hits_the_budget_with_a_clear_message()
    {
        var chain = string.Concat(Enumerable.Repeat(".Replicas(1)", 300));
        var compilation = TestCompilation.Create(Declare("Workload.StatefulSet(\"web\")" + chain + Tail));
        var diagnostic = Assert.Single(AnalyzerRun.Diagnostics(compilation), d => d.Id == "SM0001");
        Assert.Contains("nests more than 200 levels deep", diagnostic.GetMessage(), StringComparison.Ordinal);
        var run = GeneratorRun.Run(compilation);
        Assert.Empty(run.Diagnostics);
        Assert.DoesNotContain("StatefulManifests.Yaml:", Assert.Single(run.Sources).Value, StringComparison.Ordinal);
    }

    [Fact]
    public void A_member_that_is_not_a_builder_is_reported_on_its_type()
    {
        var markup = Markup.Parse("""
            using StatefulManifests;
            namespace Demo;
            public static partial class Manifests
            {
                [StatefulWorkload]
                public static [|string|] Web => "web";
            }
            """);
        var compilation = TestCompilation.Create(markup.Text);
        var diagnostic = Assert.Single(AnalyzerRun.Diagnostics(compilation), d => d.Id == "SM0006");
        Assert.Equal(markup.Spans.Single(), diagnostic.Location.SourceSpan);
        Assert.Equal(DiagnosticSeverity.Error, diagnostic.Severity);
        var run = GeneratorRun.Run(compilation);
        Assert.Empty(run.Diagnostics);
        Assert.Empty(run.Sources);
    }

    [Fact]
    public void A_non_partial_type_gets_a_warning_and_still_the_yaml_metadata()
    {
        var markup = Markup.Parse("""
            using StatefulManifests;
            namespace Demo;
            public static class [|Manifests|]
            {
                [StatefulWorkload]
                public static StatefulSetBuilder Web => Workload.StatefulSet("web").Container("app", c => c.Image("app:1"));
            }
            """);
        var compilation = TestCompilation.Create(markup.Text);
        var diagnostic = Assert.Single(AnalyzerRun.Diagnostics(compilation));
        Assert.Equal(("SM0005", markup.Spans.Single()), (diagnostic.Id, diagnostic.Location.SourceSpan));
        var run = GeneratorRun.Run(compilation);
        var source = Assert.Single(run.Sources).Value;
        Assert.Contains("[assembly: global::System.Reflection.AssemblyMetadata(\"StatefulManifests.Yaml:web.yaml\", \"apiVersion: v1", source, StringComparison.Ordinal);
        Assert.Empty(run.OutputErrors);
    }
}
