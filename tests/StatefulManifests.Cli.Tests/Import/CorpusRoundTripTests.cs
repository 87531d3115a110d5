using StatefulManifests.Import;
using StatefulManifests.Model;
using StatefulManifests.Tests.Support;
using StatefulManifests.Yaml;
using Xunit.Abstractions;

namespace StatefulManifests.Cli.Tests.Import;

/// <summary>
/// The import round trip over every valid file of <c>../shared/corpus</c>: import → compile the C# in-process →
/// invoke each declaration → render it with the project's writer → compare with the original objects as data
/// (<see cref="SemanticYaml"/> says exactly what may differ). A file <c>x--service.yaml</c> is imported together
/// with <c>x.yaml</c>, as its Service governs x's StatefulSet.
/// </summary>
public sealed class CorpusRoundTripTests(ITestOutputHelper output)
{
    [Fact]
    public void Every_valid_corpus_file_round_trips_through_import_compile_and_render()
    {
        if (SharedFiles.Missing(SharedFiles.CorpusDir, output, "the corpus"))
        {
            return;
        }

        foreach (var skipped in CorpusFiles.All(SharedFiles.CorpusDir!).Where(CorpusFiles.NotValid.ContainsKey))
        {
            output.WriteLine("skipped " + skipped + ": " + CorpusFiles.NotValid[skipped]);
        }

        var valid = CorpusFiles.Valid(SharedFiles.CorpusDir!);
        var roundTripped = new List<string>();
        var failures = new List<string>();
        foreach (var (files, together) in CorpusFiles.Groups(SharedFiles.CorpusDir!))
        {
            var (rendered, skipped) = RenderImport(together, failures);
            foreach (var file in files)
            {
                var problems = Compare(file, rendered, skipped);
                if (problems.Count == 0)
                {
                    roundTripped.Add(file);
                }
                else
                {
                    failures.Add(file + ": " + string.Join("; ", problems));
                }
            }
        }

        output.WriteLine("round-tripped " + roundTripped.Count + " of " + valid.Count + " valid corpus files: " + string.Join(", ", roundTripped));
        Console.WriteLine("import round trip: " + roundTripped.Count + " of " + valid.Count + " valid corpus files");
        Assert.True(failures.Count == 0, string.Join("\n", failures));
        Assert.True(roundTripped.Count >= valid.Count, roundTripped.Count + " < " + valid.Count);
    }

    [Fact]
    public void The_everything_set_fixture_round_trips_too_though_it_is_not_a_valid_spec()
    {
        const string Fixture = "k8s-api-fixture-v1.32.0-apps.v1.StatefulSet.yaml";
        if (SharedFiles.Missing(SharedFiles.CorpusDir, output, "the corpus"))
        {
            return;
        }

        var failures = new List<string>();
        var (rendered, skipped) = RenderImport([Fixture], failures);
        failures.AddRange(Compare(Fixture, rendered, skipped));
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    // Imports the files together and renders every declaration; returns the rendered objects by kind/namespace/name.
    private (Dictionary<string, string> Rendered, HashSet<string> Skipped) RenderImport(IReadOnlyList<string> names, List<string> failures)
    {
        var result = WorkloadImporter.Import(names.Select(n => (n, File.ReadAllText(Path.Combine(SharedFiles.CorpusDir!, n)))));
        foreach (var line in result.Skipped.Select(s => s.ToString()).Concat(result.Notes))
        {
            output.WriteLine("  " + line);
        }

        var skipped = result.Skipped.Select(s => s.Kind + "/" + s.Name).ToHashSet(StringComparer.Ordinal);
        var (assembly, diagnostics) = GeneratedCode.Compile(result.Source);
        if (assembly is null || diagnostics.Count > 0)
        {
            failures.Add(string.Join(", ", names) + ": the import does not compile cleanly: " + string.Join("; ", diagnostics));
            return ([], skipped);
        }

        var objects = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (member, builder) in GeneratedCode.Declarations(assembly, new ImportOptions().ClassName))
        {
            var workload = builder.Build();

            // Valid workloads render exactly as a build would (Render validates); an import of a rejected file (a base
            // joined only for its companions) is written from the patched model without validation.
            var yaml = workload.Validate().Count == 0 ? builder.Render() : ManifestYaml.Write(workload.Applied().Documents);
            foreach (var obj in ManifestYaml.Read(yaml, member).Documents)
            {
                objects[Key(obj)] = ManifestYaml.Write(obj);
            }
        }

        return (objects, skipped);
    }

    // Every StatefulSet, Service and budget of the file must be rendered back equal as data, except a Service or budget
    // the import reported as skipped (one that governs or selects no StatefulSet of the group, such as a client Service).
    private static List<string> Compare(string file, Dictionary<string, string> rendered, HashSet<string> skipped)
    {
        var text = File.ReadAllText(Path.Combine(SharedFiles.CorpusDir!, file));
        var read = ManifestYaml.Read(text, file);
        var problems = new List<string>();
        var compared = 0;
        foreach (var obj in read.Documents.Where(d => d is StatefulSet or Service or PodDisruptionBudget))
        {
            if (!rendered.TryGetValue(Key(obj), out var yaml))
            {
                if (obj is not StatefulSet && skipped.Contains(obj.Kind + "/" + obj.Metadata?.Name))
                {
                    continue;
                }

                problems.Add(Key(obj) + " was not rendered");
                continue;
            }

            compared++;
            problems.AddRange(SemanticYaml.Differences(SemanticYaml.Parse(ManifestYaml.Write(obj)), SemanticYaml.Parse(yaml)).Select(d => Key(obj) + d));
        }

        if (compared == 0)
        {
            problems.Add("nothing of it was imported");
        }

        return problems;
    }

    private static string Key(IKubernetesObject obj) => obj.Kind + "/" + obj.Metadata?.Namespace + "/" + obj.Metadata?.Name;
}
