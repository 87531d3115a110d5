using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using StatefulManifests.Analyzers.Tests.Support;

namespace StatefulManifests.Analyzers.Tests;

/// <summary>
/// A null item or an unpaired UTF-16 surrogate in a DSL argument is a validation diagnostic on that argument,
/// not SM0001 "building the workload failed: NullReferenceException" on the chain's last call. A null has no value to
/// find among the arguments, so it lands on the call that set the list or map (a string value lands on its argument).
/// </summary>
public sealed class BadValueDiagnosticsTests
{
    public static TheoryData<string, string[]> Cases => new()
    {
        { "Command(\"sh\", null)", [".Port(\"http\", 8080)", ".Port(\"http\", 8080).{|SM1001:Command(\"sh\", null)|}"] },
        { "Args(null, \"x\")", [".Port(\"http\", 8080)", ".Port(\"http\", 8080).{|SM1001:Args(null, \"x\")|}"] },
        { "probe Exec(\"sh\", null)", ["p => p.HttpGet(\"/alive\", \"http\")", "p => p.{|SM1001:Exec(\"sh\", null)|}"] },
        { "PodAnnotations((\"a\", null!))", [".Replicas(3)", ".Replicas(3).{|SM1001:PodAnnotations((\"a\", null!))|}"] },
        { "annotation \\uD800", [".Replicas(3)", ".Replicas(3).{|SM1002:PodAnnotations((\"a\", \"\\uD800\"))|}"] },
        { "env \\uD800", [".Port(\"http\", 8080)", ".Port(\"http\", 8080).Env(\"GREETING\", {|SM1002:\"\\uD800\"|})"] },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public Task Reports_on_the_argument(string call, string[] edits)
    {
        Assert.NotNull(call);
        var markup = Declarations.CleanWith(edits);
        return WorkloadAnalyzerTest.Only(markup, [.. WorkloadAnalyzerTest.MarkedIds(markup), "SM0001"]).RunAsync();
    }

    [Fact]
    public Task A_null_selector_label_is_reported_on_the_SelectorLabels_call()
    {
        // The selector labels are copied to the pod and StatefulSet labels and the Service selector; those copies'
        // errors land on StatefulSet("web"), where the copying is declared; the selector's own on the call.
        var markup = Declarations.CleanWith(
            ".SelectorLabels((\"app.kubernetes.io/name\", \"web\"))", ".{|#0:SelectorLabels((\"app.kubernetes.io/name\", null))|}",
            "Workload.StatefulSet(\"web\")", "Workload.{|#1:StatefulSet(\"web\")|}",
            ".SpreadAcrossNodes()", ".{|#2:SpreadAcrossNodes()|}");
        var test = WorkloadAnalyzerTest.Only(markup, ["SM1001", "SM0001"]);
        // metadata.labels, spec.selector.matchLabels, the Service's spec.selector and the pod labels are copies; the
        // spreading term's selector is SpreadAcrossNodes' copy.
        test.ExpectedDiagnostics.Add(RequiredValue().WithLocation(0));
        test.ExpectedDiagnostics.AddRange(Enumerable.Repeat(RequiredValue().WithLocation(1), 4));
        test.ExpectedDiagnostics.Add(RequiredValue().WithLocation(2));
        var text = markup.Replace("{|#0:", string.Empty, StringComparison.Ordinal).Replace("{|#1:", string.Empty, StringComparison.Ordinal).Replace("{|#2:", string.Empty, StringComparison.Ordinal).Replace("|}", string.Empty, StringComparison.Ordinal);
        var callStart = text.IndexOf(".SelectorLabels((\"app.kubernetes.io/name\", null))", StringComparison.Ordinal) + 1;
        test.DiagnosticVerifier = (actual, _, _) =>
        {
            if (actual.Location.SourceSpan.Start == callStart)
            {
                Assert.StartsWith("spec.selector.matchLabels[app.kubernetes.io/name]: Required value", actual.GetMessage(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
            }
        };
        return test.RunAsync();
    }

    private static DiagnosticResult RequiredValue() => new("SM1001", DiagnosticSeverity.Error);
}
