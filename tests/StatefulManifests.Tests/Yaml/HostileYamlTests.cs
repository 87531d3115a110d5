using System.Diagnostics;
using System.Text;
using StatefulManifests.Model;
using StatefulManifests.Rules;
using StatefulManifests.Yaml;

namespace StatefulManifests.Tests.Yaml;

/// <summary>
/// The reader's limits hold before the work they bound is done: merge-key and alias bombs, too many documents, too
/// much text. A seeded fuzz test builds hostile streams from a small grammar and checks each is read without an
/// exception within generous time and allocation bounds (a hang or a blow-up, not a speed target).
/// </summary>
public sealed class HostileYamlTests
{
    private const long MaxAllocatedPerCase = 512L * 1024 * 1024;
    private static readonly TimeSpan MaxTimePerCase = TimeSpan.FromSeconds(10);

    [Theory]
    [InlineData(24)]
    [InlineData(1000)]
    public void A_merge_key_bomb_is_stopped_as_it_expands(int levels)
    {
        var yaml = new StringBuilder("b0: &b0 {x: 1, y: 2}\n");
        for (var i = 1; i < levels; i++)
        {
            yaml.Append('b').Append(i).Append(": &b").Append(i).Append(" {<<: [*b").Append(i - 1).Append(", *b").Append(i - 1).Append("], z").Append(i).Append(": 1}\n");
        }

        var result = Bounded(() => ManifestYaml.Read(yaml.ToString()));
        var error = Assert.Single(result.Errors, e => e.Detail.Contains("excessive aliasing", StringComparison.Ordinal));
        Assert.NotNull(error.Position);
        Assert.Empty(result.Documents);
    }

    [Fact]
    public void A_leading_byte_order_mark_is_skipped_on_every_entry_point()
    {
        const string Service = "\uFEFFapiVersion: v1\nkind: Service\nmetadata:\n  name: web\nspec:\n  clusterIP: None\n  selector:\n    app: web\n  ports:\n  - port: 80\n";
        var read = ManifestYaml.Read(Service);
        Assert.Empty(read.Errors);
        Assert.Equal("web", Assert.IsType<Service>(Assert.Single(read.Documents)).Metadata!.Name);

        var positioned = ManifestYaml.ReadWithPositions(Service, "svc.yaml");
        Assert.Empty(positioned.Manifest.Errors);
        Assert.IsType<Service>(Assert.Single(positioned.Manifest.Documents));

        Assert.DoesNotContain(ManifestLinter.LintText(Service, "svc.yaml"), f => f.RuleId is RuleIds.UnreadableManifest or RuleIds.ApiRequired);
    }

    [Fact]
    public void Too_many_documents_are_an_error_at_the_first_one_not_read()
    {
        var yaml = string.Concat(Enumerable.Repeat("--- {a: 1}\n", YamlLoader.MaxDocuments + 5));
        var result = Bounded(() => ManifestYaml.Read(yaml));
        var error = Assert.Single(result.Errors, e => e.Detail.Contains("documents", StringComparison.Ordinal));
        Assert.Equal(YamlLoader.MaxDocuments + 1, error.Position!.Line);
        Assert.Equal(YamlLoader.MaxDocuments, result.Documents.Count);
    }

    [Fact]
    public void Text_over_the_limit_is_not_parsed()
    {
        var yaml = "a: " + new string('x', YamlLoader.MaxTextLength) + "\n";
        var result = ManifestYaml.Read(yaml);
        Assert.Contains("longer than", Assert.Single(result.Errors).Detail, StringComparison.Ordinal);
        Assert.Empty(result.Documents);
    }

    [Fact]
    public void A_file_over_the_limit_is_reported_without_being_read()
    {
        var path = Path.Combine(Path.GetTempPath(), "statefulmanifests-huge-" + Guid.NewGuid().ToString("N") + ".yaml");
        try
        {
            using (var file = File.Create(path))
            {
                file.SetLength(ManifestYaml.MaxTextLength + 1L); // sparse: nothing is written
            }

            var finding = Assert.Single(Bounded(() => ManifestLinter.LintFiles([path])));
            Assert.Equal(RuleIds.UnreadableManifest, finding.RuleId);
            Assert.Contains("larger than 16 MiB", finding.Message, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Fuzzed_hostile_streams_are_read_without_exceptions_within_bounds()
    {
        var random = new Random(20261207);
        for (var i = 0; i < 300; i++)
        {
            var yaml = HostileGrammar.Stream(random);
            try
            {
                Bounded(() => ManifestYaml.Read(yaml));
                Bounded(() => ManifestLinter.LintText(yaml));
            }
            catch (Exception e) when (e is not Xunit.Sdk.XunitException)
            {
                Assert.Fail("case " + i + " threw " + e.GetType().Name + ": " + e.Message + "\n" + yaml.Substring(0, Math.Min(yaml.Length, 2000)));
            }
        }
    }

    private static T Bounded<T>(Func<T> read)
    {
        var allocated = GC.GetAllocatedBytesForCurrentThread();
        var clock = Stopwatch.StartNew();
        var result = read();
        clock.Stop();
        Assert.True(clock.Elapsed < MaxTimePerCase, "reading took " + clock.Elapsed);
        Assert.True(GC.GetAllocatedBytesForCurrentThread() - allocated < MaxAllocatedPerCase, "reading allocated more than " + MaxAllocatedPerCase + " bytes");
        return result;
    }

    /// <summary>Random YAML (at most a few hundred KB) from the shapes that hurt readers: anchors and aliases, merge keys, nesting.</summary>
    private static class HostileGrammar
    {
        public static string Stream(Random random)
        {
            var sb = new StringBuilder();
            var anchors = new List<string>();
            var documents = random.Next(1, 4);
            for (var d = 0; d < documents; d++)
            {
                sb.Append("---\n");
                if (random.Next(3) == 0)
                {
                    sb.Append("apiVersion: apps/v1\nkind: StatefulSet\nmetadata: {name: web}\nspec:\n  template:\n    metadata: ");
                    Node(sb, random, anchors, 0);
                    sb.Append('\n');
                }
                else
                {
                    var entries = random.Next(1, 30);
                    for (var e = 0; e < entries; e++)
                    {
                        sb.Append('k').Append(e).Append(": ");
                        Node(sb, random, anchors, 0);
                        sb.Append('\n');
                    }
                }

                anchors.Clear();
            }

            return sb.ToString();
        }

        private static void Node(StringBuilder sb, Random random, List<string> anchors, int depth)
        {
            // The text stays small (the reader's limits are about what it expands to, not what it is given).
            if (depth > 40 || sb.Length > 200_000)
            {
                sb.Append(anchors.Count > 0 && random.Next(2) == 0 ? "*" + anchors[random.Next(anchors.Count)] : Scalar(random));
                return;
            }

            var choice = random.Next(8);
            switch (choice)
            {
                case 0:
                    sb.Append(Scalar(random));
                    break;
                case 1 when anchors.Count > 0:
                    sb.Append('*').Append(anchors[random.Next(anchors.Count)]);
                    break;
                case 2 or 3:
                    var name = "a" + anchors.Count;
                    sb.Append('&').Append(name).Append(' ');
                    Flow(sb, random, anchors, depth);
                    anchors.Add(name);
                    break;
                case 4 when anchors.Count > 0:
                    sb.Append("{<<: [");
                    var merged = random.Next(1, 6);
                    for (var i = 0; i < merged; i++)
                    {
                        sb.Append(i == 0 ? string.Empty : ", ").Append('*').Append(anchors[random.Next(anchors.Count)]);
                    }

                    sb.Append("], m: 1}");
                    break;
                case 5:
                    sb.Append(new string('[', random.Next(1, 400))).Append("x").Append(new string(']', random.Next(0, 400)));
                    break;
                default:
                    Flow(sb, random, anchors, depth);
                    break;
            }
        }

        private static void Flow(StringBuilder sb, Random random, List<string> anchors, int depth)
        {
            var mapping = random.Next(2) == 0;
            sb.Append(mapping ? '{' : '[');
            var count = random.Next(0, 12);
            for (var i = 0; i < count; i++)
            {
                sb.Append(i == 0 ? string.Empty : ", ");
                if (mapping)
                {
                    sb.Append('f').Append(i).Append(": ");
                }

                Node(sb, random, anchors, depth + 1);
            }

            sb.Append(mapping ? '}' : ']');
        }

        private static string Scalar(Random random) => random.Next(6) switch
        {
            0 => "\"" + new string('q', random.Next(0, 5000)) + "\"",
            1 => "9" + new string('9', random.Next(0, 60)) + "Ei",
            2 => "1e" + random.Next(0, 1_000_000),
            3 => "!!binary aGVsbG8=",
            4 => "'\\uD800'",
            _ => "v" + random.Next(),
        };
    }
}
