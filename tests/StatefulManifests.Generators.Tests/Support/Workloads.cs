namespace StatefulManifests.Generators.Tests.Support;

/// <summary>Compiles workload declarations through the generator and reads back what it produced.</summary>
public static class Workloads
{
    /// <summary>The reflection name of the class generated for <c>Demo.Manifests.Web</c>.</summary>
    public const string WebClass = "Demo.Manifests+WebManifest";

    /// <summary>The generated file's name (hint name) for <c>Demo.Manifests.Web</c>.</summary>
    public const string WebFile = "Demo.Manifests.Web.StatefulWorkload.g.cs";

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

    /// <summary>
    /// Generates, asserts that nothing is reported (no analyzer or generator diagnostic, no compiler error in the
    /// user's or the generated code), and returns the loaded project.
    /// </summary>
    public static Task<LoadedProject> GenerateAsync(params (string Path, string Text)[] sources) => GenerateAsync(new WorkloadGeneratorTest(sources));

    /// <summary>Like <see cref="GenerateAsync(ValueTuple{string, string}[])"/> for one file, <c>Workloads.cs</c>.</summary>
    public static Task<LoadedProject> GenerateAsync(string source) => GenerateAsync(("Workloads.cs", source));

    /// <summary>
    /// Runs <paramref name="test"/> (its expected diagnostics, none unless it adds some) and returns the loaded
    /// project. What is generated is checked by calling it, so the text of the generated files is not compared.
    /// </summary>
    public static async Task<LoadedProject> GenerateAsync(WorkloadGeneratorTest test)
    {
        test.TestBehaviors |= Microsoft.CodeAnalysis.Testing.TestBehaviors.SkipGeneratedSourcesCheck;
        return LoadedProject.Load(await test.CompileAsync());
    }

    /// <summary>The generated <c>Yaml</c> constant of <see cref="WebClass"/>.</summary>
    public static async Task<string> GeneratedYamlAsync(params (string Path, string Text)[] sources)
    {
        using var project = await GenerateAsync(sources);
        return (string)project.Constant(WebClass, "Yaml")!;
    }

    /// <summary>The generated YAML of a single-file declaration.</summary>
    public static Task<string> GeneratedYamlAsync(string source) => GeneratedYamlAsync(("Workloads.cs", source));
}
