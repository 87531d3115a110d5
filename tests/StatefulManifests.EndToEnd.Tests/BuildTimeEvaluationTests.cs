using StatefulManifests.EndToEnd.Tests.Support;
using Xunit.Abstractions;

namespace StatefulManifests.EndToEnd.Tests;

/// <summary>
/// Declarations the compiler cannot evaluate (they read a file, an environment variable) still get their YAML: the
/// build runs them (StatefulManifests.Host) and writes exactly what the program renders at run time, reports their
/// validation errors as build errors at the declaration, and survives one that crashes the process. Environments
/// get a folder and a kustomization each, whichever way they were evaluated.
/// </summary>
[Collection(PackageCollection.Name)]
public sealed class BuildTimeEvaluationTests(PackageFixture package, ITestOutputHelper output)
{
    private const string Program = """
        using StatefulManifests;
        using StatefulManifests.Model;

        // Renders every declaration at run time, for comparison with what the build wrote.
        var folder = args[0];
        File.WriteAllText(Path.Combine(folder, "web.yaml"), Manifests.Web.Render());
        File.WriteAllText(Path.Combine(folder, "shards.yaml"), string.Concat(Manifests.Shards().Select(s => s.Render())));
        foreach (var environment in new[] { "dev", "prod" })
        {
            File.WriteAllText(Path.Combine(folder, environment + "-cache.yaml"), Manifests.Cache(environment).Render());
            File.WriteAllText(Path.Combine(folder, environment + "-queue.yaml"), Manifests.Queue(environment).Render());
        }

        Console.WriteLine(Manifests.WebManifest.PodName(1));

        public static partial class Manifests
        {
            // Reads a file: the compiler cannot evaluate it, the build runs it.
            [StatefulWorkload]
            public static StatefulSetBuilder Web => Workload.StatefulSet("web")
                .Replicas(2)
                .Container("web", c => c.Image(File.ReadAllText("image.txt").Trim()).Port("http", 8080));

            // A sequence whose length comes from a file.
            [StatefulWorkload]
            public static IEnumerable<StatefulSetBuilder> Shards() =>
                Enumerable.Range(0, int.Parse(File.ReadAllText("shards.txt").Trim()))
                    .Select(i => Workload.StatefulSet("shard-" + i).Container("db", c => c.Image("postgres:16")));

            // Per environment, evaluated at build.
            [StatefulWorkload]
            public static StatefulSetBuilder Cache(string environment) => Workload.StatefulSet("cache")
                .Replicas(environment == "prod" ? 3 : 1)
                .Container("redis", c => c.Image(File.ReadAllText("image.txt").Trim() + "-" + environment));

            // Per environment, evaluated by the compiler.
            [StatefulWorkload]
            public static StatefulSetBuilder Queue(string environment) => Workload.StatefulSet("queue")
                .Replicas(environment == "prod" ? 5 : 1)
                .Container("mq", c => c.Image("rabbitmq:3"));
        }
        """;

    [Fact]
    public void Declarations_the_compiler_cannot_evaluate_get_the_yaml_the_program_renders()
    {
        Assert.True(File.Exists(package.Package), package.PackOutput);
        var project = ConsumerProject.Create(package, "IoApp", Program, "<StatefulManifestsEnvironments>dev;prod</StatefulManifestsEnvironments>");
        File.WriteAllText(Path.Combine(project.Directory, "image.txt"), "registry.example.com/web:1.2.3\n");
        File.WriteAllText(Path.Combine(project.Directory, "shards.txt"), "2\n");
        var build = project.Build();
        output.WriteLine(build.Output);
        build.AssertSucceeded("build");

        var rendered = Directory.CreateTempSubdirectory("statefulmanifests-rendered-").FullName;
        project.RunApp(rendered).AssertSucceeded("run");
        var manifests = project.ManifestsDirectory;
        foreach (var environment in new[] { "dev", "prod" })
        {
            // An environment-free declaration belongs to every environment.
            Assert.Equal(File.ReadAllText(Path.Combine(rendered, "web.yaml")), File.ReadAllText(Path.Combine(manifests, environment, "web.yaml")));
            Assert.Equal(File.ReadAllText(Path.Combine(rendered, "shards.yaml")),
                File.ReadAllText(Path.Combine(manifests, environment, "shard-0.yaml")) + File.ReadAllText(Path.Combine(manifests, environment, "shard-1.yaml")));
            Assert.Equal(File.ReadAllText(Path.Combine(rendered, environment + "-cache.yaml")), File.ReadAllText(Path.Combine(manifests, environment, "cache.yaml")));
            Assert.Equal(File.ReadAllText(Path.Combine(rendered, environment + "-queue.yaml")), File.ReadAllText(Path.Combine(manifests, environment, "queue.yaml")));
            Assert.EndsWith("resources:\n- cache.yaml\n- queue.yaml\n- shard-0.yaml\n- shard-1.yaml\n- web.yaml\n",
                File.ReadAllText(Path.Combine(manifests, environment, "kustomization.yaml")), StringComparison.Ordinal);
        }

        Assert.Contains("image: registry.example.com/web:1.2.3-prod", File.ReadAllText(Path.Combine(manifests, "prod", "cache.yaml")), StringComparison.Ordinal);
        Assert.Empty(Directory.GetFiles(manifests));

        // Edited input, rebuilt: the build runs the declaration again (nothing is cached past the file it reads).
        File.WriteAllText(Path.Combine(project.Directory, "shards.txt"), "1\n");
        project.Build().AssertSucceeded("rebuild");
        Assert.False(File.Exists(Path.Combine(manifests, "dev", "shard-1.yaml")));
        Assert.True(File.Exists(Path.Combine(manifests, "dev", "shard-0.yaml")));
    }

    [Fact]
    public void Errors_of_a_declaration_run_at_build_are_build_errors_and_a_crash_costs_only_that_declaration()
    {
        Assert.True(File.Exists(package.Package), package.PackOutput);
        var project = ConsumerProject.Create(package, "BadIoApp", """
            using StatefulManifests;
            using StatefulManifests.Model;
            Console.WriteLine(Manifests.DbManifest.PodName(0));

            public static partial class Manifests
            {
                [StatefulWorkload]
                public static StatefulSetBuilder Db => Workload.StatefulSet("db")
                    .Replicas(int.Parse(File.ReadAllText("replicas.txt")))
                    .Container("pg", c => c.Image("postgres:16"));

                [StatefulWorkload]
                public static StatefulSetBuilder Forever => Workload.StatefulSet("forever")
                    .Replicas(Environment.GetEnvironmentVariable("PATH") is null ? 1 : Recurse(0))
                    .Container("x", c => c.Image("busybox:1.36"));

                [StatefulWorkload]
                public static StatefulSetBuilder Missing => Workload.StatefulSet("missing")
                    .Container("x", c => c.Image(File.ReadAllText("does-not-exist.txt")));

                [StatefulWorkload]
                public static StatefulSetBuilder Fine => Workload.StatefulSet("fine")
                    .Container("x", c => c.Image(File.ReadAllText("image.txt").Trim()));

                private static int Recurse(int depth) => Recurse(depth + 1) + 1;
            }
            """);
        File.WriteAllText(Path.Combine(project.Directory, "replicas.txt"), "-1");
        File.WriteAllText(Path.Combine(project.Directory, "image.txt"), "busybox:1.36");
        var build = project.Build();
        output.WriteLine(build.Output);
        Assert.NotEqual(0, build.ExitCode);

        // The validation error, at the Workload.StatefulSet(...) call, one line with the ID and the help link.
        Assert.Matches(@"Program\.cs\(8\): error SM1002: spec\.replicas: Invalid value: -1: must be greater than or equal to 0[^\n]* \(https://github\.com/statefulmanifests/statefulmanifests/blob/main/docs/diagnostics/SM1002\.md\)", build.Output);
        // The exception, where the user's code threw it.
        Assert.Matches(@"Program\.cs\(19\): error SM0007: Manifests\.Missing threw FileNotFoundException: ", build.Output);
        // The crash names the declaration; the others were evaluated without it.
        Assert.Matches(@"error SMB0033: StatefulManifests: evaluating Manifests\.Forever at build crashed the process \(exit code -?\d+: Stack overflow", build.Output);
        Assert.Equal("busybox:1.36", File.ReadAllLines(Path.Combine(project.ManifestsDirectory, "fine.yaml")).Single(l => l.Contains("image:", StringComparison.Ordinal)).Split(": ")[1]);
        Assert.False(File.Exists(Path.Combine(project.ManifestsDirectory, "db.yaml")));
        Assert.False(File.Exists(Path.Combine(project.ManifestsDirectory, "forever.yaml")));
    }
}
