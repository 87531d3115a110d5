using StatefulManifests.EndToEnd.Tests.Support;

namespace StatefulManifests.EndToEnd.Tests;

/// <summary>
/// The wiring samples use inside the repository (<c>src/Generators/build/StatefulManifests.InRepo.targets</c>,
/// project references instead of the package): a project importing it gets the generated class and YAML on disk.
/// </summary>
public sealed class InRepositoryWiringTests : IDisposable
{
    private readonly string root = Directory.CreateTempSubdirectory("statefulmanifests-inrepo-").FullName;

    [Fact]
    public void A_project_importing_the_in_repo_targets_writes_its_workloads_yaml()
    {
        InRepoProject.Write(root, "Exe", treatWarningsAsErrors: true);
        File.WriteAllText(Path.Combine(root, "Program.cs"), """
            using StatefulManifests;
            Console.WriteLine(Manifests.KafkaManifest.PodFqdn(0));
            public static partial class Manifests
            {
                [StatefulWorkload]
                public static StatefulSetBuilder Kafka => Workload.StatefulSet("kafka").Namespace("data").Replicas(3)
                    .Container("broker", c => c.Image("apache/kafka:3.8.0").Port("broker", 9092));
            }
            """);
        DotNet.Run(root, "build", "--disable-build-servers").AssertSucceeded("in-repo build");
        var yaml = File.ReadAllText(Path.Combine(root, "bin", "Debug", "net10.0", "manifests", "kafka.yaml"));
        Assert.Contains("image: apache/kafka:3.8.0", yaml, StringComparison.Ordinal);
        var run = DotNet.Run(root, Path.Combine("bin", "Debug", "net10.0", "Sample.dll")).AssertSucceeded("run");
        Assert.Contains("kafka-0.kafka.data.svc.cluster.local", run.Output, StringComparison.Ordinal);
    }

    public void Dispose() => Directory.Delete(root, recursive: true);
}
