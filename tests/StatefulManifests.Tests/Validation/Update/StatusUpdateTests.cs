using StatefulManifests.Model;
using StatefulManifests.Validation;
using static StatefulManifests.Validation.FieldErrorType;

namespace StatefulManifests.Tests.Validation.Update;

/// <summary>ValidateStatefulSetStatusUpdate (reference §B.12): one test per rule.</summary>
public sealed class StatusUpdateTests
{
    private static readonly StatefulSetStatus Healthy = new() { Replicas = 3, ReadyReplicas = 3, CurrentReplicas = 3, UpdatedReplicas = 3, AvailableReplicas = 3, ObservedGeneration = 2, CollisionCount = 1 };

    [Fact]
    public void AConsistentStatusIsAccepted() => Expect.Valid(Write(Healthy));

    [Theory]
    [InlineData("replicas")]
    [InlineData("readyReplicas")]
    [InlineData("currentReplicas")]
    [InlineData("updatedReplicas")]
    [InlineData("availableReplicas")]
    [InlineData("observedGeneration")]
    [InlineData("collisionCount")]
    public void EveryCounterMustNotBeNegative(string counter)
    {
        var status = counter switch
        {
            "replicas" => Healthy with { Replicas = -1, ReadyReplicas = 0, CurrentReplicas = 0, UpdatedReplicas = 0, AvailableReplicas = 0 },
            "readyReplicas" => Healthy with { ReadyReplicas = -1, AvailableReplicas = -1 },
            "currentReplicas" => Healthy with { CurrentReplicas = -1 },
            "updatedReplicas" => Healthy with { UpdatedReplicas = -1 },
            "availableReplicas" => Healthy with { AvailableReplicas = -1 },
            "observedGeneration" => Healthy with { ObservedGeneration = -1 },
            _ => Healthy with { CollisionCount = -1 },
        };

        Expect.Contains(Write(status, stored: new StatefulSetStatus()), Invalid, "status." + counter, "Invalid value: -1: must be greater than or equal to 0");
    }

    [Theory]
    [InlineData("readyReplicas")]
    [InlineData("currentReplicas")]
    [InlineData("updatedReplicas")]
    [InlineData("availableReplicas")]
    public void NoCounterMayExceedReplicas(string counter)
    {
        var status = counter switch
        {
            "readyReplicas" => Healthy with { ReadyReplicas = 4 },
            "currentReplicas" => Healthy with { CurrentReplicas = 4 },
            "updatedReplicas" => Healthy with { UpdatedReplicas = 4 },
            _ => Healthy with { AvailableReplicas = 4, ReadyReplicas = 4 },
        };

        Expect.Contains(Write(status), Invalid, "status." + counter, "Invalid value: 4: cannot be greater than status.replicas");
    }

    [Fact]
    public void AvailableMayNotExceedReady() =>
        Expect.Only(Write(Healthy with { ReadyReplicas = 1, AvailableReplicas = 2 }), Invalid, "status.availableReplicas", "Invalid value: 2: cannot be greater than status.readyReplicas");

    [Fact]
    public void CollisionCountCannotBeDecremented() =>
        Expect.Only(Write(Healthy with { CollisionCount = 0 }), Invalid, "status.collisionCount", "Invalid value: 0: cannot be decremented");

    [Fact]
    public void UnsettingCollisionCountIsADecrementToo() =>
        Expect.Only(Write(Healthy with { CollisionCount = null }), Invalid, "status.collisionCount", "Invalid value: 0: cannot be decremented");

    [Fact]
    public void CollisionCountMayGrow() => Expect.Valid(Write(Healthy with { CollisionCount = 5 }));

    [Fact]
    public void EveryErrorComesAtOnce() =>
        Assert.Equal(3, Write(Healthy with { Replicas = -1, CollisionCount = 0 }).Count(e => e.Path.ToString() is "status.replicas" or "status.readyReplicas" or "status.collisionCount"));

    private static IReadOnlyList<FieldError> Write(StatefulSetStatus status, StatefulSetStatus? stored = null) =>
        UpdateValidator.ValidateStatefulSetStatusUpdate(Baseline.Web with { Status = stored ?? Healthy }, Baseline.Web with { Status = status });
}
