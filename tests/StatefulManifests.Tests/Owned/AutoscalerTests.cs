using StatefulManifests.Model;
using StatefulManifests.Rules;
using StatefulManifests.Tests.Support;
using StatefulManifests.Validation;
using StatefulManifests.Yaml;
using Xunit.Abstractions;

namespace StatefulManifests.Tests.Owned;

/// <summary>
/// The workload's HorizontalPodAutoscaler: built by <c>Autoscale</c>, validated as the API server does, rendered and
/// read back, checked by kubectl, and the rules about autoscaling a stateful set (SM2060–SM2063), in the DSL and on
/// plain YAML.
/// </summary>
public sealed class AutoscalerTests(ITestOutputHelper output)
{
    private static StatefulSetBuilder Cache(bool requests = true) =>
        Workload.StatefulSet("cache")
            .Namespace("edge")
            .Container("cache", c => requests ? c.Image("registry.example.com/cache:2.1.0").Requests(cpu: "250m", memory: "256Mi") : c.Image("registry.example.com/cache:2.1.0"))
            .VolumeClaim("data", "1Gi", AccessMode.ReadWriteOncePod);

    private static HorizontalPodAutoscaler Autoscaler(StatefulWorkload workload) => Assert.Single(workload.Owned.OfType<HorizontalPodAutoscaler>());

    [Fact]
    public void Autoscale_targets_the_set_in_its_namespace_with_the_metrics_given()
    {
        var workload = Cache().Autoscale(2, 6, a => a.TargetCpuUtilization(70).TargetAverageValue("memory", "400Mi").ScaleDown(600, podsPerMinute: 1)).Build();

        var hpa = Autoscaler(workload);
        Assert.Equal(("autoscaling/v2", "HorizontalPodAutoscaler", "cache", "edge"), (hpa.ApiVersion, hpa.Kind, hpa.Metadata!.Name, hpa.Metadata.Namespace));
        Assert.Equal(new CrossVersionObjectReference { ApiVersion = "apps/v1", Kind = "StatefulSet", Name = "cache" }, hpa.Spec!.ScaleTargetRef);
        Assert.Equal((2, 6), (hpa.Spec.MinReplicas, hpa.Spec.MaxReplicas));
        Assert.Equal(70, hpa.Spec.Metrics![0].Resource!.Target!.AverageUtilization);
        Assert.Equal(Quantity.FromText("400Mi"), hpa.Spec.Metrics[1].Resource!.Target!.AverageValue);
        Assert.Equal(600, hpa.Spec.Behavior!.ScaleDown!.StabilizationWindowSeconds);
        Assert.Null(workload.StatefulSet.Spec!.Replicas);
        Assert.Empty(workload.Validate());
        Assert.Equal("HorizontalPodAutoscaler", workload.Documents.Last().Kind);
    }

    [Fact]
    public void A_named_autoscaler_follows_a_renamed_set()
    {
        var workload = Cache().Autoscale(1, 3, a => a.Name("cache-hpa")).ModifyStatefulSet(s => s with { Metadata = s.Metadata! with { Name = "cache2" } }).Build();
        var hpa = Autoscaler(workload);
        Assert.Equal(("cache-hpa", "cache2"), (hpa.Metadata!.Name, hpa.Spec!.ScaleTargetRef!.Name));
    }

    [Fact]
    public void The_api_servers_rules_are_applied_and_all_reported()
    {
        var errors = Cache().Autoscale(0, 0, a => a.TargetAverageValue("memory", "4 GB")).Build().Validate();

        Assert.Contains(errors, e => e.Object == "HorizontalPodAutoscaler \"cache\"" && e.Path.ToString() == "spec.minReplicas" && e.Type == FieldErrorType.Invalid);
        Assert.Contains(errors, e => e.Path.ToString() == "spec.maxReplicas" && e.Detail == "must be greater than 0");
        Assert.Contains(errors, e => e.Path.ToString() == "spec.metrics[0].resource.target.averageValue");
        var below = Cache().Autoscale(4, 2).Build().Validate();
        Assert.Contains(below, e => e.Path.ToString() == "spec.maxReplicas" && e.Detail.Contains("minReplicas", StringComparison.Ordinal));
        var noTarget = OwnedObjectsValidator.ValidateObject(new HorizontalPodAutoscaler { Metadata = new ObjectMeta { Name = "x" }, Spec = new HorizontalPodAutoscalerSpec { MaxReplicas = 2 } });
        Assert.Contains(noTarget, e => e.Type == FieldErrorType.Required && e.Path.ToString() == "spec.scaleTargetRef.kind");
        Assert.Contains(noTarget, e => e.Type == FieldErrorType.Required && e.Path.ToString() == "spec.scaleTargetRef.name");
    }

    [Fact]
    public void It_round_trips_through_yaml_and_kubectl_accepts_it()
    {
        var workload = Cache().Autoscale(2, 6, a => a.TargetCpuUtilization(70).TargetPodsMetric("requests_per_second", "100").ScaleDown(300, 1)).Build();
        var yaml = workload.ToYaml();
        var read = ManifestYaml.Read(yaml);
        Assert.Empty(read.Errors);
        Assert.Equal(Autoscaler(workload), Assert.Single(read.Documents.OfType<HorizontalPodAutoscaler>()));

        if (KubectlValidate.Yaml(yaml, output) is { } result)
        {
            Assert.True(result.ExitCode == 0, result.Output);
        }
    }

    [Fact]
    public void SM2062_a_replica_count_beside_an_autoscaler_is_reported_on_the_count()
    {
        var finding = Assert.Single(WorkloadLinter.Lint(Cache().Replicas(3).Autoscale(2, 6).Build()), f => f.RuleId == RuleIds.ReplicasFightAutoscaler);
        Assert.Equal("spec.replicas", finding.Path.ToString());
        Assert.Contains("HorizontalPodAutoscaler \"cache\"", finding.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(WorkloadLinter.Lint(Cache().Autoscale(2, 6).Build()), f => f.RuleId == RuleIds.ReplicasFightAutoscaler);
    }

    [Fact]
    public void SM2060_a_budget_that_blocks_at_the_minimum_is_reported_on_the_minimum()
    {
        var findings = WorkloadLinter.Lint(Cache().Replicas(4).DisruptionBudget(minAvailable: 2).Autoscale(2, 6).Build());
        var finding = Assert.Single(findings, f => f.RuleId == RuleIds.AutoscalerMinimumBlocksEviction);
        Assert.Equal(("HorizontalPodAutoscaler \"cache\"", "spec.minReplicas", "2"), (finding.Object, finding.Path.ToString(), finding.Value));
        Assert.Contains("minAvailable: 2", finding.Message, StringComparison.Ordinal);

        Assert.DoesNotContain(WorkloadLinter.Lint(Cache().Replicas(4).DisruptionBudget(minAvailable: 2).Autoscale(3, 6).Build()), f => f.RuleId == RuleIds.AutoscalerMinimumBlocksEviction);
        Assert.DoesNotContain(WorkloadLinter.Lint(Cache().Replicas(4).DisruptionBudget(maxUnavailable: 1).Autoscale(1, 6).Build()), f => f.RuleId == RuleIds.AutoscalerMinimumBlocksEviction);
    }

    [Fact]
    public void Without_a_count_the_set_is_judged_at_the_autoscalers_minimum()
    {
        // Two replicas at least: a budget is wanted (SM2006), and minAvailable: 2 blocks drains there (SM2008).
        Assert.Contains(WorkloadLinter.Lint(Cache().Autoscale(2, 6).Build()), f => f.RuleId == RuleIds.NoDisruptionBudget);
        Assert.Contains(WorkloadLinter.Lint(Cache().DisruptionBudget(minAvailable: 2).Autoscale(2, 6).Build()), f => f.RuleId == RuleIds.DisruptionBudgetBlocksEviction);
        Assert.DoesNotContain(WorkloadLinter.Lint(Cache().Autoscale(1, 6).Build()), f => f.RuleId == RuleIds.NoDisruptionBudget);
    }

    [Fact]
    public void SM2061_autoscaling_a_set_that_deletes_claims_on_scale_down_is_reported()
    {
        var deleting = Cache().ClaimRetention(whenScaled: ClaimRetentionPolicy.Delete).Autoscale(2, 6).Build();
        Assert.Single(WorkloadLinter.Lint(deleting), f => f.RuleId == RuleIds.AutoscalerDeletesClaims && f.Object == "HorizontalPodAutoscaler \"cache\"");
        Assert.DoesNotContain(WorkloadLinter.Lint(Cache().ClaimRetention(whenScaled: ClaimRetentionPolicy.Retain).Autoscale(2, 6).Build()), f => f.RuleId == RuleIds.AutoscalerDeletesClaims);
    }

    [Fact]
    public void SM2063_utilisation_of_a_resource_a_container_does_not_request_is_reported_on_the_metric()
    {
        var explicitCpu = WorkloadLinter.Lint(Cache(requests: false).Autoscale(2, 6, a => a.TargetCpuUtilization(70)).Build());
        var finding = Assert.Single(explicitCpu, f => f.RuleId == RuleIds.AutoscalerMetricWithoutRequests);
        Assert.Equal("spec.metrics[0]", finding.Path.ToString());
        Assert.Contains("container \"cache\" requests no cpu", finding.Message, StringComparison.Ordinal);

        // No metric means CPU at 80%, which needs the requests as much.
        Assert.Contains(WorkloadLinter.Lint(Cache(requests: false).Autoscale(2, 6).Build()), f => f.RuleId == RuleIds.AutoscalerMetricWithoutRequests);
        Assert.DoesNotContain(WorkloadLinter.Lint(Cache().Autoscale(2, 6).Build()), f => f.RuleId == RuleIds.AutoscalerMetricWithoutRequests);
        Assert.DoesNotContain(WorkloadLinter.Lint(Cache(requests: false).Autoscale(2, 6, a => a.TargetPodsMetric("qps", "100")).Build()), f => f.RuleId == RuleIds.AutoscalerMetricWithoutRequests);
    }

    [Fact]
    public void Plain_yaml_pairs_the_autoscaler_by_its_target_and_places_findings_on_it()
    {
        var yaml = Cache().Replicas(3).Build().ToYaml() + "---\n" + ManifestYaml.Write(Autoscaler(Cache(requests: false).Autoscale(2, 6, a => a.TargetCpuUtilization(70)).Build()));
        var findings = ManifestLinter.LintText(yaml, "cache.yaml");

        var fight = Assert.Single(findings, f => f.RuleId == RuleIds.ReplicasFightAutoscaler);
        Assert.Equal("spec.replicas", fight.Path.ToString());
        Assert.DoesNotContain(findings, f => f.RuleId == RuleIds.AutoscalerMetricWithoutRequests);

        var other = yaml.Replace("    name: cache\n  minReplicas", "    name: other\n  minReplicas", StringComparison.Ordinal);
        Assert.DoesNotContain(ManifestLinter.LintText(other, "cache.yaml"), f => f.RuleId == RuleIds.ReplicasFightAutoscaler);
    }
}
