using System.Diagnostics.CodeAnalysis;
using StatefulManifests.Model;

namespace StatefulManifests.Samples;

public static partial class SampleWorkloads
{
    /// <summary>
    /// The Kubernetes documentation's StatefulSet example: nginx behind the headless Service <c>nginx</c>, three
    /// replicas, each with its own 1Gi claim <c>www</c> — plus what the analyzers ask of a production set: a readiness
    /// probe (so a bad rollout stops at one pod), requests and a memory limit, replicas spread over nodes and a
    /// PodDisruptionBudget.
    /// </summary>
    [StatefulWorkload]
    [SuppressMessage("StatefulManifests.Security", "SM3001", Justification = "nginx-slim, the documentation's image, starts as root to bind port 80 and then drops to its worker user.")]
    [SuppressMessage("StatefulManifests.Security", "SM3005", Justification = "nginx-slim writes its cache and pid file into the image's filesystem.")]
    public static StatefulSetBuilder Web => Workload.StatefulSet("web")
        .SelectorLabels(("app", "nginx"))
        .ServiceName("nginx")
        .Replicas(3)
        .MinReadySeconds(10)
        .TerminationGracePeriodSeconds(10)
        .SpreadAcrossNodes()
        .Container("nginx", c => c
            .Image("registry.k8s.io/nginx-slim:0.24")
            .Port("web", 80)
            .Requests(cpu: "100m", memory: "64Mi")
            .Limits(memory: "128Mi")
            .ReadinessProbe(p => p.HttpGet("/", "web").PeriodSeconds(5))
            .SecurityContext(s => s.AllowPrivilegeEscalation(false).DropCapabilities("NET_RAW"))
            .Mount("www", "/usr/share/nginx/html"))
        .VolumeClaim("www", v => v
            .AccessModes(AccessMode.ReadWriteOnce)
            .StorageClass("my-storage-class")
            .Storage("1Gi"))
        .DisruptionBudget(maxUnavailable: 1);
}
