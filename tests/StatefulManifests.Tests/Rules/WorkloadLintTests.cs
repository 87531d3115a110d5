using StatefulManifests.Rules;

namespace StatefulManifests.Tests.Rules;

/// <summary>WorkloadLinter.Lint(StatefulWorkload): what the analyzers report, for places without a compiler.</summary>
public sealed class WorkloadLintTests
{
    [Fact]
    public void A_patch_that_does_not_apply_is_a_finding_with_its_field_path_and_the_catalogue_runs_on_the_patched_yaml()
    {
        var workload = Workload.StatefulSet("web")
            .Replicas(-1)
            .Container("web", c => c.Image("registry.example.com/web:1.4.2"))
            .Patch(p => p.Remove("/spec/template/spec/doesNotExist"))
            .Build();
        var findings = WorkloadLinter.Lint(workload);
        Assert.Contains(findings, f => f.RuleId == RuleIds.ApiInvalid && f.Message.StartsWith("spec.replicas: Invalid value: -1", StringComparison.Ordinal));
        var patch = Assert.Single(findings, f => f.Message.Contains("doesNotExist", StringComparison.Ordinal) || f.Path.ToString().Contains("doesNotExist", StringComparison.Ordinal));
        Assert.StartsWith("SM1", patch.RuleId, StringComparison.Ordinal);
        Assert.All(findings, f => Assert.True(RuleCatalog.Find(f.RuleId)!.AppliesToYaml));
    }
}
