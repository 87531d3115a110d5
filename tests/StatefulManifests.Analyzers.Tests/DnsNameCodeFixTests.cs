using StatefulManifests.Analyzers.CodeFixes;
using StatefulManifests.Analyzers.Tests.Support;

namespace StatefulManifests.Analyzers.Tests;

/// <summary>SM1002's fix for a name that is not a DNS-1123 name (the repair itself is tested in NameRepairTests).</summary>
public sealed class DnsNameCodeFixTests
{
    private static readonly DnsNameCodeFixProvider Provider = new();
    private const string Name = "StatefulSet(\"web\")";

    [Fact]
    public void Renames_the_workload_to_a_DNS_label()
    {
        var bad = Declarations.CleanWith(Name, "StatefulSet(\"My_Web\")");
        var fixedSource = CodeFixHarness.Apply(Provider, bad, "SM1002", DnsNameCodeFixProvider.Key);
        Assert.Equal(Declarations.CleanWith(Name, "StatefulSet(\"my-web\")"), fixedSource);
        Assert.DoesNotContain(AnalyzerHarness.Analyze(fixedSource), d => d.Id == "SM1002");
    }

    [Fact]
    public void No_action_for_an_SM1002_that_is_not_a_name()
    {
        Assert.Empty(CodeFixHarness.OfferedKeys(Provider, Declarations.CleanWith("Replicas(3)", "Replicas(-1)"), "SM1002"));
    }

    [Fact]
    public void No_action_when_the_name_is_not_a_literal()
    {
        var source = Declarations.Declare(
            Declarations.CleanBody.Replace(Name, "StatefulSet(WebName)", StringComparison.Ordinal),
            "    private const string WebName = \"My_Web\";");
        Assert.Empty(CodeFixHarness.OfferedKeys(Provider, source, "SM1002"));
    }
}
