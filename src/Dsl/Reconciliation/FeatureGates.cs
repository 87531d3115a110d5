namespace StatefulManifests.Reconciliation;

/// <summary>
/// The Kubernetes feature gates that change StatefulSet behaviour (reference §A.3 — the feature-gates docs page), as switches. The defaults are
/// those of Kubernetes v1.36, the baseline the simulation models.
/// </summary>
public sealed record FeatureGates
{
    /// <summary>The gates as Kubernetes v1.36 ships them.</summary>
    public static FeatureGates Kubernetes136 { get; } = new();

    /// <summary>
    /// <c>MaxUnavailableStatefulSet</c>: off by default in v1.36 (it was on in 1.35.0–1.35.3 only). When off, the API
    /// server silently drops <c>spec.updateStrategy.rollingUpdate.maxUnavailable</c> on create and the controller
    /// replaces one pod at a time (§B.4 step 13 — the rolling update in updateStatefulSet); when on, the maxUnavailable update path of §B.7 — KEP-961, updateStatefulSetAfterInvariantEstablished runs.
    /// </summary>
    public bool MaxUnavailableStatefulSet { get; init; }

    /// <summary>
    /// <c>StatefulSetSemanticRevisionComparison</c>: on by default. When the newest ControllerRevision differs from the
    /// freshly built one only in its serialisation (defaulting), the newest revision is reused instead of starting a
    /// spurious rollout (§B.3 step 3 — kubernetes#134773).
    /// </summary>
    public bool StatefulSetSemanticRevisionComparison { get; init; } = true;
}
