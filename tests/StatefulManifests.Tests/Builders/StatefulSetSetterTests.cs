using StatefulManifests.Model;
using static StatefulManifests.Tests.Builders.WorkloadAccess;

namespace StatefulManifests.Tests.Builders;

/// <summary>Every StatefulSet-level setter lands in its model field.</summary>
public class StatefulSetSetterTests
{
    [Fact]
    public void SpecScalarsLandInTheirFields()
    {
        var spec = Minimal()
            .Replicas(5)
            .PodManagementPolicy(PodManagementPolicy.Parallel)
            .RevisionHistoryLimit(3)
            .MinReadySeconds(10)
            .OrdinalsStart(1)
            .Build()
            .Spec();

        Assert.Equal(5, spec.Replicas);
        Assert.Equal<EnumValue<PodManagementPolicy>?>(PodManagementPolicy.Parallel, spec.PodManagementPolicy);
        Assert.Equal(3, spec.RevisionHistoryLimit);
        Assert.Equal(10, spec.MinReadySeconds);
        Assert.Equal(new StatefulSetOrdinals { Start = 1 }, spec.Ordinals);
    }

    [Fact]
    public void RollingUpdateWithoutArgumentsSetsOnlyTheType()
    {
        var strategy = Minimal().RollingUpdate().Build().Spec().UpdateStrategy;

        Assert.Equal(new StatefulSetUpdateStrategy { Type = UpdateStrategyType.RollingUpdate }, strategy);
    }

    [Fact]
    public void RollingUpdatePartitionAndMaxUnavailable()
    {
        var counted = Minimal().RollingUpdate(partition: 2, maxUnavailable: 3).Build().Spec().UpdateStrategy!;
        var percent = Minimal().RollingUpdate(maxUnavailable: "50%").Build().Spec().UpdateStrategy!;

        Assert.Equal(new RollingUpdateStatefulSetStrategy { Partition = 2, MaxUnavailable = 3 }, counted.RollingUpdate);
        Assert.Equal(new RollingUpdateStatefulSetStrategy { MaxUnavailable = "50%" }, percent.RollingUpdate);
    }

    [Fact]
    public void ALaterRollingUpdateCallKeepsFieldsItDoesNotMention()
    {
        var strategy = Minimal().RollingUpdate(maxUnavailable: 2).RollingUpdate(partition: 4).Build().Spec().UpdateStrategy!;

        Assert.Equal(new RollingUpdateStatefulSetStrategy { Partition = 4, MaxUnavailable = 2 }, strategy.RollingUpdate);
    }

    [Fact]
    public void OnDeleteReplacesARollingUpdateAndDropsItsParameters()
    {
        var strategy = Minimal().RollingUpdate(partition: 1).OnDelete().Build().Spec().UpdateStrategy;

        Assert.Equal(new StatefulSetUpdateStrategy { Type = UpdateStrategyType.OnDelete }, strategy);
    }

    [Fact]
    public void ClaimRetentionSetsEachGivenPolicyAndKeepsTheOther()
    {
        var both = Minimal().ClaimRetention(ClaimRetentionPolicy.Delete, ClaimRetentionPolicy.Retain).Build().Spec().PersistentVolumeClaimRetentionPolicy;
        var merged = Minimal().ClaimRetention(whenDeleted: ClaimRetentionPolicy.Delete).ClaimRetention(whenScaled: ClaimRetentionPolicy.Delete).Build().Spec().PersistentVolumeClaimRetentionPolicy;

        Assert.Equal(new StatefulSetPersistentVolumeClaimRetentionPolicy { WhenDeleted = ClaimRetentionPolicy.Delete, WhenScaled = ClaimRetentionPolicy.Retain }, both);
        Assert.Equal(new StatefulSetPersistentVolumeClaimRetentionPolicy { WhenDeleted = ClaimRetentionPolicy.Delete, WhenScaled = ClaimRetentionPolicy.Delete }, merged);
    }

    [Fact]
    public void MetadataSettersTargetTheRightObject()
    {
        var w = Minimal("web")
            .Namespace("prod")
            .StatefulSetLabels(("team", "storage"))
            .StatefulSetAnnotations(("owner", "ops@example.com"))
            .PodAnnotations(("prometheus.io/scrape", "true"))
            .Build();

        Assert.Equal("web", w.StatefulSet.Metadata!.Name);
        Assert.Equal("prod", w.StatefulSet.Metadata.Namespace);
        Assert.Equal(Map(("team", "storage")), w.StatefulSet.Metadata.Labels);
        Assert.Equal(Map(("owner", "ops@example.com")), w.StatefulSet.Metadata.Annotations);
        Assert.Equal(Map(("prometheus.io/scrape", "true")), w.Spec().Template!.Metadata!.Annotations);
        Assert.DoesNotContain("team", w.PodLabels().Keys);
    }

    [Fact]
    public void PodSettersLandInThePodSpec()
    {
        var pod = Minimal()
            .ServiceAccountName("db-sa")
            .AutomountServiceAccountToken(false)
            .ImagePullSecrets("regcred", "mirror")
            .PriorityClassName("high")
            .DnsPolicy(DnsPolicy.ClusterFirstWithHostNet)
            .TerminationGracePeriodSeconds(10)
            .HostNetwork()
            .RestartPolicy(RestartPolicy.Always)
            .SchedulerName("custom")
            .RuntimeClassName("gvisor")
            .EnableServiceLinks(false)
            .ShareProcessNamespace()
            .Build()
            .Pod();

        Assert.Equal("db-sa", pod.ServiceAccountName);
        Assert.False(pod.AutomountServiceAccountToken);
        Assert.Equal(ValueList.Of(new LocalObjectReference { Name = "regcred" }, new LocalObjectReference { Name = "mirror" }), pod.ImagePullSecrets);
        Assert.Equal("high", pod.PriorityClassName);
        Assert.Equal<EnumValue<DnsPolicy>?>(DnsPolicy.ClusterFirstWithHostNet, pod.DnsPolicy);
        Assert.Equal(10L, pod.TerminationGracePeriodSeconds);
        Assert.True(pod.HostNetwork);
        Assert.Equal<EnumValue<RestartPolicy>?>(RestartPolicy.Always, pod.RestartPolicy);
        Assert.Equal("custom", pod.SchedulerName);
        Assert.Equal("gvisor", pod.RuntimeClassName);
        Assert.False(pod.EnableServiceLinks);
        Assert.True(pod.ShareProcessNamespace);
    }

    [Fact]
    public void PodSecurityContextSetters()
    {
        var context = Minimal()
            .SecurityContext(s => s
                .RunAsUser(1000)
                .RunAsGroup(3000)
                .RunAsNonRoot()
                .FsGroup(2000)
                .FsGroupChangePolicy(FsGroupChangePolicy.OnRootMismatch)
                .SupplementalGroups(4000, 5000)
                .SeccompProfile(SeccompProfileType.RuntimeDefault)
                .Sysctl("net.core.somaxconn", "1024")
                .SeLinuxOptions(level: "s0:c123,c456"))
            .Build()
            .Pod()
            .SecurityContext;

        Assert.Equal(
            new PodSecurityContext
            {
                RunAsUser = 1000,
                RunAsGroup = 3000,
                RunAsNonRoot = true,
                FsGroup = 2000,
                FsGroupChangePolicy = FsGroupChangePolicy.OnRootMismatch,
                SupplementalGroups = ValueList.Of(4000L, 5000L),
                SeccompProfile = new SeccompProfile { Type = SeccompProfileType.RuntimeDefault },
                Sysctls = ValueList.Of(new Sysctl { Name = "net.core.somaxconn", Value = "1024" }),
                SeLinuxOptions = new SELinuxOptions { Level = "s0:c123,c456" },
            },
            context);
    }

    [Fact]
    public void ContainersAndInitContainersKeepDeclarationOrder()
    {
        var pod = Workload.StatefulSet("s")
            .InitContainer("init-a", c => c.Image("a:1"))
            .Container("main", c => c.Image("m:1"))
            .InitContainer("init-b", c => c.Image("b:1"))
            .Container("sidecar", c => c.Image("s:1"))
            .Build()
            .Pod();

        Assert.Equal(["init-a", "init-b"], pod.InitContainers!.Select(c => c.Name));
        Assert.Equal(["main", "sidecar"], pod.Containers!.Select(c => c.Name));
    }

    [Fact]
    public void ContainerWithAnExistingNameIsConfiguredFurtherNotDuplicated()
    {
        var w = Workload.StatefulSet("s")
            .Container("app", c => c.Image("app:1").Port("http", 8080))
            .Container("app", c => c.Image("app:2"))
            .Build();

        var container = Assert.Single(w.Pod().Containers!);
        Assert.Equal("app:2", container.Image);
        Assert.Equal(8080, Assert.Single(container.Ports!).ContainerPortValue);
    }

    [Fact]
    public void VolumeClaimWithAnExistingNameIsConfiguredFurther()
    {
        var claims = Minimal().VolumeClaim("data", "1Gi").VolumeClaim("other", "2Gi").VolumeClaim("data", v => v.StorageClass("fast")).Build().Spec().VolumeClaimTemplates!;

        Assert.Equal(["data", "other"], claims.Select(c => c.Metadata!.Name));
        Assert.Equal("fast", claims[0].Spec!.StorageClassName);
        Assert.Equal(Quantity.Parse("1Gi"), claims[0].Spec!.Resources!.Requests!["storage"]);
    }

    [Fact]
    public void ModifyPodSpecAppliesNowAndLaterCallsBuildOnIt()
    {
        var pod = Minimal()
            .ModifyPodSpec(p => p with { HostUsers = false, Hostname = "ignored-by-statefulset" })
            .ServiceAccountName("sa")
            .Build()
            .Pod();

        Assert.False(pod.HostUsers);
        Assert.Equal("ignored-by-statefulset", pod.Hostname);
        Assert.Equal("sa", pod.ServiceAccountName);
    }

    [Fact]
    public void ModifyPodTemplateKeepsSelectorLabelsOnThePods()
    {
        var w = Minimal("web")
            .ModifyPodTemplate(t => t with { Metadata = new ObjectMeta { Labels = Map(("extra", "1")) } })
            .Build();

        Assert.Equal(Map(("app.kubernetes.io/name", "web"), ("extra", "1")), w.PodLabels());
    }

    [Fact]
    public void ModifyStatefulSetRunsAfterTheDefaultsAndTheServiceFollowsIt()
    {
        var w = Minimal("web")
            .ModifyStatefulSet(s => s with
            {
                Metadata = s.Metadata! with { Uid = "abc" },
                Spec = s.Spec! with { ServiceName = "renamed", Selector = new LabelSelector { MatchLabels = Map(("custom", "yes")) } },
            })
            .DisruptionBudget()
            .Build();

        Assert.Equal("abc", w.StatefulSet.Metadata!.Uid);
        Assert.Equal("renamed", w.Service!.Metadata!.Name);
        Assert.Equal(Map(("custom", "yes")), w.Service.Spec!.Selector);
        Assert.Equal(Map(("custom", "yes")), w.DisruptionBudget!.Spec!.Selector!.MatchLabels);
    }

    [Fact]
    public void NullLambdasAreProgrammingErrors()
    {
        var b = Minimal();

        Assert.Throws<ArgumentNullException>(() => Workload.StatefulSet(null!));
        Assert.Throws<ArgumentNullException>(() => b.Container("x", null!));
        Assert.Throws<ArgumentNullException>(() => b.ModifyPodSpec(null!));
        Assert.Throws<ArgumentNullException>(() => b.ModifyStatefulSet(null!));
        Assert.Throws<InvalidOperationException>(() => b.Container("x", _ => null!));
    }

    [Fact]
    public void BadValuesAreRecordedNotThrown()
    {
        var w = Workload.StatefulSet("Bad_Name")
            .Replicas(-1)
            .Container("main", c => c.Image("x:1").Requests(cpu: "lots", memory: "10GB"))
            .VolumeClaim("data", "10GB")
            .Build();

        Assert.Equal(-1, w.Spec().Replicas);
        Assert.False(w.Container().Resources!.Requests!["cpu"].IsValid);
        Assert.Equal("10GB", w.Container().Resources!.Requests!["memory"].ToString());
        Assert.False(w.Spec().VolumeClaimTemplates![0].Spec!.Resources!.Requests!["storage"].IsValid);
    }
}
