using StatefulManifests.Cli.Tests.Support;
using StatefulManifests.Tests.Support;
using Xunit.Abstractions;

namespace StatefulManifests.Cli.Tests;

/// <summary><c>stateful render</c> writes what the build step writes, from the built assembly alone.</summary>
public sealed class RenderCommandTests(ITestOutputHelper output) : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("statefulmanifests-render-").FullName;

    [Fact]
    public void Rendering_the_samples_assembly_writes_the_files_the_build_wrote()
    {
        var bin = Path.Combine(SharedFiles.RepositoryRoot, "samples", "StatefulManifests.Samples", "bin", "Debug", "net10.0");
        var assembly = Path.Combine(bin, "StatefulManifests.Samples.dll");
        Assert.True(File.Exists(assembly) && Directory.Exists(Path.Combine(bin, "manifests")), "the project reference builds the samples first: " + assembly);

        var target = Path.Combine(folder, "out");
        var (exit, text) = Run("render", assembly, "-o", target);
        Assert.Equal(0, exit);
        var built = Directory.GetFiles(Path.Combine(bin, "manifests")).Select(Path.GetFileName).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(built, Directory.GetFiles(target).Select(Path.GetFileName).Where(n => n != ".statefulmanifests").Order(StringComparer.Ordinal).ToList());
        Assert.All(built, name => Assert.Equal(File.ReadAllBytes(Path.Combine(bin, "manifests", name!)), File.ReadAllBytes(Path.Combine(target, name!))));
        Assert.Contains("manifest(s) in", text, StringComparison.Ordinal);

        // Run again after a hand edit: the edited file is not the tool's any more and is left alone, with an error.
        var web = Path.Combine(target, "web.yaml");
        File.WriteAllText(web, "edited\n");
        var (again, errors) = Run("render", assembly, "-o", target);
        Assert.Equal(1, again);
        Assert.Contains("SMB0004", errors, StringComparison.Ordinal);
        Assert.Equal("edited\n", File.ReadAllText(web));
    }

    [Fact]
    public void The_samples_project_folder_renders_from_its_last_build_like_its_assembly()
    {
        var project = Path.Combine(SharedFiles.RepositoryRoot, "samples", "StatefulManifests.Samples");
        var fromProject = Path.Combine(folder, "from-project");
        var fromAssembly = Path.Combine(folder, "from-assembly");
        Assert.Equal(0, Run("render", project, "--no-build", "-o", fromProject).ExitCode);
        Assert.Equal(0, Run("render", Path.Combine(project, "bin", "Debug", "net10.0", "StatefulManifests.Samples.dll"), "-o", fromAssembly).ExitCode);
        var names = Directory.GetFiles(fromAssembly, "*.yaml").Select(Path.GetFileName).Order(StringComparer.Ordinal).ToList();
        Assert.NotEmpty(names);
        Assert.Equal(names, Directory.GetFiles(fromProject, "*.yaml").Select(Path.GetFileName).Order(StringComparer.Ordinal));
        Assert.All(names, n => Assert.Equal(File.ReadAllText(Path.Combine(fromAssembly, n!)), File.ReadAllText(Path.Combine(fromProject, n!))));
    }

    [Fact]
    public void A_folder_without_a_project_and_an_unbuilt_configuration_are_exit_code_2()
    {
        var (empty, emptyText) = Run("render", folder, "-o", Path.Combine(folder, "out"));
        Assert.Equal(2, empty);
        Assert.Contains("no .csproj in this folder", emptyText, StringComparison.Ordinal);

        var project = Path.Combine(SharedFiles.RepositoryRoot, "samples", "StatefulManifests.Samples");
        var (unbuilt, unbuiltText) = Run("render", project, "--no-build", "-c", "NeverBuilt", "-o", Path.Combine(folder, "out"));
        Assert.Equal(2, unbuilt);
        Assert.Contains("does not exist: build the project first", unbuiltText, StringComparison.Ordinal);
    }

    [Fact]
    public void A_file_that_is_not_an_assembly_is_exit_code_2()
    {
        var notAnAssembly = Path.Combine(folder, "x.dll");
        File.WriteAllText(notAnAssembly, "no");
        Assert.Equal(2, Run("render", notAnAssembly, "-o", Path.Combine(folder, "out")).ExitCode);
    }

    public void Dispose() => Directory.Delete(folder, recursive: true);

    private (int ExitCode, string Output) Run(params string[] arguments)
    {
        var run = Tool.Run(output, arguments);
        return (run.ExitCode, run.Output);
    }
}
