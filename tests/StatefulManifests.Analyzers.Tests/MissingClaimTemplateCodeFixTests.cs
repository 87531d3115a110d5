using StatefulManifests.Analyzers.CodeFixes;
using StatefulManifests.Analyzers.Tests.Support;

namespace StatefulManifests.Analyzers.Tests;

/// <summary>SM0004's fix: a mount of an unknown claim gets a claim template of that name at the end of the chain.</summary>
public sealed class MissingClaimTemplateCodeFixTests
{
    private const string Id = "SM0004";
    private const string Mount = "Mount(\"data\"";
    private const string LastClaim = ".VolumeClaim(\"data\", v => v.AccessModes(AccessMode.ReadWriteOncePod).Storage(\"1Gi\"))";

    private static string ClaimLine(string name, string accessMode = "AccessMode") =>
        "\n        .VolumeClaim(\"" + name + "\", v => v.AccessModes(" + accessMode + ".ReadWriteOncePod).Storage(\"1Gi\"))";

    [Fact]
    public Task Appends_a_claim_template_on_its_own_line() =>
        WorkloadCodeFixTest<MissingClaimTemplateCodeFixProvider>.VerifyAsync(
            Id,
            Declarations.CleanWith(Mount, "Mount({|SM0004:\"cache\"|}"),
            Declarations.CleanWith(Mount, "Mount(\"cache\"", LastClaim, LastClaim + ClaimLine("cache")),
            MissingClaimTemplateCodeFixProvider.Key);

    [Fact]
    public Task Qualifies_AccessMode_when_it_is_not_in_scope()
    {
        string WithoutModelUsing(string mount, string lastClaim) =>
            Declarations.CleanWith(Mount, mount, LastClaim, lastClaim.Replace("AccessModes(AccessMode.", "AccessModes(StatefulManifests.Model.AccessMode.", StringComparison.Ordinal))
                .Replace("using StatefulManifests.Model;\n", string.Empty, StringComparison.Ordinal)
                .Replace("ImagePullPolicy(PullPolicy.Always)", "ImagePullPolicy(StatefulManifests.Model.PullPolicy.Always)", StringComparison.Ordinal);
        var bad = WithoutModelUsing("Mount({|SM0004:\"cache\"|}", LastClaim);
        Assert.DoesNotContain("using StatefulManifests.Model;", bad, StringComparison.Ordinal);
        var fixedCode = WithoutModelUsing("Mount(\"cache\"", LastClaim + ClaimLine("cache", "global::StatefulManifests.Model.AccessMode"));
        return WorkloadCodeFixTest<MissingClaimTemplateCodeFixProvider>.VerifyAsync(Id, bad, fixedCode, MissingClaimTemplateCodeFixProvider.Key);
    }

    [Fact]
    public Task Fix_all_appends_one_claim_template_per_missing_name()
    {
        // Two mounts of "cache" and one of "logs": a batch of independent fixes would append "cache" twice and drop one
        // of the two insertions at the chain's end; Fix All appends each missing name once, in the order first mounted.
        const string Sidecar = ".Container(\"log\", c => c.Image(\"registry.example.com/log:1.0\").Mount({0}, \"/cache\").Mount({1}, \"/logs\"))";
        var sidecar = (string cache, string logs) => string.Format(System.Globalization.CultureInfo.InvariantCulture, Sidecar, cache, logs);
        var bad = Declarations.CleanWith(Mount, "Mount({|SM0004:\"cache\"|}", ".Replicas(3)", ".Replicas(3)" + sidecar("{|SM0004:\"cache\"|}", "{|SM0004:\"logs\"|}"));
        var fixedCode = Declarations.CleanWith(
            Mount, "Mount(\"cache\"", ".Replicas(3)", ".Replicas(3)" + sidecar("\"cache\"", "\"logs\""), LastClaim, LastClaim + ClaimLine("cache") + ClaimLine("logs"));
        var test = new WorkloadCodeFixTest<MissingClaimTemplateCodeFixProvider>(Id, bad, fixedCode, MissingClaimTemplateCodeFixProvider.Key)
        {
            NumberOfIncrementalIterations = 2,
            NumberOfFixAllIterations = 1,
        };
        return test.RunAsync();
    }
}
