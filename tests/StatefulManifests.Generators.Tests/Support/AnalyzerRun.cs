using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using StatefulManifests.Analyzers;

namespace StatefulManifests.Generators.Tests.Support;

/// <summary>Runs <see cref="WorkloadEvaluationAnalyzer"/> with CompilationWithAnalyzers (analyzer exceptions surface as AD0001).</summary>
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
        var diagnostics = compilation
            .WithAnalyzers([new WorkloadEvaluationAnalyzer()], options)
            .GetAnalyzerDiagnosticsAsync()
            .GetAwaiter()
            .GetResult();
        return diagnostics.OrderBy(d => d.Location.SourceTree?.FilePath, StringComparer.Ordinal).ThenBy(d => d.Location.SourceSpan.Start).ToImmutableArray();
    }
}
