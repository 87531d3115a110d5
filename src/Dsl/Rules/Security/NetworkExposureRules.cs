using StatefulManifests.Model;
using StatefulManifests.Rules.Support;
using StatefulManifests.Validation;

namespace StatefulManifests.Rules.Security;

/// <summary>
/// SM3030: an owned Service selecting the set's pods is of type LoadBalancer or NodePort, which makes the data store
/// reachable from outside the cluster (the governing Service has its own rule, SM3011).
/// </summary>
internal sealed class ExposedClientServiceRule : WorkloadRule
{
    public override RuleDescriptor Descriptor => RuleCatalog.ClientServiceExposed;

    public override IEnumerable<Finding> Check(WorkloadContext workload)
    {
        foreach (var service in workload.OwnedOf<Service>())
        {
            if (service.Spec?.Type?.Known is ServiceType.LoadBalancer or ServiceType.NodePort && SelectsThePods(service, workload))
            {
                yield return Descriptor.InOwned(service, FieldPath.Root("spec").Child("type"), service.Spec.Type.Value.Value);
            }
        }
    }

    // A per-ordinal Service selects by the pod-name label, which the controller adds, not the template.
    private static bool SelectsThePods(Service service, WorkloadContext workload) =>
        service.Spec?.Selector is { Count: > 0 } selector
        && (LabelSelectors.MapMatches(selector, workload.PodLabels) || selector.ContainsKey(StatefulSetBuilder.PodNameLabel));
}

/// <summary>
/// SM3031 (kube-score <c>pod-networkpolicy</c>): no NetworkPolicy the workload owns selects its pods for ingress,
/// for egress, or for either, so any pod in the cluster may connect to them (or they anywhere). In plain YAML the
/// policies in the same files count, as kube-score sees them.
/// </summary>
internal sealed class PodNetworkPolicyRule : WorkloadRule
{
    public override RuleDescriptor Descriptor => RuleCatalog.PodsWithoutNetworkPolicy;

    public override IEnumerable<Finding> Check(WorkloadContext workload)
    {
        var policies = workload.OwnedOf<NetworkPolicy>().Where(p => LabelSelectors.Matches(p.Spec?.PodSelector ?? new LabelSelector(), workload.PodLabels)).ToList();
        var ingress = policies.Any(p => Covers(p, PolicyType.Ingress));
        var egress = policies.Any(p => Covers(p, PolicyType.Egress));
        var missing = (ingress, egress) switch
        {
            (false, false) => "ingress and egress",
            (false, true) => "ingress",
            (true, false) => "egress",
            _ => null,
        };
        if (missing is not null)
        {
            yield return Descriptor.At(Paths.TemplateLabels, missing);
        }
    }

    // policyTypes unset means Ingress, plus Egress when the policy has egress rules (the API server's default).
    private static bool Covers(NetworkPolicy policy, PolicyType type) =>
        policy.Spec?.PolicyTypes is { Count: > 0 } types
            ? types.Any(t => t.Known == type)
            : type == PolicyType.Ingress || policy.Spec?.Egress is { Count: > 0 };
}
