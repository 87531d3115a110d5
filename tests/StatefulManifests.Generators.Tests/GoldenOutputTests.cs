using System.Text.RegularExpressions;
using StatefulManifests.Generators.Tests.Support;

namespace StatefulManifests.Generators.Tests;

/// <summary>
/// The generated file for the documentation's <c>web</c> sample, compared with a checked-in baseline
/// (<c>Golden/Web.g.cs.txt</c>; the generator version is scrubbed). To accept a deliberate change, run the tests
/// with <c>STATEFULMANIFESTS_UPDATE_GOLDEN=1</c> and review the diff.
/// </summary>
public sealed partial class GoldenOutputTests
{
    [Fact]
    public void Web_sample_generates_the_baseline_file()
    {
        var run = GeneratorRun.Run(TestCompilation.Create(Samples.Web));
        var (hintName, source) = Assert.Single(run.Sources);
        Assert.Equal("Demo.Manifests.Web.StatefulWorkload.g.cs", hintName);
        Assert.Empty(run.OutputErrors);

        var actual = Version().Replace(source, "\"StatefulManifests.Generators\", \"VERSION\"");
        var baseline = Path.Combine(AppContext.BaseDirectory, "Golden", "Web.g.cs.txt");
        if (Environment.GetEnvironmentVariable("STATEFULMANIFESTS_UPDATE_GOLDEN") == "1")
        {
            File.WriteAllText(Path.Combine(SourceDirectory(), "Golden", "Web.g.cs.txt"), actual);
            return;
        }

        Assert.Equal(File.ReadAllText(baseline), actual);
    }

    [GeneratedRegex("\"StatefulManifests\\.Generators\", \"[0-9.]+\"")]
    private static partial Regex Version();

    private static string SourceDirectory([System.Runtime.CompilerServices.CallerFilePath] string file = "") => Path.GetDirectoryName(file)!;
}
