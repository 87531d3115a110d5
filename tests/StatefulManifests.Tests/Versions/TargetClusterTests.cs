using StatefulManifests.Reconciliation;
using StatefulManifests.Versions;

namespace StatefulManifests.Tests.Versions;

public class TargetClusterTests
{
    [Fact]
    public void The_defaults_are_the_newest_release_and_its_gates()
    {
        Assert.Equal(FeatureGates.For(KubernetesVersion.Newest), new FeatureGates());
        Assert.Equal(FeatureGates.Kubernetes136, FeatureGates.For(KubernetesVersion.Parse("1.36")));
        Assert.Equal(TargetCluster.Default, TargetCluster.Read(null, null).Target);
        Assert.Equal(TargetCluster.Default, TargetCluster.Read("  ", " , ").Target);
        Assert.True(TargetCluster.Default.IsDefault);
        Assert.False(new FeatureGates().MaxUnavailableStatefulSet);
        Assert.True(new FeatureGates().StatefulSetSemanticRevisionComparison);
    }

    [Theory]
    [InlineData("1.34", false)]
    [InlineData("1.35.0", true)]
    [InlineData("1.35.3", true)]
    [InlineData("1.35.4", false)]
    [InlineData("1.35", false)]
    [InlineData("1.36", false)]
    public void MaxUnavailableStatefulSet_follows_its_patch_level_history(string version, bool on) =>
        Assert.Equal(on, FeatureGates.For(KubernetesVersion.Parse(version)).MaxUnavailableStatefulSet);

    [Theory]
    [InlineData("1.28", false, true, true)]
    [InlineData("1.29", true, true, true)]
    [InlineData("1.33", true, true, true)]
    public void Each_release_has_its_own_defaults(string version, bool sidecars, bool ordinals, bool retention)
    {
        var gates = FeatureGates.For(KubernetesVersion.Parse(version));
        Assert.Equal(sidecars, gates.SidecarContainers);
        Assert.Equal(ordinals, gates.StatefulSetStartOrdinal);
        Assert.Equal(retention, gates.StatefulSetAutoDeletePVC);
        Assert.False(FeatureGates.For(KubernetesVersion.Parse("1.31")).PodLevelResources);
        Assert.True(FeatureGates.For(KubernetesVersion.Parse("1.34")).PodLevelResources);
    }

    [Fact]
    public void Gates_are_set_in_the_kube_apiserver_syntax_and_keep_value_equality()
    {
        var read = TargetCluster.Read("v1.35.2", " MaxUnavailableStatefulSet=false , ImageVolume=FALSE,PodLevelResources=true ");
        Assert.Empty(read.Errors);
        Assert.Equal(KubernetesVersion.Parse("1.35.2"), read.Target.Version);
        Assert.False(read.Target.FeatureGates.MaxUnavailableStatefulSet);
        Assert.False(read.Target.FeatureGates.IsEnabled("ImageVolume"));
        Assert.Equal(FeatureGates.For(KubernetesVersion.Parse("1.35.2")) with { MaxUnavailableStatefulSet = false, ImageVolume = false }, read.Target.FeatureGates);
        Assert.Equal(read.Target, TargetCluster.Read("1.35.2", "ImageVolume=false,MaxUnavailableStatefulSet=false").Target);
        Assert.Equal(read.Target.GetHashCode(), TargetCluster.Read("1.35.2", "ImageVolume=false,MaxUnavailableStatefulSet=false").Target.GetHashCode());
    }

    [Fact]
    public void Gates_set_to_their_defaults_give_the_default_target()
    {
        Assert.Equal(TargetCluster.Default, TargetCluster.Read("1.36", "MaxUnavailableStatefulSet=false").Target);
        Assert.True(TargetCluster.Read("1.36", "SidecarContainers=true").Target.IsDefault);
    }

    [Fact]
    public void Every_problem_is_reported_at_once_and_what_could_be_read_is_kept()
    {
        var read = TargetCluster.Read("1.32", "MaxUnavailableStatefulSet=true,maxunavailablestatefulset=true,SidecarContainers,ImageVolume=yes,NodeSwap=true,SupplementalGroupsPolicy=true,=true");
        Assert.Equal(
            [
                "'maxunavailablestatefulset' is not a feature gate that changes StatefulSet fields or behaviour (those are MaxUnavailableStatefulSet, StatefulSetAutoDeletePVC, StatefulSetStartOrdinal, StatefulSetSemanticRevisionComparison, SidecarContainers, PodLevelResources, UserNamespacesSupport, ImageVolume, PodLifecycleSleepAction, RecursiveReadOnlyMounts, SupplementalGroupsPolicy, SELinuxChangePolicy, InPlacePodVerticalScaling; gate names are case-sensitive)",
                "'SidecarContainers' is not a feature gate setting; write Name=true or Name=false, separated by commas",
                "'ImageVolume=yes' is not a feature gate setting; write Name=true or Name=false, separated by commas",
                "'NodeSwap' is not a feature gate that changes StatefulSet fields or behaviour (those are MaxUnavailableStatefulSet, StatefulSetAutoDeletePVC, StatefulSetStartOrdinal, StatefulSetSemanticRevisionComparison, SidecarContainers, PodLevelResources, UserNamespacesSupport, ImageVolume, PodLifecycleSleepAction, RecursiveReadOnlyMounts, SupplementalGroupsPolicy, SELinuxChangePolicy, InPlacePodVerticalScaling; gate names are case-sensitive)",
                "'=true' is not a feature gate setting; write Name=true or Name=false, separated by commas",
            ],
            read.Errors);
        Assert.Equal(KubernetesVersion.Parse("1.32"), read.Target.Version);
        Assert.True(read.Target.FeatureGates.MaxUnavailableStatefulSet);
        Assert.True(read.Target.FeatureGates.SupplementalGroupsPolicy);
    }

    [Theory]
    [InlineData("1.30", "PodLevelResources=true", "PodLevelResources does not exist in Kubernetes 1.30 (it appeared in 1.32), so an API server of that release does not start with it")]
    [InlineData("1.33", "SidecarContainers=false", "SidecarContainers is GA in Kubernetes 1.33 (since 1.33) and locked on; it cannot be turned off")]
    [InlineData("1.36", "StatefulSetStartOrdinal=false", "StatefulSetStartOrdinal is GA in Kubernetes 1.36 (since 1.31) and locked on; it cannot be turned off")]
    [InlineData("1.27", "", "Kubernetes 1.27 is not supported; the project models 1.28 to 1.36")]
    public void Settings_kube_apiserver_would_refuse_are_errors(string version, string gates, string message)
    {
        var read = TargetCluster.Read(version, gates);
        Assert.Equal([message], read.Errors);
    }

    [Fact]
    public void A_beta_gate_can_be_turned_off_and_a_GA_gate_can_be_confirmed()
    {
        Assert.Empty(TargetCluster.Read("1.32", "SidecarContainers=false").Errors);
        Assert.Empty(TargetCluster.Read("1.36", "SidecarContainers=true").Errors);
        Assert.Throws<ArgumentException>(() => new FeatureGates().With("NoSuchGate", true));
    }
}
