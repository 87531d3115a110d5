using StatefulManifests.Generators.Tests.Support;

namespace StatefulManifests.Generators.Tests;

/// <summary>
/// The generated file for the documentation's <c>web</c> sample, compared with a checked-in baseline
/// (<c>Golden/Web.g.cs.txt</c>; see <see cref="GoldenFiles"/> to accept a deliberate change).
/// </summary>
public sealed class GoldenOutputTests
{
    [Fact]
    public Task Web_sample_generates_the_baseline_file() =>
        new WorkloadGeneratorTest(Samples.Web).ExpectGolden("Demo.Manifests.Web.StatefulWorkload.g.cs", "Web").RunAsync();
}
