using StatefulManifests.Generators.Tests.Support;
using static StatefulManifests.Generators.Tests.Support.Workloads;

namespace StatefulManifests.Generators.Tests;

/// <summary>A validation error of the evaluated workload is an SM0002 error on the argument (or call) that set the field.</summary>
public sealed class ValidationMappingTests
{
    [Theory]
    [InlineData("""Workload.StatefulSet("web").Replicas([|-1|]).Container("app", c => c.Image("app:1"))""", "spec.replicas: Invalid value: -1")]
    [InlineData("""Workload.StatefulSet("web").Container("app", c => c.Image("app:1")).VolumeClaim("data", v => v.AccessModes(AccessMode.ReadWriteOnce).Storage([|"10GB"|]))""", "storage")]
    [InlineData("""Workload.StatefulSet("web").Container("app", c => c.Image("app:1").Port("web", [|70000|]).Port("metrics", 9090))""", "containerPort")]
    [InlineData("""Workload.StatefulSet("web").Container("app", c => c.Image("app:1")).MinReadySeconds([|-5|])""", "spec.minReadySeconds")]
    [InlineData("""Workload.StatefulSet("web").Container("app", c => c.Image("app:1")).[|RollingUpdate(partition: -1, maxUnavailable: -1)|]""", "spec.updateStrategy.rollingUpdate")]
    public void Validation_error_is_reported_on_the_argument_that_caused_it(string body, string messagePart)
    {
        var markup = Markup.Parse(Declare(body));
        var compilation = TestCompilation.Create(markup.Text);
        var diagnostics = AnalyzerRun.Diagnostics(compilation);
        var errors = diagnostics.Where(d => d.Id == "SM0002").ToList();
        Assert.NotEmpty(errors);
        Assert.Contains(errors, e => e.GetMessage().Contains(messagePart, StringComparison.Ordinal));
        Assert.All(errors, e => Assert.Equal(markup.Spans.Single(), e.Location.SourceSpan));

        // Invalid workloads produce no YAML: the build stops on the error instead of writing a manifest Kubernetes rejects.
        Assert.Empty(GeneratorRun.Run(compilation).Sources);
    }

    [Fact]
    public void Every_error_is_reported_each_on_its_own_call()
    {
        var markup = Markup.Parse(Declare("""Workload.StatefulSet("web").Replicas([|-1|]).MinReadySeconds([|-2|]).Container("app", c => c.Image("app:1"))"""));
        var diagnostics = AnalyzerRun.Diagnostics(TestCompilation.Create(markup.Text)).Where(d => d.Id == "SM0002").ToList();
        Assert.Equal(markup.Spans, diagnostics.Select(d => d.Location.SourceSpan).OrderBy(s => s.Start));
    }
}
