using StatefulManifests.Analyzers.CodeFixes;
using StatefulManifests.Analyzers.Tests.Support;

namespace StatefulManifests.Analyzers.Tests;

/// <summary>SM1008's fix: each valid spelling of a mistyped quantity is one action, and Fix All applies one family.</summary>
public sealed class QuantityCodeFixTests
{
    private static readonly QuantityCodeFixProvider Provider = new();

    private static readonly string Bad = Declarations.CleanWith("Storage(\"1Gi\")", "Storage(\"10GB\")");

    [Fact]
    public void Offers_the_decimal_and_the_binary_spelling()
    {
        Assert.Equal([QuantityCodeFixProvider.DecimalKey, QuantityCodeFixProvider.BinaryKey], CodeFixHarness.OfferedKeys(Provider, Bad, "SM1008"));
    }

    [Fact]
    public void Binary_action_writes_Gi()
    {
        var fixedSource = CodeFixHarness.Apply(Provider, Bad, "SM1008", QuantityCodeFixProvider.BinaryKey);
        Assert.Equal(Declarations.CleanWith("Storage(\"1Gi\")", "Storage(\"10Gi\")"), fixedSource);
        Assert.DoesNotContain(AnalyzerHarness.Analyze(fixedSource), d => d.Id == "SM1008");
    }

    [Fact]
    public void Decimal_action_writes_G()
    {
        var fixedSource = CodeFixHarness.Apply(Provider, Bad, "SM1008", QuantityCodeFixProvider.DecimalKey);
        Assert.Equal(Declarations.CleanWith("Storage(\"1Gi\")", "Storage(\"10G\")"), fixedSource);
        Assert.DoesNotContain(AnalyzerHarness.Analyze(fixedSource), d => d.Id == "SM1008");
    }

    [Fact]
    public void Fix_all_rewrites_every_bad_quantity_of_the_document_in_one_family()
    {
        var bad = Declarations.CleanWith("Storage(\"1Gi\")", "Storage(\"10GB\")", "Requests(cpu: \"250m\", memory: \"256Mi\"", "Requests(cpu: \"250m\", memory: \"512mb\"");
        var expected = Declarations.CleanWith("Storage(\"1Gi\")", "Storage(\"10Gi\")", "Requests(cpu: \"250m\", memory: \"256Mi\"", "Requests(cpu: \"250m\", memory: \"512Mi\"");
        Assert.Equal(2, AnalyzerHarness.Analyze(bad).Count(d => d.Id == "SM1008"));
        Assert.Equal(expected, CodeFixHarness.FixAll(Provider, bad, "SM1008", QuantityCodeFixProvider.BinaryKey));
    }

    [Fact]
    public void No_action_when_the_quantity_is_not_a_literal()
    {
        var source = Declarations.Declare(
            Declarations.CleanBody.Replace("Storage(\"1Gi\")", "Storage(Size)", StringComparison.Ordinal),
            "    private const string Size = \"10GB\";");
        Assert.Empty(CodeFixHarness.OfferedKeys(Provider, source, "SM1008"));
    }
}
