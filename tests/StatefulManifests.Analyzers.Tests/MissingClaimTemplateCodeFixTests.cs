using StatefulManifests.Analyzers.CodeFixes;
using StatefulManifests.Analyzers.Tests.Support;

namespace StatefulManifests.Analyzers.Tests;

/// <summary>SM0004's fix: a mount of an unknown claim gets a claim template of that name at the end of the chain.</summary>
public sealed class MissingClaimTemplateCodeFixTests
{
    private static readonly MissingClaimTemplateCodeFixProvider Provider = new();
    private const string Mount = "Mount(\"data\"";
    private const string LastClaim = ".VolumeClaim(\"data\", v => v.AccessModes(AccessMode.ReadWriteOncePod).Storage(\"1Gi\"))";

    [Fact]
    public void Appends_a_claim_template_on_its_own_line()
    {
        var bad = Declarations.CleanWith(Mount, "Mount(\"cache\"");
        var fixedSource = CodeFixHarness.Apply(Provider, bad, "SM0004", MissingClaimTemplateCodeFixProvider.Key);
        var expected = Declarations.CleanWith(
            Mount, "Mount(\"cache\"",
            LastClaim, LastClaim + "\n        .VolumeClaim(\"cache\", v => v.AccessModes(AccessMode.ReadWriteOncePod).Storage(\"1Gi\"))");
        Assert.Equal(expected, fixedSource);
        Assert.DoesNotContain(AnalyzerHarness.Analyze(fixedSource), d => d.Id == "SM0004");
    }

    [Fact]
    public void Qualifies_AccessMode_when_it_is_not_in_scope()
    {
        var bad = Declarations.CleanWith(Mount, "Mount(\"cache\"", "AccessModes(AccessMode.ReadWriteOncePod)", "AccessModes(StatefulManifests.Model.AccessMode.ReadWriteOncePod)")
            .Replace("using StatefulManifests.Model;\n", string.Empty, StringComparison.Ordinal)
            .Replace("ImagePullPolicy(PullPolicy.Always)", "ImagePullPolicy(StatefulManifests.Model.PullPolicy.Always)", StringComparison.Ordinal);
        Assert.DoesNotContain("using StatefulManifests.Model;", bad, StringComparison.Ordinal);
        var fixedSource = CodeFixHarness.Apply(Provider, bad, "SM0004", MissingClaimTemplateCodeFixProvider.Key);
        Assert.Contains(".VolumeClaim(\"cache\", v => v.AccessModes(global::StatefulManifests.Model.AccessMode.ReadWriteOncePod).Storage(\"1Gi\"))", fixedSource, StringComparison.Ordinal);
        Assert.DoesNotContain(AnalyzerHarness.Analyze(fixedSource), d => d.Id == "SM0004");
    }
}
