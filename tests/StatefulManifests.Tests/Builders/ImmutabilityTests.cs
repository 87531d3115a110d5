using StatefulManifests.Model;

namespace StatefulManifests.Tests.Builders;

/// <summary>Every builder method returns a new builder; a shared base is never changed by its uses.</summary>
public class ImmutabilityTests
{
    private static readonly StatefulSetBuilder Base = Workload.StatefulSet("web")
        .Replicas(3)
        .Container("app", c => c.Image("app:1").Port("http", 8080).Env("MODE", "base"))
        .VolumeClaim("data", "1Gi");

    [Fact]
    public void ABaseReusedTwiceGivesIndependentResults()
    {
        var before = Base.Build();

        var five = Base.Replicas(5).Labels(("tier", "a")).Build();
        var canary = Base.Container("app", c => c.Image("app:2").Env("MODE", "canary")).RollingUpdate(partition: 2).DisruptionBudget().Build();

        Assert.Equal(before, Base.Build());
        Assert.Equal(5, five.StatefulSet.Spec!.Replicas);
        Assert.Equal(3, canary.StatefulSet.Spec!.Replicas);
        Assert.Equal("app:1", five.Container().Image);
        Assert.Equal("app:2", canary.Container().Image);
        Assert.Equal("base", five.Container().Env![0].Value);
        Assert.Equal("canary", canary.Container().Env![0].Value);
        Assert.Null(five.StatefulSet.Spec.UpdateStrategy);
        Assert.Null(five.DisruptionBudget);
        Assert.NotNull(canary.DisruptionBudget);
        Assert.DoesNotContain("tier", canary.PodLabels().Keys);
    }

    [Fact]
    public void EveryMethodReturnsANewBuilder()
    {
        var next = Base.Replicas(3);

        Assert.NotSame(Base, next);
        Assert.Equal(Base.Build(), next.Build());
    }

    [Fact]
    public void BuildingTwiceGivesEqualWorkloads()
    {
        Assert.Equal(Base.Build(), Base.Build());
        Assert.Equal(Base.Build().GetHashCode(), Base.Build().GetHashCode());
        Assert.Equal(Base.Render(), Base.Render());
    }

    [Fact]
    public void NestedBuilderLambdasCanBeSharedToo()
    {
        Func<ContainerBuilder, ContainerBuilder> hardened = c => c.SecurityContext(s => s.RunAsNonRoot().ReadOnlyRootFilesystem());

        var a = Workload.StatefulSet("a").Container("x", c => hardened(c).Image("a:1")).Build();
        var b = Workload.StatefulSet("b").Container("x", c => hardened(c.Image("b:1")).SecurityContext(s => s.RunAsUser(7))).Build();

        Assert.Null(a.Container().SecurityContext!.RunAsUser);
        Assert.Equal(7L, b.Container().SecurityContext!.RunAsUser);
        Assert.True(a.Container().SecurityContext!.ReadOnlyRootFilesystem);
        Assert.True(b.Container().SecurityContext!.ReadOnlyRootFilesystem);
    }

    [Fact]
    public void ServiceAndBudgetCustomisationsOfABaseStayWithTheBase()
    {
        var withService = Base.Service(s => s.PublishNotReadyAddresses());

        var derived = withService.Service(s => s.Labels(("extra", "x"))).Build();

        Assert.False(withService.Build().Service!.Metadata!.Labels!.ContainsKey("extra"));
        Assert.True(derived.Service!.Metadata!.Labels!.ContainsKey("extra"));
        Assert.True(derived.Service.Spec!.PublishNotReadyAddresses);
        Assert.Null(Base.Build().Service!.Spec!.PublishNotReadyAddresses);
    }

    [Fact]
    public void WorkloadEqualityIgnoresTheDeclarationSite()
    {
        var here = Workload.StatefulSet("same").Replicas(1).Build();
        var there = Workload.StatefulSet("same", "Other.cs", 99).Replicas(1).Build();

        Assert.NotEqual(here.Declaration, there.Declaration);
        Assert.Equal(here, there);
        Assert.NotEqual(here, Workload.StatefulSet("same").Replicas(2).Build());
    }

    [Fact]
    public void BuiltModelsAreImmutableRecordsComparedByValue()
    {
        var w = Base.Build();
        var changed = w with { StatefulSet = w.StatefulSet with { Spec = w.StatefulSet.Spec! with { Replicas = 9 } } };

        Assert.Equal(3, w.StatefulSet.Spec!.Replicas);
        Assert.NotEqual(w, changed);
        Assert.IsType<ValueList<ManifestPatch>>(w.Patches);
    }
}
