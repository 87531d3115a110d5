using StatefulManifests.Rules.Support;
using StatefulManifests.Validation;

namespace StatefulManifests.Rules.Reliability;

/// <summary>SM2002 (kube-score "StatefulSet has ServiceName"): an empty serviceName gives the pods no DNS identity.</summary>
internal sealed class ServiceNameMissingRule : WorkloadRule
{
    public override RuleDescriptor Descriptor => RuleCatalog.ServiceNameMissing;

    public override IEnumerable<Finding> Check(WorkloadContext workload)
    {
        if (string.IsNullOrEmpty(workload.Spec.ServiceName))
        {
            yield return Descriptor.At(Paths.ServiceName);
        }
    }
}

/// <summary>SM2003: serviceName names another Service than the governing one given (a dangling reference).</summary>
internal sealed class ServiceNameMismatchRule : WorkloadRule
{
    public override RuleDescriptor Descriptor => RuleCatalog.ServiceNameNotGoverningService;

    public override IEnumerable<Finding> Check(WorkloadContext workload)
    {
        var serviceName = workload.Spec.ServiceName;
        if (workload.Service is not { } service || string.IsNullOrEmpty(serviceName))
        {
            yield break;
        }

        var name = service.Metadata?.Name ?? string.Empty;
        var ns = service.Metadata?.Namespace;
        if (name != serviceName)
        {
            yield return Descriptor.At(Paths.ServiceName, serviceName, "\"" + name + "\"");
        }
        else if (!workload.SameNamespace(ns))
        {
            yield return Descriptor.At(Paths.ServiceName, serviceName, "\"" + name + "\" in namespace \"" + ns + "\" (the StatefulSet is in \"" + workload.Namespace + "\")");
        }
    }
}

/// <summary>SM2004 (kube-score "StatefulSet has ServiceName"): the governing Service must be headless.</summary>
internal sealed class GoverningServiceHeadlessRule : WorkloadRule
{
    public override RuleDescriptor Descriptor => RuleCatalog.GoverningServiceNotHeadless;

    public override IEnumerable<Finding> Check(WorkloadContext workload)
    {
        if (workload.Service is not { } service || service.Spec?.ClusterIP == "None")
        {
            yield break;
        }

        var clusterIp = service.Spec?.ClusterIP;
        var detail = string.IsNullOrEmpty(clusterIp) ? "clusterIP is not set, so it gets a virtual IP" : "clusterIP: " + clusterIp;
        yield return Descriptor.At(FindingSubject.Service, FieldPath.Root("spec").Child("clusterIP"), service.Metadata?.Name, detail);
    }
}

/// <summary>SM2005 (kube-score, kube-linter dangling-service): the governing Service must select the set's pods.</summary>
internal sealed class ServiceSelectsPodsRule : WorkloadRule
{
    public override RuleDescriptor Descriptor => RuleCatalog.ServiceSelectsNoPods;

    public override IEnumerable<Finding> Check(WorkloadContext workload)
    {
        if (workload.Service is not { } service || workload.ServiceTargetsPods)
        {
            yield break;
        }

        var selector = service.Spec?.Selector;
        var detail = selector is not { Count: > 0 }
            ? "has no selector"
            : !LabelSelectors.MapMatches(selector, workload.PodLabels)
                ? "selects " + LabelSelectors.Describe(selector)
                : "is in namespace \"" + service.Metadata?.Namespace + "\" (the StatefulSet is in \"" + workload.Namespace + "\")";
        yield return Descriptor.At(FindingSubject.Service, FieldPath.Root("spec").Child("selector"), service.Metadata?.Name, detail, LabelSelectors.Describe(workload.PodLabels));
    }
}
