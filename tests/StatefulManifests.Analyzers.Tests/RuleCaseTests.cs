using StatefulManifests.Analyzers.Tests.Support;

namespace StatefulManifests.Analyzers.Tests;

/// <summary>
/// For each rule, the smallest change to the clean workload that makes it fire, with the exact span marked; the
/// clean workload itself (<see cref="CleanWorkloadTests"/>) is the case where none fires, and each case also checks
/// the rule is silent once the change is undone.
/// </summary>
public sealed class RuleCaseTests
{
    private const string Root = "Workload.StatefulSet(\"web\")";
    private const string Pdb = ".DisruptionBudget(maxUnavailable: 1)";

    public static TheoryData<string, string[]> Cases => new()
    {
        { "SM0004", ["Mount(\"data\"", "Mount({|SM0004:\"cache\"|}"] },
        { "SM1002", ["Replicas(3)", "Replicas({|SM1002:-1|})"] },
        { "SM1008", ["Storage(\"1Gi\")", "Storage({|SM1008:\"10GB\"|})"] },
        { "SM2006", [".Replicas(3)", ".Replicas({|SM2006:3|})", Pdb, ""] },
        { "SM2008", [Pdb, ".DisruptionBudget(maxUnavailable: {|SM2008:0|})"] },
        { "SM2009", [Root, "Workload.{|SM2009:StatefulSet(\"web\")|}", ".SpreadAcrossNodes()", ""] },
        { "SM2010", ["StatefulSet(\"web\")", "StatefulSet({|SM2010:\"web-with-a-name-far-too-long-for-the-revision-hash-label\"|})"] },
        { "SM2011", [".SelectorLabels((\"app.kubernetes.io/name\", \"web\"))", ".{|SM2011:SelectorLabels((\"app.kubernetes.io/name\", \"web\"), (\"version\", \"1.4.2\"))|}"] },
        { "SM2012", [".ReadinessProbe(p => p.HttpGet(\"/ready\", \"http\"))", "", ".Container(\"web\", c => c", ".{|SM2012:Container(\"web\", c => c", ".Mount(\"data\", \"/var/lib/web\"))", ".Mount(\"data\", \"/var/lib/web\"))|}"] },
        { "SM2018", [".Replicas(3)", ".Replicas(3).PodManagementPolicy(PodManagementPolicy.Parallel)", ".ReadinessProbe(p => p.HttpGet(\"/ready\", \"http\"))", "", ".Container(\"web\", c => c", ".{|SM2018:Container(\"web\", c => c", ".Mount(\"data\", \"/var/lib/web\"))", ".Mount(\"data\", \"/var/lib/web\"))|}"] },
        { "SM2013", [".Replicas(3)", ".Replicas(3).ClaimRetention(whenScaled: {|SM2013:ClaimRetentionPolicy.Delete|})"] },
        { "SM2014", [".Replicas(3)", ".Replicas(3).RollingUpdate(maxUnavailable: {|SM2014:2|})"] },
        { "SM2015", [".Replicas(3)", ".Replicas(3).RollingUpdate(partition: {|SM2015:3|})"] },
        { "SM2016", [".AccessModes(AccessMode.ReadWriteOncePod)", ".{|SM2016:AccessModes(AccessMode.ReadWriteOnce)|}"] },
        { "SM2019", [".LivenessProbe(p => p.HttpGet(\"/alive\", \"http\"))", "", ".Container(\"web\", c => c", ".{|SM2019:Container(\"web\", c => c", ".Mount(\"data\", \"/var/lib/web\"))", ".Mount(\"data\", \"/var/lib/web\"))|}"] },
        { "SM2020", [".LivenessProbe(p => p.HttpGet(\"/alive\", \"http\"))", ".{|SM2020:LivenessProbe(p => p.HttpGet(\"/ready\", \"http\"))|}"] },
        { "SM2021", ["p.HttpGet(\"/ready\", \"http\")", "p.HttpGet(\"/ready\", {|SM2021:\"metrics\"|})"] },
        { "SM3002", [".RunAsUser(10001)", ".RunAsUser({|SM3002:1000|})"] },
        { "SM3003", [".DropCapabilities(\"ALL\")", ".DropCapabilities(\"ALL\").Privileged({|SM3003:true|})"] },
        { "SM3004", [".AllowPrivilegeEscalation(false)", ".AllowPrivilegeEscalation({|SM3004:true|})"] },
        { "SM3005", [".ReadOnlyRootFilesystem()", ".ReadOnlyRootFilesystem({|SM3005:false|})"] },
        { "SM3006", [".Replicas(3)", ".Replicas(3).{|SM3006:HostPathVolume(\"logs\", \"/var/log\")|}"] },
        { "SM3007", [".Replicas(3)", ".Replicas(3).HostNetwork({|SM3007:true|})"] },
        { "SM3008", [".Port(\"http\", 8080)", ".Port(\"http\", 8080).Env(\"DB_PASSWORD\", {|SM3008:\"hunter2\"|})"] },
        { "SM3009", [".DropCapabilities(\"ALL\")", ".{|SM3009:DropCapabilities(\"SYS_ADMIN\")|}"] },
        { "SM3010", [Root, "Workload.{|SM3010:StatefulSet(\"web\")|}", ".ServiceAccountName(\"web\")", ""] },
        { "SM4001", [".Image(\"registry.example.com/web:1.4.2\")", ".Image({|SM4001:\"registry.example.com/web:latest\"|})"] },
        { "SM4002", [".ImagePullPolicy(PullPolicy.Always)", ".ImagePullPolicy({|SM4002:PullPolicy.IfNotPresent|})"] },
        { "SM4003", [".Requests(cpu: \"250m\", memory: \"256Mi\", ephemeralStorage: \"1Gi\")", ".{|SM4003:Requests(memory: \"256Mi\", ephemeralStorage: \"1Gi\")|}"] },
        { "SM4004", [".Limits(cpu: \"500m\", memory: \"256Mi\", ephemeralStorage: \"1Gi\")", ".{|SM4004:Limits(cpu: \"500m\", ephemeralStorage: \"1Gi\")|}"] },
        { "SM4005", [".Limits(cpu: \"500m\", memory: \"256Mi\", ephemeralStorage: \"1Gi\")", ".{|SM4005:Limits(memory: \"256Mi\", ephemeralStorage: \"1Gi\")|}"] },
        { "SM4006", [".Limits(cpu: \"500m\", memory: \"256Mi\", ephemeralStorage: \"1Gi\")", ".{|SM4006:Limits(cpu: \"500m\", memory: \"256Mi\")|}"] },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Fires_at_the_marked_span(string id, string[] edits)
    {
        var markup = Declarations.CleanWith(edits);
        Assert.Contains("{|" + id + ":", markup, StringComparison.Ordinal);
        AnalyzerHarness.VerifyMarkedIds(markup);
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Is_silent_on_the_clean_workload(string id, string[] edits)
    {
        Assert.NotEmpty(edits);
        Assert.DoesNotContain(AnalyzerHarness.Analyze(Declarations.Declare(Declarations.CleanBody)), d => d.Id == id);
    }
}
