using StatefulManifests.Model;
using StatefulManifests.Reconciliation;
using StatefulManifests.Validation;

namespace StatefulManifests.Tests.Validation.Update;

/// <summary>One source of truth: the simulated API server rejects an update with exactly the validator's errors.</summary>
public sealed class SimulatorAgreementTests
{
    public static TheoryData<string> Updates => new() { "selector", "serviceName", "claim size", "negative replicas and serviceName", "invalid container port" };

    [Theory]
    [MemberData(nameof(Updates))]
    public void TheSimulatorRejectsAnUpdateWithTheValidatorsErrors(string change)
    {
        var sim = Baseline.Web.Simulate();
        var stored = sim.StatefulSet!;
        var updated = Change(stored, change);

        var expected = UpdateValidator.ValidateUpdate(stored, StatefulSetDefaulting.Apply(updated, FeatureGates.Kubernetes136));
        var rejected = Assert.Throws<StatefulSetRejectedException>(() => sim.Apply(updated));

        Assert.NotEmpty(expected);
        Assert.Equal(expected.Select(e => e.ToString()), rejected.Errors.Select(e => e.ToString()));
    }

    [Fact]
    public void TheSimulatorAcceptsWhatTheValidatorAccepts()
    {
        // A serviceName that create would reject is ratcheted on update: both accept a scale of the stored set.
        var set = Baseline.WithSpec(s => s with { ServiceName = "Nginx_Headless" });
        var sim = set.Simulate(new SimulationOptions { Validate = false });
        var stored = sim.StatefulSet!;
        var updated = stored.WithReplicas(5);

        Expect.Valid(UpdateValidator.ValidateUpdate(stored, updated));
        var validating = Baseline.Web.Simulate();
        validating.Apply(validating.StatefulSet!.WithReplicas(5));
        Assert.Equal(5, validating.StatefulSet!.Spec!.Replicas);
    }

    [Fact]
    public void TheSimulatorsStatusWritesUseTheSameRules()
    {
        var sim = Baseline.Web.Simulate();
        sim.RunUntilStable();
        var stored = sim.StatefulSet!;

        Assert.Empty(UpdateValidator.ValidateStatefulSetStatusUpdate(stored, stored));
        Assert.NotEmpty(UpdateValidator.ValidateStatefulSetStatusUpdate(stored, stored with { Status = stored.Status! with { CollisionCount = -1 } }));
    }

    private static StatefulSet Change(StatefulSet stored, string change) => change switch
    {
        "selector" => stored with { Spec = stored.Spec! with { Selector = new LabelSelector { MatchLabels = ValueMap.Of(("app", "nginx"), ("tier", "web")) }, Template = stored.Spec.Template! with { Metadata = stored.Spec.Template.Metadata! with { Labels = ValueMap.Of(("app", "nginx"), ("tier", "web")) } } } },
        "serviceName" => stored with { Spec = stored.Spec! with { ServiceName = "other" } },
        "claim size" => stored with { Spec = stored.Spec! with { VolumeClaimTemplates = ValueList.Of(stored.Spec.VolumeClaimTemplates![0] with { Spec = stored.Spec.VolumeClaimTemplates[0].Spec! with { Resources = new VolumeResourceRequirements { Requests = ValueMap.Of(("storage", Quantity.FromText("5Gi"))) } } }) } },
        "negative replicas and serviceName" => stored with { Spec = stored.Spec! with { Replicas = -2, ServiceName = "other" } },
        _ => stored.WithImage("nginx:1") with { Spec = stored.Spec! with { Template = stored.Spec.Template! with { Spec = stored.Spec.Template.Spec! with { Containers = ValueList.Of(stored.Spec.Template.Spec.Containers![0] with { Ports = ValueList.Of(new ContainerPort { ContainerPortValue = 0 }) }) } } } },
    };
}
