using StatefulManifests.Model;

namespace StatefulManifests.Generators.Tests.Support;

/// <summary>Workload declarations the tests compile, written as a user would.</summary>
public static class Samples
{
    /// <summary>The Kubernetes documentation's <c>web</c> example.</summary>
    public const string Web = """
        using StatefulManifests;
        using StatefulManifests.Model;

        namespace Demo;

        public static partial class Manifests
        {
            [StatefulWorkload]
            public static StatefulSetBuilder Web => Workload.StatefulSet("web")
                .Namespace("default")
                .SelectorLabels(("app", "nginx"))
                .ServiceName("nginx")
                .Replicas(3)
                .MinReadySeconds(10)
                .TerminationGracePeriodSeconds(10)
                .Container("nginx", c => c
                    .Image("registry.k8s.io/nginx-slim:0.24")
                    .Port("web", 80)
                    .Mount("www", "/usr/share/nginx/html"))
                .VolumeClaim("www", v => v
                    .AccessModes(AccessMode.ReadWriteOnce)
                    .StorageClass("my-storage-class")
                    .Storage("1Gi"));
        }
        """;

    /// <summary>The same workload as <see cref="Web"/>, built at run time, for comparisons.</summary>
    public static StatefulSetBuilder WebAtRuntime => Workload.StatefulSet("web")
        .Namespace("default")
        .SelectorLabels(("app", "nginx"))
        .ServiceName("nginx")
        .Replicas(3)
        .MinReadySeconds(10)
        .TerminationGracePeriodSeconds(10)
        .Container("nginx", c => c
            .Image("registry.k8s.io/nginx-slim:0.24")
            .Port("web", 80)
            .Mount("www", "/usr/share/nginx/html"))
        .VolumeClaim("www", v => v
            .AccessModes(AccessMode.ReadWriteOnce)
            .StorageClass("my-storage-class")
            .Storage("1Gi"));
}
