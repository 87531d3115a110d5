using StatefulManifests.EndToEnd.Tests.Support;
using Xunit.Abstractions;

namespace StatefulManifests.EndToEnd.Tests;

/// <summary>
/// <c>stateful render PROJECT</c> on a fresh project whose own build writes no YAML
/// (<c>StatefulManifestsWriteYaml=false</c>): the tool builds it, finds its assembly through MSBuild and writes the
/// manifests the generator embedded.
/// </summary>
[Collection(PackageCollection.Name)]
public sealed class CliRenderEndToEndTests(PackageFixture package, ITestOutputHelper output)
{
    private const string Program = """
        using StatefulManifests;
        Console.WriteLine(Manifests.WebManifest.PodName(0));

        public static partial class Manifests
        {
            [StatefulWorkload]
            public static StatefulSetBuilder Web => Workload.StatefulSet("web")
                .SelectorLabels(("app", "web"))
                .Replicas(2)
                .Container("web", c => c.Image("registry.example.com/web:1.4.2"));
        }
        """;

    [Fact]
    public void Render_builds_a_project_folder_and_writes_its_manifests()
    {
        Assert.True(File.Exists(package.Package), package.PackOutput);
        var project = ConsumerProject.Create(package, "RenderedByTheTool", Program, "<StatefulManifestsWriteYaml>false</StatefulManifestsWriteYaml>", strict: false);
        var target = Path.Combine(project.Directory, "deploy");
        var tool = Path.Combine(AppContext.BaseDirectory, "StatefulManifests.Cli.dll");

        var render = DotNet.Run(project.Directory, tool, "render", project.Directory, "-o", target);
        output.WriteLine(render.Output);
        render.AssertSucceeded("render builds the project and writes its manifests");
        Assert.False(Directory.Exists(project.ManifestsDirectory), "the project's own build writes no YAML here");
        var yaml = File.ReadAllText(Path.Combine(target, "web.yaml"));
        Assert.Contains("kind: StatefulSet", yaml, StringComparison.Ordinal);
        Assert.Contains("image: registry.example.com/web:1.4.2", yaml, StringComparison.Ordinal);

        // Rendering again without building reads the same assembly and writes the same bytes.
        var again = DotNet.Run(project.Directory, tool, "render", Path.Combine(project.Directory, "RenderedByTheTool.csproj"), "--no-build", "-o", target);
        again.AssertSucceeded("render --no-build of the .csproj");
        Assert.Equal(yaml, File.ReadAllText(Path.Combine(target, "web.yaml")));
    }
}
