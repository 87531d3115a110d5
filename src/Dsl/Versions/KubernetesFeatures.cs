using StatefulManifests.Model;
using StatefulManifests.Validation;
using static StatefulManifests.Versions.FeatureStage;

namespace StatefulManifests.Versions;

/// <summary>
/// The one table of what changes between Kubernetes releases for the fields the project models: each feature gate
/// with its stage and default per release (<see cref="Gates"/>), and each StatefulSet or pod-template field a gate
/// guards (<see cref="Fields"/>). The validator, the linter, the simulator's admission and the docs table
/// (<c>docs/kubernetes-versions.md</c>, checked against this by a test) all read it. Before a gate's first release
/// the field does not exist (the API server rejects it as an unknown field); while the gate is off the API server
/// drops the field on write (<see cref="DisabledFields"/>).
/// </summary>
public static class KubernetesFeatures
{
    private const string FeatureGatesPage = "kubernetes.io/docs/reference/command-line-tools-reference/feature-gates";
    private const string VersionedGates = "pkg/features/kube_features.go (defaultVersionedKubernetesFeatureGates)";

    // Reference §A.3 and kube_features.go: alpha 1.24 (off) … 1.34; beta on in 1.35.0–1.35.3; demoted to off in
    // 1.35.4 and 1.36 after the Parallel deadlock kubernetes#137409 (PRs #137904, #137926).
    /// <summary><c>MaxUnavailableStatefulSet</c>: <c>spec.updateStrategy.rollingUpdate.maxUnavailable</c>.</summary>
    public static FeatureGateHistory MaxUnavailableStatefulSet { get; } = new(
        "MaxUnavailableStatefulSet", "reference §A.3; " + VersionedGates + "; kubernetes#137409",
        Stage(24, Alpha, false), Stage(35, Beta, true), Stage(35, 4, Beta, false));

    // Reference §A.3; kubernetes/website feature-gates/StatefulSetAutoDeletePVC.md: alpha 1.23, beta 1.27 (on), GA 1.32.
    /// <summary><c>StatefulSetAutoDeletePVC</c>: <c>spec.persistentVolumeClaimRetentionPolicy</c> (KEP-1847).</summary>
    public static FeatureGateHistory StatefulSetAutoDeletePVC { get; } = new(
        "StatefulSetAutoDeletePVC", "reference §A.3; " + FeatureGatesPage + "/StatefulSetAutoDeletePVC; KEP-1847",
        Stage(23, Alpha, false), Stage(27, Beta, true), Stage(32, GA, true));

    // Reference §A.3; kubernetes/website feature-gates/stateful-set-start-ordinal.md: alpha 1.26, beta 1.27 (on), GA 1.31.
    /// <summary><c>StatefulSetStartOrdinal</c>: <c>spec.ordinals</c> (KEP-3335).</summary>
    public static FeatureGateHistory StatefulSetStartOrdinal { get; } = new(
        "StatefulSetStartOrdinal", "reference §A.3; " + FeatureGatesPage + "/StatefulSetStartOrdinal; KEP-3335",
        Stage(26, Alpha, false), Stage(27, Beta, true), Stage(31, GA, true));

    // kube_features.go: "a mitigation for a 1.34 regression ... should not auto-disable even if emulating versions
    // prior to 1.34", so it is Beta/on from 1.0 for every release (kubernetes#134773, PR #135017).
    /// <summary><c>StatefulSetSemanticRevisionComparison</c>: the controller reuses a revision that differs only by defaulting.</summary>
    public static FeatureGateHistory StatefulSetSemanticRevisionComparison { get; } = new(
        "StatefulSetSemanticRevisionComparison", "reference §A.3; " + VersionedGates + "; kubernetes#134773",
        Stage(0, Beta, true));

    // kube_features.go: alpha 1.28, beta 1.29 (on), GA 1.33 (locked). KEP-753.
    /// <summary><c>SidecarContainers</c>: <c>restartPolicy: Always</c> on an init container (a sidecar).</summary>
    public static FeatureGateHistory SidecarContainers { get; } = new(
        "SidecarContainers", VersionedGates + "; KEP-753", Stage(28, Alpha, false), Stage(29, Beta, true), Stage(33, GA, true));

    // kube_features.go: alpha 1.32, beta 1.34 (on). KEP-2837.
    /// <summary><c>PodLevelResources</c>: <c>spec.resources</c> of the pod.</summary>
    public static FeatureGateHistory PodLevelResources { get; } = new(
        "PodLevelResources", VersionedGates + "; KEP-2837", Stage(32, Alpha, false), Stage(34, Beta, true));

    // kube_features.go: alpha 1.25, beta 1.30 (off), beta 1.33 (on). KEP-127.
    /// <summary><c>UserNamespacesSupport</c>: <c>hostUsers</c> of the pod.</summary>
    public static FeatureGateHistory UserNamespacesSupport { get; } = new(
        "UserNamespacesSupport", VersionedGates + "; KEP-127", Stage(25, Alpha, false), Stage(30, Beta, false), Stage(33, Beta, true));

    // kube_features.go: alpha 1.31, beta 1.33 (off), beta 1.35 (on). KEP-4639.
    /// <summary><c>ImageVolume</c>: a pod volume of type <c>image</c>.</summary>
    public static FeatureGateHistory ImageVolume { get; } = new(
        "ImageVolume", VersionedGates + "; KEP-4639", Stage(31, Alpha, false), Stage(33, Beta, false), Stage(35, Beta, true));

    // kube_features.go: alpha 1.29, beta 1.30 (on), GA 1.34 (locked). KEP-3960.
    /// <summary><c>PodLifecycleSleepAction</c>: the <c>sleep</c> lifecycle handler.</summary>
    public static FeatureGateHistory PodLifecycleSleepAction { get; } = new(
        "PodLifecycleSleepAction", VersionedGates + "; KEP-3960", Stage(29, Alpha, false), Stage(30, Beta, true), Stage(34, GA, true));

    // kube_features.go: alpha 1.30, beta 1.31 (on), GA 1.33 (locked). KEP-3857.
    /// <summary><c>RecursiveReadOnlyMounts</c>: <c>recursiveReadOnly</c> of a volume mount.</summary>
    public static FeatureGateHistory RecursiveReadOnlyMounts { get; } = new(
        "RecursiveReadOnlyMounts", VersionedGates + "; KEP-3857", Stage(30, Alpha, false), Stage(31, Beta, true), Stage(33, GA, true));

    // kube_features.go: alpha 1.31, beta 1.33 (on), GA 1.35 (locked). KEP-3619.
    /// <summary><c>SupplementalGroupsPolicy</c>: <c>securityContext.supplementalGroupsPolicy</c> of the pod.</summary>
    public static FeatureGateHistory SupplementalGroupsPolicy { get; } = new(
        "SupplementalGroupsPolicy", VersionedGates + "; KEP-3619", Stage(31, Alpha, false), Stage(33, Beta, true), Stage(35, GA, true));

    // kube_features.go: alpha 1.32, beta 1.33 (on). KEP-1710.
    /// <summary><c>SELinuxChangePolicy</c>: <c>securityContext.seLinuxChangePolicy</c> of the pod.</summary>
    public static FeatureGateHistory SELinuxChangePolicy { get; } = new(
        "SELinuxChangePolicy", VersionedGates + "; KEP-1710", Stage(32, Alpha, false), Stage(33, Beta, true));

    // kube_features.go: alpha 1.27, beta 1.33 (on), GA 1.35 (locked). KEP-1287.
    /// <summary><c>InPlacePodVerticalScaling</c>: <c>resizePolicy</c> of a container.</summary>
    public static FeatureGateHistory InPlacePodVerticalScaling { get; } = new(
        "InPlacePodVerticalScaling", VersionedGates + "; KEP-1287", Stage(27, Alpha, false), Stage(33, Beta, true), Stage(35, GA, true));

    /// <summary>Every gate the project models, by name.</summary>
    public static IReadOnlyList<FeatureGateHistory> Gates { get; } =
    [
        MaxUnavailableStatefulSet, StatefulSetAutoDeletePVC, StatefulSetStartOrdinal, StatefulSetSemanticRevisionComparison,
        SidecarContainers, PodLevelResources, UserNamespacesSupport, ImageVolume, PodLifecycleSleepAction,
        RecursiveReadOnlyMounts, SupplementalGroupsPolicy, SELinuxChangePolicy, InPlacePodVerticalScaling,
    ];

    /// <summary>
    /// Every gated field the model has, in manifest order. Paths use <c>[*]</c> for "any item"; findings name the
    /// exact item. Each row's dropping follows the registry's <c>dropDisabledFields</c> (see <see cref="DisabledFields"/>).
    /// </summary>
    public static IReadOnlyList<GatedField> Fields { get; } =
    [
        new("spec.updateStrategy.rollingUpdate.maxUnavailable", "maxUnavailable rolling updates", MaxUnavailableStatefulSet,
            StatefulSetFields.MaxUnavailable, StatefulSetFields.DropMaxUnavailable),
        new("spec.persistentVolumeClaimRetentionPolicy", "claim retention policy", StatefulSetAutoDeletePVC,
            StatefulSetFields.RetentionPolicy, StatefulSetFields.DropRetentionPolicy),
        new("spec.ordinals", "start ordinal", StatefulSetStartOrdinal, StatefulSetFields.Ordinals, StatefulSetFields.DropOrdinals),
        new("spec.template.spec.hostUsers", "user namespaces", UserNamespacesSupport, PodTemplateFields.HostUsers, PodTemplateFields.DropHostUsers),
        new("spec.template.spec.resources", "pod-level resources", PodLevelResources, PodTemplateFields.PodResources, PodTemplateFields.DropPodResources),
        new("spec.template.spec.securityContext.supplementalGroupsPolicy", "supplemental groups policy", SupplementalGroupsPolicy,
            PodTemplateFields.SupplementalGroupsPolicy, PodTemplateFields.DropSupplementalGroupsPolicy),
        new("spec.template.spec.securityContext.seLinuxChangePolicy", "SELinux change policy", SELinuxChangePolicy,
            PodTemplateFields.SeLinuxChangePolicy, PodTemplateFields.DropSeLinuxChangePolicy),
        new("spec.template.spec.initContainers[*].restartPolicy", "sidecar containers", SidecarContainers,
            PodTemplateFields.SidecarRestartPolicy, PodTemplateFields.DropSidecarRestartPolicy),
        new("spec.template.spec.containers[*].resizePolicy", "in-place resize policy", InPlacePodVerticalScaling,
            PodTemplateFields.ResizePolicy, PodTemplateFields.DropResizePolicy),
        new("spec.template.spec.containers[*].lifecycle.*.sleep", "sleep lifecycle action", PodLifecycleSleepAction,
            PodTemplateFields.SleepAction, PodTemplateFields.DropSleepAction),
        new("spec.template.spec.containers[*].volumeMounts[*].recursiveReadOnly", "recursive read-only mounts", RecursiveReadOnlyMounts,
            PodTemplateFields.RecursiveReadOnly, PodTemplateFields.DropRecursiveReadOnly),
        new("spec.template.spec.volumes[*].image", "image volumes", ImageVolume, PodTemplateFields.ImageVolumes, PodTemplateFields.DropImageVolumes),
    ];

    private static readonly Dictionary<string, FeatureGateHistory> ByName = Gates.ToDictionary(g => g.Name, StringComparer.Ordinal);

    /// <summary>The gate named <paramref name="name"/> (exact spelling, as <c>--feature-gates</c> takes it), or null.</summary>
    public static FeatureGateHistory? Gate(string name) => name is not null && ByName.TryGetValue(name, out var gate) ? gate : null;

    private static FeatureGateStage Stage(int minor, FeatureStage stage, bool enabled) => new(KubernetesVersion.Release(minor), stage, enabled);

    private static FeatureGateStage Stage(int minor, int patch, FeatureStage stage, bool enabled) => new(KubernetesVersion.Release(minor, patch), stage, enabled);
}

/// <summary>A field a feature gate guards: where it is, what it is for, and how to find and drop its uses.</summary>
public sealed class GatedField
{
    private readonly Func<StatefulSet, IEnumerable<FieldPath>> uses;
    private readonly Func<StatefulSet, StatefulSet> drop;

    internal GatedField(string field, string feature, FeatureGateHistory gate, Func<StatefulSet, IEnumerable<FieldPath>> uses, Func<StatefulSet, StatefulSet> drop)
    {
        Field = field;
        Feature = feature;
        Gate = gate;
        this.uses = uses;
        this.drop = drop;
    }

    /// <summary>The field's path, <c>[*]</c> standing for any list item.</summary>
    public string Field { get; }

    /// <summary>What the field is for, in a few words.</summary>
    public string Feature { get; }

    /// <summary>The gate that guards it.</summary>
    public FeatureGateHistory Gate { get; }

    /// <summary>The release the field first exists in (its gate's first stage).</summary>
    public KubernetesVersion Introduced => Gate.Introduced;

    /// <summary>Every place <paramref name="statefulSet"/> sets the field (exact paths, items indexed).</summary>
    public IReadOnlyList<FieldPath> UsesIn(StatefulSet? statefulSet) => statefulSet is null ? [] : uses(statefulSet).ToList();

    /// <summary><paramref name="statefulSet"/> without the field, as the API server stores it while the gate is off.</summary>
    public StatefulSet DropFrom(StatefulSet statefulSet) => drop(statefulSet);
}
