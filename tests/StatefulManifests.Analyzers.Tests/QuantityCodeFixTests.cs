using StatefulManifests.Analyzers.CodeFixes;
using StatefulManifests.Analyzers.Tests.Support;

namespace StatefulManifests.Analyzers.Tests;

/// <summary>SM1008's fix: each valid spelling of a mistyped quantity is one action, and Fix All applies one family.</summary>
public sealed class QuantityCodeFixTests
{
    private const string Id = "SM1008";
    private static readonly string Bad = Declarations.CleanWith("Storage(\"1Gi\")", "Storage({|SM1008:\"10GB\"|})");

    [Theory]
    [InlineData(0, QuantityCodeFixProvider.DecimalKey, "10G")]
    [InlineData(1, QuantityCodeFixProvider.BinaryKey, "10Gi")]
    public Task Offers_the_decimal_and_the_binary_spelling(int index, string key, string quantity)
    {
        var test = new WorkloadCodeFixTest<QuantityCodeFixProvider>(Id, Bad, Declarations.CleanWith("Storage(\"1Gi\")", "Storage(\"" + quantity + "\")"), key)
        {
            CodeActionIndex = index,
        };
        return test.RunAsync();
    }

    [Fact]
    public async Task Offers_no_third_action()
    {
        var test = new WorkloadCodeFixTest<QuantityCodeFixProvider>(Id, Bad, Declarations.CleanWith("Storage(\"1Gi\")", "Storage(\"10Gi\")"))
        {
            CodeActionIndex = 2,
        };
        await Assert.ThrowsAnyAsync<Exception>(() => test.RunAsync());
    }

    [Fact]
    public Task Binary_action_writes_Gi() =>
        WorkloadCodeFixTest<QuantityCodeFixProvider>.VerifyAsync(Id, Bad, Declarations.CleanWith("Storage(\"1Gi\")", "Storage(\"10Gi\")"), QuantityCodeFixProvider.BinaryKey);

    [Fact]
    public Task Decimal_action_writes_G() =>
        WorkloadCodeFixTest<QuantityCodeFixProvider>.VerifyAsync(Id, Bad, Declarations.CleanWith("Storage(\"1Gi\")", "Storage(\"10G\")"), QuantityCodeFixProvider.DecimalKey);

    [Fact]
    public Task Fix_all_rewrites_every_bad_quantity_of_the_document_in_one_family()
    {
        var bad = Declarations.CleanWith("Storage(\"1Gi\")", "Storage({|SM1008:\"10GB\"|})", "Requests(cpu: \"250m\", memory: \"256Mi\"", "Requests(cpu: \"250m\", memory: {|SM1008:\"512mb\"|}");
        var expected = Declarations.CleanWith("Storage(\"1Gi\")", "Storage(\"10Gi\")", "Requests(cpu: \"250m\", memory: \"256Mi\"", "Requests(cpu: \"250m\", memory: \"512Mi\"");
        var test = new WorkloadCodeFixTest<QuantityCodeFixProvider>(Id, bad, expected, QuantityCodeFixProvider.BinaryKey)
        {
            NumberOfIncrementalIterations = 2,
            NumberOfFixAllIterations = 1,
        };
        return test.RunAsync();
    }

    [Fact]
    public Task No_action_when_the_quantity_is_not_a_literal()
    {
        var source = Declarations.Declare(
            Declarations.CleanBody.Replace("Storage(\"1Gi\")", "Storage({|SM1008:Size|})", StringComparison.Ordinal),
            "    private const string Size = \"10GB\";");
        return WorkloadCodeFixTest<QuantityCodeFixProvider>.VerifyNoFixAsync(Id, source);
    }
}
