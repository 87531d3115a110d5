using StatefulManifests.EndToEnd.Tests.Support;
using Xunit.Abstractions;

namespace StatefulManifests.EndToEnd.Tests;

/// <summary>
/// A fresh project that names its cluster in the project file: the package's props hand
/// <c>StatefulManifestsKubernetesVersion</c> and <c>StatefulManifestsFeatureGates</c> to the compiler, and the build
/// checks the declarations for that cluster.
/// </summary>
[Collection(PackageCollection.Name)]
public sealed class TargetClusterEndToEndTests(PackageFixture package, ITestOutputHelper output)
{
    private const string Program = """
        using StatefulManifests;
        using StatefulManifests.Model;
        Console.WriteLine(Manifests.WebManifest.PodName(1));

        public static partial class Manifests
        {
            [StatefulWorkload]
            public static StatefulSetBuilder Web => Workload.StatefulSet("web")
                .SelectorLabels(("app", "web"))
                .Replicas(3)
                .OrdinalsStart(1)
                .Container("web", c => c.Image("registry.example.com/web:1.4.2")
                    .PreStop(h => h.Sleep(5)));
        }
        """;

    [Fact]
    public void Ordinals_on_a_1_30_cluster_with_the_start_ordinal_gate_off_warn_that_the_api_server_drops_them()
    {
        Assert.True(File.Exists(package.Package), package.PackOutput);
        var project = ConsumerProject.Create(package, "TargetOrdinals", Program, """
            <StatefulManifestsKubernetesVersion>1.30</StatefulManifestsKubernetesVersion>
            <StatefulManifestsFeatureGates>StatefulSetStartOrdinal=false</StatefulManifestsFeatureGates>
            """, strict: false);

        var build = project.Build();
        output.WriteLine(build.Output);
        build.AssertSucceeded("a gated-off field is a warning, not an error");
        Assert.Contains(
            "Program.cs(11,10): warning SM1011: spec.ordinals: start ordinal needs the StatefulSetStartOrdinal feature gate, which is off in the target (Kubernetes 1.30 (StatefulSetStartOrdinal=false)); the API server silently drops the field",
            build.Output,
            StringComparison.Ordinal);
        Assert.DoesNotContain("SM1010", build.Output, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(project.ManifestsDirectory, "web.yaml")));
    }

    [Fact]
    public void A_field_a_1_28_cluster_does_not_have_fails_the_build_and_a_bad_version_is_SM1012()
    {
        Assert.True(File.Exists(package.Package), package.PackOutput);
        var project = ConsumerProject.Create(package, "TargetSleep", Program, """
            <StatefulManifestsKubernetesVersion>v1.28</StatefulManifestsKubernetesVersion>
            """);

        var build = project.Build();
        output.WriteLine(build.Output);
        Assert.NotEqual(0, build.ExitCode);
        Assert.Contains(
            "Program.cs(13,29): error SM1010: spec.template.spec.containers[0].lifecycle.preStop.sleep: sleep lifecycle action needs Kubernetes 1.29 or later (the PodLifecycleSleepAction feature gate appeared in 1.29); the target is 1.28",
            build.Output,
            StringComparison.Ordinal);
        Assert.False(Directory.Exists(project.ManifestsDirectory) && Directory.GetFiles(project.ManifestsDirectory, "*.yaml").Length > 0);

        var unsupported = ConsumerProject.Create(package, "TargetUnsupported", Program, """
            <StatefulManifestsKubernetesVersion>1.27</StatefulManifestsKubernetesVersion>
            """);
        var rejected = unsupported.Build();
        output.WriteLine(rejected.Output);
        Assert.NotEqual(0, rejected.ExitCode);
        Assert.Contains("error SM1012: StatefulManifestsKubernetesVersion: Kubernetes 1.27 is not supported; the project models 1.28 to 1.36", rejected.Output, StringComparison.Ordinal);
    }
}
