using System.Text.RegularExpressions;
using StatefulManifests.Samples;
using StatefulManifests.Tests.Support;
using Xunit.Abstractions;

namespace StatefulManifests.Samples.Tests;

/// <summary>Keeps README.md true: its example YAML and error messages are what the code produces.</summary>
public sealed class ReadmeTests(ITestOutputHelper output)
{
    private static string Readme => File.ReadAllText(Path.Combine(SharedFiles.RepositoryRoot, "README.md"));

    [Fact]
    public void Readme_yaml_example_is_what_the_web_sample_renders()
    {
        var block = Regex.Match(Readme, "```yaml\n(.*?)```", RegexOptions.Singleline);
        Assert.True(block.Success, "README has no yaml block");
        Assert.Equal(SampleWorkloads.Web.Render(), block.Groups[1].Value);
    }

    [Fact]
    public void Readme_error_example_is_what_validation_reports()
    {
        var broken = SampleWorkloads.Web.Replicas(-1).VolumeClaim("www", v => v.Storage("10GB"));
        var ex = Assert.Throws<ManifestValidationException>(() => broken.Render());
        output.WriteLine(ex.Message);

        var block = Regex.Match(Readme, "```\n(Web\\.cs.*?)```", RegexOptions.Singleline);
        Assert.True(block.Success, "README has no error example");
        foreach (var line in block.Groups[1].Value.Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            // README abbreviates the declaration's file to its name and elides the middle of long messages.
            var message = line.Substring(line.IndexOf(": ", StringComparison.Ordinal) + 2);
            foreach (var part in message.Split(" ... "))
            {
                Assert.Contains(part, ex.Message, StringComparison.Ordinal);
            }
        }
    }
}
