using StatefulManifests.Model;
using StatefulManifests.Rules.Support;
using StatefulManifests.Validation;

namespace StatefulManifests.Rules.Security;

/// <summary>SM3006 (kube-linter sensitive-host-mounts, writable-host-mount): hostPath volumes tie pods to a node's disk.</summary>
internal sealed class HostPathVolumeRule : WorkloadRule
{
    private static readonly HashSet<string> SensitiveDirectories = new(StringComparer.Ordinal)
    {
        "/", "/boot", "/dev", "/etc", "/lib", "/proc", "/sys", "/usr", "/var/run/docker.sock", "/run/containerd/containerd.sock",
    };

    public override RuleDescriptor Descriptor => RuleCatalog.HostPathVolume;

    public override IEnumerable<Finding> Check(WorkloadContext workload)
    {
        var volumes = workload.Pod.Volumes ?? ValueList<Volume>.Empty;
        for (var i = 0; i < volumes.Count; i++)
        {
            if (volumes[i].HostPath is { } hostPath)
            {
                var path = (hostPath.Path ?? string.Empty).TrimEnd('/');
                var sensitive = SensitiveDirectories.Contains(path.Length == 0 ? "/" : path) ? " (a sensitive host directory)" : string.Empty;
                yield return Descriptor.At(Paths.Volumes.Index(i).Child("hostPath"), volumes[i].Name, hostPath.Path, sensitive);
            }
        }
    }
}

/// <summary>SM3007 (kube-linter host-network, host-pid, host-ipc): pods sharing a node namespace.</summary>
internal sealed class HostNamespaceRule : WorkloadRule
{
    public override RuleDescriptor Descriptor => RuleCatalog.HostNamespace;

    public override IEnumerable<Finding> Check(WorkloadContext workload)
    {
        if (workload.Pod.HostNetwork == true)
        {
            yield return Descriptor.At(Paths.PodSpec.Child("hostNetwork"), "network", "hostNetwork") with { Replacement = "false" };
        }

        if (workload.Pod.HostPID == true)
        {
            yield return Descriptor.At(Paths.PodSpec.Child("hostPID"), "process (PID)", "hostPID") with { Replacement = "false" };
        }

        if (workload.Pod.HostIPC == true)
        {
            yield return Descriptor.At(Paths.PodSpec.Child("hostIPC"), "IPC", "hostIPC") with { Replacement = "false" };
        }
    }
}

/// <summary>SM3010 (kube-linter default-service-account): pods should run under their own service account.</summary>
internal sealed class DefaultServiceAccountRule : WorkloadRule
{
    public override RuleDescriptor Descriptor => RuleCatalog.DefaultServiceAccount;

    public override IEnumerable<Finding> Check(WorkloadContext workload)
    {
        var account = workload.Pod.ServiceAccountName is { Length: > 0 } name ? name : workload.Pod.ServiceAccount;
        if (string.IsNullOrEmpty(account) || account == "default")
        {
            yield return Descriptor.At(Paths.PodSpec.Child("serviceAccountName"));
        }
    }
}

/// <summary>SM3011 (kube-score service-type): a NodePort Service opens the port on every node.</summary>
internal sealed class NodePortServiceRule : WorkloadRule
{
    public override RuleDescriptor Descriptor => RuleCatalog.NodePortService;

    public override IEnumerable<Finding> Check(WorkloadContext workload)
    {
        if (workload.Service is { Spec.Type.Known: ServiceType.NodePort } service)
        {
            yield return Descriptor.At(FindingSubject.Service, FieldPath.Root("spec").Child("type"), service.Metadata?.Name);
        }
    }
}
