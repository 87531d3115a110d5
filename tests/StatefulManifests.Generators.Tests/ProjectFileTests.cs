using Microsoft.CodeAnalysis;
using StatefulManifests.Generators.Models;
using StatefulManifests.Generators.Pipeline;
using StatefulManifests.Generators.Tests.Support;

namespace StatefulManifests.Generators.Tests;

/// <summary>
/// Project files a declaration reads (<c>ConfigMapBuilder.File</c>) come, at compile time, from the project's
/// <c>AdditionalFiles</c>, keyed by their path relative to <c>ProjectDir</c>: the text lands in the YAML, a file the
/// project does not list is the DSL's error (not an evaluation failure), and an edit to one file re-evaluates only the
/// declarations that read it.
/// </summary>
public sealed class ProjectFileTests
{
    private const string ProjectDir = "/repo/app/";

    private static readonly DriverBuildProperties Properties = new(new Dictionary<string, string> { ["ProjectDir"] = ProjectDir });

    private static string Declaration(string member, string name, string file) => $$"""
        using StatefulManifests;
        namespace Demo;
        public static partial class {{member}}Manifests
        {
            [StatefulWorkload]
            public static StatefulSetBuilder {{member}} => Workload.StatefulSet("{{name}}")
                .Config("config", c => c.File("{{file}}"))
                .Container("app", c => c.Image("app:1").MountConfig(new ConfigRef("config"), "/etc/app"));
        }
        """;

    private const string Plain = """
        using StatefulManifests;
        namespace Demo;
        public static partial class PlainManifests
        {
            [StatefulWorkload]
            public static StatefulSetBuilder Plain => Workload.StatefulSet("plain").Container("app", c => c.Image("app:1"));
        }
        """;

    private static InMemoryAdditionalText File(string relative, string text) => new(ProjectDir + relative, text);

    private static GeneratorRun Run(Compilation compilation, params AdditionalText[] files) =>
        GeneratorRun.Continue(GeneratorRun.CreateDriver(Properties, files), compilation);

    private static DeclarationSpec Spec(GeneratorRun run, string member) =>
        Outputs(run, TrackingNames.Specs).Select(o => (DeclarationSpec)o.Value).Single(s => s.Declaration.MemberName == member);

    private static List<(object Value, IncrementalStepRunReason Reason)> Outputs(GeneratorRun run, string step) =>
        [.. run.Result.TrackedSteps[step].SelectMany(s => s.Outputs)];

    /// <summary>The declarations whose final evaluation ran again (Specs output not Cached), by member name.</summary>
    private static string[] ReEvaluated(GeneratorRun run) =>
        [.. Outputs(run, TrackingNames.Specs).Where(o => o.Reason is not IncrementalStepRunReason.Cached)
            .Select(o => ((DeclarationSpec)o.Value).Declaration.MemberName).Order(StringComparer.Ordinal)];

    [Fact]
    public void A_file_listed_in_AdditionalFiles_is_read_relative_to_the_project_directory()
    {
        var run = Run(DriverCompilation.Create(Declaration("Db", "db", "./config//postgresql.conf")), File("config/postgresql.conf", "shared_buffers = 1GB\n"));

        Assert.Empty(run.Diagnostics);
        var spec = Spec(run, "Db");
        Assert.Null(spec.NotEvaluable);
        var workload = Assert.Single(spec.Workloads);
        Assert.True(workload.IsValid);
        Assert.Contains("postgresql.conf: |\n    shared_buffers = 1GB\n", workload.Yaml, StringComparison.Ordinal);
        Assert.Empty(run.OutputErrors);
    }

    [Fact]
    public void A_file_the_project_does_not_list_is_the_DSL_error_at_the_call_not_an_evaluation_failure()
    {
        // Outside the project directory, a file is not the project's: it is not found either.
        var run = Run(DriverCompilation.Create(Declaration("Db", "db", "config/postgresql.conf")), new InMemoryAdditionalText("/repo/other/config/postgresql.conf", "x"));

        var spec = Spec(run, "Db");
        Assert.Null(spec.NotEvaluable);
        Assert.False(Assert.Single(spec.Workloads).IsValid);
        Assert.Empty(run.OutputErrors);
    }

    [Fact]
    public void Editing_a_file_re_evaluates_only_the_declarations_that_read_it()
    {
        var compilation = DriverCompilation.Create(
            ("Alpha.cs", Declaration("Alpha", "alpha", "config/alpha.conf")),
            ("Beta.cs", Declaration("Beta", "beta", "config/beta.conf")),
            ("Plain.cs", Plain));
        var alpha = File("config/alpha.conf", "a = 1\n");
        var first = Run(compilation, alpha, File("config/beta.conf", "b = 1\n"));
        Assert.All(new[] { "Alpha", "Beta" }, m => Assert.Contains(m == "Alpha" ? "a = 1" : "b = 1", Assert.Single(Spec(first, m).Workloads).Yaml, StringComparison.Ordinal));

        var edited = GeneratorRun.Continue(first.Driver.ReplaceAdditionalText(alpha, File("config/alpha.conf", "a = 2\n")), compilation);

        Assert.Equal(["Alpha"], ReEvaluated(edited));
        Assert.Contains("a = 2", Assert.Single(Spec(edited, "Alpha").Workloads).Yaml, StringComparison.Ordinal);
        Assert.All(Outputs(edited, TrackingNames.Evaluations), o => Assert.Equal(IncrementalStepRunReason.Cached, o.Reason));
        var sources = edited.Sources.Where(s => first.Sources[s.Key] != s.Value).Select(s => s.Key.Split('.')[1]).ToList();
        Assert.Equal(["AlphaManifests"], sources);
    }

    [Fact]
    public void Adding_an_unrelated_file_or_editing_unrelated_code_re_evaluates_nothing()
    {
        var compilation = DriverCompilation.Create(("Alpha.cs", Declaration("Alpha", "alpha", "config/alpha.conf")), ("Plain.cs", Plain), ("Other.cs", "namespace Demo; public static class Other { }"));
        var first = Run(compilation, File("config/alpha.conf", "a = 1\n"));

        var added = GeneratorRun.Continue(first.Driver.AddAdditionalTexts([File("docs/readme.md", "# hi")]), compilation);
        Assert.Empty(ReEvaluated(added));

        var edited = GeneratorRun.Continue(added.Driver, DriverCompilation.Edit(compilation, "Other.cs", "namespace Demo; public static class Other { public static int X => 1; }"));
        Assert.Empty(ReEvaluated(edited));
        Assert.All(Outputs(edited, TrackingNames.Evaluations), o => Assert.Equal(IncrementalStepRunReason.Cached, o.Reason));
    }

    [Fact]
    public void A_declaration_that_reads_no_file_is_evaluated_once()
    {
        var run = Run(DriverCompilation.Create(Plain), File("config/alpha.conf", "a = 1\n"));

        var first = (FirstEvaluation)Assert.Single(Outputs(run, TrackingNames.Evaluations)).Value;
        Assert.Empty(first.FilesRead);
        Assert.Same(first.Spec, Spec(run, "Plain"));
    }

    [Theory]
    [InlineData("/repo/app/config/a.conf", "/repo/app/", "config/a.conf")]
    [InlineData("/repo/app/config/a.conf", "/repo/app", "config/a.conf")]
    [InlineData(@"C:\Repo\App\Config\a.conf", @"c:\repo\app\", "Config/a.conf")]
    [InlineData("/repo/application/a.conf", "/repo/app/", null)]
    [InlineData("/repo/other/a.conf", "/repo/app/", null)]
    [InlineData("/repo/app/config/a.conf", null, null)]
    [InlineData("config/./a.conf", null, "config/a.conf")]
    public void Additional_files_are_keyed_by_their_normalized_path_under_the_project(string file, string? projectDir, string? expected) =>
        Assert.Equal(expected, ProjectFileIndex.RelativePath(file, projectDir));
}
