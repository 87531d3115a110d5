using StatefulManifests.Model;
using StatefulManifests.Rules;
using static StatefulManifests.Tests.Rules.CleanWorkload;

namespace StatefulManifests.Tests.Rules;

/// <summary>SM0003 and SM0004: the DSL-usage rules computed on the model.</summary>
public class UsageRuleTests
{
    [Fact]
    public void SM0003_fires_on_a_container_named_like_an_init_container()
    {
        var set = WithPod(p => p with { InitContainers = ValueList.Of(CleanContainer with { Name = "web", LivenessProbe = null, ReadinessProbe = null }) });

        FindingAssert.Single(
            Lint(set),
            RuleIds.DuplicateName,
            "spec.template.spec.containers[0].name",
            "spec.template.spec.containers[0].name: container name \"web\" is already used by spec.template.spec.initContainers[0]; give each container a unique name");
    }

    [Fact]
    public void SM0003_fires_on_a_port_name_used_twice_in_one_container()
    {
        var set = WithContainer(c => c with { Ports = c.Ports!.Add(new ContainerPort { Name = "http", ContainerPortValue = 8443 }) });

        FindingAssert.Single(
            Lint(set),
            RuleIds.DuplicateName,
            "spec.template.spec.containers[0].ports[1].name",
            "spec.template.spec.containers[0].ports[1].name: port name \"http\" is already used by spec.template.spec.containers[0].ports[0]; give each port a unique name");
    }

    [Fact]
    public void SM0003_fires_on_a_volume_name_used_twice()
    {
        var set = WithPod(p => p with
        {
            Volumes = ValueList.Of(
                new Volume { Name = "cache", EmptyDir = new EmptyDirVolumeSource() },
                new Volume { Name = "cache", EmptyDir = new EmptyDirVolumeSource() }),
        });

        FindingAssert.Single(
            Lint(set),
            RuleIds.DuplicateName,
            "spec.template.spec.volumes[1].name",
            "spec.template.spec.volumes[1].name: volume name \"cache\" is already used by spec.template.spec.volumes[0]; give each volume a unique name");
    }

    [Fact]
    public void SM0003_fires_on_two_claim_templates_with_one_name()
    {
        var set = WithSpec(s => s with { VolumeClaimTemplates = s.VolumeClaimTemplates!.Add(s.VolumeClaimTemplates[0]) });

        FindingAssert.Single(
            Lint(set),
            RuleIds.DuplicateName,
            "spec.volumeClaimTemplates[1].metadata.name",
            "spec.volumeClaimTemplates[1].metadata.name: volume claim template name \"data\" is already used by spec.volumeClaimTemplates[0]; both collapse into one claim per pod and one spec is lost; give each volume claim template a unique name");
    }

    [Fact]
    public void SM0003_does_not_fire_when_names_repeat_only_across_kinds_or_containers()
    {
        // A container, a port in another container and a volume may share a name; port names are per container.
        var sidecar = CleanContainer with { Name = "data", Ports = ValueList.Of(new ContainerPort { Name = "http", ContainerPortValue = 9090 }) };
        var set = WithPod(p => p with
        {
            Containers = p.Containers!.Add(sidecar),
            Volumes = ValueList.Of(new Volume { Name = "web", EmptyDir = new EmptyDirVolumeSource() }),
        });

        FindingAssert.None(Lint(set), RuleIds.DuplicateName);
    }

    [Fact]
    public void SM0004_fires_on_a_mount_of_a_claim_that_does_not_exist()
    {
        var set = WithContainer(c => c with { VolumeMounts = ValueList.Of(new VolumeMount { Name = "www", MountPath = "/srv" }) });

        FindingAssert.Single(
            Lint(set),
            RuleIds.MountOfMissingVolume,
            "spec.template.spec.containers[0].volumeMounts[0].name",
            "spec.template.spec.containers[0].volumeMounts[0].name: volumeMount \"www\" refers to no pod volume and no volume claim template (declared: data); add a claim template or volume named \"www\", or mount one that exists");
    }

    [Fact]
    public void SM0004_fires_on_a_volume_device_when_nothing_is_declared()
    {
        var set = WithContainer(
            c => c with { VolumeMounts = null, VolumeDevices = ValueList.Of(new VolumeDevice { Name = "raw", DevicePath = "/dev/xvda" }) },
            WithSpec(s => s with { VolumeClaimTemplates = null }));

        FindingAssert.Single(
            Lint(set),
            RuleIds.MountOfMissingVolume,
            "spec.template.spec.containers[0].volumeDevices[0].name",
            "spec.template.spec.containers[0].volumeDevices[0].name: volumeDevice \"raw\" refers to no pod volume and no volume claim template (none is declared); add a claim template or volume named \"raw\", or mount one that exists");
    }

    [Fact]
    public void SM0004_does_not_fire_for_mounts_of_claim_templates_and_pod_volumes()
    {
        var set = WithPod(p => p with
        {
            Volumes = ValueList.Of(new Volume { Name = "tmp", EmptyDir = new EmptyDirVolumeSource() }),
            Containers = ValueList.Of(CleanContainer with { VolumeMounts = CleanContainer.VolumeMounts!.Add(new VolumeMount { Name = "tmp", MountPath = "/tmp" }) }),
        });

        FindingAssert.None(Lint(set), RuleIds.MountOfMissingVolume);
    }
}
