using System.Reflection;
using Microsoft.CodeAnalysis;
using StatefulManifests.Generators.Tests.Support;
using StatefulManifests.Import;
using StatefulManifests.Tests.Support;
using Xunit.Abstractions;

namespace StatefulManifests.Generators.Tests;

/// <summary>
/// What <c>stateful import</c> writes is code the generator evaluates at compile time — escape-hatch patches
/// included — and the YAML the compiler embeds is exactly what the same declarations render at run time.
/// </summary>
public sealed class ImportedCodeTests(ITestOutputHelper output)
{
    [Fact]
    public void Every_imported_valid_corpus_workload_is_evaluated_by_the_generator_and_renders_the_same_yaml()
    {
        if (SharedFiles.Missing(SharedFiles.CorpusDir, output, "the corpus"))
        {
            return;
        }

        var evaluated = 0;
        var failures = new List<string>();
        foreach (var (files, together) in CorpusFiles.Groups(SharedFiles.CorpusDir!))
        {
            var import = WorkloadImporter.Import(together.Select(f => (f, File.ReadAllText(Path.Combine(SharedFiles.CorpusDir!, f)))));
            if (import.WorkloadCount == 0)
            {
                continue;
            }

            var run = GeneratorRun.Run(DriverCompilation.Create(("Imported.cs", import.Source)));
            Assert.Empty(run.Diagnostics); // a generator exception would be CS8785 here
            Assert.Empty(run.OutputErrors);
            var compiled = Embedded(run.Output);

            using var project = LoadedProject.Load(run.Output);
            var atRunTime = new List<string>();
            foreach (var method in project.Type(new ImportOptions().ClassName).GetMethods(BindingFlags.Public | BindingFlags.Static)
                .Where(m => m.GetCustomAttribute<StatefulWorkloadAttribute>() is not null))
            {
                var builder = (StatefulSetBuilder)method.Invoke(null, null)!;
                if (builder.Build().Validate().Count == 0)
                {
                    atRunTime.Add(builder.Render());
                }
                else
                {
                    output.WriteLine(string.Join(", ", together) + ": " + method.Name + " is not valid (a rejected base file joined for its companions); nothing to embed");
                }
            }

            if (!compiled.Order(StringComparer.Ordinal).SequenceEqual(atRunTime.Order(StringComparer.Ordinal)))
            {
                failures.Add(string.Join(", ", together) + ": the compiler embedded " + compiled.Count + " manifests, run time rendered " + atRunTime.Count + (compiled.Count == atRunTime.Count ? " (texts differ)" : string.Empty));
            }

            evaluated += compiled.Count;
        }

        output.WriteLine("evaluated at compile time: " + evaluated + " imported workloads");
        Console.WriteLine("imported corpus workloads evaluated by the generator: " + evaluated);
        Assert.True(failures.Count == 0, string.Join("\n", failures));
        Assert.True(evaluated >= 25, "expected the corpus's StatefulSets, evaluated " + evaluated);
    }

    /// <summary>The manifests the generator put in the assembly (<c>[assembly: AssemblyMetadata("StatefulManifests.Yaml:...", yaml)]</c>).</summary>
    private static List<string> Embedded(Compilation compilation) =>
        EmbeddedMetadata.Of(compilation, "StatefulManifests.Yaml:").Select(m => m.Value).ToList();
}
