using System.Globalization;
using Microsoft.CodeAnalysis;
using StatefulManifests.Generators.Pipeline;
using StatefulManifests.Generators.Tests.Support;

namespace StatefulManifests.Generators.Tests;

/// <summary>
/// Issue 10, deliverable 4 at build: for each workload that differs from its released version, the generator runs the
/// rollout plan and leaves the page (<c>StatefulManifests.File:&lt;name&gt;.plan.md</c>) and its summary line
/// (<c>StatefulManifests.Message:</c>) in the assembly for the build to write and print; nothing for an unchanged
/// workload or one without a released version.
/// </summary>
public sealed class BaselinePlanTests
{
    private const string FilePrefix = "StatefulManifests.File:";
    private const string MessagePrefix = "StatefulManifests.Message:";

    [Fact]
    public void An_image_change_embeds_the_plan_with_the_pod_order_and_its_summary_line()
    {
        var run = BaselineDriver.Run(Samples.Web, ("/gitops/web.yaml", BaselineDriver.ReleasedWeb));

        Assert.Empty(run.OutputErrors);
        var page = Assert.Single(EmbeddedMetadata.Of(run.Output, FilePrefix));
        Assert.Equal("web.plan.md", page.Key);
        Assert.StartsWith("# Rollout plan: web\n", page.Value, StringComparison.Ordinal);
        Assert.Contains("## Pods, in the controller's order\n\n1. replace web-2\n2. replace web-1\n3. replace web-0\n", page.Value, StringComparison.Ordinal);
        Assert.Contains("At least 30s", page.Value, StringComparison.Ordinal);

        var summary = Assert.Single(EmbeddedMetadata.Of(run.Output, MessagePrefix));
        Assert.Equal("web.plan.md", summary.Key);
        Assert.Equal("plan for web: 3 pod steps (replace web-2, replace web-1, replace web-0), at least 30s; 2 risks (web.plan.md)", summary.Value);
    }

    [Fact]
    public void An_unchanged_workload_and_one_without_a_released_version_get_no_plan()
    {
        // Released exactly as this build renders it: the same spec, so nothing to plan (and nothing printed).
        var rendered = Assert.Single(EmbeddedMetadata.Of(GeneratorRun.Run(DriverCompilation.Create(Samples.Web)).Output, "StatefulManifests.Yaml:")).Value;
        var unchanged = BaselineDriver.Run(Samples.Web, ("/gitops/web.yaml", rendered));
        var otherOnly = BaselineDriver.Run(Samples.Web, ("/gitops/other.yaml", BaselineDriver.ReleasedWeb.Replace("name: web", "name: other", StringComparison.Ordinal)));
        var noBaseline = GeneratorRun.Run(DriverCompilation.Create(Samples.Web));

        foreach (var run in new[] { unchanged, otherOnly, noBaseline })
        {
            Assert.Empty(EmbeddedMetadata.Of(run.Output, FilePrefix));
            Assert.Empty(EmbeddedMetadata.Of(run.Output, MessagePrefix));
            Assert.DoesNotContain(run.Sources.Keys, k => k.EndsWith(".RolloutPlan.g.cs", StringComparison.Ordinal));
        }
    }

    [Fact]
    public void A_default_spelled_out_in_the_release_is_no_change()
    {
        var rendered = Assert.Single(EmbeddedMetadata.Of(GeneratorRun.Run(DriverCompilation.Create(Samples.Web)).Output, "StatefulManifests.Yaml:")).Value;
        var spelledOut = rendered.Replace("  replicas: 3\n", "  replicas: 3\n  podManagementPolicy: OrderedReady\n  revisionHistoryLimit: 10\n", StringComparison.Ordinal);
        Assert.NotEqual(rendered, spelledOut);

        Assert.Empty(EmbeddedMetadata.Of(BaselineDriver.Run(Samples.Web, ("/gitops/web.yaml", spelledOut)).Output, FilePrefix));
    }

    [Fact]
    public void A_rejected_update_writes_the_page_saying_so_and_prints_no_second_message()
    {
        var changed = Samples.Web.Replace("ServiceName(\"nginx\")", "ServiceName(\"nginx-headless\")", StringComparison.Ordinal);
        var run = BaselineDriver.Run(changed, ("/gitops/web.yaml", BaselineDriver.ReleasedWeb));

        Assert.Contains(run.Diagnostics, d => d.Id == Rules.RuleIds.ForbiddenStatefulSetUpdate);
        var page = Assert.Single(EmbeddedMetadata.Of(run.Output, FilePrefix)).Value;
        Assert.Contains("The API server rejects this change as an update of the released StatefulSet", page, StringComparison.Ordinal);
        Assert.Contains("spec: Forbidden", page, StringComparison.Ordinal);
        Assert.Empty(EmbeddedMetadata.Of(run.Output, MessagePrefix));
    }

    [Fact]
    public void A_workload_beyond_the_builds_simulation_limit_is_said_in_the_summary_without_a_page()
    {
        var big = Samples.Web.Replace(".Replicas(3)", ".Replicas(" + (Baseline.BaselinePlan.MaxReplicas + 1) + ")", StringComparison.Ordinal);
        var run = BaselineDriver.Run(big, ("/gitops/web.yaml", BaselineDriver.ReleasedWeb));

        Assert.DoesNotContain(run.Diagnostics, d => d.Id == "CS8785");
        Assert.Empty(EmbeddedMetadata.Of(run.Output, FilePrefix));
        var summary = Assert.Single(EmbeddedMetadata.Of(run.Output, MessagePrefix)).Value;
        Assert.StartsWith("plan for web: not made: 1001 replicas is more than the 1000 the build simulates", summary, StringComparison.Ordinal);
    }

    [Fact]
    public void Per_environment_plans_sit_beside_that_environments_manifest_and_name_it()
    {
        var options = BaselineDriver.Options([("/gitops/prod/web.yaml", "prod/web.yaml")], ("StatefulManifestsEnvironmentList", "dev,prod"));
        var driver = GeneratorRun.CreateDriver(options, [new InMemoryAdditionalText("/gitops/prod/web.yaml", BaselineDriver.ReleasedWeb)]);
        var run = GeneratorRun.Continue(driver, DriverCompilation.Create(Samples.Web));

        // The environment-free declaration is evaluated per environment; only prod has a release folder, but dev falls
        // back to every released file (the baseline check's rule), so both are planned, each beside its own manifest.
        Assert.Equal(["dev/web.plan.md", "prod/web.plan.md"], EmbeddedMetadata.Of(run.Output, FilePrefix).Select(p => p.Key).Order(StringComparer.Ordinal));
        var prod = EmbeddedMetadata.Of(run.Output, MessagePrefix).Single(m => m.Key == "prod/web.plan.md").Value;
        Assert.StartsWith("plan for web (prod): 3 pod steps (replace web-2, replace web-1, replace web-0)", prod, StringComparison.Ordinal);
        Assert.EndsWith("(prod/web.plan.md)", prod, StringComparison.Ordinal);
    }

    [Fact]
    public void The_plan_is_the_same_bytes_in_any_culture()
    {
        var previous = CultureInfo.CurrentCulture;
        var previousUi = CultureInfo.CurrentUICulture;
        var scaled = Samples.Web.Replace(".Replicas(3)", ".Replicas(12)", StringComparison.Ordinal).Replace(".MinReadySeconds(10)", ".MinReadySeconds(75)", StringComparison.Ordinal);
        string Plan() => BaselineDriver.Run(scaled, ("/gitops/web.yaml", BaselineDriver.ReleasedWeb)).Sources["Demo.Manifests.Web.RolloutPlan.g.cs"];
        var invariant = Plan();
        try
        {
            foreach (var culture in new[] { "tr-TR", "ar-SA", "de-DE" })
            {
                CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = new CultureInfo(culture);
                Assert.Equal(invariant, Plan());
            }
        }
        finally
        {
            CultureInfo.CurrentCulture = previous;
            CultureInfo.CurrentUICulture = previousUi;
        }

        // 12 pods waited for, 75 s each: ASCII digits, no culture's separators.
        Assert.Contains("12 pod steps", invariant, StringComparison.Ordinal);
        Assert.Contains("at least 15m", invariant, StringComparison.Ordinal);
    }

    [Fact]
    public void The_plan_is_its_own_step_simulated_again_only_when_the_workload_changes()
    {
        var options = BaselineDriver.Options([("/gitops/web.yaml", "web.yaml")]);
        var compilation = DriverCompilation.Create(("Workloads.cs", Samples.Web), ("Other.cs", "namespace Demo; public static class Other { public static int Value => 1; }"));
        var first = GeneratorRun.Continue(GeneratorRun.CreateDriver(options, [new InMemoryAdditionalText("/gitops/web.yaml", BaselineDriver.ReleasedWeb)]), compilation);
        Assert.Single(first.Result.TrackedSteps[TrackingNames.BaselinePlans].SelectMany(s => s.Outputs));

        var unrelated = Edit(compilation, "Other.cs", "namespace Demo; public static class Other { public static int Value => 2; }");
        var second = GeneratorRun.Continue(first.Driver, unrelated);
        Assert.All(second.Result.TrackedSteps[TrackingNames.BaselinePlans].SelectMany(s => s.Outputs), o => Assert.Equal(IncrementalStepRunReason.Cached, o.Reason));

        // Another image gives the same page (the plan names pods, not images): simulated again, nothing new emitted.
        var newImage = Edit(unrelated, "Workloads.cs", Samples.Web.Replace("nginx-slim:0.24", "nginx-slim:0.25", StringComparison.Ordinal));
        var third = GeneratorRun.Continue(second.Driver, newImage);
        Assert.All(third.Result.TrackedSteps[TrackingNames.BaselinePlans].SelectMany(s => s.Outputs), o => Assert.True(o.Reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged, o.Reason.ToString()));

        var scaledUp = Edit(newImage, "Workloads.cs", Samples.Web.Replace(".Replicas(3)", ".Replicas(4)", StringComparison.Ordinal));
        var fourth = GeneratorRun.Continue(third.Driver, scaledUp);
        Assert.All(fourth.Result.TrackedSteps[TrackingNames.BaselinePlans].SelectMany(s => s.Outputs), o => Assert.Equal(IncrementalStepRunReason.Modified, o.Reason));
        Assert.Contains("create web-3", Assert.Single(EmbeddedMetadata.Of(fourth.Output, FilePrefix)).Value, StringComparison.Ordinal);
    }

    private static Compilation Edit(Compilation compilation, string path, string text) =>
        compilation.ReplaceSyntaxTree(
            compilation.SyntaxTrees.Single(t => t.FilePath == path),
            Microsoft.CodeAnalysis.CSharp.CSharpSyntaxTree.ParseText(text, DriverCompilation.ParseOptions, path));
}
