using StatefulManifests.Model;
using StatefulManifests.Rules;
using StatefulManifests.Tests.Rules;
using StatefulManifests.Validation;
using StatefulManifests.Versions;
using static StatefulManifests.Tests.Rules.CleanWorkload;

namespace StatefulManifests.Tests.Versions;

/// <summary>
/// Every version-dependent field: a target where it does not exist (SM1010, and the validator's unknown-field error),
/// a target whose gate drops it (SM1011, or SM2014 for maxUnavailable), and a target where it is kept (no finding).
/// </summary>
public class GatedFieldTests
{
    private static readonly Dictionary<string, Func<StatefulSet>> Uses = new()
    {
        ["maxUnavailable"] = () => WithSpec(s => s with
        {
            UpdateStrategy = new StatefulSetUpdateStrategy { Type = UpdateStrategyType.RollingUpdate, RollingUpdate = new RollingUpdateStatefulSetStrategy { MaxUnavailable = 2 } },
        }),
        ["retention"] = () => WithSpec(s => s with
        {
            PersistentVolumeClaimRetentionPolicy = new StatefulSetPersistentVolumeClaimRetentionPolicy { WhenDeleted = ClaimRetentionPolicy.Delete, WhenScaled = ClaimRetentionPolicy.Retain },
        }),
        ["ordinals"] = () => WithSpec(s => s with { Ordinals = new StatefulSetOrdinals { Start = 1 } }),
        ["hostUsers"] = () => WithPod(p => p with { HostUsers = false }),
        ["podResources"] = () => WithPod(p => p with { Resources = new ResourceRequirements { Limits = ValueMap.Of(("memory", Quantity.Parse("512Mi"))) } }),
        ["supplementalGroupsPolicy"] = () => WithPod(p => p with { SecurityContext = (p.SecurityContext ?? new PodSecurityContext()) with { SupplementalGroupsPolicy = "Merge" } }),
        ["seLinuxChangePolicy"] = () => WithPod(p => p with { SecurityContext = (p.SecurityContext ?? new PodSecurityContext()) with { SeLinuxChangePolicy = "Recursive" } }),
        ["sidecar"] = () => WithPod(p => p with
        {
            InitContainers = ValueList.Of(CleanContainer with { Name = "proxy", Ports = null, ReadinessProbe = null, LivenessProbe = null, RestartPolicy = ContainerRestartPolicy.Always }),
        }),
        ["resizePolicy"] = () => WithContainer(c => c with { ResizePolicy = ValueList.Of(new ContainerResizePolicy { ResourceName = "cpu", RestartPolicy = new EnumValue<ResizeRestartPolicy>("NotRequired") }) }),
        ["sleep"] = () => WithContainer(c => c with { Lifecycle = new Lifecycle { PreStop = new LifecycleHandler { Sleep = new SleepAction { Seconds = 5 } } } }),
        ["recursiveReadOnly"] = () => WithContainer(c => c with
        {
            VolumeMounts = ValueList.Of(new VolumeMount { Name = "data", MountPath = "/var/lib/web", ReadOnly = true, RecursiveReadOnly = "IfPossible" }),
        }),
        ["image"] = () => WithPod(p => p with
        {
            Volumes = ValueList.Of(new Volume { Name = "tools", Image = new ImageVolumeSource { Reference = "registry.example.com/tools:1.0", PullPolicy = PullPolicy.IfNotPresent } }),
        }),
    };

    private static readonly Dictionary<string, string> PathOf = new()
    {
        ["maxUnavailable"] = "spec.updateStrategy.rollingUpdate.maxUnavailable",
        ["retention"] = "spec.persistentVolumeClaimRetentionPolicy",
        ["ordinals"] = "spec.ordinals",
        ["hostUsers"] = "spec.template.spec.hostUsers",
        ["podResources"] = "spec.template.spec.resources",
        ["supplementalGroupsPolicy"] = "spec.template.spec.securityContext.supplementalGroupsPolicy",
        ["seLinuxChangePolicy"] = "spec.template.spec.securityContext.seLinuxChangePolicy",
        ["sidecar"] = "spec.template.spec.initContainers[0].restartPolicy",
        ["resizePolicy"] = "spec.template.spec.containers[0].resizePolicy",
        ["sleep"] = "spec.template.spec.containers[0].lifecycle.preStop.sleep",
        ["recursiveReadOnly"] = "spec.template.spec.containers[0].volumeMounts[0].recursiveReadOnly",
        ["image"] = "spec.template.spec.volumes[0].image",
    };

    [Theory]
    [InlineData("podResources", "1.31")]
    [InlineData("supplementalGroupsPolicy", "1.30")]
    [InlineData("seLinuxChangePolicy", "1.31")]
    [InlineData("sleep", "1.28")]
    [InlineData("recursiveReadOnly", "1.29")]
    [InlineData("image", "1.30")]
    public void A_field_the_release_does_not_have_is_SM1010_and_a_validation_error(string field, string version)
    {
        var set = Uses[field]();
        var target = TargetCluster.For(KubernetesVersion.Parse(version));

        var finding = FindingAssert.Of(Lint(set, target), RuleIds.FieldNotInTargetVersion).Single();
        Assert.Equal(PathOf[field], finding.Path.ToString());
        Assert.Contains("the target is " + version + ", whose API server rejects the unknown field", finding.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(FindingAssert.Of(Lint(set, target), RuleIds.ApiForbidden), f => f.Path.ToString() == PathOf[field]);

        var error = Assert.Single(WorkloadValidator.ValidateStatefulSet(set, target), e => e.Path.ToString() == PathOf[field]);
        Assert.Equal(FieldErrorType.Forbidden, error.Type);
        Assert.Contains("unknown field in Kubernetes " + version, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("retention", "1.30", "StatefulSetAutoDeletePVC=false")]
    [InlineData("ordinals", "1.30", "StatefulSetStartOrdinal=false")]
    [InlineData("hostUsers", "1.32", "")]
    [InlineData("podResources", "1.32", "")]
    [InlineData("podResources", "1.36", "PodLevelResources=false")]
    [InlineData("supplementalGroupsPolicy", "1.32", "")]
    [InlineData("seLinuxChangePolicy", "1.32", "")]
    [InlineData("sidecar", "1.28", "")]
    [InlineData("resizePolicy", "1.32", "")]
    [InlineData("sleep", "1.29", "")]
    [InlineData("recursiveReadOnly", "1.30", "")]
    [InlineData("image", "1.34", "")]
    public void A_field_whose_gate_is_off_is_SM1011_and_dropped_before_validation(string field, string version, string gates)
    {
        var set = Uses[field]();
        var target = Target(version, gates);

        var findings = Lint(set, target);
        var finding = FindingAssert.Of(findings, RuleIds.FieldDroppedByFeatureGate).Single();
        Assert.Equal(PathOf[field], finding.Path.ToString());
        Assert.Contains("the API server silently drops the field", finding.Message, StringComparison.Ordinal);
        FindingAssert.None(findings, RuleIds.FieldNotInTargetVersion);

        var dropped = DisabledFields.Drop(set, null, target.FeatureGates, out var uses);
        Assert.Equal(PathOf[field], Assert.Single(uses).Path.ToString());
        Assert.DoesNotContain(KubernetesFeatures.Fields.SelectMany(f => f.UsesIn(dropped)), p => p.ToString() == PathOf[field]);
        Assert.DoesNotContain(WorkloadValidator.ValidateStatefulSet(set, target), e => e.Path.ToString().StartsWith(PathOf[field], StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("maxUnavailable", "1.35.2")]
    [InlineData("retention", "1.30")]
    [InlineData("ordinals", "1.30")]
    [InlineData("hostUsers", "1.33")]
    [InlineData("podResources", "1.34")]
    [InlineData("supplementalGroupsPolicy", "1.33")]
    [InlineData("seLinuxChangePolicy", "1.33")]
    [InlineData("sidecar", "1.29")]
    [InlineData("resizePolicy", "1.33")]
    [InlineData("sleep", "1.30")]
    [InlineData("recursiveReadOnly", "1.31")]
    [InlineData("image", "1.35")]
    [InlineData("image", "1.34.1")]
    public void A_field_the_target_keeps_is_not_reported(string field, string version)
    {
        var target = version == "1.34.1" ? Target("1.34", "ImageVolume=true") : Target(version, string.Empty);
        var findings = Lint(Uses[field](), target);

        FindingAssert.None(findings, RuleIds.FieldNotInTargetVersion);
        FindingAssert.None(findings, RuleIds.FieldDroppedByFeatureGate);
        FindingAssert.None(findings, RuleIds.MaxUnavailableFeatureGated);
        DisabledFields.Drop(Uses[field](), null, target.FeatureGates, out var uses);
        Assert.Empty(uses);
    }

    [Theory]
    [InlineData("1.34", "by default in Kubernetes 1.34")]
    [InlineData("1.35", "by default in Kubernetes 1.35")]
    [InlineData("1.36", "by default in Kubernetes 1.36")]
    public void MaxUnavailable_is_SM2014_wherever_its_gate_is_off(string version, string where)
    {
        var finding = FindingAssert.Of(Lint(Uses["maxUnavailable"](), Target(version, string.Empty)), RuleIds.MaxUnavailableFeatureGated).Single();
        Assert.Contains("which is off " + where + ";", finding.Message, StringComparison.Ordinal);
        FindingAssert.None(Lint(Uses["maxUnavailable"](), Target(version, string.Empty)), RuleIds.FieldDroppedByFeatureGate);
    }

    [Fact]
    public void MaxUnavailable_with_the_gate_turned_off_on_1_35_2_says_so()
    {
        var finding = FindingAssert.Of(Lint(Uses["maxUnavailable"](), Target("1.35.2", "MaxUnavailableStatefulSet=false")), RuleIds.MaxUnavailableFeatureGated).Single();
        Assert.Contains("which is off in the target (Kubernetes 1.35.2 (MaxUnavailableStatefulSet=false));", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_gated_field_of_the_table_has_a_test_here()
    {
        var tested = PathOf.Values.Select(p => System.Text.RegularExpressions.Regex.Replace(p, @"\[\d+\]", "[*]")).ToHashSet();
        tested.Add("spec.template.spec.containers[*].lifecycle.*.sleep");
        Assert.All(KubernetesFeatures.Fields, f => Assert.Contains(f.Field, tested));
    }

    [Fact]
    public void The_SM1011_message_says_what_brings_the_field_back()
    {
        var offByDefault = FindingAssert.Of(Lint(Uses["image"](), Target("1.34", string.Empty)), RuleIds.FieldDroppedByFeatureGate).Single();
        Assert.Equal(
            "spec.template.spec.volumes[0].image: image volumes needs the ImageVolume feature gate, which is off in the target (Kubernetes 1.34); the API server silently drops the field — "
            + "turn ImageVolume on in the cluster (and in the target), target Kubernetes 1.35 or later (on by default), or remove the field",
            offByDefault.Message);

        var turnedOff = FindingAssert.Of(Lint(Uses["ordinals"](), Target("1.30", "StatefulSetStartOrdinal=false")), RuleIds.FieldDroppedByFeatureGate).Single();
        Assert.Equal(
            "spec.ordinals: start ordinal needs the StatefulSetStartOrdinal feature gate, which is off in the target (Kubernetes 1.30 (StatefulSetStartOrdinal=false)); the API server silently drops the field — "
            + "it is on by default in Kubernetes 1.30: remove the setting that turns StatefulSetStartOrdinal off, or remove the field",
            turnedOff.Message);
    }

    private static IReadOnlyList<Finding> Lint(StatefulSet set, TargetCluster target) =>
        WorkloadLinter.Lint(set, CleanService, CleanBudget, target);

    private static TargetCluster Target(string version, string gates)
    {
        var read = TargetCluster.Read(version, gates);
        Assert.Empty(read.Errors);
        return read.Target;
    }
}
