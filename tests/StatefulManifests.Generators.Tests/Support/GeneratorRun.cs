using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace StatefulManifests.Generators.Tests.Support;

/// <summary>
/// Runs <see cref="StatefulWorkloadGenerator"/> through <see cref="CSharpGeneratorDriver"/> with step tracking on, for
/// the tests of incrementality (<see cref="IncrementalStepRunReason"/> across edits) and of robustness; tests of
/// what is generated and reported use <see cref="WorkloadGeneratorTest"/>.
/// </summary>
public sealed class GeneratorRun
{
    private GeneratorRun(GeneratorDriver driver, Compilation output, ImmutableArray<Diagnostic> diagnostics)
    {
        Driver = driver;
        Output = output;
        Diagnostics = diagnostics;
    }

    /// <summary>The driver after the run (keep it to run incrementally).</summary>
    public GeneratorDriver Driver { get; }

    /// <summary>The compilation with the generated sources added.</summary>
    public Compilation Output { get; }

    /// <summary>Diagnostics the driver reported (generator exceptions become CS8785 here).</summary>
    public ImmutableArray<Diagnostic> Diagnostics { get; }

    /// <summary>The run result of the generator.</summary>
    public GeneratorRunResult Result => Driver.GetRunResult().Results.Single();

    /// <summary>Generated files by hint name.</summary>
    public IReadOnlyDictionary<string, string> Sources =>
        Result.GeneratedSources.ToDictionary(s => s.HintName, s => s.SourceText.ToString(), StringComparer.Ordinal);

    /// <summary>Creates a driver with step tracking on, the MSBuild properties given and the additional files given.</summary>
    public static GeneratorDriver CreateDriver(DriverBuildProperties? properties = null, IEnumerable<AdditionalText>? additionalTexts = null) =>
        CSharpGeneratorDriver.Create(
            [new StatefulWorkloadGenerator().AsSourceGenerator()],
            additionalTexts: additionalTexts,
            parseOptions: DriverCompilation.ParseOptions,
            optionsProvider: properties,
            driverOptions: new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: true));

    /// <summary>Runs the generator once on <paramref name="compilation"/>.</summary>
    public static GeneratorRun Run(Compilation compilation, DriverBuildProperties? properties = null) => Continue(CreateDriver(properties), compilation);

    /// <summary>Runs an existing driver on a (changed) compilation.</summary>
    public static GeneratorRun Continue(GeneratorDriver driver, Compilation compilation)
    {
        driver = driver.RunGeneratorsAndUpdateCompilation(compilation, out var output, out var diagnostics);
        return new GeneratorRun(driver, output, diagnostics);
    }

    /// <summary>The compilation errors of the output (user code plus generated code).</summary>
    public IReadOnlyList<Diagnostic> OutputErrors =>
        Output.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
}
