using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using StatefulManifests.Generators.Tests.Support;
using static StatefulManifests.Generators.Tests.Support.Workloads;

namespace StatefulManifests.Generators.Tests;

/// <summary>
/// A problem the API server would reject is an error on the argument (or call) that set the field, with the
/// catalogue's ID: SM1xxx by Kubernetes error type (SM1008 for a bad quantity), or SM0003/SM0004 where the
/// catalogue words the error in DSL terms. Each case also pins the generated file (<c>Golden/ValidationMapping</c>).
/// </summary>
public sealed class ValidationMappingTests
{
    private static DiagnosticResult Error(string id, int location) => new DiagnosticResult(id, DiagnosticSeverity.Error).WithLocation(location);

    public static TheoryData<string, string, string[], string> Cases => new()
    {
        { "replicas", """Workload.StatefulSet("web").Replicas({|#0:-1|}).Container("app", c => c.Image("app:1"))""", ["SM1002"], "spec.replicas: Invalid value: -1" },
        { "storage", """Workload.StatefulSet("web").Container("app", c => c.Image("app:1")).VolumeClaim("data", v => v.AccessModes(AccessMode.ReadWriteOnce).Storage({|#0:"10GB"|}))""", ["SM1008"], "10GB" },
        { "container-port", """Workload.StatefulSet("web").Container("app", c => c.Image("app:1").Port("web", {|#0:70000|}).Port("metrics", 9090))""", ["SM1002"], "containerPort" },
        { "min-ready-seconds", """Workload.StatefulSet("web").Container("app", c => c.Image("app:1")).MinReadySeconds({|#0:-5|})""", ["SM1002"], "spec.minReadySeconds" },
        { "rolling-update", """Workload.StatefulSet("web").Container("app", c => c.Image("app:1")).{|#0:RollingUpdate(partition: -1, maxUnavailable: -1)|}""", ["SM1002"], "spec.updateStrategy.rollingUpdate" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Validation_error_is_reported_on_the_argument_that_caused_it(string name, string body, string[] ids, string messagePart)
    {
        var messages = new List<string>();
        var test = new WorkloadGeneratorTest(Declare(body)).ExpectGolden(WebFile, "ValidationMapping/" + name);
        test.ExpectedDiagnostics.AddRange(ids.Select(id => Error(id, 0)));
        test.DiagnosticVerifier = (actual, _, _) => messages.Add(actual.GetMessage());
        await test.RunAsync();
        Assert.Contains(messages, m => m.Contains(messagePart, StringComparison.Ordinal));

        // Invalid workloads produce no YAML (the build stops on the error instead of writing a manifest Kubernetes
        // rejects), but keep their companion class, so code using it does not break with errors that bury this one.
        var source = GoldenFiles.Read("ValidationMapping/" + name);
        Assert.DoesNotContain("StatefulManifests.Yaml:", source, StringComparison.Ordinal);
        Assert.Contains("\"StatefulManifests.Invalid:web.yaml\"", source, StringComparison.Ordinal);
        Assert.Contains("static partial class WebManifest", source, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ids_come_from_the_rule_catalogue()
    {
        var test = new WorkloadGeneratorTest(Declare("""Workload.StatefulSet("web").Replicas({|#0:-1|}).Container("app", c => c.Image("app:1")).VolumeClaim("data", v => v.AccessModes(AccessMode.ReadWriteOnce).Storage({|#1:"10GB"|}))"""))
            .ExpectGolden(WebFile, "ValidationMapping/two-ids");
        test.ExpectedDiagnostics.AddRange([Error("SM1002", 0), Error("SM1008", 1)]);
        test.DiagnosticVerifier = (actual, _, _) => Assert.StartsWith("https://", actual.Descriptor.HelpLinkUri, StringComparison.Ordinal);
        await test.RunAsync();
    }

    [Fact]
    public async Task A_patch_that_does_not_apply_is_reported_on_the_patch()
    {
        var test = new WorkloadGeneratorTest(Declare("""Workload.StatefulSet("web").WithoutService().Container("app", c => c.Image("app:1")).PatchService(p => p.Add({|#0:"/spec/x"|}, true))"""))
            .ExpectGolden(WebFile, "ValidationMapping/patch");
        test.ExpectedDiagnostics.Add(Error("SM1007", 0));
        await test.RunAsync();
    }

    [Fact]
    public async Task Every_error_is_reported_each_on_its_own_call()
    {
        var test = new WorkloadGeneratorTest(Declare("""Workload.StatefulSet("web").Replicas({|#0:-1|}).MinReadySeconds({|#1:-2|}).Container("app", c => c.Image("app:1"))"""))
            .ExpectGolden(WebFile, "ValidationMapping/every-error");
        test.ExpectedDiagnostics.AddRange([Error("SM1002", 0), Error("SM1002", 1)]);
        await test.RunAsync();
    }
}
