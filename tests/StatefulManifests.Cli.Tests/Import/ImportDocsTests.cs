using System.Text.RegularExpressions;
using StatefulManifests.Import;
using StatefulManifests.Tests.Support;

namespace StatefulManifests.Cli.Tests.Import;

/// <summary>docs/cli.md's import example is what the importer writes for the YAML shown beside it, and it compiles.</summary>
public sealed class ImportDocsTests
{
    private static readonly Regex Example = new(
        "^## import\n.*?^```yaml\n(?<yaml>.*?)^```\n.*?^```csharp\n(?<cs>.*?)^```\n",
        RegexOptions.Singleline | RegexOptions.Multiline);

    [Fact]
    public void The_documented_example_is_the_real_output_and_compiles()
    {
        var page = File.ReadAllText(Path.Combine(SharedFiles.RepositoryRoot, "docs", "cli.md")).Replace("\r\n", "\n", StringComparison.Ordinal);
        var match = Example.Match(page);
        Assert.True(match.Success, "docs/cli.md has no import example");
        var result = WorkloadImporter.Import([("web.yaml", match.Groups["yaml"].Value)], new ImportOptions { Namespace = "Contoso.Deploy" });
        Assert.Equal(match.Groups["cs"].Value, result.Source);
        Assert.StartsWith("web.yaml(63,1): skipped ConfigMap web-config: ", result.Skipped.Single().ToString(), StringComparison.Ordinal);
        var (assembly, diagnostics) = GeneratedCode.Compile(result.Source);
        Assert.Empty(diagnostics);
        Assert.NotNull(assembly);
    }
}
