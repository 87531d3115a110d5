using StatefulManifests.Generators.Tests.Support;
using StatefulManifests.Model;
using static StatefulManifests.Generators.Tests.Support.Workloads;

namespace StatefulManifests.Generators.Tests;

/// <summary>
/// Every shape the evaluator supports, each compared with the same declaration executed at run time: the
/// generated YAML must be byte-for-byte what <c>Render()</c> returns.
/// </summary>
public sealed class EvaluatorShapeTests
{
    [Fact]
    public async Task Literals_and_lambdas()
    {
        var yaml = await GeneratedYamlAsync(Samples.Web);
        Assert.Equal(Samples.WebAtRuntime.Render(), yaml);
    }

    [Fact]
    public async Task Const_fields_in_other_files_and_const_locals()
    {
        var constants = ("Constants.cs", """
            namespace Demo;
            public static class Names
            {
                public const string App = "shop";
                public const int Replicas = 2 + 3;
            }
            """);
        var workload = ("Workloads.cs", """
            using StatefulManifests;
            namespace Demo;
            public static partial class Manifests
            {
                [StatefulWorkload]
                public static StatefulSetBuilder Web
                {
                    get
                    {
                        const string image = "nginx:" + "1.27";
                        return Workload.StatefulSet(Names.App)
                            .Replicas(Names.Replicas)
                            .Container("nginx", c => c.Image(image).Port("web", 80));
                    }
                }
            }
            """);
        var expected = Workload.StatefulSet("shop").Replicas(5).Container("nginx", c => c.Image("nginx:1.27").Port("web", 80));
        Assert.Equal(expected.Render(), await GeneratedYamlAsync(constants, workload));
    }

    [Fact]
    public async Task Interpolation_and_concatenation()
    {
        var source = Declare(
            """Workload.StatefulSet($"{Prefix}-db").Replicas(Count).Labels(("tier", "t" + Count), ("name", $"{Prefix}.{Count:D4}")).PodAnnotations(("note", $"[{Count,3}|{Prefix,-8}]")).Container("db", c => c.Image(Registry + "/postgres:" + Version))""",
            """
                const string Prefix = "orders";
                const int Count = 2;
                static readonly string Registry = "registry.example.com";
                static string Version => "16";
            """);
        var expected = Workload.StatefulSet("orders-db").Replicas(2)
            .Labels(("tier", "t2"), ("name", "orders.0002"))
            .PodAnnotations(("note", "[  2|orders  ]"))
            .Container("db", c => c.Image("registry.example.com/postgres:16"));
        Assert.Equal(expected.Render(), await GeneratedYamlAsync(source));
    }

    [Fact]
    public async Task Enum_members_nameof_and_named_optional_arguments()
    {
        var source = Declare(
            """
            Workload.StatefulSet(nameof(api))
                .PodManagementPolicy(PodManagementPolicy.Parallel)
                .RollingUpdate(partition: 2)
                .ClaimRetention(whenScaled: ClaimRetentionPolicy.Delete)
                .Container("app", c => c.Image("app:1").Port(8080, protocol: Protocol.UDP).ImagePullPolicy(PullPolicy.IfNotPresent))
            """,
            "    static readonly int api = 0;");
        var expected = Workload.StatefulSet("api")
            .PodManagementPolicy(PodManagementPolicy.Parallel)
            .RollingUpdate(partition: 2)
            .ClaimRetention(whenScaled: ClaimRetentionPolicy.Delete)
            .Container("app", c => c.Image("app:1").Port(8080, protocol: Protocol.UDP).ImagePullPolicy(PullPolicy.IfNotPresent));
        Assert.Equal(expected.Render(), await GeneratedYamlAsync(source));
    }

    [Fact]
    public async Task Params_arrays_collection_expressions_and_tuples()
    {
        var source = Declare("""
            Workload.StatefulSet("web")
                .SelectorLabels(("app", "web"), ("team", "payments"))
                .ImagePullSecrets(new[] { "regcred", "mirror" })
                .Container("nginx", c => c.Image("nginx:1.27").Command(["nginx", "-g", "daemon off;"]).Args())
            """);
        var expected = Workload.StatefulSet("web")
            .SelectorLabels(("app", "web"), ("team", "payments"))
            .ImagePullSecrets("regcred", "mirror")
            .Container("nginx", c => c.Image("nginx:1.27").Command("nginx", "-g", "daemon off;").Args());
        Assert.Equal(expected.Render(), await GeneratedYamlAsync(source));
    }

    [Fact]
    public async Task Nested_lambdas_with_block_bodies_and_method_groups()
    {
        var source = Declare(
            """
            Workload.StatefulSet("web")
                .Container("nginx", Configure)
                .InitContainer("init", c =>
                {
                    const string shell = "/bin/sh";
                    return c.Image("busybox:1.36").Command(shell, "-c", "echo ready");
                })
                .Container("sidecar", c => c.Image("envoy:1").ReadinessProbe(p => p.HttpGet("/ready", 9901)))
            """,
            """
                static ContainerBuilder Configure(ContainerBuilder c) => c.Image("nginx:1.27").Port("web", 80);
            """);
        var expected = Workload.StatefulSet("web")
            .Container("nginx", c => c.Image("nginx:1.27").Port("web", 80))
            .InitContainer("init", c => c.Image("busybox:1.36").Command("/bin/sh", "-c", "echo ready"))
            .Container("sidecar", c => c.Image("envoy:1").ReadinessProbe(p => p.HttpGet("/ready", 9901)));
        Assert.Equal(expected.Render(), await GeneratedYamlAsync(source));
    }

    [Fact]
    public async Task Shared_builders_and_other_workloads()
    {
        var source = """
            using StatefulManifests;
            namespace Demo;
            public static class Shared
            {
                public static StatefulSetBuilder Base { get; } = Workload.StatefulSet("base").Replicas(3);
                public static readonly StatefulSetBuilder WithImage = Base.Container("app", c => c.Image("app:1"));
                public static StatefulSetBuilder Tuned() => WithImage.MinReadySeconds(5);
            }
            public static partial class Manifests
            {
                [StatefulWorkload]
                public static StatefulSetBuilder Primary => Shared.Tuned().Namespace("prod");

                // Another namespace: one name twice in one namespace is SM0002.
                [StatefulWorkload]
                public static StatefulSetBuilder Web => Primary.Replicas(5).Namespace("staging");
            }
            """;
        var expected = Workload.StatefulSet("base").Replicas(3).Container("app", c => c.Image("app:1")).MinReadySeconds(5).Namespace("prod").Replicas(5).Namespace("staging");
        Assert.Equal(expected.Render(), await GeneratedYamlAsync(source));
    }

    [Fact]
    public async Task Expression_bodied_and_single_return_methods()
    {
        var source = """
            using StatefulManifests;
            namespace Demo;
            public static partial class Manifests
            {
                [StatefulWorkload]
                public static StatefulSetBuilder Web() { return Workload.StatefulSet("web").Replicas(2).Container("app", c => c.Image("app:1")); }
            }
            """;
        Assert.Equal(Workload.StatefulSet("web").Replicas(2).Container("app", c => c.Image("app:1")).Render(), await GeneratedYamlAsync(source));
    }

    [Fact]
    public async Task Dsl_conversions_and_nullable_arguments()
    {
        // int → int?, string → IntOrString-style DSL overloads, long parameters from int literals.
        var source = Declare("""
            Workload.StatefulSet("web")
                .TerminationGracePeriodSeconds(30)
                .DisruptionBudget(maxUnavailable: "50%")
                .RollingUpdate(maxUnavailable: 2)
                .Container("nginx", c => c.Image("nginx:1.27").Requests(cpu: "250m", memory: "64Mi").Limits(memory: "128Mi"))
            """);
        var expected = Workload.StatefulSet("web")
            .TerminationGracePeriodSeconds(30)
            .DisruptionBudget(maxUnavailable: "50%")
            .RollingUpdate(maxUnavailable: 2)
            .Container("nginx", c => c.Image("nginx:1.27").Requests(cpu: "250m", memory: "64Mi").Limits(memory: "128Mi"));
        Assert.Equal(expected.Render(), await GeneratedYamlAsync(source));
    }
}
