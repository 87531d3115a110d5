using StatefulManifests.Model;
using StatefulManifests.Rules.Support;

namespace StatefulManifests.Rules.BestPractice;

/// <summary>Reads a container's requests and limits; a zero quantity counts as unset (as kube-score does).</summary>
internal static class Resources
{
    public static bool Has(ContainerSite site, string kind, string resource)
    {
        var map = kind == "requests" ? site.Container.Resources?.Requests : site.Container.Resources?.Limits;
        return map is not null && map.TryGetValue(resource, out var quantity) && (!quantity.IsValid || quantity.Value != 0);
    }
}

/// <summary>SM4003 (kube-score container-resources, kube-linter unset-cpu-requirements / unset-memory-requirements): CPU and memory requests.</summary>
internal sealed class RequestsRule : WorkloadRule
{
    public override RuleDescriptor Descriptor => RuleCatalog.MissingRequests;

    public override IEnumerable<Finding> Check(WorkloadContext workload)
    {
        foreach (var site in workload.AllContainers)
        {
            foreach (var resource in new[] { "cpu", "memory" })
            {
                if (!Resources.Has(site, "requests", resource))
                {
                    yield return Descriptor.At(site.ResourcePath("requests", resource), site.Name, resource);
                }
            }
        }
    }
}

/// <summary>SM4004 (kube-score container-resources, kube-linter unset-memory-requirements): a memory limit.</summary>
internal sealed class MemoryLimitRule : WorkloadRule
{
    public override RuleDescriptor Descriptor => RuleCatalog.MissingMemoryLimit;

    public override IEnumerable<Finding> Check(WorkloadContext workload) =>
        workload.AllContainers.Where(s => !Resources.Has(s, "limits", "memory")).Select(s => Descriptor.At(s.ResourcePath("limits", "memory"), s.Name));
}

/// <summary>SM4005 (kube-score container-resources without --ignore-container-cpu-limit, kube-linter unset-cpu-requirements): a CPU limit.</summary>
internal sealed class CpuLimitRule : WorkloadRule
{
    public override RuleDescriptor Descriptor => RuleCatalog.MissingCpuLimit;

    public override IEnumerable<Finding> Check(WorkloadContext workload) =>
        workload.AllContainers.Where(s => !Resources.Has(s, "limits", "cpu")).Select(s => Descriptor.At(s.ResourcePath("limits", "cpu"), s.Name));
}

/// <summary>SM4006 (kube-score container-ephemeral-storage-request-and-limit): the limit first, then the request.</summary>
internal sealed class EphemeralStorageRule : WorkloadRule
{
    private const string EphemeralStorage = "ephemeral-storage";

    public override RuleDescriptor Descriptor => RuleCatalog.MissingEphemeralStorage;

    public override IEnumerable<Finding> Check(WorkloadContext workload)
    {
        foreach (var site in workload.AllContainers)
        {
            if (!Resources.Has(site, "limits", EphemeralStorage))
            {
                yield return Descriptor.At(site.ResourcePath("limits", EphemeralStorage), site.Name, "limit", "limits");
            }
            else if (!Resources.Has(site, "requests", EphemeralStorage))
            {
                yield return Descriptor.At(site.ResourcePath("requests", EphemeralStorage), site.Name, "request", "requests");
            }
        }
    }
}
