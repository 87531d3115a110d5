using System.Diagnostics;
using System.Text;
using System.Text.Json;
using StatefulManifests.Model;
using StatefulManifests.Tests.Support;
using StatefulManifests.Validation;
using StatefulManifests.Yaml;
using Xunit.Abstractions;

namespace StatefulManifests.Tests.Yaml;

/// <summary>
/// Issue 2's "done when": every manifest in ../shared/corpus (the everything-set fixture included) reads into the
/// model without unknown fields and renders back to a semantically equal document, judged by an oracle that does
/// not use the reader under test (<see cref="SemanticTree"/>); reading the rendering gives an equal model.
/// </summary>
public sealed class CorpusRoundTripTests(ITestOutputHelper output)
{
    /// <summary>The only problems the corpus has, by file (its README lists them); every other file must read cleanly.</summary>
    private static readonly Dictionary<string, string[]> ExpectedErrors = new(StringComparer.Ordinal)
    {
        ["argocd-gitops-engine-statefulset-ondelete.yaml"] = ["(30,3): spec.updateStrategy: Duplicate value: \"updateStrategy\""],
        ["k8s-e2e-etcd--service-dupkey.yaml"] = ["(3,1): metadata: Duplicate value: \"metadata\""],
        ["k8s-e2e-multivolumezk-legacy-v1beta1.yaml"] = ["(1,13): apiVersion: Invalid value: \"apps/v1beta1\": apps/v1beta1 StatefulSet is no longer served"],
        ["examples-archived-cockroachdb.yaml"] = ["(57,13): apiVersion: Invalid value: \"policy/v1beta1\": policy/v1beta1 PodDisruptionBudget is no longer served"],
    };

    public static TheoryData<string> CorpusFiles()
    {
        var data = new TheoryData<string>();
        if (SharedFiles.CorpusDir is { } dir)
        {
            foreach (var file in Directory.GetFiles(dir, "*.yaml").Select(Path.GetFileName).OrderBy(f => f, StringComparer.Ordinal))
            {
                data.Add(file!);
            }
        }
        else
        {
            data.Add("(corpus missing)");
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(CorpusFiles))]
    public void Corpus_manifest_reads_cleanly_and_renders_back_semantically_equal(string file)
    {
        if (SharedFiles.Missing(SharedFiles.CorpusDir, output, "the corpus"))
        {
            return;
        }

        var original = File.ReadAllText(Path.Combine(SharedFiles.CorpusDir!, file));
        var read = ManifestYaml.Read(original, file);

        var expected = ExpectedErrors.TryGetValue(file, out var e) ? e : [];
        Assert.Equal(expected.Length, read.Errors.Count);
        foreach (var (error, prefix) in read.Errors.Zip(expected))
        {
            Assert.StartsWith(file + prefix, error.ToString(), StringComparison.Ordinal);
        }

        var rendered = ManifestYaml.Write(read.Documents);
        var before = SemanticTree.FromYaml(original);
        var after = SemanticTree.FromYaml(rendered);
        Assert.Equal(before.Count, after.Count);
        var differences = before.Zip(after).SelectMany((pair, i) => SemanticTree.Differences(pair.First, pair.Second, "doc" + i)).ToList();
        Assert.True(differences.Count == 0, file + " changed meaning:\n" + string.Join("\n", differences.Take(30)));

        var reread = ManifestYaml.Read(rendered, "rendered-" + file);
        Assert.DoesNotContain(reread.Errors, x => !x.Detail.Contains("no longer served", StringComparison.Ordinal));
        Assert.Equal(read.Documents, reread.Documents);
        Assert.Equal(rendered, ManifestYaml.Write(reread.Documents));
        output.WriteLine($"{file}: {read.Documents.Count} documents ({string.Join(", ", read.Documents.Select(d => d.Kind))}) round-trip");
    }

    [Fact]
    public void The_corpus_StatefulSets_are_typed_and_the_fixture_sets_every_field()
    {
        if (SharedFiles.Missing(SharedFiles.CorpusDir, output, "the corpus"))
        {
            return;
        }

        var sets = Directory.GetFiles(SharedFiles.CorpusDir!, "*.yaml")
            .SelectMany(f => ManifestYaml.Read(File.ReadAllText(f), f).StatefulSets)
            .Where(s => s.ApiVersion == "apps/v1")
            .ToList();
        var fixture = Assert.Single(ManifestYaml.Read(File.ReadAllText(Path.Combine(SharedFiles.CorpusDir!, "k8s-api-fixture-v1.32.0-apps.v1.StatefulSet.yaml"))).StatefulSets);

        Assert.True(sets.Count >= 30, "expected the corpus's apps/v1 StatefulSets, found " + sets.Count);
        Assert.All(sets, s => Assert.IsType<StatefulSet>(s));
        var spec = fixture.Spec!;
        Assert.NotNull(spec.PersistentVolumeClaimRetentionPolicy);
        Assert.NotNull(spec.Ordinals);
        Assert.NotNull(spec.UpdateStrategy?.RollingUpdate?.MaxUnavailable);
        Assert.NotNull(fixture.Status?.Conditions);
        Assert.NotNull(fixture.Metadata?.ManagedFields?[0].FieldsV1);
        output.WriteLine($"{sets.Count} apps/v1 StatefulSets read");
    }

    [Fact]
    public void The_duplicate_keys_in_the_corpus_are_found_and_what_they_lose_is_known()
    {
        if (SharedFiles.Missing(SharedFiles.CorpusDir, output, "the corpus"))
        {
            return;
        }

        // argocd's live-object dump repeats spec.updateStrategy with the same value: reported, but nothing is lost.
        var onDelete = new List<SemanticTree.Duplicate>();
        SemanticTree.FromYaml(File.ReadAllText(Path.Combine(SharedFiles.CorpusDir!, "argocd-gitops-engine-statefulset-ondelete.yaml")), onDelete);
        var repeated = Assert.Single(onDelete);
        Assert.Equal(".spec.updateStrategy", repeated.Path);
        Assert.Empty(SemanticTree.Differences(repeated.Lost, repeated.Kept));
        var set = Assert.Single(ManifestYaml.Read(File.ReadAllText(Path.Combine(SharedFiles.CorpusDir!, "argocd-gitops-engine-statefulset-ondelete.yaml"))).StatefulSets);
        Assert.Equal(UpdateStrategyType.OnDelete, set.Spec!.UpdateStrategy!.Type!.Value.Known);

        // The etcd Service repeats metadata: kubectl keeps the second and silently loses the first one's annotation.
        var etcd = new List<SemanticTree.Duplicate>();
        var etcdText = File.ReadAllText(Path.Combine(SharedFiles.CorpusDir!, "k8s-e2e-etcd--service-dupkey.yaml"));
        SemanticTree.FromYaml(etcdText, etcd);
        var metadata = Assert.Single(etcd);
        Assert.Equal(".metadata", metadata.Path);
        Assert.Contains(SemanticTree.Differences(metadata.Lost, metadata.Kept), d => d.StartsWith(".annotations: dropped", StringComparison.Ordinal));
        var result = ManifestYaml.Read(etcdText, "etcd.yaml");
        var service = Assert.Single(result.Services);
        Assert.Equal("etcd", service.Metadata!.Name);
        Assert.Null(service.Metadata.Annotations); // what kubectl would apply
        Assert.Equal(FieldErrorType.Duplicate, Assert.Single(result.Errors).Type);
    }

    [Fact]
    public void The_legacy_v1beta1_StatefulSet_is_kept_with_its_three_claim_templates()
    {
        if (SharedFiles.Missing(SharedFiles.CorpusDir, output, "the corpus"))
        {
            return;
        }

        var result = ManifestYaml.Read(File.ReadAllText(Path.Combine(SharedFiles.CorpusDir!, "k8s-e2e-multivolumezk-legacy-v1beta1.yaml")));

        var set = Assert.Single(result.StatefulSets);
        Assert.Equal("apps/v1beta1", set.ApiVersion);
        Assert.Equal(3, set.Spec!.VolumeClaimTemplates!.Count);
        Assert.Contains("no longer served", Assert.Single(result.Errors).Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void Kubectl_reads_the_rendered_corpus_as_it_reads_the_original()
    {
        if (SharedFiles.Missing(SharedFiles.CorpusDir, output, "the corpus")
            || SharedFiles.Missing(SharedFiles.KubectlValidate, output, "kubectl-validate with kubectl"))
        {
            return;
        }

        var files = Directory.GetFiles(SharedFiles.CorpusDir!, "*.yaml").OrderBy(f => f, StringComparer.Ordinal).ToList();
        var renderedDir = Path.Combine(Path.GetTempPath(), "sm-corpus-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(renderedDir);
        try
        {
            var rendered = files.Select(f =>
            {
                var target = Path.Combine(renderedDir, Path.GetFileName(f));
                File.WriteAllText(target, ManifestYaml.Write(ManifestYaml.Read(File.ReadAllText(f), f).Documents));
                return target;
            }).ToList();

            var before = KubectlJson(files);
            var after = KubectlJson(rendered);

            var compared = 0;
            foreach (var file in files.Select(Path.GetFileName))
            {
                if (before[file!] is not { } originalDocs)
                {
                    continue; // kubectl refuses the original too (removed API versions)
                }

                var renderedDocs = after[file!];
                Assert.True(renderedDocs is not null, file + ": kubectl accepts the original but not the rendering");
                Assert.Equal(originalDocs.Count, renderedDocs!.Count);
                var differences = originalDocs.Zip(renderedDocs)
                    .SelectMany((pair, i) => SemanticTree.Differences(WithoutLastApplied(pair.First), WithoutLastApplied(pair.Second), "doc" + i))
                    .ToList();
                Assert.True(differences.Count == 0, file + " means something else to kubectl after rendering:\n" + string.Join("\n", differences.Take(30)));
                compared++;
            }

            Assert.True(compared >= files.Count - 3, $"kubectl compared only {compared} of {files.Count} files");
            output.WriteLine($"kubectl reads {compared} corpus files and their renderings identically");
        }
        finally
        {
            Directory.Delete(renderedDir, recursive: true);
        }
    }

    /// <summary>
    /// kubectl create rewrites an existing last-applied-configuration annotation from the object it parsed, so it
    /// shows null-versus-absent differences (<c>creationTimestamp: null</c>) that mean nothing to the API server.
    /// </summary>
    private static object? WithoutLastApplied(JsonElement document)
    {
        var tree = (SortedDictionary<string, object?>)SemanticTree.FromJson(document)!;
        if (tree.TryGetValue("metadata", out var metadata) && metadata is SortedDictionary<string, object?> meta
            && meta.TryGetValue("annotations", out var annotations) && annotations is SortedDictionary<string, object?> notes)
        {
            notes.Remove("kubectl.kubernetes.io/last-applied-configuration");
        }

        return tree;
    }

    /// <summary>Runs kubectl-validate -o json once over many files: per file name, the objects kubectl parsed (null if refused).</summary>
    private static Dictionary<string, List<JsonElement>?> KubectlJson(IReadOnlyList<string> files)
    {
        var start = new ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in new[] { SharedFiles.KubectlValidate!, "--no-typed-decode", "-o", "json" }.Concat(files))
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync();
        var lines = process.StandardOutput.ReadToEnd().Split('\n');
        process.WaitForExit();
        _ = stderr.Result;

        var result = new Dictionary<string, List<JsonElement>?>(StringComparer.Ordinal);
        string? current = null;
        var json = new StringBuilder();
        void Flush()
        {
            if (current is not null && result[current] is { } docs)
            {
                var reader = new Utf8JsonReader(Encoding.UTF8.GetBytes(json.ToString()), new JsonReaderOptions { AllowMultipleValues = true });
                while (JsonElement.TryParseValue(ref reader, out var element))
                {
                    docs.Add(element.Value);
                }
            }

            json.Clear();
        }

        foreach (var line in lines)
        {
            if (line.StartsWith("PASS ", StringComparison.Ordinal) || line.StartsWith("FAIL ", StringComparison.Ordinal))
            {
                Flush();
                var path = line.Substring(5).Split(' ')[0];
                current = Path.GetFileName(path);
                result[current] = line.StartsWith("PASS ", StringComparison.Ordinal) ? [] : null;
            }
            else
            {
                json.Append(line).Append('\n');
            }
        }

        Flush();
        Assert.Equal(files.Count, result.Count);
        return result;
    }
}
