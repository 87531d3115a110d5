using StatefulManifests.Model;
using StatefulManifests.Yaml;
using Xunit.Abstractions;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;
using YamlDotNet.Serialization;

namespace StatefulManifests.Tests.Yaml;

/// <summary>
/// Property-style tests: strings that trip YAML writers and readers, placed in labels (keys and values), annotations,
/// env values, args and command, survive rendering and reading back, and no YAML reader takes them for anything else.
/// </summary>
public sealed class AwkwardStringRoundTripTests(ITestOutputHelper output)
{
    [Fact]
    public void Every_fixed_awkward_string_round_trips_on_its_own()
    {
        foreach (var value in AwkwardStrings.All)
        {
            AssertRoundTrips([value]);
        }
    }

    [Fact]
    public void Thousands_of_generated_strings_round_trip()
    {
        var random = new Random(1234);
        var total = 0;
        for (var round = 0; round < 250; round++)
        {
            var strings = AwkwardStrings.Generate(random, 16);
            total += strings.Count;
            AssertRoundTrips(strings);
        }

        output.WriteLine($"{total} generated strings, each in labels, annotations, env, args and command");
    }

    [Fact]
    public void YamlDotNet_typed_reader_sees_every_string_as_the_same_string()
    {
        var typed = new DeserializerBuilder().WithAttemptingUnquotedStringTypeDeserialization().Build();
        var random = new Random(99);
        var strings = AwkwardStrings.All.Concat(AwkwardStrings.Generate(random, 3000)).Distinct().ToList();
        var yaml = ManifestYaml.Write(SampleModels.Carrying(strings));

        var document = (Dictionary<object, object>)typed.Deserialize<object>(yaml)!;
        var annotations = (Dictionary<object, object>)((Dictionary<object, object>)document["metadata"])["annotations"];
        var labels = (Dictionary<object, object>)((Dictionary<object, object>)document["metadata"])["labels"];

        for (var i = 0; i < strings.Count; i++)
        {
            Assert.Equal(strings[i], Assert.IsType<string>(annotations["k" + i]));
            Assert.Equal(strings[i], Assert.IsType<string>(labels[strings[i] + "#" + i]));
        }
    }

    [Fact]
    public void Strings_a_reader_could_misread_are_double_quoted()
    {
        foreach (var value in AwkwardStrings.Misreadable)
        {
            var yaml = ManifestYaml.Write(SampleModels.Carrying([value]));
            var style = AnnotationStyle(yaml, "k0");

            Assert.True(style == ScalarStyle.DoubleQuoted, $"{Show(value)} was written {style}: {yaml}");
        }
    }

    [Theory]
    [InlineData("web")]
    [InlineData("nginx:1.25")]
    [InlineData("registry.k8s.io/nginx-slim:0.24")]
    [InlineData("hello world")]
    [InlineData("10m")]
    [InlineData("v1.2.3")]
    [InlineData("app.kubernetes.io/name")]
    [InlineData("é")]
    public void Ordinary_strings_stay_plain(string value)
    {
        var yaml = ManifestYaml.Write(SampleModels.Carrying([value]));

        Assert.Equal(ScalarStyle.Plain, AnnotationStyle(yaml, "k0"));
    }

    [Fact]
    public void Long_strings_are_never_folded_onto_several_lines()
    {
        var words = string.Join(" ", Enumerable.Range(0, 2000).Select(i => "word" + i));
        var quoted = "yes " + words; // not plain-safe either way, to cover the quoted style too
        var yaml = ManifestYaml.Write(SampleModels.Carrying([words, " " + words]));

        Assert.Contains("k0: " + words + "\n", yaml, StringComparison.Ordinal);
        Assert.Contains("k1: \" " + words + "\"\n", yaml, StringComparison.Ordinal);
        AssertRoundTrips([words, quoted, new string('x', 100_000)]);
    }

    [Fact]
    public void Multi_line_text_is_written_as_a_literal_block()
    {
        var script = "#!/bin/sh\nset -e\necho \"starting: $HOSTNAME\"\nexec nginx -g 'daemon off;'\n";
        var yaml = ManifestYaml.Write(SampleModels.Carrying([script]));

        Assert.Contains("    k0: |\n      #!/bin/sh\n      set -e\n      echo \"starting: $HOSTNAME\"\n      exec nginx -g 'daemon off;'\n", yaml, StringComparison.Ordinal);
        AssertRoundTrips([script]);
    }

    private static ScalarStyle AnnotationStyle(string yaml, string key)
    {
        var parser = new Parser(new StringReader(yaml));
        var inAnnotations = false;
        while (parser.MoveNext())
        {
            if (parser.Current is Scalar { Value: "annotations" })
            {
                inAnnotations = true;
            }
            else if (inAnnotations && parser.Current is Scalar s && s.Value == key)
            {
                parser.MoveNext();
                return ((Scalar)parser.Current!).Style;
            }
        }

        throw new InvalidOperationException("annotation " + key + " not found");
    }

    private void AssertRoundTrips(IReadOnlyList<string> strings)
    {
        var model = SampleModels.Carrying(strings);
        var yaml = ManifestYaml.Write(model);
        var read = ManifestYaml.Read(yaml);
        if (read.Errors.Count == 0 && read.Documents.Count == 1 && Equals(model, read.Documents[0]))
        {
            return;
        }

        // Narrow the failure down to one string for a useful message.
        foreach (var value in strings)
        {
            var single = SampleModels.Carrying([value]);
            var singleYaml = ManifestYaml.Write(single);
            var singleRead = ManifestYaml.Read(singleYaml);
            if (singleRead.Errors.Count > 0 || singleRead.Documents.Count != 1 || !Equals(single, singleRead.Documents[0]))
            {
                output.WriteLine(singleYaml);
                Assert.Fail($"{Show(value)} did not survive: {string.Join("; ", singleRead.Errors)}");
            }
        }

        Assert.Fail("the strings survive one by one but not together: " + string.Join("; ", read.Errors));
    }

    private static string Show(string value) =>
        "\"" + string.Concat(value.Select(c => c < 0x20 || c >= 0x7f ? $"\\u{(int)c:x4}" : c.ToString())) + "\"";
}
