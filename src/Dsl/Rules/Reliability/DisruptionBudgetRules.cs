using StatefulManifests.Model;
using StatefulManifests.Rules.Support;
using StatefulManifests.Validation;

namespace StatefulManifests.Rules.Reliability;

/// <summary>SM2006 (kube-score "StatefulSet has PodDisruptionBudget"): two or more replicas need a budget.</summary>
internal sealed class DisruptionBudgetPresentRule : WorkloadRule
{
    public override RuleDescriptor Descriptor => RuleCatalog.NoDisruptionBudget;

    public override IEnumerable<Finding> Check(WorkloadContext workload)
    {
        if (workload.Replicas >= 2 && workload.DisruptionBudget is null)
        {
            yield return Descriptor.At(Paths.Replicas, workload.Replicas);
        }
    }
}

/// <summary>SM2007 (kube-score, kube-linter dangling reference): the budget must select the set's pods.</summary>
internal sealed class DisruptionBudgetSelectsPodsRule : WorkloadRule
{
    public override RuleDescriptor Descriptor => RuleCatalog.DisruptionBudgetSelectsNoPods;

    public override IEnumerable<Finding> Check(WorkloadContext workload)
    {
        if (workload.DisruptionBudget is not { } budget)
        {
            yield break;
        }

        var selector = budget.Spec?.Selector;
        var ns = budget.Metadata?.Namespace;
        string detail;
        if (!LabelSelectors.Matches(selector, workload.PodLabels))
        {
            detail = selector is null ? "has no selector (it selects nothing)" : "selects " + LabelSelectors.Describe(selector);
        }
        else if (!workload.SameNamespace(ns))
        {
            detail = "is in namespace \"" + ns + "\" (the StatefulSet is in \"" + workload.Namespace + "\")";
        }
        else
        {
            yield break;
        }

        yield return Descriptor.At(FindingSubject.PodDisruptionBudget, FieldPath.Root("spec").Child("selector"), budget.Metadata?.Name, detail, LabelSelectors.Describe(workload.PodLabels));
    }
}

/// <summary>SM2008 (kube-linter pdb-max-unavailable / pdb-min-available): a budget that allows no eviction blocks drains.</summary>
internal sealed class DisruptionBudgetAllowsEvictionRule : WorkloadRule
{
    public override RuleDescriptor Descriptor => RuleCatalog.DisruptionBudgetBlocksEviction;

    public override IEnumerable<Finding> Check(WorkloadContext workload)
    {
        var spec = workload.DisruptionBudget?.Spec;
        if (spec is null || workload.Replicas == 0)
        {
            yield break;
        }

        if (BlockingBound(spec, workload.Replicas) is { } bound)
        {
            yield return Descriptor.At(FindingSubject.PodDisruptionBudget, FieldPath.Root("spec").Child(bound.Field), bound.Text, workload.Replicas);
        }
    }

    /// <summary>
    /// The bound that allows no eviction at <paramref name="replicas"/> pods — its field and its text
    /// (<c>maxUnavailable: 0</c>, <c>minAvailable: 3</c>) — or null when evictions are possible.
    /// </summary>
    internal static (string Field, string Text)? BlockingBound(PodDisruptionBudgetSpec spec, int replicas)
    {
        if (replicas <= 0)
        {
            return null;
        }

        if (spec.MaxUnavailable is { } max && Allowed(max, replicas) == 0)
        {
            return ("maxUnavailable", "maxUnavailable: " + max);
        }

        if (spec.MinAvailable is { } min && replicas - Allowed(min, replicas) <= 0)
        {
            return ("minAvailable", "minAvailable: " + min);
        }

        return null;
    }

    // The disruption controller scales percentages against the expected pod count, rounding up; an unparsable
    // percentage is left to validation (reported as allowing evictions here, i.e. not flagged).
    private static int Allowed(IntOrString value, int replicas)
    {
        if (!value.IsString)
        {
            return value.IntValue;
        }

        var text = value.StringValue!;
        return value.IsPercent && int.TryParse(text.Substring(0, text.Length - 1), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var percent)
            ? (int)Math.Ceiling(percent * replicas / 100.0)
            : -1;
    }
}
