using Microsoft.CodeAnalysis;

namespace StatefulManifests.Generators.Tests.Support;

/// <summary>Compiles workload declarations through the generator and reads back what it produced.</summary>
public static class Workloads
{
    /// <summary>The reflection name of the class generated for <c>Demo.Manifests.Web</c>.</summary>
    public const string WebClass = "Demo.Manifests+WebManifest";

    /// <summary>A file declaring <c>Demo.Manifests.Web => body</c>, with <paramref name="members"/> beside it.</summary>
    public static string Declare(string body, string members = "") => $$"""
        using StatefulManifests;
        using StatefulManifests.Model;

        namespace Demo;

        public static partial class Manifests
        {
        {{members}}
            [StatefulWorkload]
            public static StatefulSetBuilder Web => {{body}};
        }
        """;

    /// <summary>Generates, asserts the output compiles and the analyzer is silent, and returns the loaded project.</summary>
    public static LoadedProject Generate(Compilation compilation, TestOptions? options = null)
    {
        var analyzer = AnalyzerRun.Diagnostics(compilation);
        Assert.True(analyzer.IsEmpty, "analyzer diagnostics: " + string.Join("\n", analyzer));
        var run = GeneratorRun.Run(compilation, options);
        Assert.Empty(run.Diagnostics);
        Assert.True(run.OutputErrors.Count == 0, string.Join("\n", run.OutputErrors));
        return LoadedProject.Load(run.Output);
    }

    /// <summary>The generated <c>Yaml</c> constant of <see cref="WebClass"/> for one source file.</summary>
    public static string GeneratedYaml(params (string Path, string Text)[] sources)
    {
        using var project = Generate(TestCompilation.Create(sources));
        return (string)project.Constant(WebClass, "Yaml")!;
    }

    /// <summary>The generated YAML of a single-file declaration.</summary>
    public static string GeneratedYaml(string source) => GeneratedYaml(("Workloads.cs", source));
}
