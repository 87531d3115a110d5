using Microsoft.CodeAnalysis.CSharp;
using StatefulManifests.Generators.Tests.Support;

namespace StatefulManifests.Generators.Tests;

/// <summary>
/// The generator reuses a declaration's plan across runs when nothing it depends on changed; these edits must
/// not be missed: a shared member's body in another file, a const in another file, and a new declaration that
/// makes a name bind to something else.
/// </summary>
public sealed class PlanCacheTests
{
    private const string Workload = """
        using StatefulManifests;
        namespace Demo;
        public static partial class Manifests
        {
            [StatefulWorkload]
            public static StatefulSetBuilder Web => Shared.Base.Replicas(Limits.Replicas);
        }
        """;

    private static string SharedFile(string image) => $$"""
        using StatefulManifests;
        namespace Demo;
        public static class Shared
        {
            public static StatefulSetBuilder Base => Workload.StatefulSet("web").Container("app", c => c.Image("{{image}}"));
        }
        """;

    private static string Limits(int replicas) => "namespace Demo; public static class Limits { public const int Replicas = " + replicas + "; }";

    private static (GeneratorRun Run, CSharpCompilation Compilation) First()
    {
        var compilation = DriverCompilation.Create(("Workloads.cs", Workload), ("Shared.cs", SharedFile("app:1")), ("Limits.cs", Limits(2)), ("Other.cs", "namespace Demo; class Other { }"));
        var run = GeneratorRun.Run(compilation);
        Assert.Contains("replicas: 2", Yaml(run), StringComparison.Ordinal);
        return (run, compilation);
    }

    private static string Yaml(GeneratorRun run) => Assert.Single(run.Sources).Value;

    [Fact]
    public void A_changed_shared_member_in_another_file_is_re_evaluated()
    {
        var (run, compilation) = First();
        var next = GeneratorRun.Continue(run.Driver, DriverCompilation.Edit(compilation, "Shared.cs", SharedFile("app:2")));
        Assert.Contains("image: app:2", Yaml(next), StringComparison.Ordinal);
    }

    [Fact]
    public void A_changed_const_in_another_file_is_re_evaluated()
    {
        var (run, compilation) = First();
        var next = GeneratorRun.Continue(run.Driver, DriverCompilation.Edit(compilation, "Limits.cs", Limits(7)));
        Assert.Contains("replicas: 7", Yaml(next), StringComparison.Ordinal);
    }

    [Fact]
    public void A_new_declaration_that_changes_what_a_name_means_is_noticed()
    {
        // Workloads.cs does not change, nor any file the plan used: only the meaning of "Workload" does.
        var direct = "using StatefulManifests;\nnamespace Demo;\npublic static partial class Manifests\n{\n    [StatefulWorkload]\n    public static StatefulSetBuilder Web => Workload.StatefulSet(\"web\").Container(\"c\", c => c.Image(\"i\"));\n}\n";
        var compilation = DriverCompilation.Create(("Workloads.cs", direct), ("Other.cs", "namespace Demo; class Other { }"));
        var run = GeneratorRun.Run(compilation);
        Assert.Contains("name: web", Yaml(run), StringComparison.Ordinal);

        var shadow = "namespace Demo; public static class Workload { public static StatefulManifests.StatefulSetBuilder StatefulSet(string name) => StatefulManifests.Workload.StatefulSet(name + \"-shadow\"); }";
        var next = GeneratorRun.Continue(run.Driver, DriverCompilation.Edit(compilation, "Other.cs", shadow));

        // The name now binds to the project's own helper, which is evaluated in its turn.
        Assert.Contains("name: web-shadow", Yaml(next), StringComparison.Ordinal);
    }

    [Fact]
    public void Editing_a_body_elsewhere_reuses_the_plans()
    {
        var (run, compilation) = First();
        var next = GeneratorRun.Continue(run.Driver, DriverCompilation.Edit(compilation, "Other.cs", "namespace Demo; class Other { int M() => 42; }"));
        Assert.All(next.Result.TrackedSteps["Specs"].SelectMany(s => s.Outputs), o => Assert.Equal(Microsoft.CodeAnalysis.IncrementalStepRunReason.Cached, o.Reason));
        Assert.Equal(Yaml(run), Yaml(next));
    }
}
