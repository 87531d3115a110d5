using StatefulManifests.Model;
using StatefulManifests.Reconciliation;

namespace StatefulManifests.Tests.Reconciliation;

/// <summary>
/// Arguments the simulator could never finish with are rejected up front, naming the argument: replica counts
/// beyond <see cref="StatefulSetSimulation.MaxReplicas"/>, ordinals that overflow int32, negative options and
/// undefined enum values.
/// </summary>
public class SimulationArgumentTests
{
    [Fact]
    public void Scaling_to_int_max_value_is_an_argument_error_not_an_out_of_memory()
    {
        var sim = StatefulSetSimulation.Create(TestSets.Web(1));
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => sim.Scale(int.MaxValue));
        Assert.Equal("replicas", error.ParamName);
        Assert.Contains("at most 100000 replicas", error.Message, StringComparison.Ordinal);
        Assert.Equal(1, sim.StatefulSet!.Spec!.Replicas);
    }

    [Fact]
    public void The_replica_bound_is_inclusive_and_checked_on_create_and_apply()
    {
        var sim = StatefulSetSimulation.Create(TestSets.Web(1));
        sim.Scale(StatefulSetSimulation.MaxReplicas);
        Assert.Equal(StatefulSetSimulation.MaxReplicas, sim.StatefulSet!.Spec!.Replicas);

        var tooMany = TestSets.Web(StatefulSetSimulation.MaxReplicas + 1);
        Assert.Equal("statefulSet", Assert.Throws<ArgumentOutOfRangeException>(() => StatefulSetSimulation.Create(tooMany)).ParamName);
        Assert.Equal("statefulSet", Assert.Throws<ArgumentOutOfRangeException>(() => sim.Apply(tooMany)).ParamName);
    }

    [Fact]
    public void Ordinals_whose_highest_pod_overflows_int32_are_rejected_at_ordinals_start()
    {
        var set = TestSets.Web(2) with { Spec = TestSets.Web(2).Spec! with { Ordinals = new StatefulSetOrdinals { Start = int.MaxValue } } };
        var rejected = Assert.Throws<StatefulSetRejectedException>(() => StatefulSetSimulation.Create(set, new SimulationOptions { Validate = false }));
        var error = Assert.Single(rejected.Errors);
        Assert.Equal("spec.ordinals.start", error.Path.ToString());
        Assert.Contains("must be at most 2147483647", error.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void The_highest_ordinal_may_be_int_max_value_and_its_pod_is_the_sets_own()
    {
        var set = TestSets.Web(1) with { Spec = TestSets.Web(1).Spec! with { Ordinals = new StatefulSetOrdinals { Start = int.MaxValue } } };
        var sim = StatefulSetSimulation.Create(set);
        var report = sim.RunUntilStable();
        Assert.True(report.Converged, report.ToString());
        Assert.Equal("web-2147483647", Assert.Single(sim.Pods).Name);

        var scaleUp = Assert.Throws<ArgumentOutOfRangeException>(() => sim.Scale(2));
        Assert.Equal("replicas", scaleUp.ParamName);
    }

    [Theory]
    [InlineData(nameof(SimulationOptions.PendingTicks))]
    [InlineData(nameof(SimulationOptions.UnreadyTicks))]
    [InlineData(nameof(SimulationOptions.TerminationTicks))]
    [InlineData(nameof(SimulationOptions.GarbageCollectionDelayTicks))]
    [InlineData(nameof(SimulationOptions.NodeCount))]
    [InlineData(nameof(SimulationOptions.PassHistoryLimit))]
    [InlineData(nameof(SimulationOptions.MaxSteps))]
    [InlineData(nameof(SimulationOptions.TickDuration))]
    [InlineData(nameof(SimulationOptions.NodeEvictionTimeout))]
    public void Negative_options_are_rejected_where_they_are_set(string option)
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => Negative(option));
        Assert.Equal(option, error.ParamName);
    }

    [Fact]
    public void Zero_is_a_valid_count_but_not_a_valid_tick()
    {
        var options = new SimulationOptions { PendingTicks = 0, NodeCount = 0, MaxSteps = 0, NodeEvictionTimeout = TimeSpan.Zero };
        Assert.Equal(0, options.NodeCount);
        Assert.Equal("TickDuration", Assert.Throws<ArgumentOutOfRangeException>(() => new SimulationOptions { TickDuration = TimeSpan.Zero }).ParamName);
        Assert.Equal(new SimulationOptions { PendingTicks = 2 }, new SimulationOptions() with { PendingTicks = 2 });
    }

    [Fact]
    public void A_negative_step_budget_is_rejected()
    {
        var sim = StatefulSetSimulation.Create(TestSets.Web(1));
        Assert.Equal("maxSteps", Assert.Throws<ArgumentOutOfRangeException>(() => sim.RunUntilStable(-1)).ParamName);
    }

    [Fact]
    public void An_undefined_deletion_propagation_is_rejected_and_deletes_nothing()
    {
        var sim = TestSets.Converged(TestSets.Web(2));
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => sim.DeleteStatefulSet((DeletionPropagation)42));
        Assert.Equal("propagation", error.ParamName);
        Assert.NotNull(sim.StatefulSet);
        Assert.Null(sim.StatefulSet!.Metadata!.DeletionTimestamp);
    }

    private static SimulationOptions Negative(string option) => option switch
    {
        nameof(SimulationOptions.PendingTicks) => new SimulationOptions { PendingTicks = -1 },
        nameof(SimulationOptions.UnreadyTicks) => new SimulationOptions { UnreadyTicks = -1 },
        nameof(SimulationOptions.TerminationTicks) => new SimulationOptions { TerminationTicks = -1 },
        nameof(SimulationOptions.GarbageCollectionDelayTicks) => new SimulationOptions { GarbageCollectionDelayTicks = -1 },
        nameof(SimulationOptions.NodeCount) => new SimulationOptions { NodeCount = -1 },
        nameof(SimulationOptions.PassHistoryLimit) => new SimulationOptions { PassHistoryLimit = -1 },
        nameof(SimulationOptions.MaxSteps) => new SimulationOptions { MaxSteps = -1 },
        nameof(SimulationOptions.TickDuration) => new SimulationOptions { TickDuration = TimeSpan.FromSeconds(-1) },
        _ => new SimulationOptions { NodeEvictionTimeout = TimeSpan.FromSeconds(-1) },
    };
}
