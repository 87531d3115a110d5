using StatefulManifests.Model;

namespace StatefulManifests.Samples;

public static partial class SampleWorkloads
{
    /// <summary>
    /// A session cache (Redis-compatible Valkey) that is "stateless-ish": each replica keeps a warm copy on a small
    /// claim so a restarted pod does not start cold, but any replica can serve any client. It scales with load: an
    /// autoscaler between 3 and 10 replicas on CPU, scaling down slowly; the manifest carries no replica count so a
    /// GitOps sync never fights the autoscaler, claims are kept on scale-down, and the budget leaves room to drain
    /// at the minimum.
    /// </summary>
    [StatefulWorkload]
    public static StatefulSetBuilder SessionCache => Workload.StatefulSet("session-cache")
        .Namespace("web")
        .SelectorLabels(("app.kubernetes.io/name", "session-cache"))
        .ServiceName("session-cache")
        .PodManagementPolicy(Model.PodManagementPolicy.Parallel)
        .SpreadAcrossNodes()
        .ServiceAccount()
        .SecurityContext(s => Hardening.NonRootPod(s, 999))
        .Container("valkey", c => c
            .Image("valkey/valkey:8.0.1")
            .Args("--appendonly", "yes", "--dir", "/data", "--maxmemory", "400mb", "--maxmemory-policy", "allkeys-lru")
            .Port("valkey", 6379)
            .Requests(cpu: "250m", memory: "512Mi")
            .Limits(memory: "512Mi")
            .ReadinessProbe(p => p.Exec("valkey-cli", "ping").PeriodSeconds(5))
            .LivenessProbe(p => p.TcpSocket(6379).InitialDelaySeconds(15).PeriodSeconds(10))
            .SecurityContext(Hardening.LockedDown)
            .Mount("data", "/data"))
        .VolumeClaim("data", v => v
            .AccessModes(AccessMode.ReadWriteOnce)
            .Storage("1Gi"))
        .ClientService("session-cache-client", s => s.Port("valkey"))
        .NetworkPolicy(p => p.AllowClients(("app.kubernetes.io/part-of", "storefront")).ClientPorts("valkey").RestrictEgress())
        .Autoscale(3, 10, a => a
            .TargetCpuUtilization(70)
            .ScaleDown(stabilizationSeconds: 600, podsPerMinute: 1))
        .DisruptionBudget(maxUnavailable: 1);
}
