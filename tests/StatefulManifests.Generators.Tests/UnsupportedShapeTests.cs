using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using StatefulManifests.Generators.Tests.Support;
using static StatefulManifests.Generators.Tests.Support.Workloads;

namespace StatefulManifests.Generators.Tests;

/// <summary>
/// Code the compiler must not run (I/O, the environment, clocks, randomness, reflection, mutable statics) is SM0001
/// on exactly that node (marked <c>{|SM0001:...|}</c>), as information saying what it is and what to do; all of them are
/// reported at once. Nothing breaks: the generator still emits the companion class, backed by the declaration at
/// run time, and asks the build to evaluate the declaration by running it (never throwing into the compiler).
/// </summary>
public sealed class UnsupportedShapeTests
{
    private const string Tail = """.Container("app", c => c.Image("app:1"))""";

    public static TheoryData<string, string, string, string> Cases => new()
    {
        { "environment variable", """Workload.StatefulSet({|#0:System.Environment.GetEnvironmentVariable("APP")|} ?? "web")""" + Tail, string.Empty, "machine's environment" },
        { "clock", """Workload.StatefulSet("web").PodAnnotations(("built", {|#0:System.DateTime.Now|}.ToString("O")))""" + Tail, string.Empty, "clock" },
        { "file", """Workload.StatefulSet({|#0:System.IO.File.ReadAllText("name.txt")|})""" + Tail, string.Empty, "files" },
        { "random", """Workload.StatefulSet("web").Replicas({|#0:new System.Random()|}.Next(3))""" + Tail, string.Empty, "random" },
        { "new guid", """Workload.StatefulSet("web").PodAnnotations(("id", {|#0:System.Guid.NewGuid()|}.ToString()))""" + Tail, string.Empty, "GUID" },
        { "hash code", """Workload.StatefulSet("web").PodAnnotations(("h", {|#0:"x".GetHashCode()|}.ToString()))""" + Tail, string.Empty, "hash codes" },
        { "current culture", """Workload.StatefulSet("web").PodAnnotations(("c", {|#0:System.Globalization.CultureInfo.CurrentCulture|}.Name))""" + Tail, string.Empty, "InvariantCulture" },
        { "mutable field", """Workload.StatefulSet({|#0:Name|})""" + Tail, "    static string Name = \"web\";", "static readonly" },
        { "settable property", """Workload.StatefulSet({|#0:Name|})""" + Tail, "    static string Name { get; set; } = \"web\";", "get-only" },
        { "assigning a static", """Workload.StatefulSet(Bump())""" + Tail, "    static int count;\n    static string Bump() { {|#0:count|}++; return \"web\"; }", "static" },
        { "reading files through the DSL", """Workload.StatefulSet("web").Labels(({|#0:StatefulManifests.Rules.ManifestLinter.LintFiles(new[] { "a.yaml" })|}.Count.ToString(), "x"))""" + Tail, string.Empty, "reads files" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Code_the_compiler_must_not_run_is_reported_on_the_exact_node(string name, string body, string members, string reason)
    {
        var messages = new List<string>();
        var golden = "UnsupportedShape/" + name.Replace(' ', '-').ToLowerInvariant();
        var test = new WorkloadGeneratorTest(Declare(body, members)).ExpectGolden(WebFile, golden);
        test.ExpectedDiagnostics.Add(new DiagnosticResult("SM0001", DiagnosticSeverity.Info).WithLocation(0));
        test.DiagnosticVerifier = (actual, _, _) => messages.Add(actual.GetMessage());
        await test.RunAsync();
        var message = Assert.Single(messages.Distinct());
        Assert.Contains(reason, message, StringComparison.Ordinal);
        Assert.EndsWith("this declaration is evaluated when you build instead", message, StringComparison.Ordinal);

        var source = GoldenFiles.Read(golden);
        Assert.Contains("\"StatefulManifests.Fallback:Demo.Manifests.Web\"", source, StringComparison.Ordinal);
        Assert.DoesNotContain("StatefulManifests.Yaml:", source, StringComparison.Ordinal);
        Assert.Contains("static partial class WebManifest", source, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_fallback_companion_computes_its_members_by_running_the_declaration()
    {
        var test = new WorkloadGeneratorTest(Declare(
            """Workload.StatefulSet("web").Replicas(3).PodAnnotations(("host", {|SM0001:System.Environment.MachineName|}))""" + Tail));
        using var project = await GenerateAsync(test);
        var expected = Workload.StatefulSet("web").Replicas(3).PodAnnotations(("host", Environment.MachineName))
            .Container("app", c => c.Image("app:1"));
        Assert.Equal(expected.Render(), project.Property(WebClass, "Yaml"));
        Assert.Equal("web", project.Property(WebClass, "Name"));
        Assert.Equal(3, project.Property(WebClass, "Replicas"));
        Assert.Equal("web-2", project.Call(WebClass, "PodName", 2));
    }

    [Fact]
    public Task Every_node_the_compiler_must_not_run_is_reported_at_once() =>
        new WorkloadGeneratorTest(Declare(
            """Workload.StatefulSet({|SM0001:System.Environment.MachineName|}).PodAnnotations(("t", {|SM0001:System.DateTime.UtcNow|}.Ticks.ToString())).Container("app", c => c.Image({|SM0001:System.IO.File.ReadAllText("image.txt")|}))"""))
            .ExpectGolden(WebFile, "UnsupportedShape/every-node")
            .RunAsync();

    [Fact]
    public Task Problem_inside_a_shared_member_is_reported_in_that_member()
    {
        const string shared = """
            using StatefulManifests;
            namespace Demo;
            public static class Shared
            {
                public static StatefulSetBuilder Base => Workload.StatefulSet({|SM0001:System.Environment.MachineName|});
            }
            """;
        return new WorkloadGeneratorTest(("Shared.cs", shared), ("Workloads.cs", Declare("Shared.Base" + Tail)))
            .ExpectGolden(WebFile, "UnsupportedShape/shared-member")
            .RunAsync();
    }

    [Fact]
    public async Task Members_that_refer_to_each_other_forever_are_reported_not_followed()
    {
        var messages = new List<string>();
        var test = new WorkloadGeneratorTest("""
            using StatefulManifests;
            namespace Demo;
            public static partial class Manifests
            {
                static StatefulSetBuilder A => {|SM0001:B|}.Replicas(1);
                static StatefulSetBuilder B => A.Replicas(2);

                [StatefulWorkload]
                public static StatefulSetBuilder Web => A;
            }
            """).ExpectGolden(WebFile, "UnsupportedShape/recursion");
        test.DiagnosticVerifier = (actual, _, _) => messages.Add(actual.GetMessage());
        await test.RunAsync();
        Assert.NotEmpty(messages);
        Assert.All(messages, m => Assert.Contains("recurses more than", m, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Pathological_nesting_hits_the_budget_with_a_clear_message()
    {
        var messages = new List<string>();
        // 300 calls deep; the finding is on the call the budget stops at, 102 calls in (two levels per call, 200 in all above it).
        static string Calls(int count) => string.Concat(Enumerable.Repeat(".Replicas(1)", count));
        var test = new WorkloadGeneratorTest(Declare("{|SM0001:Workload.StatefulSet(\"web\")" + Calls(102) + "|}" + Calls(198) + Tail)).ExpectGolden(WebFile, "UnsupportedShape/nesting");
        test.DiagnosticVerifier = (actual, _, _) => messages.Add(actual.GetMessage());
        await test.RunAsync();
        Assert.NotEmpty(messages);
        Assert.All(messages, m => Assert.Contains("nests more than 200 levels deep", m, StringComparison.Ordinal));
        Assert.DoesNotContain("StatefulManifests.Yaml:", GoldenFiles.Read("UnsupportedShape/nesting"), StringComparison.Ordinal);
    }

    [Fact]
    public Task A_member_that_is_not_a_builder_is_reported_on_its_type() =>
        // No generated file: the harness fails on any source the generator adds.
        new WorkloadGeneratorTest("""
            using StatefulManifests;
            namespace Demo;
            public static partial class Manifests
            {
                [StatefulWorkload]
                public static {|#0:string|} Web => "web";
            }
            """) { ExpectedDiagnostics = { new DiagnosticResult("SM0006", DiagnosticSeverity.Error).WithLocation(0) } }.RunAsync();

    [Fact]
    public async Task A_non_partial_type_gets_a_warning_and_still_the_yaml_metadata()
    {
        await new WorkloadGeneratorTest("""
            using StatefulManifests;
            namespace Demo;
            public static class {|SM0005:Manifests|}
            {
                [StatefulWorkload]
                public static StatefulSetBuilder Web => Workload.StatefulSet("web").Container("app", c => c.Image("app:1"));
            }
            """).ExpectGolden(WebFile, "UnsupportedShape/non-partial").RunAsync();
        Assert.Contains(
            "[assembly: global::System.Reflection.AssemblyMetadata(\"StatefulManifests.Yaml:web.yaml\", \"apiVersion: v1",
            GoldenFiles.Read("UnsupportedShape/non-partial"),
            StringComparison.Ordinal);
    }
}
