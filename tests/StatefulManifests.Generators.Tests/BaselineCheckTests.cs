using Microsoft.CodeAnalysis;
using StatefulManifests.Generators.Pipeline;
using StatefulManifests.Generators.Tests.Support;
using StatefulManifests.Rules;

namespace StatefulManifests.Generators.Tests;

/// <summary>
/// Issue 10, deliverable 3c: with released manifests as AdditionalFiles (what the targets add for
/// <c>StatefulManifestsBaseline</c>), the generator reports SM5001–SM5005 on the declaration, incrementally.
/// </summary>
public sealed class BaselineCheckTests
{
    private const string Released = BaselineDriver.ReleasedWeb;

    private const string OtherRelease = """
        apiVersion: apps/v1
        kind: StatefulSet
        metadata:
          name: other
        spec:
          selector:
            matchLabels:
              app: other
          template:
            metadata:
              labels:
                app: other
            spec:
              containers:
                - name: app
                  image: app:1
        """;

    [Fact]
    public void A_changed_selector_is_an_error_on_the_declaration_with_the_api_servers_message_and_the_migration()
    {
        var run = Run(Samples.Web.Replace("(\"app\", \"nginx\")", "(\"app\", \"nginx\"), (\"tier\", \"web\")", StringComparison.Ordinal), ("/gitops/web.yaml", Released));

        var diagnostic = Assert.Single(run.Diagnostics, d => d.Id == RuleIds.ForbiddenStatefulSetUpdate);
        Assert.Equal(DiagnosticSeverity.Error, diagnostic.Severity);
        Assert.Equal("Web", SourceAt(diagnostic));
        var message = diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture);
        Assert.StartsWith("spec.selector: selector changed from {\"matchLabels\":{\"app\":\"nginx\"}} to", message, StringComparison.Ordinal);
        Assert.Contains("spec: Forbidden: updates to statefulset spec for fields other than 'replicas'", message, StringComparison.Ordinal);
        Assert.Contains("kubectl delete statefulset web -n default --cascade=orphan", message, StringComparison.Ordinal);
        Assert.Equal(RuleCatalog.ForbiddenStatefulSetUpdate.HelpLink, diagnostic.Descriptor.HelpLinkUri);
    }

    [Fact]
    public void A_claim_template_change_is_the_error_and_the_data_warning()
    {
        var run = Run(Samples.Web.Replace(".Storage(\"1Gi\")", ".Storage(\"10Gi\")", StringComparison.Ordinal), ("/gitops/web.yaml", Released));

        Assert.Equal(
            [RuleIds.ForbiddenStatefulSetUpdate, RuleIds.ClaimTemplateStorageChanged],
            run.Diagnostics.Where(d => d.Id.StartsWith("SM5", StringComparison.Ordinal)).Select(d => d.Id));
    }

    [Fact]
    public void An_allowed_update_and_a_workload_without_a_released_version_report_nothing()
    {
        Assert.DoesNotContain(Run(Samples.Web, ("/gitops/web.yaml", Released)).Diagnostics, d => d.Id.StartsWith("SM5", StringComparison.Ordinal));
        Assert.DoesNotContain(Run(Samples.Web, ("/gitops/other.yaml", OtherRelease)).Diagnostics, d => d.Id.StartsWith("SM5", StringComparison.Ordinal));
    }

    [Fact]
    public void Additional_files_that_are_not_baseline_files_are_ignored()
    {
        var changed = Samples.Web.Replace("ServiceName(\"nginx\")", "ServiceName(\"nginx-headless\")", StringComparison.Ordinal);
        var driver = GeneratorRun.CreateDriver(DriverBuildProperties.None, [new InMemoryAdditionalText("/gitops/web.yaml", Released)]);
        Assert.DoesNotContain(GeneratorRun.Continue(driver, DriverCompilation.Create(changed)).Diagnostics, d => d.Id.StartsWith("SM5", StringComparison.Ordinal));
    }

    [Fact]
    public void An_unreadable_released_file_is_reported_in_that_file()
    {
        var run = Run(Samples.Web, ("/gitops/broken.yaml", "apiVersion: apps/v1\nkind: StatefulSet\nmetadata: [unclosed\n"));

        var diagnostic = Assert.Single(run.Diagnostics, d => d.Id == RuleIds.UnreadableManifest);
        Assert.Equal("/gitops/broken.yaml", diagnostic.Location.GetLineSpan().Path);
        Assert.Contains("released manifest", diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
    }

    [Fact]
    public void With_environments_the_released_folder_of_that_environment_is_used()
    {
        var changed = Samples.Web.Replace("ServiceName(\"nginx\")", "ServiceName(\"nginx-headless\")", StringComparison.Ordinal);
        var options = Options([("/gitops/prod/web.yaml", "prod/web.yaml"), ("/gitops/dev/web.yaml", "dev/web.yaml")], ("StatefulManifestsEnvironmentList", "dev,prod"));
        var devRelease = Released.Replace("serviceName: nginx", "serviceName: nginx-headless", StringComparison.Ordinal);
        var driver = GeneratorRun.CreateDriver(options, [new InMemoryAdditionalText("/gitops/prod/web.yaml", Released), new InMemoryAdditionalText("/gitops/dev/web.yaml", devRelease)]);

        var diagnostic = Assert.Single(GeneratorRun.Continue(driver, DriverCompilation.Create(changed)).Diagnostics, d => d.Id == RuleIds.ForbiddenStatefulSetUpdate);

        Assert.StartsWith("spec.serviceName (prod): serviceName changed", diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
    }

    [Fact]
    public void Editing_one_released_file_rereads_only_that_file_and_a_code_edit_rereads_none()
    {
        var options = Options([("/gitops/web.yaml", "web.yaml"), ("/gitops/other.yaml", "other.yaml")]);
        var web = new InMemoryAdditionalText("/gitops/web.yaml", Released);
        var other = new InMemoryAdditionalText("/gitops/other.yaml", OtherRelease);
        var compilation = DriverCompilation.Create(("Workloads.cs", Samples.Web), ("Other.cs", "namespace Demo; public static class Other { public static int Value => 1; }"));
        var first = GeneratorRun.Continue(GeneratorRun.CreateDriver(options, [web, other]), compilation);

        var edited = first.Driver.ReplaceAdditionalText(other, new InMemoryAdditionalText("/gitops/other.yaml", OtherRelease.Replace("app:1", "app:2", StringComparison.Ordinal)));
        var second = GeneratorRun.Continue(edited, compilation);
        var reads = second.Result.TrackedSteps[TrackingNames.BaselineFiles].SelectMany(s => s.Outputs).ToList();
        Assert.Equal(1, reads.Count(o => o.Reason == IncrementalStepRunReason.Modified));
        Assert.Equal(1, reads.Count(o => o.Reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged));

        var codeEdit = compilation.ReplaceSyntaxTree(
            compilation.SyntaxTrees.Single(t => t.FilePath == "Other.cs"),
            Microsoft.CodeAnalysis.CSharp.CSharpSyntaxTree.ParseText("namespace Demo; public static class Other { public static int Value => 2; }", DriverCompilation.ParseOptions, "Other.cs"));
        var third = GeneratorRun.Continue(second.Driver, codeEdit);
        Assert.All(third.Result.TrackedSteps[TrackingNames.BaselineFiles].SelectMany(s => s.Outputs), o => Assert.Equal(IncrementalStepRunReason.Cached, o.Reason));
    }

    private static GeneratorRun Run(string source, params (string Path, string Yaml)[] files) => BaselineDriver.Run(source, files);

    private static DriverBuildProperties Options((string Path, string RelativePath)[] files, params (string Key, string Value)[] properties) => BaselineDriver.Options(files, properties);

    // The generator reports at a plain file location (file, span, lines): read the span from the source it names.
    private static string SourceAt(Diagnostic diagnostic)
    {
        var span = diagnostic.Location.GetLineSpan();
        Assert.Equal("Workloads.cs", span.Path);
        return Samples.Web.Replace("\r\n", "\n", StringComparison.Ordinal).Substring(diagnostic.Location.SourceSpan.Start, diagnostic.Location.SourceSpan.Length);
    }
}
