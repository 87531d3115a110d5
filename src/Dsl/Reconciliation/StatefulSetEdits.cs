using StatefulManifests.Model;

namespace StatefulManifests.Reconciliation;

/// <summary>
/// Small, immutable edits of a StatefulSet for simulation tests: each returns a changed copy, so
/// <c>sim.Apply(s => s.WithImage("nginx:1.27").WithPartition(2))</c> reads like the change it makes.
/// </summary>
public static class StatefulSetEdits
{
    /// <summary>Starts a simulation of this StatefulSet (see <see cref="StatefulSetSimulation.Create(StatefulSet, Service?, SimulationOptions?)"/>).</summary>
    public static StatefulSetSimulation Simulate(this StatefulSet statefulSet, SimulationOptions? options = null) =>
        StatefulSetSimulation.Create(statefulSet, options);

    /// <summary>Starts a simulation of this StatefulSet and its governing Service.</summary>
    public static StatefulSetSimulation Simulate(this StatefulSet statefulSet, Service service, SimulationOptions? options = null) =>
        StatefulSetSimulation.Create(statefulSet, service, options);

    /// <summary>Sets <c>spec.replicas</c>.</summary>
    public static StatefulSet WithReplicas(this StatefulSet set, int replicas) => set with { Spec = Spec(set) with { Replicas = replicas } };

    /// <summary>Sets the image of a container (the first when <paramref name="container"/> is null).</summary>
    public static StatefulSet WithImage(this StatefulSet set, string image, string? container = null)
    {
        var spec = Spec(set);
        var template = spec.Template ?? new PodTemplateSpec();
        var podSpec = template.Spec ?? new PodSpec();
        var containers = podSpec.Containers ?? ValueList<Container>.Empty;
        var index = container is null ? (containers.Count == 0 ? -1 : 0) : containers.ToList().FindIndex(c => c.Name == container);
        if (index < 0)
        {
            throw new ArgumentException(container is null ? "the pod template has no containers" : "the pod template has no container named " + container, nameof(container));
        }

        containers = containers.SetItem(index, containers[index] with { Image = image });
        return set with { Spec = spec with { Template = template with { Spec = podSpec with { Containers = containers } } } };
    }

    /// <summary>Replaces the pod template's annotations with one more (a template change without an image change).</summary>
    public static StatefulSet WithTemplateAnnotation(this StatefulSet set, string key, string value)
    {
        var spec = Spec(set);
        var template = spec.Template ?? new PodTemplateSpec();
        var metadata = template.Metadata ?? new ObjectMeta();
        return set with { Spec = spec with { Template = template with { Metadata = metadata with { Annotations = (metadata.Annotations ?? ValueMap<string>.Empty).SetItem(key, value) } } } };
    }

    /// <summary>Sets <c>spec.podManagementPolicy</c> (immutable after creation).</summary>
    public static StatefulSet WithPodManagementPolicy(this StatefulSet set, PodManagementPolicy policy) => set with { Spec = Spec(set) with { PodManagementPolicy = policy } };

    /// <summary>Sets <c>updateStrategy.type</c>, dropping <c>rollingUpdate</c> for OnDelete.</summary>
    public static StatefulSet WithUpdateStrategy(this StatefulSet set, UpdateStrategyType type)
    {
        var strategy = Spec(set).UpdateStrategy ?? new StatefulSetUpdateStrategy();
        return set with
        {
            Spec = Spec(set) with { UpdateStrategy = strategy with { Type = type, RollingUpdate = type == UpdateStrategyType.OnDelete ? null : strategy.RollingUpdate } },
        };
    }

    /// <summary>
    /// Sets <c>updateStrategy: {type: RollingUpdate}</c> with no <c>rollingUpdate</c> stanza: defaulting keeps it nil,
    /// which changes which revision re-created pods get (§B.6 — newVersionedStatefulSetPod in stateful_set_utils.go).
    /// </summary>
    public static StatefulSet WithNilRollingUpdate(this StatefulSet set) =>
        set with { Spec = Spec(set) with { UpdateStrategy = new StatefulSetUpdateStrategy { Type = UpdateStrategyType.RollingUpdate } } };

    /// <summary>Sets <c>updateStrategy.rollingUpdate.partition</c> (type RollingUpdate).</summary>
    public static StatefulSet WithPartition(this StatefulSet set, int partition) =>
        WithRollingUpdate(set, r => r with { Partition = partition });

    /// <summary>Sets <c>updateStrategy.rollingUpdate.maxUnavailable</c> (dropped by the API server when the gate is off).</summary>
    public static StatefulSet WithMaxUnavailable(this StatefulSet set, IntOrString? maxUnavailable) =>
        WithRollingUpdate(set, r => r with { MaxUnavailable = maxUnavailable });

    /// <summary>Sets <c>minReadySeconds</c>.</summary>
    public static StatefulSet WithMinReadySeconds(this StatefulSet set, int seconds) => set with { Spec = Spec(set) with { MinReadySeconds = seconds } };

    /// <summary>Sets <c>revisionHistoryLimit</c>.</summary>
    public static StatefulSet WithRevisionHistoryLimit(this StatefulSet set, int limit) => set with { Spec = Spec(set) with { RevisionHistoryLimit = limit } };

    /// <summary>Sets <c>ordinals.start</c>.</summary>
    public static StatefulSet WithOrdinalsStart(this StatefulSet set, int start) => set with { Spec = Spec(set) with { Ordinals = new StatefulSetOrdinals { Start = start } } };

    /// <summary>Sets <c>persistentVolumeClaimRetentionPolicy</c>.</summary>
    public static StatefulSet WithRetentionPolicy(this StatefulSet set, ClaimRetentionPolicy whenDeleted, ClaimRetentionPolicy whenScaled) =>
        set with { Spec = Spec(set) with { PersistentVolumeClaimRetentionPolicy = new StatefulSetPersistentVolumeClaimRetentionPolicy { WhenDeleted = whenDeleted, WhenScaled = whenScaled } } };

    private static StatefulSet WithRollingUpdate(StatefulSet set, Func<RollingUpdateStatefulSetStrategy, RollingUpdateStatefulSetStrategy> edit)
    {
        var strategy = Spec(set).UpdateStrategy ?? new StatefulSetUpdateStrategy();
        return set with
        {
            Spec = Spec(set) with
            {
                UpdateStrategy = strategy with { Type = UpdateStrategyType.RollingUpdate, RollingUpdate = edit(strategy.RollingUpdate ?? new RollingUpdateStatefulSetStrategy()) },
            },
        };
    }

    private static StatefulSetSpec Spec(StatefulSet set) => set.Spec ?? new StatefulSetSpec();
}
