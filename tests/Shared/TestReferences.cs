using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Testing;

namespace StatefulManifests.RoslynTesting;

/// <summary>
/// What test compilations reference: the .NET 8 reference assemblies from the Basic.Reference.Assemblies.Net80
/// package (restored like any other package, so nothing is downloaded while tests run: the test framework's own
/// <c>ReferenceAssemblies.Net.Net80</c> fetches Microsoft.NETCore.App.Ref through NuGet at run time, which a CI
/// machine that only reaches a package mirror cannot rely on) plus the DSL and YamlDotNet, as a project referencing the
/// package sees them.
/// </summary>
public static class TestReferences
{
    private static readonly Lazy<ImmutableArray<MetadataReference>> LazyAll = new(() =>
    [
        .. Basic.Reference.Assemblies.Net80.References.All,
        MetadataReference.CreateFromFile(typeof(StatefulSetBuilder).Assembly.Location),
        MetadataReference.CreateFromFile(typeof(YamlDotNet.Serialization.ISerializer).Assembly.Location),
    ]);

    /// <summary>The framework reference assemblies, the DSL and YamlDotNet (the package's dependency, so its users reference it too).</summary>
    public static ImmutableArray<MetadataReference> All => LazyAll.Value;

    /// <summary>
    /// For Microsoft.CodeAnalysis.Testing: a target framework with no package to resolve (the references come from
    /// <see cref="All"/> as additional references instead).
    /// </summary>
    public static ReferenceAssemblies None { get; } = new("net8.0");

    /// <summary>
    /// Sets up a Microsoft.CodeAnalysis.Testing test the way our projects compile: <see cref="All"/> as references,
    /// the latest C# and nullable reference types on (the package's users get both from the .NET SDK defaults).
    /// </summary>
    public static void Configure(AnalyzerTest<DefaultVerifier> test)
    {
        test.ReferenceAssemblies = None;
        test.TestState.AdditionalReferences.AddRange(All);
        test.SolutionTransforms.Add((solution, projectId) =>
        {
            var project = solution.GetProject(projectId)!;
            return solution
                .WithProjectParseOptions(projectId, ((CSharpParseOptions)project.ParseOptions!).WithLanguageVersion(LanguageVersion.Latest))
                .WithProjectCompilationOptions(projectId, ((CSharpCompilationOptions)project.CompilationOptions!).WithNullableContextOptions(NullableContextOptions.Enable));
        });
    }
}
