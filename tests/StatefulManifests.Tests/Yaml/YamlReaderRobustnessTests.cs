using System.Text;
using StatefulManifests.Model;
using StatefulManifests.Tests.Support;
using StatefulManifests.Yaml;
using Xunit.Abstractions;

namespace StatefulManifests.Tests.Yaml;

/// <summary>
/// Fuzz-style tests: the reader never throws, whatever it is given (every prefix of a manifest, random mutations,
/// random text), every error it reports is well-formed, and whatever it reads without error the writer renders
/// back to the same documents.
/// </summary>
public sealed class YamlReaderRobustnessTests(ITestOutputHelper output)
{
    private const string Troublesome = ":-? \t\n\r#&*!|>'\"%@`{}[],\\~0yY.\u0000\u0085\u2028\uFEFF\ud800é";

    private static string RenderedSample => ManifestYaml.Write(SampleModels.Nginx(), SampleModels.Web());

    [Fact]
    public void Every_prefix_of_a_rendered_manifest_is_read_without_throwing()
    {
        var text = RenderedSample;
        for (var length = 0; length <= text.Length; length++)
        {
            Check(text.Substring(0, length));
        }
    }

    [Fact]
    public void Every_prefix_of_a_corpus_manifest_is_read_without_throwing()
    {
        if (SharedFiles.Missing(SharedFiles.CorpusDir, output, "the corpus"))
        {
            return;
        }

        var text = File.ReadAllText(Path.Combine(SharedFiles.CorpusDir!, "website-zookeeper.yaml"));
        for (var length = 0; length <= text.Length; length++)
        {
            Check(text.Substring(0, length));
        }

        output.WriteLine($"{text.Length + 1} prefixes of website-zookeeper.yaml read");
    }

    [Fact]
    public void Random_mutations_of_manifests_are_read_without_throwing()
    {
        var sources = new List<string> { RenderedSample };
        if (SharedFiles.CorpusDir is { } corpus)
        {
            sources.Add(File.ReadAllText(Path.Combine(corpus, "website-mysql-statefulset.yaml")));
            sources.Add(File.ReadAllText(Path.Combine(corpus, "gke-hello-app-redis-cluster.yaml")));
        }

        var random = new Random(31337);
        var clean = 0;
        for (var i = 0; i < 1500; i++)
        {
            var text = sources[i % sources.Count];
            for (var m = random.Next(1, 4); m > 0; m--)
            {
                text = Mutate(text, random);
            }

            clean += Check(text) ? 1 : 0;
        }

        output.WriteLine($"1500 mutations read; {clean} were still error-free and round-tripped");
    }

    [Fact]
    public void Random_text_is_read_without_throwing()
    {
        var random = new Random(8);
        for (var i = 0; i < 3000; i++)
        {
            var sb = new StringBuilder();
            for (var c = random.Next(0, 60); c > 0; c--)
            {
                sb.Append(random.Next(3) == 0 ? (char)random.Next(0, 0x10000) : Troublesome[random.Next(Troublesome.Length)]);
            }

            Check(sb.ToString());
        }
    }

    /// <summary>Reads; returns true when the text read without errors (and then checks the round trip).</summary>
    private static bool Check(string text)
    {
        var result = ManifestYaml.Read(text, "fuzz.yaml");
        Assert.All(result.Errors, e => Assert.False(string.IsNullOrWhiteSpace(e.ToString())));
        if (result.Errors.Count > 0)
        {
            return false;
        }

        var rendered = ManifestYaml.Write(result.Documents);
        var again = ManifestYaml.Read(rendered, "rendered.yaml");
        Assert.True(again.Errors.Count == 0, "rendering of\n" + text + "\nread back with errors: " + string.Join("; ", again.Errors) + "\n" + rendered);
        Assert.Equal(result.Documents, again.Documents);
        return true;
    }

    private static string Mutate(string text, Random random)
    {
        if (text.Length == 0)
        {
            return Troublesome[random.Next(Troublesome.Length)].ToString();
        }

        var at = random.Next(text.Length);
        var lines = text.Split('\n').ToList();
        var line = random.Next(lines.Count);
        switch (random.Next(7))
        {
            case 0:
                return text.Substring(0, at) + Troublesome[random.Next(Troublesome.Length)] + text.Substring(at + 1);
            case 1:
                return text.Remove(at, 1);
            case 2:
                return text.Insert(at, Troublesome[random.Next(Troublesome.Length)].ToString());
            case 3:
                lines.Insert(line, lines[line]);
                return string.Join("\n", lines);
            case 4:
                lines.RemoveAt(line);
                return string.Join("\n", lines);
            case 5:
                lines[line] = new string(' ', random.Next(0, 8)) + lines[line].TrimStart();
                return string.Join("\n", lines);
            default:
                var other = random.Next(lines.Count);
                (lines[line], lines[other]) = (lines[other], lines[line]);
                return string.Join("\n", lines);
        }
    }
}
