using StatefulManifests.Analyzers.Tests.Support;

namespace StatefulManifests.Analyzers.Tests;

/// <summary>Catalogue diagnostics are ordinary analyzer diagnostics: .editorconfig severities, #pragma and [SuppressMessage] apply.</summary>
public sealed class SuppressionTests
{
    private const string Latest = ".Image(\"registry.example.com/web:1.4.2\")";
    private const string LatestBad = ".Image(\"registry.example.com/web:latest\")";

    private static string WithLatestTag() => Declarations.CleanWith(Latest, LatestBad);

    [Fact]
    public void The_unsuppressed_case_reports_SM4001_as_a_warning()
    {
        var diagnostic = Assert.Single(AnalyzerHarness.Analyze(WithLatestTag()));
        Assert.Equal(("SM4001", Microsoft.CodeAnalysis.DiagnosticSeverity.Warning), (diagnostic.Id, diagnostic.Severity));
    }

    [Fact]
    public void Editorconfig_severity_none_silences_a_rule()
    {
        Assert.Empty(AnalyzerHarness.Analyze(WithLatestTag(), "root = true\n[*.cs]\ndotnet_diagnostic.SM4001.severity = none\n"));
    }

    [Fact]
    public void Editorconfig_severity_error_raises_a_rule()
    {
        var diagnostic = Assert.Single(AnalyzerHarness.Analyze(WithLatestTag(), "root = true\n[*.cs]\ndotnet_diagnostic.SM4001.severity = error\n"));
        Assert.Equal(Microsoft.CodeAnalysis.DiagnosticSeverity.Error, diagnostic.Severity);
    }

    [Fact]
    public void Editorconfig_category_severity_applies()
    {
        Assert.Empty(AnalyzerHarness.Analyze(WithLatestTag(), "root = true\n[*.cs]\ndotnet_analyzer_diagnostic.category-StatefulManifests.BestPractice.severity = none\n"));
    }

    [Fact]
    public void Pragma_warning_disable_silences_a_rule()
    {
        var source = Declarations.Declare(Declarations.CleanBody.Replace(Latest, "\n#pragma warning disable SM4001\n" + LatestBad + "\n#pragma warning restore SM4001\n", StringComparison.Ordinal));
        Assert.Empty(AnalyzerHarness.Analyze(source));
    }

    [Fact]
    public void SuppressMessage_on_the_member_silences_a_rule()
    {
        var source = WithLatestTag().Replace(
            "    [StatefulWorkload]",
            "    [StatefulWorkload]\n    [SuppressMessage(\"StatefulManifests.BestPractice\", \"SM4001\", Justification = \"test\")]",
            StringComparison.Ordinal);
        Assert.Empty(AnalyzerHarness.Analyze(source));
    }

    [Fact]
    public void Duplicate_workload_names_are_reported_on_the_second_name_argument()
    {
        var second = "\n    [StatefulWorkload]\n    public static StatefulSetBuilder Canary => " +
            Declarations.CleanBody.Replace("Workload.StatefulSet(\"web\")", "Workload.StatefulSet({|SM0002:\"web\"|})", StringComparison.Ordinal) + ";\n";
        var markup = Declarations.Declare(Declarations.CleanBody).Replace("\n}", second + "}", StringComparison.Ordinal);
        AnalyzerHarness.VerifyMarkedIds(markup);
    }

    [Fact]
    public void Different_names_are_not_duplicates()
    {
        var second = "\n    [StatefulWorkload]\n    public static StatefulSetBuilder Canary => " +
            Declarations.CleanBody.Replace("Workload.StatefulSet(\"web\")", "Workload.StatefulSet(\"web-canary\")", StringComparison.Ordinal) + ";\n";
        var source = Declarations.Declare(Declarations.CleanBody).Replace("\n}", second + "}", StringComparison.Ordinal);
        Assert.Empty(AnalyzerHarness.Analyze(source));
    }
}
