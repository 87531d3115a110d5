using StatefulManifests.Model;

namespace StatefulManifests.Samples;

public static partial class SampleWorkloads
{
    /// <summary>
    /// The Kubernetes documentation's StatefulSet example: nginx behind the headless Service <c>nginx</c>,
    /// three replicas, each with its own 1Gi claim <c>www</c>.
    /// </summary>
    [StatefulWorkload]
    public static StatefulSetBuilder Web => Workload.StatefulSet("web")
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
