using StatefulManifests.Model;
using StatefulManifests.Rules.Support;
using StatefulManifests.Validation;

namespace StatefulManifests.Rules.Reliability;

/// <summary>The autoscalers of a workload that target its StatefulSet (in YAML, pairing already chose them so).</summary>
internal static class Autoscalers
{
    public static IEnumerable<HorizontalPodAutoscaler> Of(WorkloadContext workload) =>
        workload.OwnedOf<HorizontalPodAutoscaler>().Where(h => OwnedObjects.Scales(h, workload.StatefulSet.Metadata?.Name));

    /// <summary>The metrics the autoscaler acts on: as given, or the API server's default (cpu at 80% utilisation).</summary>
    public static IEnumerable<(MetricSpec Metric, FieldPath Path)> Metrics(HorizontalPodAutoscaler autoscaler)
    {
        var metrics = autoscaler.Spec?.Metrics ?? ValueList<MetricSpec>.Empty;
        if (metrics.Count == 0)
        {
            var cpu = new MetricSpec { Type = "Resource", Resource = new ResourceMetricSource { Name = "cpu", Target = new MetricTarget { Type = "Utilization", AverageUtilization = 80 } } };
            return [(cpu, FieldPath.Root("spec").Child("metrics"))];
        }

        return metrics.Select((m, i) => (m, FieldPath.Root("spec").Child("metrics").Index(i)));
    }
}

/// <summary>SM2060: a budget that is fine at today's replicas blocks drains at the autoscaler's minimum.</summary>
internal sealed class AutoscalerMinimumBlocksEvictionRule : WorkloadRule
{
    public override RuleDescriptor Descriptor => RuleCatalog.AutoscalerMinimumBlocksEviction;

    public override IEnumerable<Finding> Check(WorkloadContext workload)
    {
        if (workload.DisruptionBudget?.Spec is not { } budget)
        {
            yield break;
        }

        foreach (var autoscaler in Autoscalers.Of(workload))
        {
            var minimum = autoscaler.Spec?.MinReplicas ?? 1;
            if (minimum < 1 || DisruptionBudgetAllowsEvictionRule.BlockingBound(budget, workload.Replicas) is not null)
            {
                continue; // an invalid minimum is validation's; a budget blocking already is SM2008's
            }

            if (DisruptionBudgetAllowsEvictionRule.BlockingBound(budget, minimum) is { } bound)
            {
                yield return Descriptor.InOwned(autoscaler, FieldPath.Root("spec").Child("minReplicas"), minimum, bound.Text) with
                {
                    Value = minimum.ToString(System.Globalization.CultureInfo.InvariantCulture),
                };
            }
        }
    }
}

/// <summary>SM2061: whenScaled: Delete on an autoscaled set loses data whenever load drops.</summary>
internal sealed class AutoscalerDeletesClaimsRule : WorkloadRule
{
    public override RuleDescriptor Descriptor => RuleCatalog.AutoscalerDeletesClaims;

    public override IEnumerable<Finding> Check(WorkloadContext workload)
    {
        if (workload.Spec.PersistentVolumeClaimRetentionPolicy?.WhenScaled?.Known != ClaimRetentionPolicy.Delete
            || workload.Spec.VolumeClaimTemplates is not { Count: > 0 })
        {
            yield break;
        }

        foreach (var autoscaler in Autoscalers.Of(workload))
        {
            yield return Descriptor.InOwned(autoscaler, FieldPath.Root("spec").Child("scaleTargetRef"));
        }
    }
}

/// <summary>SM2062: a replica count in the manifest fights the autoscaler on every apply.</summary>
internal sealed class ReplicasFightAutoscalerRule : WorkloadRule
{
    public override RuleDescriptor Descriptor => RuleCatalog.ReplicasFightAutoscaler;

    public override IEnumerable<Finding> Check(WorkloadContext workload)
    {
        if (workload.Spec.Replicas is not { } replicas)
        {
            yield break;
        }

        foreach (var autoscaler in Autoscalers.Of(workload).Take(1))
        {
            yield return Descriptor.At(Paths.Replicas, replicas, OwnedObjects.Subject(autoscaler));
        }
    }
}

/// <summary>SM2063: a utilisation target on a resource a container does not request cannot be computed.</summary>
internal sealed class AutoscalerMetricWithoutRequestsRule : WorkloadRule
{
    public override RuleDescriptor Descriptor => RuleCatalog.AutoscalerMetricWithoutRequests;

    public override IEnumerable<Finding> Check(WorkloadContext workload)
    {
        foreach (var autoscaler in Autoscalers.Of(workload))
        {
            foreach (var (metric, path) in Autoscalers.Metrics(autoscaler))
            {
                if (metric.Resource is not { Name: { Length: > 0 } resource, Target.Type: "Utilization" })
                {
                    continue;
                }

                // The autoscaler sums the requests of every container of the pod, so one without a request is enough
                // to make the utilisation unknown.
                var missing = workload.Containers.FirstOrDefault(c => c.Container.Resources?.Requests?.ContainsKey(resource) != true);
                if (missing is not null)
                {
                    yield return Descriptor.InOwned(autoscaler, path, resource, missing.Name);
                }
            }
        }
    }
}
