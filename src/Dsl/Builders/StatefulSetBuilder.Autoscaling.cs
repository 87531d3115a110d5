using StatefulManifests.Model;

namespace StatefulManifests;

/// <summary>Autoscaling: a HorizontalPodAutoscaler owned by the workload.</summary>
public sealed partial class StatefulSetBuilder
{
    /// <summary>
    /// Adds a HorizontalPodAutoscaler (<c>autoscaling/v2</c>, like <c>kubectl autoscale statefulset</c>) that keeps
    /// the replicas between <paramref name="minReplicas"/> and <paramref name="maxReplicas"/>, on CPU utilisation
    /// unless <paramref name="configure"/> chooses metrics. Leave <see cref="Replicas"/> unset: the autoscaler owns
    /// the count, and a count in the manifest is reset on every apply (SM2062). Scaling down removes the highest
    /// ordinals, so keep their claims (<c>whenScaled: Retain</c>, SM2061) and suit a budget to the minimum (SM2060).
    /// </summary>
    /// <param name="minReplicas">The fewest replicas (at least 1).</param>
    /// <param name="maxReplicas">The most replicas (at least <paramref name="minReplicas"/>).</param>
    /// <param name="configure">Metrics and scaling behaviour, or null for the defaults.</param>
    public StatefulSetBuilder Autoscale(int minReplicas, int maxReplicas, Func<AutoscalerBuilder, AutoscalerBuilder>? configure = null) =>
        NestOwned(
            built => OwnedObjects.Subject("HorizontalPodAutoscaler", built.NameFor(draft.Name)),
            AutoscalerBuilder.Between(minReplicas, maxReplicas),
            configure,
            (built, context) => built.Complete(context));
}
