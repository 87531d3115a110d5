using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using StatefulManifests.Analyzers.Tests.Support;

namespace StatefulManifests.Analyzers.Tests;

/// <summary>
/// A null item or an unpaired UTF-16 surrogate in a DSL argument is a validation diagnostic on that argument,
/// not SM0001 "building the workload failed: NullReferenceException" on the chain's last call. A null has no value to
/// recognise, so it is found by position among the call's list items or by its entry's key.
/// </summary>
public sealed class BadValueDiagnosticsTests
{
    public static TheoryData<string, string[]> Cases => new()
    {
        { "Command(\"sh\", null)", [".Port(\"http\", 8080)", ".Port(\"http\", 8080).Command(\"sh\", {|SM1001:null|})"] },
        { "Args(null, \"x\")", [".Port(\"http\", 8080)", ".Port(\"http\", 8080).Args({|SM1001:null|}, \"x\")"] },
        { "probe Exec(\"sh\", null)", ["p => p.HttpGet(\"/alive\", \"http\")", "p => p.Exec(\"sh\", {|SM1001:null|})"] },
        { "PodAnnotations((\"a\", null!))", [".Replicas(3)", ".Replicas(3).PodAnnotations((\"a\", {|SM1001:null|}!))"] },
        { "second of two annotations", [".Replicas(3)", ".Replicas(3).PodAnnotations((\"a\", \"x\"), (\"b\", {|SM1001:null|}))"] },
        { "collection expression", [".Port(\"http\", 8080)", ".Port(\"http\", 8080).Args([\"x\", {|SM1001:null|}])"] },
        { "two nulls: one finding on the call", [".Port(\"http\", 8080)", ".Port(\"http\", 8080).{|SM1001:Args(null, null)|}"] },
        { "annotation \\uD800", [".Replicas(3)", ".Replicas(3).PodAnnotations((\"a\", {|SM1002:\"\\uD800\"|}))"] },
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
    public Task A_null_selector_label_is_reported_on_the_null()
    {
        // The selector labels are copied to the pod and StatefulSet labels and the Service selector; those copies'
        // errors land on StatefulSet("web"), where the copying is declared, as one finding; the selector's own on the null.
        var markup = Declarations.CleanWith(
            ".SelectorLabels((\"app.kubernetes.io/name\", \"web\"))", ".SelectorLabels((\"app.kubernetes.io/name\", {|#0:null|}))",
            "Workload.StatefulSet(\"web\")", "Workload.{|#1:StatefulSet(\"web\")|}",
            ".SpreadAcrossNodes()", ".{|#2:SpreadAcrossNodes()|}");
        var test = WorkloadAnalyzerTest.Only(markup, ["SM1001", "SM0001"]);
        // metadata.labels, the Service's spec.selector, the budget's and the pod labels are copies, folded into one
        // finding; the spreading term's selector is SpreadAcrossNodes' copy.
        test.ExpectedDiagnostics.Add(RequiredValue().WithLocation(0));
        test.ExpectedDiagnostics.Add(RequiredValue().WithLocation(1));
        test.ExpectedDiagnostics.Add(RequiredValue().WithLocation(2));
        var text = markup.Replace("{|#0:", string.Empty, StringComparison.Ordinal).Replace("{|#1:", string.Empty, StringComparison.Ordinal).Replace("{|#2:", string.Empty, StringComparison.Ordinal).Replace("|}", string.Empty, StringComparison.Ordinal);
        var callStart = text.IndexOf(".SelectorLabels((\"app.kubernetes.io/name\", null))", StringComparison.Ordinal) + ".SelectorLabels((\"app.kubernetes.io/name\", ".Length;
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
