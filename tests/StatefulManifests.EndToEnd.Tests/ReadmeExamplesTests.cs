using System.Text.RegularExpressions;
using StatefulManifests.EndToEnd.Tests.Support;
using StatefulManifests.Tests.Support;
using Xunit.Abstractions;

namespace StatefulManifests.EndToEnd.Tests;

/// <summary>
/// Every <c>csharp</c> block of README.md compiles and runs as written, as the whole <c>Program.cs</c> of a fresh
/// console project that references the package — unless the line before it marks it
/// <c>&lt;!-- fragment: ... --&gt;</c>. An <c>xml</c> block with a <c>&lt;PropertyGroup&gt;</c> between the previous
/// C# block and this one goes into the project file, as the README tells the reader to do.
/// </summary>
[Collection(PackageCollection.Name)]
public sealed class ReadmeExamplesTests(PackageFixture package, ITestOutputHelper output)
{
    private static readonly Regex Fence = new("^```(?<lang>[a-z]*)\n(?<body>.*?)^```\n", RegexOptions.Singleline | RegexOptions.Multiline);

    /// <summary>The README's complete C# examples: their index and text, and the project properties before them.</summary>
    public static TheoryData<int> Programs() => new(Examples().Select((_, i) => i));

    [Theory]
    [MemberData(nameof(Programs))]
    public void Readme_csharp_example_compiles_and_runs_in_a_fresh_project(int index)
    {
        Assert.True(File.Exists(package.Package), package.PackOutput);
        var (program, properties) = Examples()[index];
        var project = ConsumerProject.Create(package, "Readme" + index, program, properties, strict: false);
        var build = project.Build();
        output.WriteLine(program);
        output.WriteLine(build.Output);
        build.AssertSucceeded("README example " + index);
        Assert.DoesNotContain(": error ", build.Output, StringComparison.Ordinal);
        var run = project.RunApp();
        output.WriteLine(run.Output);
        run.AssertSucceeded("running README example " + index);

        // What the program renders at run time is what the build wrote for the environment it names.
        if (program.Contains("Databases.Orders(\"prod\").Render()", StringComparison.Ordinal))
        {
            var written = File.ReadAllText(Path.Combine(project.ManifestsDirectory, "prod", "orders.yaml"));
            Assert.StartsWith(written, run.Output.Replace("\r\n", "\n", StringComparison.Ordinal), StringComparison.Ordinal);
            Assert.True(File.Exists(Path.Combine(project.ManifestsDirectory, "dev", "events-3.yaml")));
            Assert.Contains("- orders.yaml\n", File.ReadAllText(Path.Combine(project.ManifestsDirectory, "dev", "kustomization.yaml")), StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Readme_has_complete_examples_and_marks_the_rest()
    {
        Assert.True(Examples().Count >= 2, "README should show at least the first workload and the composition example as complete programs");
    }

    private static List<(string Program, string Properties)> Examples()
    {
        var readme = File.ReadAllText(Path.Combine(SharedFiles.RepositoryRoot, "README.md")).Replace("\r\n", "\n", StringComparison.Ordinal);
        var examples = new List<(string, string)>();
        var properties = string.Empty;
        foreach (Match block in Fence.Matches(readme))
        {
            var body = block.Groups["body"].Value;
            switch (block.Groups["lang"].Value)
            {
                case "xml" when body.Contains("<PropertyGroup>", StringComparison.Ordinal):
                    properties = Regex.Match(body, "<PropertyGroup>(.*)</PropertyGroup>", RegexOptions.Singleline).Groups[1].Value;
                    break;
                case "csharp":
                    if (!IsFragment(readme, block.Index))
                    {
                        examples.Add((body, properties));
                    }

                    properties = string.Empty;
                    break;
            }
        }

        return examples;
    }

    private static bool IsFragment(string readme, int fenceStart)
    {
        var before = readme.Substring(0, fenceStart).TrimEnd('\n');
        var lastLine = before.Substring(before.LastIndexOf('\n') + 1);
        return lastLine.StartsWith("<!-- fragment", StringComparison.Ordinal);
    }
}
