using StatefulManifests.Model;
using StatefulManifests.Reconciliation;
using StatefulManifests.Versions;
using static StatefulManifests.Tests.Rules.CleanWorkload;

namespace StatefulManifests.Tests.Versions;

/// <summary>The API server's dropDisabledFields, shared by the validator and the simulator's admission.</summary>
public class DisabledFieldsTests
{
    private static readonly FeatureGates AllOff = KubernetesFeatures.Gates.Aggregate(new FeatureGates(), (g, gate) => g.With(gate.Name, false));

    [Fact]
    public void With_a_gate_on_nothing_is_dropped()
    {
        var set = WithSpec(s => s with { Ordinals = new StatefulSetOrdinals { Start = 2 } });
        Assert.Same(set, DisabledFields.Drop(set, null, new FeatureGates()));
    }

    [Fact]
    public void On_update_a_field_the_stored_object_already_uses_is_kept()
    {
        var stored = WithSpec(s => s with { Ordinals = new StatefulSetOrdinals { Start = 2 } });
        var updated = WithSpec(s => s with { Ordinals = new StatefulSetOrdinals { Start = 5 } });

        Assert.Equal(5, DisabledFields.Drop(updated, stored, AllOff).Spec!.Ordinals!.Start);
        Assert.Null(DisabledFields.Drop(updated, CleanSet, AllOff).Spec!.Ordinals);
        Assert.Null(DisabledFields.Drop(updated, null, AllOff).Spec!.Ordinals);
    }

    [Fact]
    public void Dropping_an_image_volume_drops_its_mounts_too()
    {
        var set = WithPod(p => p with
        {
            Volumes = ValueList.Of(
                new Volume { Name = "tools", Image = new ImageVolumeSource { Reference = "registry.example.com/tools:1.0" } },
                new Volume { Name = "cache", EmptyDir = new EmptyDirVolumeSource() }),
            Containers = p.Containers!.Select(c => c with
            {
                VolumeMounts = ValueList.Of(new VolumeMount { Name = "tools", MountPath = "/tools" }, new VolumeMount { Name = "cache", MountPath = "/cache" }),
            }).ToValueList(),
        });

        var pod = DisabledFields.Drop(set, null, new FeatureGates { ImageVolume = false }, out var dropped).Spec!.Template!.Spec!;

        Assert.Equal(["cache"], pod.Volumes!.Select(v => v.Name));
        Assert.Equal(["cache"], pod.Containers![0].VolumeMounts!.Select(m => m.Name));
        Assert.Equal("spec.template.spec.volumes[0].image", Assert.Single(dropped).Path.ToString());
    }

    [Fact]
    public void Dropping_the_sleep_action_drops_a_handler_left_empty_and_a_lifecycle_left_empty()
    {
        var onlySleep = WithContainer(c => c with { Lifecycle = new Lifecycle { PreStop = new LifecycleHandler { Sleep = new SleepAction { Seconds = 5 } } } });
        var sleepAndExec = WithContainer(c => c with
        {
            Lifecycle = new Lifecycle
            {
                PreStop = new LifecycleHandler { Sleep = new SleepAction { Seconds = 5 } },
                PostStart = new LifecycleHandler { Exec = new ExecAction { Command = ValueList.Of("true") } },
            },
        });
        var gates = new FeatureGates { PodLifecycleSleepAction = false };

        Assert.Null(DisabledFields.Drop(onlySleep, null, gates).Spec!.Template!.Spec!.Containers![0].Lifecycle);
        var kept = DisabledFields.Drop(sleepAndExec, null, gates).Spec!.Template!.Spec!.Containers![0].Lifecycle!;
        Assert.Null(kept.PreStop);
        Assert.NotNull(kept.PostStart!.Exec);
    }

    [Fact]
    public void Every_gated_field_is_dropped_from_init_and_regular_containers_alike()
    {
        var mount = new VolumeMount { Name = "data", MountPath = "/data", ReadOnly = true, RecursiveReadOnly = "IfPossible" };
        var resize = ValueList.Of(new ContainerResizePolicy { ResourceName = "cpu" });
        var set = WithPod(p => p with
        {
            InitContainers = ValueList.Of(CleanContainer with { Name = "init", RestartPolicy = ContainerRestartPolicy.Always, VolumeMounts = ValueList.Of(mount), ResizePolicy = resize }),
            Containers = ValueList.Of(CleanContainer with { VolumeMounts = ValueList.Of(mount), ResizePolicy = resize }),
        });

        var dropped = DisabledFields.Drop(set, null, AllOff, out var uses);

        Assert.Equal(
            [
                "spec.template.spec.initContainers[0].restartPolicy",
                "spec.template.spec.initContainers[0].resizePolicy",
                "spec.template.spec.containers[0].resizePolicy",
                "spec.template.spec.initContainers[0].volumeMounts[0].recursiveReadOnly",
                "spec.template.spec.containers[0].volumeMounts[0].recursiveReadOnly",
            ],
            uses.Select(u => u.Path.ToString()));
        Assert.Empty(KubernetesFeatures.Fields.SelectMany(f => f.UsesIn(dropped)));
    }

    [Fact]
    public void The_simulator_drops_what_its_gates_drop_and_keeps_what_they_keep()
    {
        var sidecar = WithPod(p => p with
        {
            InitContainers = ValueList.Of(CleanContainer with { Name = "proxy", Ports = null, ReadinessProbe = null, LivenessProbe = null, RestartPolicy = ContainerRestartPolicy.Always }),
        });

        var off = StatefulSetSimulation.Create(sidecar, new SimulationOptions { FeatureGates = FeatureGates.For(KubernetesVersion.Parse("1.28")) });
        var on = StatefulSetSimulation.Create(sidecar, new SimulationOptions { FeatureGates = FeatureGates.For(KubernetesVersion.Parse("1.29")) });

        Assert.Null(off.StatefulSet!.Spec!.Template!.Spec!.InitContainers![0].RestartPolicy);
        Assert.Equal(ContainerRestartPolicy.Always, on.StatefulSet!.Spec!.Template!.Spec!.InitContainers![0].RestartPolicy!.Value.Known);

        // Dropped before validation, the sidecar is a plain init container again, which may not have probes.
        var probed = WithPod(p => p with { InitContainers = ValueList.Of(CleanContainer with { Name = "proxy", Ports = null, RestartPolicy = ContainerRestartPolicy.Always }) });
        var rejected = Assert.Throws<StatefulSetRejectedException>(() => StatefulSetSimulation.Create(probed, new SimulationOptions { FeatureGates = FeatureGates.For(KubernetesVersion.Parse("1.28")) }));
        Assert.Contains(rejected.Errors, e => e.ToString() == "spec.template.spec.initContainers[0].readinessProbe: Forbidden: may not be set for init containers without restartPolicy=Always");
        Assert.Empty(StatefulManifests.Validation.WorkloadValidator.ValidateStatefulSet(probed, TargetCluster.For(KubernetesVersion.Parse("1.29"))));
    }

    [Fact]
    public void The_simulator_validates_maxUnavailable_only_where_its_gate_keeps_it()
    {
        var zero = WithSpec(s => s with
        {
            UpdateStrategy = new StatefulSetUpdateStrategy { Type = UpdateStrategyType.RollingUpdate, RollingUpdate = new RollingUpdateStatefulSetStrategy { MaxUnavailable = 0 } },
        });

        var dropped = StatefulSetSimulation.Create(zero);
        Assert.Null(dropped.StatefulSet!.Spec!.UpdateStrategy!.RollingUpdate!.MaxUnavailable);

        var rejected = Assert.Throws<StatefulSetRejectedException>(() => StatefulSetSimulation.Create(zero, new SimulationOptions { FeatureGates = new FeatureGates { MaxUnavailableStatefulSet = true } }));
        Assert.Contains(rejected.Errors, e => e.Path.ToString() == "spec.updateStrategy.rollingUpdate.maxUnavailable" && e.Message.EndsWith("cannot be 0", StringComparison.Ordinal));
    }
}
