using StatefulManifests.Model;
using StatefulManifests.Versions;

namespace StatefulManifests.Reconciliation;

/// <summary>
/// The Kubernetes feature gates that change StatefulSet behaviour or the StatefulSet and pod-template fields the API
/// server keeps (reference §A.3 — the feature-gates docs page), as switches. <c>new FeatureGates()</c> holds the
/// defaults of Kubernetes v1.36, the baseline the simulation models; <see cref="For"/> gives any modelled release's
/// defaults. The stages and defaults come from <see cref="KubernetesFeatures"/>, the one table of them.
/// </summary>
public sealed record FeatureGates
{
    private ValueMap<bool> enabled;

    /// <summary>The gates with the defaults of Kubernetes v1.36.</summary>
    public FeatureGates() => enabled = DefaultsAt(KubernetesVersion.Newest);

    private FeatureGates(ValueMap<bool> enabled) => this.enabled = enabled;

    /// <summary>The gates as Kubernetes v1.36 ships them.</summary>
    public static FeatureGates Kubernetes136 { get; } = new();

    /// <summary>
    /// <c>MaxUnavailableStatefulSet</c>: off by default in v1.36 (it was on in 1.35.0–1.35.3 only). When off, the API
    /// server silently drops <c>spec.updateStrategy.rollingUpdate.maxUnavailable</c> on create and the controller
    /// replaces one pod at a time (§B.4 step 13 — the rolling update in updateStatefulSet); when on, the maxUnavailable update path of §B.7 — KEP-961, updateStatefulSetAfterInvariantEstablished runs.
    /// </summary>
    public bool MaxUnavailableStatefulSet { get => Get(); init => Set(value); }

    /// <summary>
    /// <c>StatefulSetSemanticRevisionComparison</c>: on by default. When the newest ControllerRevision differs from the
    /// freshly built one only in its serialisation (defaulting), the newest revision is reused instead of starting a
    /// spurious rollout (§B.3 step 3 — kubernetes#134773).
    /// </summary>
    public bool StatefulSetSemanticRevisionComparison { get => Get(); init => Set(value); }

    /// <summary><c>StatefulSetAutoDeletePVC</c> (GA 1.32): <c>spec.persistentVolumeClaimRetentionPolicy</c> is kept.</summary>
    public bool StatefulSetAutoDeletePVC { get => Get(); init => Set(value); }

    /// <summary><c>StatefulSetStartOrdinal</c> (GA 1.31): <c>spec.ordinals</c> is kept.</summary>
    public bool StatefulSetStartOrdinal { get => Get(); init => Set(value); }

    /// <summary><c>SidecarContainers</c> (GA 1.33): an init container's <c>restartPolicy</c> is kept.</summary>
    public bool SidecarContainers { get => Get(); init => Set(value); }

    /// <summary><c>PodLevelResources</c> (beta, on since 1.34): the pod's <c>resources</c> is kept.</summary>
    public bool PodLevelResources { get => Get(); init => Set(value); }

    /// <summary><c>UserNamespacesSupport</c> (beta, on since 1.33): the pod's <c>hostUsers</c> is kept.</summary>
    public bool UserNamespacesSupport { get => Get(); init => Set(value); }

    /// <summary><c>ImageVolume</c> (beta, on since 1.35): image volumes (and their mounts) are kept.</summary>
    public bool ImageVolume { get => Get(); init => Set(value); }

    /// <summary><c>PodLifecycleSleepAction</c> (GA 1.34): the <c>sleep</c> lifecycle handler is kept.</summary>
    public bool PodLifecycleSleepAction { get => Get(); init => Set(value); }

    /// <summary><c>RecursiveReadOnlyMounts</c> (GA 1.33): a mount's <c>recursiveReadOnly</c> is kept.</summary>
    public bool RecursiveReadOnlyMounts { get => Get(); init => Set(value); }

    /// <summary><c>SupplementalGroupsPolicy</c> (GA 1.35): the pod's <c>supplementalGroupsPolicy</c> is kept.</summary>
    public bool SupplementalGroupsPolicy { get => Get(); init => Set(value); }

    /// <summary><c>SELinuxChangePolicy</c> (beta, on since 1.33): the pod's <c>seLinuxChangePolicy</c> is kept.</summary>
    public bool SELinuxChangePolicy { get => Get(); init => Set(value); }

    /// <summary><c>InPlacePodVerticalScaling</c> (GA 1.35): a container's <c>resizePolicy</c> is kept.</summary>
    public bool InPlacePodVerticalScaling { get => Get(); init => Set(value); }

    /// <summary>Every gate and whether it is on, by name (ordinal order).</summary>
    public IReadOnlyDictionary<string, bool> Values => enabled;

    /// <summary>The defaults of a Kubernetes release: each gate's default at <paramref name="version"/> (off before the gate exists).</summary>
    public static FeatureGates For(KubernetesVersion version) => new(DefaultsAt(version));

    /// <summary>Whether the gate named <paramref name="gate"/> is on; false for a gate the project does not model.</summary>
    public bool IsEnabled(string gate) => gate is not null && enabled.TryGetValue(gate, out var on) && on;

    /// <summary>
    /// These gates with <paramref name="gate"/> set to <paramref name="value"/>.
    /// </summary>
    /// <exception cref="ArgumentException"><paramref name="gate"/> is not a gate the project models (see <see cref="KubernetesFeatures.Gates"/>).</exception>
    public FeatureGates With(string gate, bool value) =>
        KubernetesFeatures.Gate(gate) is null
            ? throw new ArgumentException("'" + gate + "' is not a feature gate the project models (" + string.Join(", ", KubernetesFeatures.Gates.Select(g => g.Name)) + ")", nameof(gate))
            : new FeatureGates(Changed(enabled, gate, value));

    /// <summary><c>Name=true,Other=false</c>, the <c>--feature-gates</c> syntax, every gate in ordinal order.</summary>
    public override string ToString() => string.Join(",", enabled.Select(e => e.Key + "=" + (e.Value ? "true" : "false")));

    private static ValueMap<bool> DefaultsAt(KubernetesVersion version) =>
        ValueMap<bool>.From(KubernetesFeatures.Gates.Select(g => new KeyValuePair<string, bool>(g.Name, g.DefaultAt(version))));

    private bool Get([System.Runtime.CompilerServices.CallerMemberName] string gate = "") => enabled.TryGetValue(gate, out var on) && on;

    private void Set(bool value, [System.Runtime.CompilerServices.CallerMemberName] string gate = "") => enabled = Changed(enabled, gate, value);

    private static ValueMap<bool> Changed(ValueMap<bool> values, string gate, bool value) =>
        ValueMap<bool>.From(values.Concat([new KeyValuePair<string, bool>(gate, value)]));
}
