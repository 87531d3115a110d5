using StatefulManifests.Model;

namespace StatefulManifests;

/// <summary>
/// Customises the workload's HorizontalPodAutoscaler (<c>autoscaling/v2</c>), named after the StatefulSet and
/// targeting it. Without a metric it scales on average CPU utilisation of 80% of the requests, the autoscaler's own
/// default; each <c>Target…</c> call adds a metric (the autoscaler follows the one that asks for most replicas).
/// </summary>
public sealed class AutoscalerBuilder : ModelBuilder<AutoscalerBuilder, HorizontalPodAutoscaler>
{
    private AutoscalerBuilder(HorizontalPodAutoscaler model, ValueList<LocalOrigin> origins)
        : base(model, origins)
    {
    }

    /// <summary>An autoscaler between <paramref name="minReplicas"/> and <paramref name="maxReplicas"/>, nothing else set.</summary>
    internal static AutoscalerBuilder Between(int minReplicas, int maxReplicas) => new(
        new HorizontalPodAutoscaler
        {
            Metadata = new ObjectMeta(),
            Spec = new HorizontalPodAutoscalerSpec { MinReplicas = minReplicas, MaxReplicas = maxReplicas },
        },
        ValueList<LocalOrigin>.Empty);

    /// <summary>Sets <c>metadata.name</c> (default: the StatefulSet's name).</summary>
    public AutoscalerBuilder Name(string name) => Set(RelativePath.Of("metadata", "name"), h => h with { Metadata = h.Metadata! with { Name = name } });

    /// <summary>
    /// Scales to keep the pods' average usage of <paramref name="resource"/> (<c>cpu</c>, <c>memory</c>) at
    /// <paramref name="percent"/> of their requests: every container needs a request for it (SM2063).
    /// </summary>
    public AutoscalerBuilder TargetUtilization(string resource, int percent) =>
        AddMetric(new MetricSpec
        {
            Type = "Resource",
            Resource = new ResourceMetricSource { Name = resource, Target = new MetricTarget { Type = "Utilization", AverageUtilization = percent } },
        });

    /// <summary>Scales on average CPU utilisation: <c>TargetUtilization("cpu", percent)</c>.</summary>
    public AutoscalerBuilder TargetCpuUtilization(int percent) => TargetUtilization("cpu", percent);

    /// <summary>Scales on average memory utilisation: <c>TargetUtilization("memory", percent)</c>.</summary>
    public AutoscalerBuilder TargetMemoryUtilization(int percent) => TargetUtilization("memory", percent);

    /// <summary>Scales to keep the pods' average usage of <paramref name="resource"/> at an absolute value (e.g. <c>"500Mi"</c>).</summary>
    public AutoscalerBuilder TargetAverageValue(string resource, string value) =>
        AddMetric(new MetricSpec
        {
            Type = "Resource",
            Resource = new ResourceMetricSource { Name = resource, Target = new MetricTarget { Type = "AverageValue", AverageValue = Quantity.FromText(value) } },
        });

    /// <summary>Scales on a per-pod custom metric (from a metrics adapter), keeping its average at <paramref name="averageValue"/>.</summary>
    public AutoscalerBuilder TargetPodsMetric(string metric, string averageValue) =>
        AddMetric(new MetricSpec
        {
            Type = "Pods",
            Pods = new PodsMetricSource
            {
                Metric = new MetricIdentifier { Name = metric },
                Target = new MetricTarget { Type = "AverageValue", AverageValue = Quantity.FromText(averageValue) },
            },
        });

    /// <summary>
    /// How fast it scales down: it waits <paramref name="stabilizationSeconds"/> of lower recommendations first (the
    /// autoscaler's default is 300) and removes at most <paramref name="podsPerMinute"/> pods a minute when given —
    /// for a stateful service, one replica at a time lets the survivors take over the data.
    /// </summary>
    public AutoscalerBuilder ScaleDown(int stabilizationSeconds, int? podsPerMinute = null) =>
        Set(RelativePath.Of("spec", "behavior", "scaleDown"), h => h with
        {
            Spec = h.Spec! with
            {
                Behavior = (h.Spec.Behavior ?? new HorizontalPodAutoscalerBehavior()) with
                {
                    ScaleDown = new HPAScalingRules
                    {
                        StabilizationWindowSeconds = stabilizationSeconds,
                        Policies = podsPerMinute is { } pods ? ValueList.Of(new HPAScalingPolicy { Type = "Pods", Value = pods, PeriodSeconds = 60 }) : null,
                    },
                },
            },
        });

    /// <summary>
    /// Model-level escape hatch: applies <paramref name="update"/> to the finished autoscaler. Compile-time evaluation
    /// may not support arbitrary lambdas.
    /// </summary>
    public AutoscalerBuilder Modify(Func<HorizontalPodAutoscaler, HorizontalPodAutoscaler> update) => ModifyModel(update);

    /// <summary>The autoscaler of a finished set: named after it (unless named), in its namespace, targeting it.</summary>
    internal HorizontalPodAutoscaler Complete(OwnedContext context) => Model with
    {
        Metadata = context.InNamespace(Model.Metadata) with { Name = Model.Metadata!.Name ?? context.Name },
        Spec = Model.Spec! with
        {
            ScaleTargetRef = new CrossVersionObjectReference { ApiVersion = "apps/v1", Kind = "StatefulSet", Name = context.Name },
        },
    };

    /// <summary>The autoscaler's name before build: as named, else the set's.</summary>
    internal string NameFor(string setName) => Model.Metadata?.Name ?? setName;

    private protected override AutoscalerBuilder With(HorizontalPodAutoscaler model, ValueList<LocalOrigin> origins) => new(model, origins);

    private AutoscalerBuilder AddMetric(MetricSpec metric)
    {
        var index = Model.Spec!.Metrics?.Count ?? 0;
        return Set(RelativePath.Of("spec", "metrics").Index(index), h => h with { Spec = h.Spec! with { Metrics = (h.Spec.Metrics ?? ValueList<MetricSpec>.Empty).Add(metric) } });
    }
}
