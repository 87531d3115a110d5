namespace StatefulManifests.EndToEnd.Tests.Support;

/// <summary>A brand-new console project in a temporary folder that uses StatefulManifests through its package.</summary>
public sealed class ConsumerProject
{
    private ConsumerProject(string directory) => Directory = directory;

    /// <summary>The project folder.</summary>
    public string Directory { get; }

    /// <summary>Where the build writes the YAML by default.</summary>
    public string ManifestsDirectory => Path.Combine(Directory, "bin", "Debug", "net10.0", "manifests");

    /// <summary>
    /// Creates the project: csproj with one PackageReference, nuget.config adding the local feed, and Program.cs;
    /// <paramref name="properties"/> is MSBuild XML added to the project's PropertyGroup. A <paramref name="strict"/>
    /// project treats warnings as errors and lowers the catalogue's advice (these projects test the build step); a
    /// plain one is what <c>dotnet new console</c> makes.
    /// </summary>
    public static ConsumerProject Create(PackageFixture package, string name, string program, string properties = "", bool strict = true)
    {
        var directory = Path.Combine(package.Root, name);
        System.IO.Directory.CreateDirectory(directory);
        File.WriteAllText(Path.Combine(directory, "nuget.config"), $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <add key="statefulmanifests-local" value="{package.Feed}" />
              </packageSources>
            </configuration>
            """);
        File.WriteAllText(Path.Combine(directory, name + ".csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <OutputType>Exe</OutputType>
                <TargetFramework>net10.0</TargetFramework>
                <Nullable>enable</Nullable>
                <ImplicitUsings>enable</ImplicitUsings>
                <TreatWarningsAsErrors>{(strict ? "true" : "false")}</TreatWarningsAsErrors>
                <RestorePackagesPath>{Path.Combine(package.Root, "packages")}</RestorePackagesPath>
                {properties}
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="StatefulManifests" Version="{package.Version}" />
              </ItemGroup>
            </Project>
            """);
        // These projects test packaging and the build step, not lint advice: the catalogue's reliability, security
        // and best-practice warnings are lowered by category (errors such as SM1xxx still stop the build).
        File.WriteAllText(Path.Combine(directory, ".editorconfig"), !strict ? "root = true\n" : """
            root = true
            [*.cs]
            dotnet_analyzer_diagnostic.category-StatefulManifests.Reliability.severity = suggestion
            dotnet_analyzer_diagnostic.category-StatefulManifests.Security.severity = suggestion
            dotnet_analyzer_diagnostic.category-StatefulManifests.BestPractice.severity = suggestion
            """);
        var project = new ConsumerProject(directory);
        project.WriteProgram(program);
        return project;
    }

    /// <summary>Replaces Program.cs.</summary>
    public void WriteProgram(string program) => File.WriteAllText(Path.Combine(Directory, "Program.cs"), program);

    /// <summary>Runs <c>dotnet build</c>.</summary>
    public DotNet.Result Build() => DotNet.Run(Directory, "build", "--disable-build-servers");

    /// <summary>Runs the built program.</summary>
    public DotNet.Result RunApp(params string[] arguments) =>
        DotNet.Run(Directory, new[] { Path.Combine("bin", "Debug", "net10.0", Path.GetFileName(Directory) + ".dll") }.Concat(arguments).ToArray());
}
