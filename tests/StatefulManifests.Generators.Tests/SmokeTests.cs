using StatefulManifests.Generators.Tests.Support;
using Xunit.Abstractions;

namespace StatefulManifests.Generators.Tests;

public sealed class SmokeTests(ITestOutputHelper output)
{
    [Fact]
    public void Web()
    {
        var run = GeneratorRun.Run(TestCompilation.Create(Samples.Web));
        foreach (var d in run.Diagnostics.Concat(run.OutputErrors)) output.WriteLine(d.ToString());
        foreach (var s in run.Sources) output.WriteLine(s.Key + "\n" + s.Value);
        Assert.Single(run.Sources);
    }
}
