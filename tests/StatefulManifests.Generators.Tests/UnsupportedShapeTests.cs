using Microsoft.CodeAnalysis;
using StatefulManifests.Generators.Tests.Support;
using static StatefulManifests.Generators.Tests.Support.Workloads;

namespace StatefulManifests.Generators.Tests;

/// <summary>
/// Every shape outside the supported set is an SM0001 error on exactly that node (marked <c>[|...|]</c>), with a
/// message that says what is supported; all of them are reported at once, and the generator emits nothing for
/// the workload (and never throws).
/// </summary>
public sealed class UnsupportedShapeTests
{
    private const string Tail = """.Container("app", c => c.Image("app:1"))""";

    public static TheoryData<string, string, string> Cases => new()
    {
        { "non-DSL method", """Workload.StatefulSet([|string.Concat("a", "b")|])""" + Tail, string.Empty },
        { "object creation", """Workload.StatefulSet("web").Labels([|new System.ValueTuple<string, string>("a", "b")|])""" + Tail, string.Empty },
        { "conditional", """Workload.StatefulSet([|Flag ? "a" : "b"|])""" + Tail, "    static readonly bool Flag = true;" },
        { "mutable field", """Workload.StatefulSet([|Name|])""" + Tail, "    static string Name = \"web\";" },
        { "settable property", """Workload.StatefulSet([|Name|])""" + Tail, "    static string Name { get; set; } = \"web\";" },
        { "method with parameters", """Workload.StatefulSet([|Make("web")|])""" + Tail, "    static string Make(string s) => s;" },
        { "non-const local in lambda", """Workload.StatefulSet("web").Container("app", c => { [|var image = "app:1";|] return c.Image(image); })""", string.Empty },
        { "arithmetic on non-constants", """Workload.StatefulSet("web").Replicas([|Count * 2|])""" + Tail, "    static readonly int Count = 2;" },
        { "spread element", """Workload.StatefulSet("web").ImagePullSecrets([ [|..Secrets|] ])""" + Tail, "    static readonly string[] Secrets = [\"a\"];" },
        { "instance member", """Workload.StatefulSet([|new Manifests2().Name|])""" + Tail, string.Empty },
        { "model escape hatch lambda", """Workload.StatefulSet("web").ModifyPodSpec(p => [|p with { HostNetwork = true }|])""" + Tail, string.Empty },
        { "self reference", """[|Web|].Replicas(2)""", string.Empty },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Unsupported_shape_is_reported_on_the_exact_node(string name, string body, string members)
    {
        var markup = Markup.Parse(Declare(body, members) + "\nclass Manifests2 { public string Name => \"web\"; }\n");
        var compilation = TestCompilation.Create(markup.Text);
        var diagnostics = AnalyzerRun.Diagnostics(compilation);

        var sm0001 = diagnostics.Where(d => d.Id == "SM0001").ToList();
        Assert.True(sm0001.Count == 1, name + ": " + string.Join("\n", diagnostics));
        Assert.Equal(markup.Spans.Single(), sm0001[0].Location.SourceSpan);
        Assert.Equal(DiagnosticSeverity.Error, sm0001[0].Severity);
        Assert.Contains("Compile-time evaluation supports", sm0001[0].GetMessage(), StringComparison.Ordinal);
        Assert.DoesNotContain(diagnostics, d => d.Id == "AD0001");

        var run = GeneratorRun.Run(compilation);
        Assert.Empty(run.Diagnostics);
        Assert.Empty(run.Sources);
    }

    [Fact]
    public void Every_unsupported_node_is_reported_at_once()
    {
        var markup = Markup.Parse(Declare(
            """Workload.StatefulSet([|string.Concat("a", "b")|]).Replicas([|Count * 2|]).Container("app", c => c.Image([|Flag ? "a" : "b"|]))""",
            "    static readonly int Count = 2;\n    static readonly bool Flag = true;"));
        var diagnostics = AnalyzerRun.Diagnostics(TestCompilation.Create(markup.Text));
        Assert.Equal(markup.Spans, diagnostics.Where(d => d.Id == "SM0001").Select(d => d.Location.SourceSpan));
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
    public void Cycles_between_members_are_reported_not_followed()
    {
        var markup = Markup.Parse("""
            using StatefulManifests;
            namespace Demo;
            public static partial class Manifests
            {
                static StatefulSetBuilder A => B.Replicas(1);
                static StatefulSetBuilder B => [|A|].Replicas(2);

                [StatefulWorkload]
                public static StatefulSetBuilder Web => A;
            }
            """);
        var diagnostic = Assert.Single(AnalyzerRun.Diagnostics(TestCompilation.Create(markup.Text)), d => d.Id == "SM0001");
        Assert.Equal(markup.Spans.Single(), diagnostic.Location.SourceSpan);
        Assert.Contains("refers to itself (A -> B -> A)", diagnostic.GetMessage(), StringComparison.Ordinal);
    }

    [Fact]
    public void Pathological_nesting_hits_the_budget_with_a_clear_message()
    {
        var chain = string.Concat(Enumerable.Repeat(".Replicas(1)", 300));
        var compilation = TestCompilation.Create(Declare("Workload.StatefulSet(\"web\")" + chain + Tail));
        var diagnostic = Assert.Single(AnalyzerRun.Diagnostics(compilation), d => d.Id == "SM0001");
        Assert.Contains("nests more than 200 levels deep", diagnostic.GetMessage(), StringComparison.Ordinal);
        Assert.Empty(GeneratorRun.Run(compilation).Sources);
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
        var diagnostic = Assert.Single(AnalyzerRun.Diagnostics(TestCompilation.Create(markup.Text)), d => d.Id == "SM0001");
        Assert.Equal(markup.Spans.Single(), diagnostic.Location.SourceSpan);
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
