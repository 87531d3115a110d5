using StatefulManifests.Analyzers.CodeFixes;
using StatefulManifests.Analyzers.Tests.Support;

namespace StatefulManifests.Analyzers.Tests;

/// <summary>SM1002's fix for a name that is not a DNS-1123 name (the repair itself is tested in NameRepairTests).</summary>
public sealed class DnsNameCodeFixTests
{
    private const string Id = "SM1002";
    private const string Name = "StatefulSet(\"web\")";

    [Fact]
    public Task Renames_the_workload_to_a_DNS_label()
    {
        // The name is the StatefulSet's, its Service's and its budget's: one literal, one finding naming the other
        // objects' fields, gone with one application of the fix.
        var test = new WorkloadCodeFixTest<DnsNameCodeFixProvider>(
            Id, Declarations.CleanWith(Name, "StatefulSet({|#0:\"My_Web\"|})"), Declarations.CleanWith(Name, "StatefulSet(\"my-web\")"), DnsNameCodeFixProvider.Key)
        {
            NumberOfIncrementalIterations = 1,
            NumberOfFixAllIterations = 1,
        };
        test.ExpectedDiagnostics.AddRange(Enumerable.Repeat(new Microsoft.CodeAnalysis.Testing.DiagnosticResult(Id, Microsoft.CodeAnalysis.DiagnosticSeverity.Error).WithLocation(0), 1));
        return test.RunAsync();
    }

    [Fact]
    public Task No_action_for_an_SM1002_that_is_not_a_name() =>
        WorkloadCodeFixTest<DnsNameCodeFixProvider>.VerifyNoFixAsync(Id, Declarations.CleanWith("Replicas(3)", "Replicas({|SM1002:-1|})"));

    [Fact]
    public Task No_action_when_the_name_is_not_a_literal()
    {
        var source = Declarations.Declare(
            Declarations.CleanBody.Replace(Name, "StatefulSet({|#0:WebName|})", StringComparison.Ordinal),
            "    private const string WebName = \"My_Web\";");
        var test = new WorkloadCodeFixTest<DnsNameCodeFixProvider>(Id, source, source);
        test.ExpectedDiagnostics.AddRange(Enumerable.Repeat(new Microsoft.CodeAnalysis.Testing.DiagnosticResult(Id, Microsoft.CodeAnalysis.DiagnosticSeverity.Error).WithLocation(0), 1));
        return test.RunAsync();
    }
}
