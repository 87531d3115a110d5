using StatefulManifests.Analyzers.CodeFixes;
using StatefulManifests.Analyzers.Tests.Support;

namespace StatefulManifests.Analyzers.Tests;

/// <summary>The safe-value fix: a flag or enum argument the rule objects to is rewritten to the value the rule names.</summary>
public sealed class ReplacementCodeFixTests
{
    /// <summary>Rule, fragment of the clean workload, the bad fragment (finding marked), the fragment after the fix.</summary>
    public static TheoryData<string, string, string, string> Cases => new()
    {
        { "SM2013", ".Replicas(3)", ".Replicas(3).ClaimRetention(whenScaled: {|SM2013:ClaimRetentionPolicy.Delete|})", ".Replicas(3).ClaimRetention(whenScaled: ClaimRetentionPolicy.Retain)" },
        { "SM3001", ".RunAsNonRoot().RunAsUser(10001)", ".RunAsNonRoot({|SM3001:false|})", ".RunAsNonRoot(true)" },
        { "SM3003", ".DropCapabilities(\"ALL\")", ".DropCapabilities(\"ALL\").Privileged({|SM3003:true|})", ".DropCapabilities(\"ALL\").Privileged(false)" },
        { "SM3004", ".AllowPrivilegeEscalation(false)", ".AllowPrivilegeEscalation({|SM3004:true|})", ".AllowPrivilegeEscalation(false)" },
        { "SM3005", ".ReadOnlyRootFilesystem()", ".ReadOnlyRootFilesystem({|SM3005:false|})", ".ReadOnlyRootFilesystem(true)" },
        { "SM3007", ".Replicas(3)", ".Replicas(3).HostNetwork({|SM3007:true|})", ".Replicas(3).HostNetwork(false)" },
        { "SM4002", ".ImagePullPolicy(PullPolicy.Always)", ".ImagePullPolicy({|SM4002:PullPolicy.IfNotPresent|})", ".ImagePullPolicy(PullPolicy.Always)" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public Task Writes_the_safe_value_and_the_finding_goes(string id, string clean, string bad, string fixedFragment) =>
        WorkloadCodeFixTest<ReplacementCodeFixProvider>.VerifyAsync(id, Declarations.CleanWith(clean, bad), Declarations.CleanWith(clean, fixedFragment), ReplacementCodeFixProvider.KeyFor(id));

    [Fact]
    public Task No_action_when_the_value_comes_from_a_constant()
    {
        var source = Declarations.Declare(
            Declarations.CleanBody.Replace(".AllowPrivilegeEscalation(false)", ".AllowPrivilegeEscalation({|SM3004:Escalate|})", StringComparison.Ordinal),
            "    private const bool Escalate = true;");

        return WorkloadCodeFixTest<ReplacementCodeFixProvider>.VerifyNoFixAsync("SM3004", source);
    }

    [Fact]
    public Task No_action_when_the_field_is_missing_rather_than_wrong()
    {
        var source = Declarations.CleanWith(".ImagePullPolicy(PullPolicy.Always)", string.Empty, ".Container(\"web\", c => c", ".{|SM4002:Container(\"web\", c => c", ".Mount(\"data\", \"/var/lib/web\"))", ".Mount(\"data\", \"/var/lib/web\"))|}");

        return WorkloadCodeFixTest<ReplacementCodeFixProvider>.VerifyNoFixAsync("SM4002", source);
    }

    [Fact]
    public Task Fix_all_rewrites_every_container_of_the_document()
    {
        const string Sidecar = ".Container(\"log\", c => c.Image(\"registry.example.com/log:1.0\").SecurityContext(s => s.AllowPrivilegeEscalation({0})))";
        var withSidecar = (string value) => Declarations.CleanWith(
            ".AllowPrivilegeEscalation(false)", ".AllowPrivilegeEscalation(" + value + ")",
            ".Replicas(3)", ".Replicas(3)" + string.Format(System.Globalization.CultureInfo.InvariantCulture, Sidecar, value));
        var test = new WorkloadCodeFixTest<ReplacementCodeFixProvider>("SM3004", withSidecar("{|SM3004:true|}"), withSidecar("false"), ReplacementCodeFixProvider.KeyFor("SM3004"))
        {
            NumberOfIncrementalIterations = 2,
            NumberOfFixAllIterations = 1,
        };
        return test.RunAsync();
    }
}
