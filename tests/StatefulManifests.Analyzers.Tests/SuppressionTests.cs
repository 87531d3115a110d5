using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using StatefulManifests.Analyzers.Tests.Support;

namespace StatefulManifests.Analyzers.Tests;

/// <summary>Catalogue diagnostics are ordinary analyzer diagnostics: .editorconfig severities, #pragma and [SuppressMessage] apply.</summary>
public sealed class SuppressionTests
{
    private const string Latest = ".Image(\"registry.example.com/web:1.4.2\")";
    private const string LatestBad = ".Image(\"registry.example.com/web:latest\")";

    /// <summary>The clean workload with a <c>:latest</c> image, its argument marked <c>{|#0:...|}</c>.</summary>
    private static string WithLatestTag() => Declarations.CleanWith(Latest, ".Image({|#0:\"registry.example.com/web:latest\"|})");

    private static DiagnosticResult LatestTag(DiagnosticSeverity severity) => new DiagnosticResult("SM4001", severity).WithLocation(0);

    private static Task VerifyWithEditorConfigAsync(string markup, string editorConfig, params DiagnosticResult[] expected)
    {
        var test = new WorkloadAnalyzerTest(markup);
        test.TestState.AnalyzerConfigFiles.Add(("/.editorconfig", editorConfig));
        test.ExpectedDiagnostics.AddRange(expected);
        return test.RunAsync();
    }

    [Fact]
    public Task The_unsuppressed_case_reports_SM4001_as_a_warning() =>
        WorkloadAnalyzerTest.VerifyAsync(WithLatestTag(), LatestTag(DiagnosticSeverity.Warning));

    [Fact]
    public Task Editorconfig_severity_none_silences_a_rule() =>
        VerifyWithEditorConfigAsync(Declarations.CleanWith(Latest, LatestBad), "root = true\n[*.cs]\ndotnet_diagnostic.SM4001.severity = none\n");

    [Fact]
    public Task Global_config_severity_error_raises_a_rule() =>
        VerifyWithEditorConfigAsync(WithLatestTag(), "is_global = true\ndotnet_diagnostic.SM4001.severity = error\n", LatestTag(DiagnosticSeverity.Error));

    [Fact]
    public Task Editorconfig_severity_error_raises_a_rule() =>
        VerifyWithEditorConfigAsync(WithLatestTag(), "root = true\n[*.cs]\ndotnet_diagnostic.SM4001.severity = error\n", LatestTag(DiagnosticSeverity.Error));

    [Fact]
    public Task Editorconfig_category_severity_applies() =>
        VerifyWithEditorConfigAsync(Declarations.CleanWith(Latest, LatestBad), "root = true\n[*.cs]\ndotnet_analyzer_diagnostic.category-StatefulManifests.BestPractice.severity = none\n");

    [Fact]
    public Task Pragma_warning_disable_silences_a_rule()
    {
        var source = Declarations.Declare(Declarations.CleanBody.Replace(Latest, "\n#pragma warning disable SM4001\n" + LatestBad + "\n#pragma warning restore SM4001\n", StringComparison.Ordinal));
        return WorkloadAnalyzerTest.VerifyAsync(source);
    }

    [Fact]
    public Task SuppressMessage_on_the_member_silences_a_rule()
    {
        var source = Declarations.CleanWith(Latest, LatestBad).Replace(
            "    [StatefulWorkload]",
            "    [StatefulWorkload]\n    [SuppressMessage(\"StatefulManifests.BestPractice\", \"SM4001\", Justification = \"test\")]",
            StringComparison.Ordinal);
        return WorkloadAnalyzerTest.VerifyAsync(source);
    }

    [Fact]
    public Task Duplicate_workload_names_are_reported_on_the_second_name_argument()
    {
        var second = "\n    [StatefulWorkload]\n    public static StatefulSetBuilder Canary => " +
            Declarations.CleanBody.Replace("Workload.StatefulSet(\"web\")", "Workload.StatefulSet({|SM0002:\"web\"|})", StringComparison.Ordinal) + ";\n";
        var markup = Declarations.Declare(Declarations.CleanBody).Replace("\n}", second + "}", StringComparison.Ordinal);
        return WorkloadAnalyzerTest.VerifyMarkedIdsAsync(markup);
    }

    [Fact]
    public Task Different_names_are_not_duplicates()
    {
        var second = "\n    [StatefulWorkload]\n    public static StatefulSetBuilder Canary => " +
            Declarations.CleanBody.Replace("Workload.StatefulSet(\"web\")", "Workload.StatefulSet(\"web-canary\")", StringComparison.Ordinal) + ";\n";
        var source = Declarations.Declare(Declarations.CleanBody).Replace("\n}", second + "}", StringComparison.Ordinal);
        return WorkloadAnalyzerTest.VerifyAsync(source);
    }
}
