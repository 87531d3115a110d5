using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace StatefulManifests.Benchmarks;

/// <summary>
/// The state every incremental benchmark measures from: a generator driver that has run once on a project, and the
/// project after one edit. Prepared in an iteration setup, so the measured run is only <see cref="Run"/>.
/// </summary>
/// <param name="Driver">The driver after its first run.</param>
/// <param name="Edited">The project with the edit applied.</param>
internal sealed record WarmEdit(GeneratorDriver Driver, CSharpCompilation Edited)
{
    /// <summary>Runs a new driver on <paramref name="compilation"/>, then replaces the file at <paramref name="path"/> with <paramref name="text"/>.</summary>
    public static WarmEdit Prepare(Func<GeneratorDriver> createDriver, CSharpCompilation compilation, string path, string text) =>
        new(createDriver().RunGenerators(compilation), SyntheticProject.Edit(compilation, path, text));

    /// <summary>The incremental run the benchmark measures.</summary>
    public GeneratorDriver Run() => Driver.RunGenerators(Edited);
}
