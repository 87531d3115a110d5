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
    public void Reports_on_the_argument(string call, string[] edits)
    {
        Assert.NotNull(call);
        var markup = Declarations.CleanWith(edits);
        AnalyzerHarness.VerifyMarkedIds(markup);
        Assert.DoesNotContain(AnalyzerHarness.Analyze(DiagnosticMarkup.Parse(markup).Text), d => d.Id == "SM0001");
    }

    [Fact]
    public void A_null_selector_label_is_reported_on_the_null()
    {
        // The selector labels are copied to the pod and StatefulSet labels and the Service selector; those copies'
        // errors land on StatefulSet("web"), where the copying is declared; the selector's own on the null.
        const string Call = ".SelectorLabels((\"app.kubernetes.io/name\", null))";
        var source = DiagnosticMarkup.Parse(Declarations.CleanWith([".SelectorLabels((\"app.kubernetes.io/name\", \"web\"))", Call])).Text;
        var diagnostics = AnalyzerHarness.Analyze(source);
        var nullStart = source.IndexOf(Call, StringComparison.Ordinal) + Call.IndexOf("null", StringComparison.Ordinal);
        Assert.Contains(diagnostics, d => d.Id == "SM1001" && d.Location.SourceSpan.Start == nullStart && d.Location.SourceSpan.Length == "null".Length
            && d.GetMessage(System.Globalization.CultureInfo.InvariantCulture).StartsWith("spec.selector.matchLabels[app.kubernetes.io/name]: Required value", StringComparison.Ordinal));
        Assert.DoesNotContain(diagnostics, d => d.Id == "SM0001");
    }
}
