using System.Collections.Immutable;
using BenchmarkDotNet.Attributes;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using StatefulManifests.Analyzers;

namespace StatefulManifests.Benchmarks;

/// <summary>
/// The analyzer over the generator benchmarks' synthetic project (<see cref="SyntheticProject"/>) of 1000 workloads:
/// every declaration lowered, evaluated, linted and placed, as a command-line build runs it
/// (<see cref="CompilationWithAnalyzers"/>, concurrent).
/// </summary>
[MemoryDiagnoser]
public class AnalyzerBenchmarks
{
    private readonly ImmutableArray<DiagnosticAnalyzer> analyzers = [new WorkloadEvaluationAnalyzer()];
    private CSharpCompilation compilation = null!;

    /// <summary>The number of workloads in the project.</summary>
    [Params(1000)]
    public int Workloads { get; set; }

    /// <summary>Builds the synthetic project.</summary>
    [GlobalSetup]
    public void Setup() => compilation = SyntheticProject.Create(Workloads);

    /// <summary>All analyzer diagnostics of the project (a fresh analysis each time: nothing is cached between runs).</summary>
    [Benchmark]
    public ImmutableArray<Diagnostic> AnalyzeProject() =>
        compilation
            .WithAnalyzers(analyzers, new CompilationWithAnalyzersOptions(new AnalyzerOptions([]), null, concurrentAnalysis: true, logAnalyzerExecutionTime: false))
            .GetAnalyzerDiagnosticsAsync()
            .GetAwaiter()
            .GetResult();
}
