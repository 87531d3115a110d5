using StatefulManifests.Analyzers.CodeFixes;
using StatefulManifests.Analyzers.Tests.Support;

namespace StatefulManifests.Analyzers.Tests;

/// <summary>SM2016's fix: ReadWriteOnce becomes ReadWriteOncePod in the claim template call, and Fix All does every claim.</summary>
public sealed class AccessModeCodeFixTests
{
    private const string Id = "SM2016";
    private const string Clean = "AccessModes(AccessMode.ReadWriteOncePod)";
    private const string SecondClaim = ".VolumeClaim(\"logs\", v => v.{0}.Storage(\"1Gi\"))";

    [Fact]
    public Task Writes_ReadWriteOncePod() =>
        WorkloadCodeFixTest<AccessModeCodeFixProvider>.VerifyAsync(
            Id, Declarations.CleanWith(Clean, "{|SM2016:AccessModes(AccessMode.ReadWriteOnce)|}"), Declarations.CleanWith(Clean, Clean), AccessModeCodeFixProvider.Key);

    [Fact]
    public Task Leaves_the_other_access_modes_of_the_call() =>
        WorkloadCodeFixTest<AccessModeCodeFixProvider>.VerifyAsync(
            Id,
            Declarations.CleanWith(Clean, "{|SM2016:AccessModes(AccessMode.ReadOnlyMany, AccessMode.ReadWriteOnce)|}"),
            Declarations.CleanWith(Clean, "AccessModes(AccessMode.ReadOnlyMany, AccessMode.ReadWriteOncePod)"),
            AccessModeCodeFixProvider.Key);

    [Fact]
    public Task Fix_all_rewrites_every_claim_of_the_document()
    {
        var claim = ".VolumeClaim(\"data\", v => v." + Clean + ".Storage(\"1Gi\"))";
        var twoClaims = (string call) => Declarations.CleanWith(
            claim,
            ".VolumeClaim(\"data\", v => v." + call + ".Storage(\"1Gi\"))" + string.Format(System.Globalization.CultureInfo.InvariantCulture, SecondClaim, call));
        var test = new WorkloadCodeFixTest<AccessModeCodeFixProvider>(Id, twoClaims("{|SM2016:AccessModes(AccessMode.ReadWriteOnce)|}"), twoClaims(Clean), AccessModeCodeFixProvider.Key)
        {
            NumberOfIncrementalIterations = 2,
            NumberOfFixAllIterations = 1,
        };
        return test.RunAsync();
    }
}
