using StatefulManifests.Model;
using StatefulManifests.Rules.Support;

namespace StatefulManifests.Rules.Reliability;

/// <summary>
/// SM2001 (kube-score's "StatefulSet Pod Selector labels match template metadata labels"): says which selector
/// requirements the template labels fail. The API server rejects the same StatefulSet at the same path with a
/// generic message; this finding replaces that error. Empty or missing selectors are left to the validator.
/// </summary>
internal sealed class SelectorMatchesTemplateRule : WorkloadRule
{
    public override RuleDescriptor Descriptor => RuleCatalog.SelectorDoesNotMatchTemplate;

    public override IEnumerable<Finding> Check(WorkloadContext workload)
    {
        var selector = workload.Spec.Selector;
        var labels = selector?.MatchLabels ?? ValueMap<string>.Empty;
        var expressions = selector?.MatchExpressions ?? ValueList<LabelSelectorRequirement>.Empty;
        if (selector is null || labels.Count + expressions.Count == 0 || expressions.Any(e => e.Operator?.IsKnown != true))
        {
            yield break;
        }

        var unmet = labels.Where(p => !workload.PodLabels.TryGetValue(p.Key, out var v) || v != p.Value).Select(p => p.Key + "=" + p.Value)
            .Concat(expressions.Where(e => !LabelSelectors.Matches(e, workload.PodLabels)).Select(LabelSelectors.Describe))
            .ToList();
        if (unmet.Count > 0)
        {
            yield return Descriptor.At(Paths.TemplateLabels, string.Join(", ", unmet), LabelSelectors.Describe(workload.PodLabels));
        }
    }
}
