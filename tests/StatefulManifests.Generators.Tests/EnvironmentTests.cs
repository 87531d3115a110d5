using StatefulManifests.Generators.Tests.Support;

namespace StatefulManifests.Generators.Tests;

/// <summary>
/// A declaration with an environment parameter is evaluated once per environment the project lists
/// (<c>StatefulManifestsEnvironmentList</c>, as the package's targets hand it to the compiler), each in its own
/// nested class of the companion, with each environment's manifest under its folder.
/// </summary>
public sealed class EnvironmentTests
{
    private const string Source = """
        using StatefulManifests;

        namespace Demo;

        public static partial class Manifests
        {
            [StatefulWorkload]
            public static StatefulSetBuilder Web(string environment) => Workload.StatefulSet("web")
                .Replicas(environment == "prod" ? 3 : 1)
                .Container("app", c => c.Image("app:1"));
        }
        """;

    private static WorkloadGeneratorTest Test() => new(Source) { BuildProperties = { ["StatefulManifestsEnvironmentList"] = "dev,prod" } };

    [Fact]
    public async Task Each_listed_environment_gets_its_own_evaluation_and_folder()
    {
        await Test().ExpectGolden("Demo.Manifests.Web.StatefulWorkload.g.cs", "Environments").RunAsync();
        var source = GoldenFiles.Read("Environments");
        Assert.Contains("\"StatefulManifests.Yaml:dev/web.yaml\"", source, StringComparison.Ordinal);
        Assert.Contains("\"StatefulManifests.Yaml:prod/web.yaml\"", source, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_nested_classes_hold_each_environments_workload()
    {
        using var project = await Workloads.GenerateAsync(Test());
        Assert.Equal(1, project.Constant(Workloads.WebClass + "+Dev", "Replicas"));
        Assert.Equal(3, project.Constant(Workloads.WebClass + "+Prod", "Replicas"));
    }
}
