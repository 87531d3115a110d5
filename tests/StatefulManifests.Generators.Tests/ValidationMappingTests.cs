using StatefulManifests.Generators.Tests.Support;
using static StatefulManifests.Generators.Tests.Support.Workloads;

namespace StatefulManifests.Generators.Tests;

/// <summary>
/// A problem the API server would reject is an error on the argument (or call) that set the field, with the
/// catalogue's ID: SM1xxx by Kubernetes error type (SM1008 for a bad quantity), or SM0003/SM0004 where the
/// catalogue words the error in DSL terms.
/// </summary>
public sealed class ValidationMappingTests
{
    private static bool IsValidation(string id) => id.StartsWith("SM1", StringComparison.Ordinal) || id is "SM0003" or "SM0004";

    [Theory]
    [InlineData("""Workload.StatefulSet("web").Replicas([|-1|]).Container("app", c => c.Image("app:1"))""", "spec.replicas: Invalid value: -1")]
    [InlineData("""Workload.StatefulSet("web").Container("app", c => c.Image("app:1")).VolumeClaim("data", v => v.AccessModes(AccessMode.ReadWriteOnce).Storage([|"10GB"|]))""", "10GB")]
    [InlineData("""Workload.StatefulSet("web").Container("app", c => c.Image("app:1").Port("web", [|70000|]).Port("metrics", 9090))""", "containerPort")]
    [InlineData("""Workload.StatefulSet("web").Container("app", c => c.Image("app:1")).MinReadySeconds([|-5|])""", "spec.minReadySeconds")]
    [InlineData("""Workload.StatefulSet("web").Container("app", c => c.Image("app:1")).[|RollingUpdate(partition: -1, maxUnavailable: -1)|]""", "spec.updateStrategy.rollingUpdate")]
    public void Validation_error_is_reported_on_the_argument_that_caused_it(string body, string messagePart)
    {
        var markup = Markup.Parse(Declare(body));
        var compilation = TestCompilation.Create(markup.Text);
        var diagnostics = AnalyzerRun.Diagnostics(compilation);
        var errors = diagnostics.Where(d => IsValidation(d.Id)).ToList();
        Assert.NotEmpty(errors);
        Assert.Contains(errors, e => e.GetMessage().Contains(messagePart, StringComparison.Ordinal));
        Assert.All(errors, e => Assert.Equal(markup.Spans.Single(), e.Location.SourceSpan));

        // Invalid workloads produce no YAML (the build stops on the error instead of writing a manifest Kubernetes
        // rejects), but keep their companion class, so code using it does not break with errors that bury this one.
        var run = GeneratorRun.Run(compilation);
        var source = Assert.Single(run.Sources).Value;
        Assert.DoesNotContain("StatefulManifests.Yaml:", source, StringComparison.Ordinal);
        Assert.Contains("\"StatefulManifests.Invalid:web.yaml\"", source, StringComparison.Ordinal);
        Assert.Contains("static partial class WebManifest", source, StringComparison.Ordinal);
        Assert.True(run.OutputErrors.Count == 0, string.Join("\n", run.OutputErrors));
    }

    [Fact]
    public void Ids_come_from_the_rule_catalogue()
    {
        var markup = Markup.Parse(Declare("""Workload.StatefulSet("web").Replicas([|-1|]).Container("app", c => c.Image("app:1")).VolumeClaim("data", v => v.AccessModes(AccessMode.ReadWriteOnce).Storage([|"10GB"|]))"""));
        var diagnostics = AnalyzerRun.Diagnostics(TestCompilation.Create(markup.Text)).Where(d => IsValidation(d.Id)).ToList();
        Assert.Equal(["SM1002", "SM1008"], diagnostics.Select(d => d.Id));
        Assert.All(diagnostics, d => Assert.Equal(Microsoft.CodeAnalysis.DiagnosticSeverity.Error, d.Severity));
        Assert.Equal(markup.Spans, diagnostics.Select(d => d.Location.SourceSpan));
        Assert.StartsWith("https://", diagnostics[0].Descriptor.HelpLinkUri, StringComparison.Ordinal);
    }

    [Fact]
    public void A_patch_that_does_not_apply_is_reported_on_the_patch()
    {
        var markup = Markup.Parse(Declare("""Workload.StatefulSet("web").WithoutService().Container("app", c => c.Image("app:1")).PatchService(p => p.Add([|"/spec/x"|], true))"""));
        var diagnostics = AnalyzerRun.Diagnostics(TestCompilation.Create(markup.Text)).Where(d => IsValidation(d.Id)).ToList();
        var diagnostic = Assert.Single(diagnostics);
        Assert.Equal("SM1007", diagnostic.Id);
        Assert.Equal(markup.Spans.Single(), diagnostic.Location.SourceSpan);
    }

    [Fact]
    public void Every_error_is_reported_each_on_its_own_call()
    {
        var markup = Markup.Parse(Declare("""Workload.StatefulSet("web").Replicas([|-1|]).MinReadySeconds([|-2|]).Container("app", c => c.Image("app:1"))"""));
        var diagnostics = AnalyzerRun.Diagnostics(TestCompilation.Create(markup.Text)).Where(d => IsValidation(d.Id)).ToList();
        Assert.Equal(markup.Spans, diagnostics.Select(d => d.Location.SourceSpan).OrderBy(s => s.Start));
    }
}
