using StatefulManifests.Model;
using StatefulManifests.Rules.Support;
using StatefulManifests.Validation;

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

        var selectorPath = FieldPath.Root("spec").Child("selector");
        var unmet = labels.Where(p => !workload.PodLabels.TryGetValue(p.Key, out var v) || v != p.Value)
            .Select(p => (Text: p.Key + "=" + p.Value, Path: selectorPath.Child("matchLabels").Key(p.Key), IsExpression: false))
            .Concat(expressions.Select((e, i) => (Expression: e, Index: i)).Where(x => !LabelSelectors.Matches(x.Expression, workload.PodLabels))
                .Select(x => (Text: LabelSelectors.Describe(x.Expression), Path: selectorPath.Child("matchExpressions").Index(x.Index), IsExpression: true)))
            .ToList();
        if (unmet.Count > 0)
        {
            // The API server reports the template labels. When only expressions fail, the expression is what was
            // written wrong (labels never derive from expressions); a matchLabels pair could be wrong on either side.
            var finding = Descriptor.At(Paths.TemplateLabels, string.Join(", ", unmet.Select(u => u.Text)), LabelSelectors.Describe(workload.PodLabels));
            yield return unmet.All(u => u.IsExpression) ? finding with { Cause = unmet[0].Path } : finding;
        }
    }
}
