using StatefulManifests.EndToEnd.Tests.Support;
using Xunit.Abstractions;

namespace StatefulManifests.EndToEnd.Tests;

/// <summary>
/// What only a real <c>dotnet build</c> shows: the build step owns only its files across MSBuild's incremental clean
/// and <c>dotnet clean</c>, never replaces a file it did not write (the project's own kustomization), and two
/// projects writing into one folder are an error rather than a fight.
/// </summary>
[Collection(PackageCollection.Name)]
public sealed class BuildStepOwnershipTests(PackageFixture package, ITestOutputHelper output)
{
    private const string TwoWorkloads = """
        using StatefulManifests;

        Console.WriteLine(Manifests.WebManifest.Name);

        public static partial class Manifests
        {
            [StatefulWorkload]
            public static StatefulSetBuilder Web => Workload.StatefulSet("web").Container("web", c => c.Image("nginx:1.27"));

            [StatefulWorkload]
            public static StatefulSetBuilder Cache => Workload.StatefulSet("cache").Container("redis", c => c.Image("redis:7"));
        }
        """;

    [Fact]
    public void A_hand_edited_manifest_survives_incremental_clean_and_dotnet_clean_removes_only_the_builds_files()
    {
        Assert.True(File.Exists(package.Package), package.PackOutput);
        var project = ConsumerProject.Create(package, "OwnApp", TwoWorkloads);
        project.Build().AssertSucceeded("first build");
        var cache = Path.Combine(project.ManifestsDirectory, "cache.yaml");
        File.AppendAllText(cache, "# tuned by hand\n");

        project.WriteProgram(TwoWorkloads.Replace("[StatefulWorkload]\n    public static StatefulSetBuilder Cache", "public static StatefulSetBuilder Cache", StringComparison.Ordinal));
        var removed = project.Build().AssertSucceeded("build without the cache workload");
        output.WriteLine(removed.Output);
        Assert.Contains("warning SMB0003", removed.Output, StringComparison.Ordinal);
        project.Build().AssertSucceeded("one more build (MSBuild's incremental clean runs)");
        Assert.EndsWith("# tuned by hand\n", File.ReadAllText(cache), StringComparison.Ordinal);

        var clean = DotNet.Run(project.Directory, "clean", "--disable-build-servers").AssertSucceeded("dotnet clean");
        output.WriteLine(clean.Output);
        Assert.False(File.Exists(Path.Combine(project.ManifestsDirectory, "web.yaml")));
        Assert.False(File.Exists(Path.Combine(project.ManifestsDirectory, "kustomization.yaml")));
        Assert.True(File.Exists(cache));
    }

    [Fact]
    public void The_projects_own_kustomization_is_never_replaced()
    {
        Assert.True(File.Exists(package.Package), package.PackOutput);
        var project = ConsumerProject.Create(package, "KustomizeApp", TwoWorkloads, "<StatefulManifestsOutputPath>$(MSBuildProjectDirectory)/</StatefulManifestsOutputPath>");
        var own = Path.Combine(project.Directory, "kustomization.yaml");
        File.WriteAllText(own, "resources:\n- base/\n");
        var build = project.Build();
        output.WriteLine(build.Output);
        Assert.NotEqual(0, build.ExitCode);
        Assert.Contains("error SMB0004", build.Output, StringComparison.Ordinal);
        Assert.Contains(own, build.Output, StringComparison.Ordinal);
        Assert.Equal("resources:\n- base/\n", File.ReadAllText(own));
        Assert.True(File.Exists(Path.Combine(project.Directory, "web.yaml")));
    }

    [Fact]
    public void Two_projects_writing_into_one_folder_are_an_error_and_the_first_ones_files_stay()
    {
        Assert.True(File.Exists(package.Package), package.PackOutput);
        var shared = Path.Combine(package.Root, "shared-manifests");
        var property = "<StatefulManifestsOutputPath>" + shared + "/</StatefulManifestsOutputPath>";
        var first = ConsumerProject.Create(package, "FirstApp", TwoWorkloads, property);
        first.Build().AssertSucceeded("first project");
        var kustomization = File.ReadAllText(Path.Combine(shared, "kustomization.yaml"));

        var second = ConsumerProject.Create(package, "SecondApp", TwoWorkloads.Replace("\"web\"", "\"api\"", StringComparison.Ordinal), property);
        var build = second.Build();
        output.WriteLine(build.Output);
        Assert.NotEqual(0, build.ExitCode);
        Assert.Contains("another project write to the same folder?", build.Output, StringComparison.Ordinal);
        Assert.Equal(kustomization, File.ReadAllText(Path.Combine(shared, "kustomization.yaml")));
        Assert.True(File.Exists(Path.Combine(shared, "web.yaml")));
    }
}
