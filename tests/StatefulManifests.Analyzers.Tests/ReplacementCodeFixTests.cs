using StatefulManifests.Analyzers.CodeFixes;
using StatefulManifests.Analyzers.Tests.Support;

namespace StatefulManifests.Analyzers.Tests;

/// <summary>The safe-value fix: a flag or enum argument the rule objects to is rewritten to the value the rule names.</summary>
public sealed class ReplacementCodeFixTests
{
    private static readonly ReplacementCodeFixProvider Provider = new();

    /// <summary>Rule, fragment of the clean workload, the bad fragment, the fragment after the fix.</summary>
    public static TheoryData<string, string, string, string> Cases => new()
    {
        { "SM2013", ".Replicas(3)", ".Replicas(3).ClaimRetention(whenScaled: ClaimRetentionPolicy.Delete)", ".Replicas(3).ClaimRetention(whenScaled: ClaimRetentionPolicy.Retain)" },
        { "SM3001", ".RunAsNonRoot().RunAsUser(10001)", ".RunAsNonRoot(false)", ".RunAsNonRoot(true)" },
        { "SM3003", ".DropCapabilities(\"ALL\")", ".DropCapabilities(\"ALL\").Privileged(true)", ".DropCapabilities(\"ALL\").Privileged(false)" },
        { "SM3004", ".AllowPrivilegeEscalation(false)", ".AllowPrivilegeEscalation(true)", ".AllowPrivilegeEscalation(false)" },
        { "SM3005", ".ReadOnlyRootFilesystem()", ".ReadOnlyRootFilesystem(false)", ".ReadOnlyRootFilesystem(true)" },
        { "SM3007", ".Replicas(3)", ".Replicas(3).HostNetwork(true)", ".Replicas(3).HostNetwork(false)" },
        { "SM4002", ".ImagePullPolicy(PullPolicy.Always)", ".ImagePullPolicy(PullPolicy.IfNotPresent)", ".ImagePullPolicy(PullPolicy.Always)" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Writes_the_safe_value_and_the_finding_goes(string id, string clean, string bad, string fixedFragment)
    {
        var fixedSource = CodeFixHarness.Apply(Provider, Declarations.CleanWith(clean, bad), id, ReplacementCodeFixProvider.KeyFor(id));

        Assert.Equal(Declarations.CleanWith(clean, fixedFragment), fixedSource);
        Assert.DoesNotContain(AnalyzerHarness.Analyze(fixedSource), d => d.Id == id);
    }

    [Fact]
    public void No_action_when_the_value_comes_from_a_constant()
    {
        var source = Declarations.Declare(
            Declarations.CleanBody.Replace(".AllowPrivilegeEscalation(false)", ".AllowPrivilegeEscalation(Escalate)", StringComparison.Ordinal),
            "    private const bool Escalate = true;");

        Assert.Empty(CodeFixHarness.OfferedKeys(Provider, source, "SM3004"));
    }

    [Fact]
    public void No_action_when_the_field_is_missing_rather_than_wrong()
    {
        var source = Declarations.CleanWith(".ImagePullPolicy(PullPolicy.Always)", string.Empty);

        Assert.Empty(CodeFixHarness.OfferedKeys(Provider, source, "SM4002"));
    }

    [Fact]
    public void Fix_all_rewrites_every_container_of_the_document()
    {
        const string Sidecar = ".Container(\"log\", c => c.Image(\"registry.example.com/log:1.0\").SecurityContext(s => s.AllowPrivilegeEscalation({0})))";
        var withSidecar = (string value) => Declarations.CleanWith(
            ".AllowPrivilegeEscalation(false)", ".AllowPrivilegeEscalation(" + value + ")",
            ".Replicas(3)", ".Replicas(3)" + string.Format(System.Globalization.CultureInfo.InvariantCulture, Sidecar, value));
        var bad = withSidecar("true");
        Assert.Equal(2, AnalyzerHarness.Analyze(bad).Count(d => d.Id == "SM3004"));

        Assert.Equal(withSidecar("false"), CodeFixHarness.FixAll(Provider, bad, "SM3004", ReplacementCodeFixProvider.KeyFor("SM3004")));
    }
}
