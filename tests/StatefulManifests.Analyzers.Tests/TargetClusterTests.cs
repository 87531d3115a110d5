using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using StatefulManifests.Analyzers.Tests.Support;
using static StatefulManifests.Analyzers.Tests.Support.Declarations;

namespace StatefulManifests.Analyzers.Tests;

/// <summary>
/// The analyzers check for the project's target cluster (MSBuild <c>StatefulManifestsKubernetesVersion</c>,
/// <c>StatefulManifestsFeatureGates</c>): SM1010 on a call that sets a field the release lacks, SM1011 where its
/// gate drops it, and SM1012 for a property value that cannot be read.
/// </summary>
public sealed class TargetClusterTests
{
    private static readonly string[] TargetIds = ["SM1010", "SM1011", "SM1012", "SM2014"];

    [Fact]
    public Task A_field_the_target_release_lacks_is_SM1010_on_the_call_that_sets_it() =>
        Run(
            Declare(CleanBody.Replace(".Mount(\"data\", \"/var/lib/web\"))", ".Mount(\"data\", \"/var/lib/web\").PreStop(h => h.{|SM1010:Sleep(5)|}))", StringComparison.Ordinal)),
            "StatefulManifestsKubernetesVersion = 1.28");

    [Fact]
    public Task The_same_field_is_clean_for_a_release_that_keeps_it() =>
        Run(
            Declare(CleanBody.Replace(".Mount(\"data\", \"/var/lib/web\"))", ".Mount(\"data\", \"/var/lib/web\").PreStop(h => h.Sleep(5)))", StringComparison.Ordinal)),
            "StatefulManifestsKubernetesVersion = 1.30");

    [Fact]
    public Task Ordinals_with_their_gate_turned_off_on_1_30_are_SM1011() =>
        Run(
            Declare(CleanBody.Replace(".Replicas(3)", ".Replicas(3).{|SM1011:OrdinalsStart(1)|}", StringComparison.Ordinal)),
            "StatefulManifestsKubernetesVersion = 1.30\nbuild_property.StatefulManifestsFeatureGates = StatefulSetStartOrdinal=false");

    [Fact]
    public Task Ordinals_on_1_30_with_the_default_gates_are_clean() =>
        Run(Declare(CleanBody.Replace(".Replicas(3)", ".Replicas(3).OrdinalsStart(1)", StringComparison.Ordinal)), "StatefulManifestsKubernetesVersion = 1.30");

    [Fact]
    public Task MaxUnavailable_zero_is_dropped_with_the_gate_off_and_an_error_with_it_on()
    {
        var body = CleanBody.Replace(".Replicas(3)", ".Replicas(3).RollingUpdate(maxUnavailable: {|SM2014:0|})", StringComparison.Ordinal);
        return Run(Declare(body), "StatefulManifestsKubernetesVersion = 1.36");
    }

    [Fact]
    public async Task MaxUnavailable_zero_with_the_gate_on_is_the_API_servers_error()
    {
        var test = WorkloadAnalyzerTest.Only(Declare(CleanBody.Replace(".Replicas(3)", ".Replicas(3).RollingUpdate(maxUnavailable: {|SM1002:0|})", StringComparison.Ordinal)), ["SM1002", .. TargetIds]);
        test.TestState.AnalyzerConfigFiles.Add(("/.globalconfig", "is_global = true\nbuild_property.StatefulManifestsFeatureGates = MaxUnavailableStatefulSet=true\n"));
        await test.RunAsync();
    }

    [Fact]
    public async Task A_property_value_that_cannot_be_read_is_SM1012_once_per_compilation()
    {
        var test = WorkloadAnalyzerTest.Only(Declare(CleanBody), TargetIds);
        test.TestState.AnalyzerConfigFiles.Add(("/.globalconfig", "is_global = true\nbuild_property.StatefulManifestsKubernetesVersion = 1.27\nbuild_property.StatefulManifestsFeatureGates = SidecarContainers=false,Nope=true\n"));
        test.ExpectedDiagnostics.Add(new DiagnosticResult("SM1012", DiagnosticSeverity.Error).WithNoLocation()
            .WithMessage("StatefulManifestsKubernetesVersion: Kubernetes 1.27 is not supported; the project models 1.28 to 1.36; the manifests are checked for Kubernetes 1.36 until it is fixed"));
        test.ExpectedDiagnostics.Add(new DiagnosticResult("SM1012", DiagnosticSeverity.Error).WithNoLocation()
            .WithMessage("StatefulManifestsFeatureGates: SidecarContainers is GA in Kubernetes 1.36 (since 1.33) and locked on; it cannot be turned off; the manifests are checked for Kubernetes 1.36 until it is fixed"));
        test.ExpectedDiagnostics.Add(new DiagnosticResult("SM1012", DiagnosticSeverity.Error).WithNoLocation()
            .WithMessage("StatefulManifestsFeatureGates: 'Nope' is not a feature gate that changes StatefulSet fields or behaviour (those are MaxUnavailableStatefulSet, StatefulSetAutoDeletePVC, StatefulSetStartOrdinal, StatefulSetSemanticRevisionComparison, SidecarContainers, PodLevelResources, UserNamespacesSupport, ImageVolume, PodLifecycleSleepAction, RecursiveReadOnlyMounts, SupplementalGroupsPolicy, SELinuxChangePolicy, InPlacePodVerticalScaling; gate names are case-sensitive); the manifests are checked for Kubernetes 1.36 until it is fixed"));
        await test.RunAsync();
    }

    private static async Task Run(string markup, string properties)
    {
        var test = WorkloadAnalyzerTest.Only(markup, TargetIds);
        test.TestState.AnalyzerConfigFiles.Add(("/.globalconfig", "is_global = true\nbuild_property." + properties + "\n"));
        await test.RunAsync();
    }
}
