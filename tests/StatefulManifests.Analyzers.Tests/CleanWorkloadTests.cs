using StatefulManifests.Analyzers.Tests.Support;

namespace StatefulManifests.Analyzers.Tests;

/// <summary>The baseline every rule case changes: a workload the analyzer has nothing to say about.</summary>
public sealed class CleanWorkloadTests
{
    [Fact]
    public void The_clean_workload_has_no_diagnostic()
    {
        var diagnostics = AnalyzerHarness.Analyze(Declarations.Declare(Declarations.CleanBody));
        Assert.True(diagnostics.IsEmpty, string.Join("\n", diagnostics));
    }
}
