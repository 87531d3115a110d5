using StatefulManifests.Analyzers.Tests.Support;

namespace StatefulManifests.Analyzers.Tests;

/// <summary>The baseline every rule case changes: a workload the analyzer has nothing to say about.</summary>
public sealed class CleanWorkloadTests
{
    [Fact]
    public Task The_clean_workload_has_no_diagnostic() => WorkloadAnalyzerTest.VerifyAsync(Declarations.Declare(Declarations.CleanBody));
}
