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
        { "SM0003", [".Replicas(3)", ".Replicas(3).InitContainer(\"web\", c => c.Image(\"registry.example.com/web-init:1.4.2\"))", ".Container(\"web\", c => c", ".Container({|SM0003:\"web\"|}, c => c"] },
        { "SM0004", ["Mount(\"data\"", "Mount({|SM0004:\"cache\"|}"] },
        { "SM1002", ["Replicas(3)", "Replicas({|SM1002:-1|})"] },
        { "SM1001", [".Image(\"registry.example.com/web:1.4.2\")", ".Image({|SM1001:\"\"|})"] },
        { "SM1002", [".Replicas(3)", ".Replicas(3).Patch(p => p.Replace(\"/spec/replicas\", {|SM1002:-1|}))"] },
        { "SM1003", [".Port(\"http\", 8080)", ".Port(\"http\", 8080).EnvFromField(\"POD_LABELS\", {|SM1003:\"metadata.labels\"|})"] },
        // The API server reports a repeated constraint on the earlier entry (ValidateSpreadConstraintNotRepeat looks ahead).
        { "SM1004", [".Replicas(3)", ".Replicas(3).{|SM1004:TopologySpread(\"topology.kubernetes.io/zone\")|}.TopologySpread(\"topology.kubernetes.io/zone\", maxSkew: 2)"] },
        { "SM1005", [".Image(\"registry.example.com/web:1.4.2\")", ".Image(\"registry.example.com/web:1.4.2\").RestartPolicy({|SM1005:ContainerRestartPolicy.Always|})"] },
        { "SM1006", [".Replicas(3)", ".Replicas(3).Volume(\"certs\", v => v.Csi({|SM1006:\"csi.a-storage-vendor-with-a-rather-long-name.example.com.example.org\"|}))"] },
        { "SM1007", [".Replicas(3)", ".Replicas(3).PatchService(p => p.Remove({|SM1007:\"/spec/externalName\"|}))"] },
        { "SM1008", ["Storage(\"1Gi\")", "Storage({|SM1008:\"10GB\"|})"] },
        { "SM2001", [".Replicas(3)", ".Replicas(3).{|SM2001:SelectorExpression(\"tier\", LabelSelectorOperator.In, \"db\")|}.Labels((\"tier\", \"web\"))"] },
        { "SM2002", [".Replicas(3)", ".Replicas(3).ServiceName({|SM2002:\"\"|})"] },
        { "SM2003", [".Replicas(3)", ".Replicas(3).ServiceName({|SM2003:\"web\"|}).PatchService(p => p.Replace(\"/metadata/name\", \"web-headless\"))"] },
        { "SM2004", [".Replicas(3)", ".Replicas(3).Service(s => s.ClusterIP({|SM2004:\"10.96.0.10\"|}))"] },
        { "SM2005", [".Replicas(3)", ".Replicas(3).Service(s => s.{|SM2005:Selector((\"app.kubernetes.io/name\", \"api\"))|})"] },
        { "SM2007", [Pdb, ".DisruptionBudget(b => b.MaxUnavailable(1).{|SM2007:Selector((\"app.kubernetes.io/name\", \"api\"))|})"] },
        { "SM2006", [".Replicas(3)", ".Replicas({|SM2006:3|})", Pdb, ""] },
        { "SM2008", [Pdb, ".DisruptionBudget(maxUnavailable: {|SM2008:0|})"] },
        { "SM2009", [Root, "Workload.{|SM2009:StatefulSet(\"web\")|}", ".SpreadAcrossNodes()", ""] },
        { "SM2010", ["StatefulSet(\"web\")", "StatefulSet({|SM2010:\"web-with-a-name-far-too-long-for-the-revision-hash-label\"|})"] },
        { "SM2011", [".SelectorLabels((\"app.kubernetes.io/name\", \"web\"))", ".SelectorLabels((\"app.kubernetes.io/name\", \"web\"), (\"version\", {|SM2011:\"1.4.2\"|}))"] },
        { "SM2012", [".ReadinessProbe(p => p.HttpGet(\"/ready\", \"http\"))", "", ".Container(\"web\", c => c", ".{|SM2012:Container(\"web\", c => c", ".Mount(\"data\", \"/var/lib/web\"))", ".Mount(\"data\", \"/var/lib/web\"))|}"] },
        { "SM2017", [".VolumeClaim(\"data\", v => v.AccessModes(AccessMode.ReadWriteOncePod).Storage(\"1Gi\"))", ".{|SM2017:VolumeClaim(\"data\", v => v.AccessModes(AccessMode.ReadWriteOncePod))|}"] },
        { "SM2018", [".Replicas(3)", ".Replicas(3).PodManagementPolicy(PodManagementPolicy.Parallel)", ".ReadinessProbe(p => p.HttpGet(\"/ready\", \"http\"))", "", ".Container(\"web\", c => c", ".{|SM2018:Container(\"web\", c => c", ".Mount(\"data\", \"/var/lib/web\"))", ".Mount(\"data\", \"/var/lib/web\"))|}"] },
        { "SM2013", [".Replicas(3)", ".Replicas(3).ClaimRetention(whenScaled: {|SM2013:ClaimRetentionPolicy.Delete|})"] },
        { "SM2014", [".Replicas(3)", ".Replicas(3).RollingUpdate(maxUnavailable: {|SM2014:2|})"] },
        { "SM2015", [".Replicas(3)", ".Replicas(3).RollingUpdate(partition: {|SM2015:3|})"] },
        { "SM2016", [".AccessModes(AccessMode.ReadWriteOncePod)", ".{|SM2016:AccessModes(AccessMode.ReadWriteOnce)|}"] },
        { "SM2019", [".LivenessProbe(p => p.HttpGet(\"/alive\", \"http\"))", "", ".Container(\"web\", c => c", ".{|SM2019:Container(\"web\", c => c", ".Mount(\"data\", \"/var/lib/web\"))", ".Mount(\"data\", \"/var/lib/web\"))|}"] },
        { "SM2020", [".LivenessProbe(p => p.HttpGet(\"/alive\", \"http\"))", ".{|SM2020:LivenessProbe(p => p.HttpGet(\"/ready\", \"http\"))|}"] },
        { "SM2021", ["p.HttpGet(\"/ready\", \"http\")", "p.HttpGet(\"/ready\", {|SM2021:\"metrics\"|})"] },
        { "SM3001", [".RunAsNonRoot().RunAsUser(10001)", ".RunAsNonRoot({|SM3001:false|})"] },
        { "SM3001", [".RunAsUser(10001)", ".RunAsUser({|SM3001:0|})"] },
        { "SM3002", [".RunAsUser(10001)", ".RunAsUser({|SM3002:1000|})"] },
        { "SM3003", [".DropCapabilities(\"ALL\")", ".DropCapabilities(\"ALL\").Privileged({|SM3003:true|})"] },
        { "SM3004", [".AllowPrivilegeEscalation(false)", ".AllowPrivilegeEscalation({|SM3004:true|})"] },
        { "SM3005", [".ReadOnlyRootFilesystem()", ".ReadOnlyRootFilesystem({|SM3005:false|})"] },
        { "SM3006", [".Replicas(3)", ".Replicas(3).{|SM3006:HostPathVolume(\"logs\", \"/var/log\")|}"] },
        { "SM3007", [".Replicas(3)", ".Replicas(3).HostNetwork({|SM3007:true|})"] },
        { "SM3008", [".Port(\"http\", 8080)", ".Port(\"http\", 8080).Env(\"DB_PASSWORD\", {|SM3008:\"hunter2\"|})"] },
        { "SM3009", [".DropCapabilities(\"ALL\")", ".{|SM3009:DropCapabilities(\"SYS_ADMIN\")|}"] },
        { "SM3010", [Root, "Workload.{|SM3010:StatefulSet(\"web\")|}", ".ServiceAccountName(\"web\")", ""] },
        { "SM3011", [".Replicas(3)", ".Replicas(3).Service(s => s.Type({|SM3011:ServiceType.NodePort|}))"] },
        { "SM4001", [".Image(\"registry.example.com/web:1.4.2\")", ".Image({|SM4001:\"registry.example.com/web:latest\"|})"] },
        { "SM4002", [".ImagePullPolicy(PullPolicy.Always)", ".ImagePullPolicy({|SM4002:PullPolicy.IfNotPresent|})"] },
        { "SM4003", [".Requests(cpu: \"250m\", memory: \"256Mi\", ephemeralStorage: \"1Gi\")", ".{|SM4003:Requests(memory: \"256Mi\", ephemeralStorage: \"1Gi\")|}"] },
        { "SM4004", [".Limits(cpu: \"500m\", memory: \"256Mi\", ephemeralStorage: \"1Gi\")", ".{|SM4004:Limits(cpu: \"500m\", ephemeralStorage: \"1Gi\")|}"] },
        { "SM4005", [".Limits(cpu: \"500m\", memory: \"256Mi\", ephemeralStorage: \"1Gi\")", ".{|SM4005:Limits(memory: \"256Mi\", ephemeralStorage: \"1Gi\")|}"] },
        { "SM4006", [".Limits(cpu: \"500m\", memory: \"256Mi\", ephemeralStorage: \"1Gi\")", ".{|SM4006:Limits(cpu: \"500m\", memory: \"256Mi\")|}"] },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Fires_at_the_marked_span(string id, string[] edits)
    {
        var markup = Declarations.CleanWith(edits);
        Assert.Contains("{|" + id + ":", markup, StringComparison.Ordinal);
        await WorkloadAnalyzerTest.VerifyMarkedIdsAsync(markup);
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Is_silent_on_the_clean_workload(string id, string[] edits)
    {
        Assert.NotEmpty(edits);
        await WorkloadAnalyzerTest.VerifyNoneAsync(Declarations.Declare(Declarations.CleanBody), id);
    }
}
