using System.Globalization;
using StatefulManifests.Model;
using StatefulManifests.Reconciliation;

namespace StatefulManifests.Tests.Reconciliation;

/// <summary>The rollout plan between a released StatefulSet and its next version, found by running the controller model.</summary>
public class RolloutPlanTests
{
    [Fact]
    public void An_image_change_replaces_the_pods_highest_ordinal_first_and_waits_minReadySeconds_for_each()
    {
        var baseline = TestSets.Web(3).WithMinReadySeconds(10);
        var plan = RolloutPlan.Between(baseline, baseline.WithImage(TestSets.NextImage));

        Assert.True(plan.Accepted);
        Assert.True(plan.Converged);
        Assert.Equal(new[] { "replace web-2", "replace web-1", "replace web-0" }, plan.PodSteps);
        Assert.Empty(plan.ClaimsCreated);
        Assert.Empty(plan.ClaimsDeleted);
        Assert.Equal(TimeSpan.FromSeconds(30), plan.MinimumDuration);
        Assert.Equal("web: 3 pod steps (replace web-2, replace web-1, replace web-0), at least 30s; 2 risks", plan.Summary);
        Assert.Contains(plan.Risks, r => r.Contains("readinessProbe", StringComparison.Ordinal));
        Assert.Contains(plan.Risks, r => r.Contains("kubernetes#67250", StringComparison.Ordinal));
    }

    [Fact]
    public void The_probe_delay_counts_per_pod_and_a_probe_removes_the_will_not_wait_risk()
    {
        var baseline = WithReadinessDelay(TestSets.Web(2), 15);
        var plan = RolloutPlan.Between(baseline, baseline.WithImage(TestSets.NextImage));

        Assert.Equal(TimeSpan.FromSeconds(30), plan.MinimumDuration);
        Assert.DoesNotContain(plan.Risks, r => r.Contains("readinessProbe", StringComparison.Ordinal));
    }

    [Fact]
    public void A_partition_holds_the_lower_ordinals_and_is_named_as_a_risk()
    {
        var baseline = TestSets.Web(4).WithPartition(2);
        var plan = RolloutPlan.Between(baseline, baseline.WithImage(TestSets.NextImage));

        Assert.Equal(new[] { "replace web-3", "replace web-2" }, plan.PodSteps);
        Assert.Contains(plan.Risks, r => r.StartsWith("partition 2 holds ordinals below 2", StringComparison.Ordinal));
    }

    [Fact]
    public void Scaling_up_creates_pods_and_claims_and_scaling_down_with_whenScaled_Delete_deletes_claims()
    {
        var baseline = TestSets.Web(2).WithRetentionPolicy(ClaimRetentionPolicy.Retain, ClaimRetentionPolicy.Delete);
        var up = RolloutPlan.Between(baseline, baseline.WithReplicas(3));
        Assert.Equal(new[] { "create web-2" }, up.PodSteps);
        Assert.Equal(new[] { "data-web-2" }, up.ClaimsCreated);
        Assert.Empty(up.Risks);

        var down = RolloutPlan.Between(baseline.WithReplicas(3), baseline.WithReplicas(1));
        Assert.Equal(new[] { "delete web-2", "delete web-1" }, down.PodSteps);
        Assert.Equal(new[] { "data-web-1", "data-web-2" }, down.ClaimsDeleted);
        Assert.Contains(down.Risks, r => r.StartsWith("Scaling down from 3 to 1 with whenScaled: Delete", StringComparison.Ordinal));
        Assert.Contains("2 claims deleted", down.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public void OnDelete_replaces_nothing_and_says_so()
    {
        var baseline = TestSets.Web(2).WithUpdateStrategy(UpdateStrategyType.OnDelete);
        var plan = RolloutPlan.Between(baseline, baseline.WithImage(TestSets.NextImage));

        Assert.Empty(plan.PodSteps);
        Assert.Contains(plan.Risks, r => r.StartsWith("updateStrategy is OnDelete", StringComparison.Ordinal));
        Assert.Contains("no pod is restarted", plan.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public void A_forbidden_update_is_a_rejected_plan_with_the_api_servers_message()
    {
        var baseline = TestSets.Web(2);
        var plan = RolloutPlan.Between(baseline, baseline.WithPodManagementPolicy(PodManagementPolicy.Parallel));

        Assert.False(plan.Accepted);
        Assert.Contains(plan.Rejection, e => e.Contains("updates to statefulset spec for fields other than", StringComparison.Ordinal));
        Assert.StartsWith("# Rollout plan: web\n\nThe API server rejects this change", plan.ToMarkdown(), StringComparison.Ordinal);
        Assert.Equal("web: rejected by the API server as an update (1 error)", plan.Summary);
    }

    [Fact]
    public void A_released_object_the_api_server_rejects_is_a_rejected_plan_not_an_exception()
    {
        var invalid = TestSets.Web(2).WithReplicas(-1);
        var plan = RolloutPlan.Between(invalid, TestSets.Web(2));

        Assert.False(plan.Accepted);
        Assert.Contains(plan.Rejection, e => e.StartsWith("the released StatefulSet itself is rejected: spec.replicas", StringComparison.Ordinal));
    }

    [Fact]
    public void The_markdown_lists_the_steps_claims_and_risks_and_is_the_same_in_every_culture()
    {
        var baseline = TestSets.Web(2).WithMinReadySeconds(75);
        var markdown = RolloutPlan.Between(baseline, baseline.WithImage(TestSets.NextImage)).ToMarkdown();

        Assert.Contains("## Pods, in the controller's order\n\n1. replace web-1\n2. replace web-0\n", markdown, StringComparison.Ordinal);
        Assert.Contains("At least 2m30s", markdown, StringComparison.Ordinal);
        Assert.Contains("- created: none\n- deleted: none\n", markdown, StringComparison.Ordinal);
        var saved = CultureInfo.CurrentCulture;
        try
        {
            CultureInfo.CurrentCulture = new CultureInfo("tr-TR");
            Assert.Equal(markdown, RolloutPlan.Between(baseline, baseline.WithImage(TestSets.NextImage)).ToMarkdown());
        }
        finally
        {
            CultureInfo.CurrentCulture = saved;
        }
    }

    private static StatefulSet WithReadinessDelay(StatefulSet set, int seconds)
    {
        var template = set.Spec!.Template!;
        var container = template.Spec!.Containers![0] with
        {
            ReadinessProbe = new Probe { TcpSocket = new TCPSocketAction { Port = IntOrString.FromInt(80) }, InitialDelaySeconds = seconds },
        };
        return set with { Spec = set.Spec with { Template = template with { Spec = template.Spec with { Containers = ValueList.Of(container) } } } };
    }
}
