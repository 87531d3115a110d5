using StatefulManifests.Generators.Pipeline;
using StatefulManifests.Generators.Tests.Support;
using static StatefulManifests.Generators.Tests.Support.Workloads;

namespace StatefulManifests.Generators.Tests;

/// <summary>
/// The generator evaluates for the project's target cluster (MSBuild <c>StatefulManifestsKubernetesVersion</c> and
/// <c>StatefulManifestsFeatureGates</c>): a workload valid for one target and invalid for another gets its YAML only
/// where it is valid, a bad property value never breaks the generator, and changing the target re-evaluates.
/// </summary>
public sealed class TargetClusterTests
{
    private const string Sleep = """Workload.StatefulSet("web").Container("app", c => c.Image("app:1").PreStop(h => h.Sleep(5)))""";
    private const string ZeroMaxUnavailable = """Workload.StatefulSet("web").Container("app", c => c.Image("app:1")).RollingUpdate(maxUnavailable: 0)""";

    [Theory]
    [InlineData(Sleep, "1.28", "", false)]
    [InlineData(Sleep, "1.29", "", true)]
    [InlineData(Sleep, "", "", true)]
    [InlineData(ZeroMaxUnavailable, "", "", true)]
    [InlineData(ZeroMaxUnavailable, "1.35.2", "", false)]
    [InlineData(ZeroMaxUnavailable, "1.36", "MaxUnavailableStatefulSet=true", false)]
    [InlineData(ZeroMaxUnavailable, "1.35.2", "MaxUnavailableStatefulSet=false", true)]
    public void The_yaml_is_written_only_where_the_target_accepts_the_workload(string body, string version, string gates, bool written)
    {
        var source = GenerateFor(body, version, gates);
        Assert.Equal(written, source.Contains("\"StatefulManifests.Yaml:web.yaml\"", StringComparison.Ordinal));
        Assert.Equal(!written, source.Contains("\"StatefulManifests.Invalid:web.yaml\"", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("1.x", "")]
    [InlineData("1.99", "")]
    [InlineData("", "MaxUnavailableStatefulSet")]
    [InlineData("", "NoSuchGate=true,=,,")]
    [InlineData("\u0000\uD800", "\uDC00=true")]
    public void A_bad_target_property_falls_back_to_the_default_and_never_breaks_the_generator(string version, string gates)
    {
        var run = GeneratorRun.Run(DriverCompilation.Create(Declare(ZeroMaxUnavailable)), Options(version, gates));
        Assert.Empty(run.Diagnostics);
        Assert.Contains("\"StatefulManifests.Yaml:web.yaml\"", Assert.Single(run.Sources).Value, StringComparison.Ordinal);
    }

    [Fact]
    public void Changing_the_target_re_evaluates_and_an_unrelated_option_does_not()
    {
        var compilation = DriverCompilation.Create(Declare(Sleep));
        var first = GeneratorRun.Continue(GeneratorRun.CreateDriver(Options("1.29", string.Empty)), compilation);
        Assert.Contains("StatefulManifests.Yaml:", Assert.Single(first.Sources).Value, StringComparison.Ordinal);

        var older = GeneratorRun.Continue(first.Driver.WithUpdatedAnalyzerConfigOptions(Options("1.28", string.Empty)), compilation);
        Assert.Contains("StatefulManifests.Invalid:", Assert.Single(older.Sources).Value, StringComparison.Ordinal);
        Assert.Contains(older.Result.TrackedSteps[TrackingNames.Specs].SelectMany(s => s.Outputs), o => o.Reason == Microsoft.CodeAnalysis.IncrementalStepRunReason.Modified);

        var domain = new DriverBuildProperties(new Dictionary<string, string> { ["StatefulManifestsKubernetesVersion"] = "1.28", ["StatefulManifestsClusterDomain"] = "corp.example" });
        var unrelated = GeneratorRun.Continue(older.Driver.WithUpdatedAnalyzerConfigOptions(domain), compilation);
        Assert.All(unrelated.Result.TrackedSteps[TrackingNames.Specs].SelectMany(s => s.Outputs), o => Assert.Equal(Microsoft.CodeAnalysis.IncrementalStepRunReason.Cached, o.Reason));
    }

    private static string GenerateFor(string body, string version, string gates)
    {
        var run = GeneratorRun.Run(DriverCompilation.Create(Declare(body)), Options(version, gates));
        Assert.Empty(run.Diagnostics);
        Assert.True(run.OutputErrors.Count == 0, string.Join("\n", run.OutputErrors));
        return Assert.Single(run.Sources).Value;
    }

    private static DriverBuildProperties Options(string version, string gates) => new(new Dictionary<string, string>
    {
        ["StatefulManifestsKubernetesVersion"] = version,
        ["StatefulManifestsFeatureGates"] = gates,
    });
}
