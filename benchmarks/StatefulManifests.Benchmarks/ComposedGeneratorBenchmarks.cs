using BenchmarkDotNet.Attributes;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace StatefulManifests.Benchmarks;

/// <summary>
/// The source generator on the synthetic project written the way real code looks (<see cref="SyntheticProject.CreateComposed"/>):
/// every workload calls one shared factory, which uses extension helpers and constants from one helper file. Compare
/// with <see cref="GeneratorBenchmarks"/> (the same workloads spelled out). Measured: a full run on fresh trees, the
/// incremental run after an unrelated edit, and the incremental run after an edit inside a helper every workload
/// reaches (so every workload is evaluated again, but only the helper file is lowered again).
/// Targets (issue 9), 1000 workloads on a 2-core machine: full run ≤ 695 ms, unrelated edit &lt; 20 ms, helper edit
/// &lt; the full run.
/// <para>
/// Measured (quick job: 1 warm-up, 3 iterations; 2 shared cores under a load average of about 3, so the spread is
/// wide), 1000 workloads: full run mean 810 ms (median 540 ms, σ 482 ms, 229 MB); unrelated edit 37.6 ms (σ 0.3 ms,
/// 5.3 MB); helper edit mean 715 ms (median 640 ms, σ 183 ms, 216 MB). The unrelated edit misses its target: no
/// workload is evaluated (every <c>Specs</c> step is cached), but the compiler re-runs the attribute transform for all
/// 1000 members on the new compilation; a brief profile put about 9 ms of that in the generator's own transform
/// (reading the attribute, the declaration's form, the plan-cache check) and the rest in Roslyn re-binding each member's
/// symbol, attributes and signature. <see cref="AttributeTransformFloorBenchmarks"/> measures that floor alone (a
/// generator that only finds the attributed members): 69 ms (σ 29 ms) against this benchmark's 30 ms (σ 12 ms) in
/// the same later run, so the target is below what the attribute API itself costs here. The helper edit is close to the full run because every workload reaches
/// <c>Hardened</c>: all 1000 are evaluated and emitted again (steady state about 340–440 ms, of it 150–270 ms
/// evaluation); only lowering the workloads' own files, cheap here, is saved.
/// </para>
/// </summary>
[MemoryDiagnoser]
public class ComposedGeneratorBenchmarks
{
    private CSharpCompilation compilation = null!;
    private CSharpCompilation fresh = null!;
    private WarmEdit edit = null!;
    private int edits;

    /// <summary>The number of workloads in the project.</summary>
    [Params(1000)]
    public int Workloads { get; set; }

    /// <summary>Builds the project, and checks every workload is evaluated at compile time (not left to the build).</summary>
    [GlobalSetup]
    public void Setup()
    {
        compilation = SyntheticProject.CreateComposed(Workloads);
        var result = GeneratorBenchmarks.CreateDriver().RunGenerators(compilation).GetRunResult().Results.Single();
        var evaluated = result.GeneratedSources.Count(s => s.SourceText.ToString().Contains("StatefulManifests.Yaml:", StringComparison.Ordinal));
        if (evaluated != Workloads)
        {
            throw new InvalidOperationException($"only {evaluated} of {Workloads} workloads were evaluated at compile time; the benchmark would measure something else");
        }
    }

    /// <summary>Before each full run: the project parsed again, so no tree is one the generator's caches have seen.</summary>
    [IterationSetup(Target = nameof(FullRun))]
    public void PrepareFull() => fresh = SyntheticProject.CreateComposed(Workloads);

    /// <summary>Before each unrelated-edit run: a driver that has run once, and the unrelated file edited.</summary>
    [IterationSetup(Target = nameof(IncrementalAfterUnrelatedEdit))]
    public void PrepareUnrelatedEdit() => PrepareEdit(SyntheticProject.UnrelatedPath, SyntheticProject.Unrelated(++edits));

    /// <summary>Before each helper-edit run: a driver that has run once, and a literal inside the shared helper changed.</summary>
    [IterationSetup(Target = nameof(IncrementalAfterHelperEdit))]
    public void PrepareHelperEdit() => PrepareEdit(SyntheticProject.HelpersPath, SyntheticProject.Helpers(++edits));

    /// <summary>First run: the factory and helpers lowered once, every workload evaluated, validated, rendered and emitted.</summary>
    [Benchmark]
    public GeneratorDriver FullRun() => GeneratorBenchmarks.CreateDriver().RunGenerators(fresh);

    /// <summary>The run after an edit elsewhere: no plan changes, nothing is evaluated again.</summary>
    [Benchmark]
    public GeneratorDriver IncrementalAfterUnrelatedEdit() => edit.Run();

    /// <summary>The run after an edit inside <c>Hardened</c>: the helper file lowered again, every workload evaluated again.</summary>
    [Benchmark]
    public GeneratorDriver IncrementalAfterHelperEdit() => edit.Run();

    private void PrepareEdit(string path, string text) => edit = WarmEdit.Prepare(GeneratorBenchmarks.CreateDriver, compilation, path, text);
}
