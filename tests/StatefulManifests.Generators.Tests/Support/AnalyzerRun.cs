using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using StatefulManifests.Analyzers;

namespace StatefulManifests.Generators.Tests.Support;

/// <summary>
/// Runs <see cref="WorkloadEvaluationAnalyzer"/> with CompilationWithAnalyzers (analyzer exceptions surface as AD0001),
/// limited to what the generator's evaluation decides: DSL usage (SM0xxx) and API validation (SM1xxx, and the rules that replace an API validation error). The
/// catalogue's reliability, security and best-practice rules (SM2xxx–SM4xxx) are tested in
/// StatefulManifests.Analyzers.Tests; here they would only restate lint advice on minimal test workloads.
/// </summary>
public static class AnalyzerRun
{
    /// <summary>The analyzer's diagnostics, sorted by position.</summary>
    public static ImmutableArray<Diagnostic> Diagnostics(Compilation compilation)
    {
        var options = new CompilationWithAnalyzersOptions(
            new AnalyzerOptions([]),
            onAnalyzerException: null,
            concurrentAnalysis: false,
            logAnalyzerExecutionTime: false,
            reportSuppressedDiagnostics: false);
        var evaluationOnly = compilation.Options.WithSpecificDiagnosticOptions(
            StatefulManifests.Rules.RuleCatalog.All
                .Where(r => r.Supersedes is null && r.Category is StatefulManifests.Rules.RuleCategory.Reliability or StatefulManifests.Rules.RuleCategory.Security or StatefulManifests.Rules.RuleCategory.BestPractice)
                .Select(r => new KeyValuePair<string, ReportDiagnostic>(r.Id, ReportDiagnostic.Suppress)));
        var diagnostics = compilation
            .WithOptions(evaluationOnly)
            .WithAnalyzers([new WorkloadEvaluationAnalyzer()], options)
            .GetAnalyzerDiagnosticsAsync()
            .GetAwaiter()
            .GetResult();
        return diagnostics.OrderBy(d => d.Location.SourceTree?.FilePath, StringComparer.Ordinal).ThenBy(d => d.Location.SourceSpan.Start).ToImmutableArray();
    }
}
