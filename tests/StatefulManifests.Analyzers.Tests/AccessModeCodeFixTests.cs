using StatefulManifests.Analyzers.CodeFixes;
using StatefulManifests.Analyzers.Tests.Support;

namespace StatefulManifests.Analyzers.Tests;

/// <summary>SM2016's fix: ReadWriteOnce becomes ReadWriteOncePod in the claim template call, and Fix All does every claim.</summary>
public sealed class AccessModeCodeFixTests
{
    private static readonly AccessModeCodeFixProvider Provider = new();
    private const string Clean = "AccessModes(AccessMode.ReadWriteOncePod)";
    private const string SecondClaim = ".VolumeClaim(\"logs\", v => v.AccessModes({0}).Storage(\"1Gi\"))";

    [Fact]
    public void Writes_ReadWriteOncePod()
    {
        var bad = Declarations.CleanWith(Clean, "AccessModes(AccessMode.ReadWriteOnce)");
        var fixedSource = CodeFixHarness.Apply(Provider, bad, "SM2016", AccessModeCodeFixProvider.Key);
        Assert.Equal(Declarations.CleanWith(Clean, Clean), fixedSource);
        Assert.DoesNotContain(AnalyzerHarness.Analyze(fixedSource), d => d.Id == "SM2016");
    }

    [Fact]
    public void Leaves_the_other_access_modes_of_the_call()
    {
        var bad = Declarations.CleanWith(Clean, "AccessModes(AccessMode.ReadOnlyMany, AccessMode.ReadWriteOnce)");
        Assert.Equal(
            Declarations.CleanWith(Clean, "AccessModes(AccessMode.ReadOnlyMany, AccessMode.ReadWriteOncePod)"),
            CodeFixHarness.Apply(Provider, bad, "SM2016", AccessModeCodeFixProvider.Key));
    }

    [Fact]
    public void Fix_all_rewrites_every_claim_of_the_document()
    {
        var claim = ".VolumeClaim(\"data\", v => v." + Clean + ".Storage(\"1Gi\"))";
        var twoClaims = (string mode) => Declarations.CleanWith(
            claim,
            ".VolumeClaim(\"data\", v => v.AccessModes(" + mode + ").Storage(\"1Gi\"))" + string.Format(System.Globalization.CultureInfo.InvariantCulture, SecondClaim, mode));
        var bad = twoClaims("AccessMode.ReadWriteOnce");
        Assert.Equal(2, AnalyzerHarness.Analyze(bad).Count(d => d.Id == "SM2016"));
        Assert.Equal(twoClaims("AccessMode.ReadWriteOncePod"), CodeFixHarness.FixAll(Provider, bad, "SM2016", AccessModeCodeFixProvider.Key));
    }
}
