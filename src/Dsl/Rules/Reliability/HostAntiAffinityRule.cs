using StatefulManifests.Model;
using StatefulManifests.Rules.Support;
using StatefulManifests.Validation;

namespace StatefulManifests.Rules.Reliability;

/// <summary>
/// SM2009 (kube-score "StatefulSet has host PodAntiAffinity", kube-linter no-anti-affinity): with two or more
/// replicas, a podAntiAffinity term (required or preferred) on <c>kubernetes.io/hostname</c> must select the set's
/// own pods. A term whose selector misses the pods is reported at that selector. A hostname
/// topologySpreadConstraint that selects the pods spreads them too and is accepted (neither checker does that).
/// </summary>
internal sealed class HostAntiAffinityRule : WorkloadRule
{
    private const string HostnameKey = "kubernetes.io/hostname";

    public override RuleDescriptor Descriptor => RuleCatalog.NoHostAntiAffinity;

    public override IEnumerable<Finding> Check(WorkloadContext workload)
    {
        if (workload.Replicas < 2)
        {
            yield break;
        }

        var hostTerms = Terms(workload.Pod.Affinity?.PodAntiAffinity).Where(t => t.Term.TopologyKey == HostnameKey).ToList();
        var spread = (workload.Pod.TopologySpreadConstraints ?? ValueList<TopologySpreadConstraint>.Empty)
            .Any(c => c.TopologyKey == HostnameKey && LabelSelectors.Matches(c.LabelSelector, workload.PodLabels));
        if (spread || hostTerms.Any(t => LabelSelectors.Matches(t.Term.LabelSelector, workload.PodLabels)))
        {
            yield break;
        }

        var labels = LabelSelectors.Describe(workload.PodLabels);
        if (hostTerms.Count == 0)
        {
            yield return Descriptor.At(Paths.PodAntiAffinity, "no podAntiAffinity term uses topologyKey " + HostnameKey, workload.Replicas, labels);
        }
        else
        {
            var (term, path) = hostTerms[0];
            yield return Descriptor.At(
                path.Child("labelSelector"),
                "the host anti-affinity term selects " + LabelSelectors.Describe(term.LabelSelector) + ", which the pods do not match",
                workload.Replicas,
                labels);
        }
    }

    private static IEnumerable<(PodAffinityTerm Term, FieldPath Path)> Terms(PodAntiAffinity? antiAffinity)
    {
        var required = antiAffinity?.RequiredDuringSchedulingIgnoredDuringExecution ?? ValueList<PodAffinityTerm>.Empty;
        for (var i = 0; i < required.Count; i++)
        {
            yield return (required[i], Paths.PodAntiAffinity.Child("requiredDuringSchedulingIgnoredDuringExecution").Index(i));
        }

        var preferred = antiAffinity?.PreferredDuringSchedulingIgnoredDuringExecution ?? ValueList<WeightedPodAffinityTerm>.Empty;
        for (var i = 0; i < preferred.Count; i++)
        {
            if (preferred[i].PodAffinityTerm is { } term)
            {
                yield return (term, Paths.PodAntiAffinity.Child("preferredDuringSchedulingIgnoredDuringExecution").Index(i).Child("podAffinityTerm"));
            }
        }
    }
}
