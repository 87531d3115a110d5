using StatefulManifests.Generators.Tests.Support;
using static StatefulManifests.Generators.Tests.Support.Workloads;

namespace StatefulManifests.Generators.Tests;

/// <summary>
/// The C# a developer writes next — helpers, factories with parameters, loops, switch, records, LINQ — is evaluated
/// at compile time; each case compares the generated YAML with the same code run by the test (the shared
/// <c>Common</c> source below is compiled into both), byte for byte.
/// </summary>
public sealed class IdiomTests
{
    public static TheoryData<string, string> Cases => new()
    {
        { "extension helper on a container builder", """Workload.StatefulSet("web").Container("app", c => c.Image("app:1").Hardened())""" },
        { "factory with positional, named and optional arguments", """Idioms.Postgres("orders", replicas: 3)""" },
        { "loop, list and switch expression", """Idioms.WithSidecars(Workload.StatefulSet("web").Container("app", c => c.Image(Idioms.Registry + "/app:1")), "envoy", "metrics")""" },
        { "record, with expression and string formatting", """Idioms.FromSize(Idioms.Small with { Replicas = 4 })""" },
        { "LINQ over static readonly data", """Workload.StatefulSet("web").Labels(Idioms.TeamLabels()).Container("app", c => c.Image("app:1"))""" },
        { "recursion and arithmetic", """Workload.StatefulSet("web").Replicas(Idioms.Fib(5)).Container("app", c => c.Image("app:" + (Idioms.Fib(6) * 2).ToString()))""" },
    };

    private const string Common = """
        using System.Collections.Generic;
        using System.Linq;
        using StatefulManifests;
        using StatefulManifests.Model;

        namespace Demo;

        public static class Idioms
        {
            public const string Registry = "registry.example.com";

            public static readonly Dictionary<string, string> Team = new() { ["team"] = "data", ["app"] = "shop" };

            public static readonly Size Small = new("small", 1, "1Gi");

            public static ContainerBuilder Hardened(this ContainerBuilder c) =>
                c.SecurityContext(s => s.RunAsNonRoot().RunAsUser(999).ReadOnlyRootFilesystem().AllowPrivilegeEscalation(false))
                 .Requests(cpu: "100m", memory: "128Mi")
                 .Limits(memory: "128Mi");

            public static StatefulSetBuilder Postgres(string name, int replicas = 1, string size = "10Gi") =>
                Workload.StatefulSet(name + "-db")
                    .Replicas(replicas)
                    .Container("postgres", c => c.Image($"{Registry}/postgres:16").Port("pg", 5432).Hardened())
                    .VolumeClaim("data", v => v.AccessModes(AccessMode.ReadWriteOnce).Storage(size));

            public static StatefulSetBuilder WithSidecars(StatefulSetBuilder workload, params string[] sidecars)
            {
                var result = workload;
                var ports = new List<int>();
                for (var i = 0; i < sidecars.Length; i++)
                {
                    var port = sidecars[i] switch
                    {
                        "envoy" => 9901,
                        "metrics" => 9090,
                        _ => 8000 + i,
                    };
                    ports.Add(port);
                    var name = sidecars[i];
                    result = result.Container(name, c => c.Image(Registry + "/" + name + ":1").Port("p" + port.ToString(), port));
                }

                return result.PodAnnotations(("ports", string.Join(",", ports)));
            }

            public static StatefulSetBuilder FromSize(Size size) =>
                Workload.StatefulSet("cache-" + size.Name)
                    .Replicas(size.Replicas)
                    .PodAnnotations(("size", $"{size.Name}:{size.Replicas:D2}:{size.Storage}"))
                    .Container("redis", c => c.Image("redis:7"))
                    .VolumeClaim("data", v => v.AccessModes(AccessMode.ReadWriteOnce).Storage(size.Storage));

            public static (string, string)[] TeamLabels() =>
                Team.Where(kv => kv.Key != "ignored").Select(kv => (kv.Key, kv.Value.ToUpperInvariant())).OrderBy(p => p.Item1).ToArray();

            public static int Fib(int n) => n < 2 ? n : Fib(n - 1) + Fib(n - 2);
        }

        public sealed record Size(string Name, int Replicas, string Storage);
        """;

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Compile_time_yaml_is_what_running_the_code_renders(string name, string body)
    {
        using var project = await GenerateAsync(("Idioms.cs", Common), ("Workloads.cs", Declare(body)));
        var generated = (string)project.Constant(WebClass, "Yaml")!;

        // The same declaration run by the loaded assembly: the DSL's own Render() of the builder it returns.
        var builder = (StatefulSetBuilder)project.Type("Demo.Manifests").GetProperty("Web")!.GetValue(null)!;
        Assert.True(builder.Render() == generated, name);
    }

    [Fact]
    public async Task A_sequence_declaration_built_in_a_loop_gets_a_companion_per_workload()
    {
        const string shards = """
            using System.Collections.Generic;
            using StatefulManifests;

            namespace Demo;

            public static partial class Manifests
            {
                [StatefulWorkload]
                public static IEnumerable<StatefulSetBuilder> Shards()
                {
                    for (var i = 0; i < 3; i++)
                    {
                        yield return Idioms.Postgres("orders" + i, replicas: i + 1);
                    }
                }
            }
            """;
        using var project = await GenerateAsync(("Idioms.cs", Common), ("Workloads.cs", shards));
        var companion = project.Type("Demo.Manifests+ShardsManifest");
        Assert.Equal(["orders0-db", "orders1-db", "orders2-db"], (IReadOnlyList<string>)companion.GetField("Names")!.GetValue(null)!);

        var atRuntime = ((IEnumerable<StatefulSetBuilder>)project.Type("Demo.Manifests").GetMethod("Shards")!.Invoke(null, null)!).ToList();
        var generated = companion.GetNestedTypes().Select(t => (string)t.GetField("Yaml")!.GetRawConstantValue()!).Order(StringComparer.Ordinal);
        Assert.Equal(atRuntime.Select(b => b.Render()).Order(StringComparer.Ordinal), generated);
    }
}
