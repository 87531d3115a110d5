using System.Collections;
using System.Reflection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using StatefulManifests.Generators.Pipeline;
using StatefulManifests.Generators.Tests.Support;

namespace StatefulManifests.Generators.Tests;

/// <summary>
/// Incrementality, observed with step tracking: an unrelated edit re-runs nothing after the transform, editing one
/// workload re-evaluates only that workload, and no cached model holds a symbol, syntax node, location or compilation.
/// </summary>
public sealed class CachingTests
{
    private static readonly string[] Steps = [TrackingNames.Declarations, TrackingNames.Specs, TrackingNames.Options];

    private static string Workload(string name, int replicas) => $$"""
        using StatefulManifests;
        namespace Demo;
        public static partial class {{name}}Manifests
        {
            [StatefulWorkload]
            public static StatefulSetBuilder {{name}} => Workload.StatefulSet("{{name.ToLowerInvariant()}}")
                .Replicas({{replicas}})
                .Container("app", c => c.Image("app:1").Port("http", 8080));
        }
        """;

    private static CSharpCompilation ThreeWorkloads() => DriverCompilation.Create(
        ("A.cs", Workload("Alpha", 1)),
        ("B.cs", Workload("Beta", 2)),
        ("C.cs", Workload("Gamma", 3)),
        ("Other.cs", "namespace Demo; public static class Other { public static int Value => 1; }"));

    [Fact]
    public void Unrelated_edit_leaves_every_step_and_output_cached_or_unchanged()
    {
        var compilation = ThreeWorkloads();
        var first = GeneratorRun.Run(compilation);
        Assert.Equal(3, first.Sources.Count);

        var edited = DriverCompilation.Edit(compilation, "Other.cs", "namespace Demo; public static class Other { public static int Value => 2; public static int More => 3; }");
        var second = GeneratorRun.Continue(first.Driver, edited);

        foreach (var step in Steps)
        {
            Assert.All(second.Result.TrackedSteps[step].SelectMany(s => s.Outputs), o =>
                Assert.True(o.Reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged, step + ": " + o.Reason));
        }

        Assert.All(second.Result.TrackedOutputSteps.SelectMany(s => s.Value).SelectMany(s => s.Outputs), o =>
            Assert.True(o.Reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged, "output: " + o.Reason));

        // Evaluation (the DSL run) did not happen again: every Specs output is Cached, not merely Unchanged.
        Assert.All(second.Result.TrackedSteps[TrackingNames.Specs].SelectMany(s => s.Outputs), o => Assert.Equal(IncrementalStepRunReason.Cached, o.Reason));
        Assert.Equal(first.Sources, second.Sources);
    }

    [Fact]
    public void Editing_one_workload_regenerates_only_that_workload()
    {
        var compilation = ThreeWorkloads();
        var first = GeneratorRun.Run(compilation);
        var second = GeneratorRun.Continue(first.Driver, DriverCompilation.Edit(compilation, "B.cs", Workload("Beta", 5)));

        var specs = second.Result.TrackedSteps[TrackingNames.Specs].SelectMany(s => s.Outputs).ToList();
        Assert.Equal(1, specs.Count(o => o.Reason == IncrementalStepRunReason.Modified));
        Assert.Equal(2, specs.Count(o => o.Reason == IncrementalStepRunReason.Cached));
        var modified = specs.Single(o => o.Reason == IncrementalStepRunReason.Modified).Value;
        Assert.Contains("replicas: 5", Assert.Single(((Models.DeclarationSpec)modified).Workloads).Yaml, StringComparison.Ordinal);

        var changedSources = second.Sources.Where(s => first.Sources[s.Key] != s.Value).Select(s => s.Key).ToList();
        Assert.Equal(["Demo.BetaManifests.Beta.StatefulWorkload.g.cs"], changedSources);
    }

    [Fact]
    public void Moving_a_workload_down_its_file_does_not_change_the_output()
    {
        var compilation = ThreeWorkloads();
        var first = GeneratorRun.Run(compilation);
        var second = GeneratorRun.Continue(first.Driver, DriverCompilation.Edit(compilation, "A.cs", "// a comment line\n\n" + Workload("Alpha", 1)));
        Assert.All(second.Result.TrackedOutputSteps.SelectMany(s => s.Value).SelectMany(s => s.Outputs), o =>
            Assert.True(o.Reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged, "output: " + o.Reason));
    }

    [Fact]
    public void Cached_models_hold_no_symbols_syntax_locations_or_compilations()
    {
        var compilation = ThreeWorkloads();
        var run = GeneratorRun.Run(compilation);
        run = GeneratorRun.Continue(run.Driver, DriverCompilation.Edit(compilation, "Other.cs", "namespace Demo; class X { }"));
        var visited = new HashSet<object>(ReferenceEqualityComparer.Instance);
        var checkedValues = 0;
        foreach (var step in Steps)
        {
            foreach (var output in run.Result.TrackedSteps[step].SelectMany(s => s.Outputs))
            {
                Walk(output.Value, step, visited);
                checkedValues++;
            }
        }

        Assert.True(checkedValues >= 7, "expected the tracked steps to have outputs");
    }

    private static void Walk(object? value, string path, HashSet<object> visited)
    {
        if (value is null || value is string || value.GetType().IsPrimitive || value is Enum || !visited.Add(value))
        {
            return;
        }

        Assert.False(
            value is ISymbol or SyntaxNode or SyntaxTree or Location or Compilation or SemanticModel or IOperation,
            path + " holds a " + value.GetType().Name);
        if (value is IEnumerable sequence)
        {
            var i = 0;
            foreach (var item in sequence)
            {
                Walk(item, path + "[" + i++ + "]", visited);
            }
        }

        for (var type = value.GetType(); type is not null && type != typeof(object); type = type.BaseType)
        {
            foreach (var field in type.GetFields(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly))
            {
                Walk(field.GetValue(value), path + "." + field.Name, visited);
            }
        }
    }
}
