using System.Globalization;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using StatefulManifests.Analyzers.Tests.Support;

namespace StatefulManifests.Analyzers.Tests;

/// <summary>
/// One diagnostic per mistake, on the argument that holds it: a value the DSL copies into several fields (the set's
/// name into the Service and budget, a port's name into the Service's targetPort) and a port name a probe refers to
/// are one finding, the other fields named in its message; a selector requirement the pods fail is reported on the
/// requirement; a pod label the selector label overrode is reported, not dropped.
/// </summary>
public sealed class DiagnosticPlacementTests
{
    private const string LongName = "\"http-very-long-name\"";

    [Fact]
    public Task A_long_port_name_is_one_finding_on_the_port_naming_the_probes_and_the_Service()
    {
        var markup = Declarations.CleanWith(
            ".Port(\"http\", 8080)", ".Port({|#0:" + LongName + "|}, 8080)",
            "p.HttpGet(\"/ready\", \"http\")", "p.HttpGet(\"/ready\", {|#2:" + LongName + "|})",
            "p.HttpGet(\"/alive\", \"http\")", "p.HttpGet(\"/alive\", {|#1:" + LongName + "|})");

        // The probes' arguments are additional locations, in the order the validator met them.
        return Expect(markup, Error("SM1002").WithLocation(0).WithLocation(1).WithLocation(2).WithMessage(
            "spec.template.spec.containers[0].ports[0].name: Invalid value: \"http-very-long-name\": must be no more than 15 characters; the same value is also "
            + "rejected at spec.template.spec.containers[0].livenessProbe.httpGet.port, spec.template.spec.containers[0].readinessProbe.httpGet.port, "
            + "the Service's spec.ports[0].targetPort, NetworkPolicy \"web\"'s spec.egress[0].ports[0].port, NetworkPolicy \"web\"'s spec.ingress[0].ports[0].port "
            + "(the API server rejects this)"));
    }

    [Fact]
    public Task An_uppercase_name_is_one_finding_on_the_name() =>
        WorkloadAnalyzerTest.VerifyMarkedIdsAsync(
            Declarations.CleanWith("StatefulSet(\"web\")", "StatefulSet({|SM1002:\"Web\"|})"),
            diagnostic =>
            {
                var message = diagnostic.GetMessage(CultureInfo.InvariantCulture);
                Assert.StartsWith("metadata.name: Invalid value: \"Web\": a lowercase RFC 1123 label", message, StringComparison.Ordinal);
                Assert.Contains("also rejected at spec.serviceName, the Service's metadata.name, the PodDisruptionBudget's metadata.name", message, StringComparison.Ordinal);
            });

    [Fact]
    public Task The_same_bad_value_in_two_calls_is_two_findings() =>
        // Two arguments to change are two mistakes, even with the same text and rule.
        WorkloadAnalyzerTest.VerifyMarkedIdsAsync(Declarations.CleanWith(
            "VolumeClaim(\"data\"", "VolumeClaim({|SM1002:\"Data\"|}",
            ".Container(\"web\"", ".Container({|SM1002:\"Data\"|}"));

    [Fact]
    public Task An_unmatched_selector_expression_is_reported_on_the_expression() =>
        WorkloadAnalyzerTest.VerifyMarkedIdsAsync(Declarations.CleanWith(
            ".Replicas(3)", ".Replicas(3).{|SM2001:SelectorExpression(\"tier\", LabelSelectorOperator.In, \"db\")|}"));

    [Fact]
    public Task A_pod_label_the_selector_overrides_is_reported_on_its_value() =>
        WorkloadAnalyzerTest.VerifyMarkedIdsAsync(
            Declarations.CleanWith(".Replicas(3)", ".Replicas(3).Labels((\"app.kubernetes.io/name\", {|SM1002:\"pg\"|}))"),
            diagnostic => Assert.StartsWith(
                "spec.template.metadata.labels[app.kubernetes.io/name]: Invalid value: \"pg\": the selector label app.kubernetes.io/name=web replaces this value",
                diagnostic.GetMessage(CultureInfo.InvariantCulture),
                StringComparison.Ordinal));

    [Fact]
    public Task An_unnamed_second_port_says_why_and_how() =>
        Expect(
            Declarations.CleanWith(".Port(\"http\", 8080)", ".Port(\"http\", 8080).Port({|#0:\"\"|}, 9090)"),
            Error("SM1001").WithLocation(0).WithMessage(
                "spec.ports[1].name: Required value: a Service with more than one port must name every port (EndpointSlices identify each port by its name); "
                + "give this one a name (with the DSL, the container port's name becomes the Service port's: .Port(\"metrics\", 9090)) (the API server rejects this)"));

    private static DiagnosticResult Error(string id) => new(id, DiagnosticSeverity.Error);

    private static Task Expect(string markup, DiagnosticResult expected)
    {
        var test = WorkloadAnalyzerTest.Only(markup, [expected.Id]);
        test.ExpectedDiagnostics.Add(expected);
        return test.RunAsync();
    }
}
