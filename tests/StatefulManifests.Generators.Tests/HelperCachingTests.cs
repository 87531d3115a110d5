using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using StatefulManifests.Generators.Models;
using StatefulManifests.Generators.Pipeline;
using StatefulManifests.Generators.Tests.Support;

namespace StatefulManifests.Generators.Tests;

/// <summary>
/// Incrementality through helpers, observed with step tracking: an edit inside a shared helper re-evaluates exactly
/// the declarations that reach it (directly or through another helper), an edit to a const re-evaluates exactly the
/// declarations that read it, and an unrelated edit re-evaluates nothing. Each edit also shows up in the YAML.
/// </summary>
public sealed class HelperCachingTests
{
    // Alpha and Beta call Hardened directly; Delta calls Sized, which calls Hardened; Gamma calls no helper but
    // reads a const. Each lives in its own file, as do the helpers and the const.
    private const string Alpha = "Alpha";
    private const string Beta = "Beta";
    private const string Gamma = "Gamma";
    private const string Delta = "Delta";

    private static string Conventions(int user = 999, string memory = "256Mi") => $$"""
        using StatefulManifests;
        namespace Demo;
        public static class Conventions
        {
            public static ContainerBuilder Hardened(this ContainerBuilder c) =>
                c.SecurityContext(s => s.RunAsNonRoot().RunAsUser({{user}}).ReadOnlyRootFilesystem());

            public static ContainerBuilder Sized(this ContainerBuilder c)
            {
                var hardened = c.Hardened();
                return hardened.Requests(memory: "{{memory}}").Limits(memory: "{{memory}}");
            }
        }
        """;

    private static string Images(string tag = "7.2") =>
        "namespace Demo; public static class Images { public const string Registry = \"registry.example.com\"; public const string CacheTag = \"" + tag + "\"; }";

    private static string Declaration(string name, string container) => $$"""
        using StatefulManifests;
        namespace Demo;
        public static partial class {{name}}Manifests
        {
            [StatefulWorkload]
            public static StatefulSetBuilder {{name}} => Workload.StatefulSet("{{name.ToLowerInvariant()}}")
                .Container("app", c => {{container}});
        }
        """;

    private static CSharpCompilation Project() => DriverCompilation.Create(
        ("Conventions.cs", Conventions()),
        ("Images.cs", Images()),
        ("Alpha.cs", Declaration(Alpha, "c.Image(Images.Registry + \"/alpha:1\").Hardened()")),
        ("Beta.cs", Declaration(Beta, "c.Image(\"beta:1\").Port(\"http\", 8080).Hardened()")),
        ("Gamma.cs", Declaration(Gamma, "c.Image(\"redis:\" + Images.CacheTag)")),
        ("Delta.cs", Declaration(Delta, "c.Image(\"delta:1\").Sized()")),
        ("Other.cs", "namespace Demo; public static class Other { public static int Value => 1; }"));

    private static (GeneratorRun First, GeneratorRun Second) RunEdited(string path, string text)
    {
        var compilation = Project();
        var first = GeneratorRun.Run(compilation);
        Assert.Empty(first.Diagnostics);
        Assert.Equal(4, first.Sources.Count);
        Assert.All(Specs(first), o => Assert.Null(((DeclarationSpec)o.Value).NotEvaluable));
        return (first, GeneratorRun.Continue(first.Driver, DriverCompilation.Edit(compilation, path, text)));
    }

    private static List<(object Value, IncrementalStepRunReason Reason)> Specs(GeneratorRun run) =>
        [.. run.Result.TrackedSteps[TrackingNames.Specs].SelectMany(s => s.Outputs)];

    /// <summary>The declarations whose evaluation ran again (Specs output Modified or New), by member name.</summary>
    private static string[] ReEvaluated(GeneratorRun run) =>
        [.. Specs(run).Where(o => o.Reason is not IncrementalStepRunReason.Cached and not IncrementalStepRunReason.Unchanged)
            .Select(o => ((DeclarationSpec)o.Value).Declaration.MemberName).Order(StringComparer.Ordinal)];

    /// <summary>The declarations whose evaluation was skipped: Specs output Cached (the DSL did not run).</summary>
    private static string[] Skipped(GeneratorRun run) =>
        [.. Specs(run).Where(o => o.Reason is IncrementalStepRunReason.Cached).Select(o => ((DeclarationSpec)o.Value).Declaration.MemberName).Order(StringComparer.Ordinal)];

    private static string Yaml(GeneratorRun run, string name) =>
        Assert.Single(Specs(run).Select(o => (DeclarationSpec)o.Value).Single(s => s.Declaration.MemberName == name).Workloads).Yaml;

    /// <summary>The generated files whose text changed between the runs, by declaration.</summary>
    private static string[] ChangedSources(GeneratorRun first, GeneratorRun second) =>
        [.. second.Sources.Where(s => first.Sources[s.Key] != s.Value).Select(s => s.Key.Split('.')[2]).Order(StringComparer.Ordinal)];

    [Fact]
    public void Editing_a_helper_body_re_evaluates_exactly_the_declarations_that_reach_it()
    {
        var (first, second) = RunEdited("Conventions.cs", Conventions(user: 1001));

        // Alpha and Beta call Hardened; Delta reaches it through Sized. Gamma uses no helper.
        Assert.Equal([Alpha, Beta, Delta], ReEvaluated(second));
        Assert.Equal([Gamma], Skipped(second));
        Assert.All(new[] { Alpha, Beta, Delta }, name =>
        {
            Assert.Contains("runAsUser: 1001", Yaml(second, name), StringComparison.Ordinal);
            Assert.DoesNotContain("runAsUser: 999", Yaml(second, name), StringComparison.Ordinal);
        });
        Assert.Equal(Yaml(first, Gamma), Yaml(second, Gamma));
        Assert.Equal([Alpha, Beta, Delta], ChangedSources(first, second));
    }

    [Fact]
    public void Editing_a_helper_that_calls_another_re_evaluates_only_its_own_users()
    {
        var (first, second) = RunEdited("Conventions.cs", Conventions(memory: "512Mi"));

        // Only Sized changed; Alpha and Beta call Hardened alone, which is unchanged.
        Assert.Equal([Delta], ReEvaluated(second));
        Assert.Equal([Alpha, Beta, Gamma], Skipped(second));
        Assert.Contains("memory: 512Mi", Yaml(second, Delta), StringComparison.Ordinal);
        Assert.DoesNotContain("256Mi", Yaml(second, Delta), StringComparison.Ordinal);
        Assert.Equal([Delta], ChangedSources(first, second));
    }

    [Fact]
    public void Editing_a_const_re_evaluates_only_the_declaration_that_reads_it()
    {
        var (first, second) = RunEdited("Images.cs", Images(tag: "7.4"));

        // A const edit changes the compilation's declaration shapes, so every plan is lowered again — but only
        // Gamma's plan differs, so only Gamma is evaluated again. Alpha reads another const of the same class.
        Assert.Equal([Gamma], ReEvaluated(second));
        Assert.Equal([Alpha, Beta, Delta], Skipped(second));
        Assert.Contains("image: redis:7.4", Yaml(second, Gamma), StringComparison.Ordinal);
        Assert.Equal([Gamma], ChangedSources(first, second));
    }

    [Fact]
    public void An_unrelated_edit_re_evaluates_nothing_and_regenerates_nothing()
    {
        var (first, second) = RunEdited("Other.cs", "namespace Demo; public static class Other { public static int Value => 2; }");

        Assert.Empty(ReEvaluated(second));
        Assert.Equal([Alpha, Beta, Delta, Gamma], Skipped(second));
        Assert.All(second.Result.TrackedOutputSteps.SelectMany(s => s.Value).SelectMany(s => s.Outputs), o =>
            Assert.True(o.Reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged, "output: " + o.Reason));
        Assert.Equal(first.Sources, second.Sources);
    }

    [Fact]
    public void Adding_an_unused_helper_beside_the_used_ones_re_evaluates_nothing()
    {
        // The helpers' file changes (and its declaration shape, with a new member), but no plan does.
        var extended = Conventions().TrimEnd().TrimEnd('}') + "    public static ContainerBuilder Unused(this ContainerBuilder c) => c.Image(\"unused:1\");\n}\n";
        var (first, second) = RunEdited("Conventions.cs", extended);

        Assert.Empty(ReEvaluated(second));
        Assert.Equal(first.Sources, second.Sources);
    }
}
