using StatefulManifests.Tests.Support;

namespace StatefulManifests.EndToEnd.Tests.Support;

/// <summary>
/// A fresh project in a folder that uses the generator the way samples inside the repository do: it imports
/// <c>src/Generators/build/StatefulManifests.InRepo.targets</c> (project references instead of the package).
/// </summary>
public static class InRepoProject
{
    /// <summary>Writes <c>Sample.csproj</c> and an <c>.editorconfig</c> that lowers the lint categories to suggestions.</summary>
    /// <param name="root">The project folder.</param>
    /// <param name="outputType"><c>Exe</c> or <c>Library</c>.</param>
    /// <param name="treatWarningsAsErrors">Whether the project treats warnings as errors.</param>
    public static void Write(string root, string outputType, bool treatWarningsAsErrors)
    {
        var targets = Path.Combine(SharedFiles.RepositoryRoot, "src", "Generators", "build", "StatefulManifests.InRepo.targets");
        File.WriteAllText(Path.Combine(root, "Sample.csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <OutputType>{outputType}</OutputType>
                <TargetFramework>net10.0</TargetFramework>
                <Nullable>enable</Nullable>
                <ImplicitUsings>enable</ImplicitUsings>
                <TreatWarningsAsErrors>{(treatWarningsAsErrors ? "true" : "false")}</TreatWarningsAsErrors>
              </PropertyGroup>
              <Import Project="{targets}" />
            </Project>
            """);

        // These tests are about the wiring, not lint advice: the catalogue's reliability, security and best-practice
        // warnings are lowered by category, as a team adopting the analyzers gradually would do.
        File.WriteAllText(Path.Combine(root, ".editorconfig"), """
            root = true
            [*.cs]
            dotnet_analyzer_diagnostic.category-StatefulManifests.Reliability.severity = suggestion
            dotnet_analyzer_diagnostic.category-StatefulManifests.Security.severity = suggestion
            dotnet_analyzer_diagnostic.category-StatefulManifests.BestPractice.severity = suggestion
            """);
    }
}
