using StatefulManifests.Analyzers.Tests.Support;

namespace StatefulManifests.Analyzers.Tests;

/// <summary>Findings in a ConfigMap or Role the workload owns are placed on the DSL call that wrote the field.</summary>
public sealed class OwnedConfigPlacementTests
{
    [Fact]
    public Task A_secret_config_entry_is_reported_on_the_entry() =>
        WorkloadAnalyzerTest.VerifyMarkedIdsAsync(Declarations.CleanWith(
            ".Replicas(3)", ".Replicas(3).Config(\"cfg\", c => c.{|SM3020:Entry(\"admin-password\", \"hunter2\")|})"));

    [Fact]
    public Task A_bad_config_key_is_reported_on_the_key_argument() =>
        WorkloadAnalyzerTest.VerifyMarkedIdsAsync(Declarations.CleanWith(
            ".Replicas(3)", ".Replicas(3).Config(\"cfg\", c => c.Entry({|SM1002:\"bad key\"|}, \"x\"))"));
}
