using StatefulManifests.Analyzers.Tests.Support;

namespace StatefulManifests.Analyzers.Tests;

/// <summary>
/// Diagnostics about the workload's HorizontalPodAutoscaler land on the <c>Autoscale</c> call's arguments, and a
/// replica count that fights it on the <c>Replicas</c> call.
/// </summary>
public sealed class AutoscalerDiagnosticsTests
{
    [Fact]
    public Task An_invalid_minimum_is_reported_on_the_minimum_argument() =>
        WorkloadAnalyzerTest.VerifyMarkedIdsAsync(Declarations.CleanWith(
            ".Replicas(3)", ".Autoscale({|SM1002:0|}, 6, a => a.TargetCpuUtilization(70))"));

    [Fact]
    public Task A_bad_metric_quantity_is_reported_on_its_argument() =>
        WorkloadAnalyzerTest.VerifyMarkedIdsAsync(Declarations.CleanWith(
            ".Replicas(3)", ".Autoscale(3, 6, a => a.TargetAverageValue(\"memory\", {|SM1008:\"4 GB\"|}))"));

    [Fact]
    public Task A_replica_count_beside_an_autoscaler_is_reported_on_the_count() =>
        WorkloadAnalyzerTest.VerifyMarkedIdsAsync(Declarations.CleanWith(
            ".Replicas(3)", ".Replicas({|SM2062:3|}).Autoscale(3, 6, a => a.TargetCpuUtilization(70))"));

    [Fact]
    public Task Without_a_count_a_budget_that_blocks_at_the_minimum_is_reported_on_the_budget() =>
        // The set then runs at the autoscaler's minimum, so the budget itself blocks drains (SM2008).
        WorkloadAnalyzerTest.VerifyMarkedIdsAsync(Declarations.CleanWith(
            ".DisruptionBudget(maxUnavailable: 1)", ".DisruptionBudget(minAvailable: {|SM2008:2|})",
            ".Replicas(3)", ".Autoscale(2, 6, a => a.TargetCpuUtilization(70))"));
}
