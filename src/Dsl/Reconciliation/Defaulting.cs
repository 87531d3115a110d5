using StatefulManifests.Model;

namespace StatefulManifests.Reconciliation;

/// <summary>
/// What the API server does to a StatefulSet before storing it: apps/v1 defaulting (reference §A.1 — pkg/apis/apps/v1/defaults.go, including the
/// pod-template defaults that make two spellings of the same template one revision) and the registry's dropping of
/// gated fields. The simulation applies it on every create and update, exactly in the API server's order:
/// defaulting, then <see cref="DropDisabledFields"/>, then validation.
/// </summary>
public static class StatefulSetDefaulting
{
    /// <summary>The default <c>revisionHistoryLimit</c>.</summary>
    public const int DefaultRevisionHistoryLimit = 10;

    /// <summary>The default <c>terminationGracePeriodSeconds</c> of a pod.</summary>
    public const long DefaultTerminationGracePeriodSeconds = 30;

    /// <summary>
    /// Applies §A.1 — pkg/apis/apps/v1/defaults.go defaulting: replicas 1, podManagementPolicy OrderedReady, updateStrategy RollingUpdate (with an
    /// empty rollingUpdate <b>only</b> when the type was empty), partition 0, maxUnavailable 1 only when the
    /// MaxUnavailableStatefulSet gate is on, retention policy Retain/Retain, revisionHistoryLimit 10,
    /// minReadySeconds 0, and the pod-template defaults of <see cref="ApplyToPodTemplate"/>.
    /// </summary>
    public static StatefulSet Apply(StatefulSet statefulSet, FeatureGates gates)
    {
        var spec = statefulSet.Spec ?? new StatefulSetSpec();
        return statefulSet with
        {
            Spec = spec with
            {
                Replicas = spec.Replicas ?? 1,
                PodManagementPolicy = IsEmpty(spec.PodManagementPolicy) ? PodManagementPolicy.OrderedReady : spec.PodManagementPolicy,
                UpdateStrategy = DefaultUpdateStrategy(spec.UpdateStrategy, gates),
                PersistentVolumeClaimRetentionPolicy = DefaultRetention(spec.PersistentVolumeClaimRetentionPolicy),
                RevisionHistoryLimit = spec.RevisionHistoryLimit ?? DefaultRevisionHistoryLimit,
                MinReadySeconds = spec.MinReadySeconds ?? 0,
                Template = spec.Template is null ? null : ApplyToPodTemplate(spec.Template),
            },
        };
    }

    /// <summary>
    /// The registry strategy's <c>dropDisabledFields</c>: every gated field whose gate is off in <paramref name="gates"/>
    /// (maxUnavailable without MaxUnavailableStatefulSet, a sidecar's restartPolicy without SidecarContainers, ...) is
    /// silently removed unless the stored object (<paramref name="stored"/>, null on create) already uses it. The one
    /// implementation, shared with the validator, is <see cref="Versions.DisabledFields"/>.
    /// </summary>
    public static StatefulSet DropDisabledFields(StatefulSet statefulSet, StatefulSet? stored, FeatureGates gates) =>
        Versions.DisabledFields.Drop(statefulSet, stored, gates);

    /// <summary>
    /// The pod-template defaults the API server applies (<c>SetDefaults_PodSpec</c>, <c>_Container</c>,
    /// <c>_Probe</c>): restartPolicy Always, dnsPolicy ClusterFirst, terminationGracePeriodSeconds 30, schedulerName
    /// default-scheduler, an empty securityContext, enableServiceLinks true; per container terminationMessagePath
    /// <c>/dev/termination-log</c>, terminationMessagePolicy File, imagePullPolicy Always for <c>:latest</c> or
    /// untagged images and IfNotPresent otherwise, port protocol TCP, and probe timings 1/10/1/3.
    /// </summary>
    public static PodTemplateSpec ApplyToPodTemplate(PodTemplateSpec template)
    {
        var spec = template.Spec ?? new PodSpec();
        return template with
        {
            Spec = spec with
            {
                RestartPolicy = IsEmpty(spec.RestartPolicy) ? RestartPolicy.Always : spec.RestartPolicy,
                DnsPolicy = IsEmpty(spec.DnsPolicy) ? DnsPolicy.ClusterFirst : spec.DnsPolicy,
                TerminationGracePeriodSeconds = spec.TerminationGracePeriodSeconds ?? DefaultTerminationGracePeriodSeconds,
                SchedulerName = string.IsNullOrEmpty(spec.SchedulerName) ? "default-scheduler" : spec.SchedulerName,
                SecurityContext = spec.SecurityContext ?? new PodSecurityContext(),
                EnableServiceLinks = spec.EnableServiceLinks ?? true,
                Containers = spec.Containers?.Select(DefaultContainer).ToValueList(),
                InitContainers = spec.InitContainers?.Select(DefaultContainer).ToValueList(),
            },
        };
    }

    private static StatefulSetUpdateStrategy DefaultUpdateStrategy(StatefulSetUpdateStrategy? strategy, FeatureGates gates)
    {
        strategy ??= new StatefulSetUpdateStrategy();
        if (IsEmpty(strategy.Type))
        {
            // Only an empty type gets an empty rollingUpdate stanza; `type: RollingUpdate` alone keeps it nil (§B.6 — newVersionedStatefulSetPod in stateful_set_utils.go).
            strategy = strategy with { Type = UpdateStrategyType.RollingUpdate, RollingUpdate = strategy.RollingUpdate ?? new RollingUpdateStatefulSetStrategy() };
        }

        if (strategy.Type?.Known == UpdateStrategyType.RollingUpdate && strategy.RollingUpdate is { } rollingUpdate)
        {
            strategy = strategy with
            {
                RollingUpdate = rollingUpdate with
                {
                    Partition = rollingUpdate.Partition ?? 0,
                    MaxUnavailable = rollingUpdate.MaxUnavailable ?? (gates.MaxUnavailableStatefulSet ? IntOrString.FromInt(1) : (IntOrString?)null),
                },
            };
        }

        return strategy;
    }

    private static StatefulSetPersistentVolumeClaimRetentionPolicy DefaultRetention(StatefulSetPersistentVolumeClaimRetentionPolicy? policy)
    {
        policy ??= new StatefulSetPersistentVolumeClaimRetentionPolicy();
        return policy with
        {
            WhenDeleted = IsEmpty(policy.WhenDeleted) ? ClaimRetentionPolicy.Retain : policy.WhenDeleted,
            WhenScaled = IsEmpty(policy.WhenScaled) ? ClaimRetentionPolicy.Retain : policy.WhenScaled,
        };
    }

    private static Container DefaultContainer(Container container) => container with
    {
        TerminationMessagePath = string.IsNullOrEmpty(container.TerminationMessagePath) ? "/dev/termination-log" : container.TerminationMessagePath,
        TerminationMessagePolicy = IsEmpty(container.TerminationMessagePolicy) ? TerminationMessagePolicy.File : container.TerminationMessagePolicy,
        ImagePullPolicy = IsEmpty(container.ImagePullPolicy) ? DefaultPullPolicy(container.Image) : container.ImagePullPolicy,
        Ports = container.Ports?.Select(p => IsEmpty(p.Protocol) ? p with { Protocol = Protocol.TCP } : p).ToValueList(),
        LivenessProbe = DefaultProbe(container.LivenessProbe),
        ReadinessProbe = DefaultProbe(container.ReadinessProbe),
        StartupProbe = DefaultProbe(container.StartupProbe),
    };

    private static Probe? DefaultProbe(Probe? probe) => probe is null ? null : probe with
    {
        TimeoutSeconds = probe.TimeoutSeconds ?? 1,
        PeriodSeconds = probe.PeriodSeconds ?? 10,
        SuccessThreshold = probe.SuccessThreshold ?? 1,
        FailureThreshold = probe.FailureThreshold ?? 3,
        HttpGet = probe.HttpGet is { } get && IsEmpty(get.Scheme) ? get with { Scheme = UriScheme.HTTP } : probe.HttpGet,
    };

    // Kubernetes' ParseImageName: no tag and no digest means "latest"; "latest" pulls Always.
    private static EnumValue<PullPolicy> DefaultPullPolicy(string? image)
    {
        if (image is null || image.IndexOf('@') >= 0)
        {
            return PullPolicy.IfNotPresent;
        }

        var lastSlash = image.LastIndexOf('/');
        var colon = image.LastIndexOf(':');
        var tag = colon > lastSlash ? image.Substring(colon + 1) : "latest";
        return tag == "latest" ? PullPolicy.Always : PullPolicy.IfNotPresent;
    }

    private static bool IsEmpty<TEnum>(EnumValue<TEnum>? value)
        where TEnum : struct, Enum => value is null || value.Value.Value.Length == 0;
}
