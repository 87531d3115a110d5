using StatefulManifests.Model;
using StatefulManifests.Validation;
using static StatefulManifests.Validation.FieldErrorType;

namespace StatefulManifests.Tests.Validation.Update;

/// <summary>ValidateServiceUpdate (pkg/apis/core/validation) after the registry's patchAllocatedValues.</summary>
public sealed class ServiceUpdateTests
{
    private static readonly Service Allocated = Baseline.WithServiceSpec(s => s with { ClusterIP = "10.96.0.10", ClusterIPs = ValueList.Of("10.96.0.10") });

    [Fact]
    public void AnUnchangedServiceIsAValidUpdate() => Expect.Valid(UpdateValidator.ValidateUpdate(Baseline.Nginx, Baseline.Nginx));

    [Fact]
    public void PortsSelectorAndLabelsMayChange() =>
        Expect.Valid(UpdateValidator.ValidateUpdate(Baseline.Nginx, Baseline.WithServiceSpec(s => s with
        {
            Ports = ValueList.Of(new ServicePort { Name = "web", Port = 8080 }, new ServicePort { Name = "metrics", Port = 9090 }),
            Selector = ValueMap.Of(("app", "nginx"), ("tier", "web")),
        })));

    [Fact]
    public void AHeadlessServiceStaysHeadlessWhenTheUpdateOmitsClusterIP() =>
        Expect.Valid(UpdateValidator.ValidateUpdate(Baseline.Nginx, Baseline.WithServiceSpec(s => s with { ClusterIP = null })));

    [Fact]
    public void AnAllocatedClusterIPIsKeptWhenTheUpdateOmitsIt() =>
        Expect.Valid(UpdateValidator.ValidateUpdate(Allocated, Baseline.WithServiceSpec(s => s with { ClusterIP = null })));

    [Fact]
    public void AClusterIPMayNotChangeOnceSet() =>
        Expect.Only(
            UpdateValidator.ValidateUpdate(Allocated, Baseline.WithServiceSpec(s => s with { ClusterIP = "10.96.0.11", ClusterIPs = null })),
            Invalid, "spec.clusterIPs[0]", "Invalid value: [\"10.96.0.11\"]: may not change once set");

    [Fact]
    public void AHeadlessServiceCannotGetAClusterIP() =>
        Expect.Only(
            UpdateValidator.ValidateUpdate(Baseline.Nginx, Baseline.WithServiceSpec(s => s with { ClusterIP = "10.96.0.11" })),
            Invalid, "spec.clusterIPs[0]", "Invalid value: [\"10.96.0.11\"]: may not change once set");

    [Fact]
    public void AServiceWithAClusterIPCannotBecomeHeadless()
    {
        var error = Expect.Only(
            UpdateValidator.ValidateUpdate(Allocated, Baseline.WithServiceSpec(s => s with { ClusterIP = "None", ClusterIPs = null })),
            Invalid, "spec.clusterIPs[0]", "Invalid value: [\"None\"]: may not change once set");
        Assert.Equal("Service \"nginx\"", error.Object);
    }

    [Fact]
    public void HeadlessTurnedNodePortKeepsNoneAndIsRejected() =>
        Expect.Contains(
            UpdateValidator.ValidateUpdate(Baseline.Nginx, Baseline.WithServiceSpec(s => s with { ClusterIP = null, Type = ServiceType.NodePort })),
            Invalid, "spec.clusterIPs[0]", "Invalid value: \"None\": may not be set to 'None' for NodePort services");

    [Fact]
    public void ReleasingTheSecondaryClusterIPNeedsSingleStack()
    {
        var dual = Baseline.WithServiceSpec(s => s with { ClusterIP = "10.96.0.10", ClusterIPs = ValueList.Of("10.96.0.10", "fd00::10"), IpFamilyPolicy = IpFamilyPolicy.PreferDualStack });
        var single = dual with { Spec = dual.Spec! with { ClusterIPs = ValueList.Of("10.96.0.10") } };

        Expect.Contains(UpdateValidator.ValidateUpdate(dual, single), Invalid, "spec.clusterIPs[0]", "Invalid value: [\"10.96.0.10\"]: `ipFamilyPolicy` must be set to 'SingleStack' when releasing the secondary clusterIP");
        Assert.DoesNotContain(UpdateValidator.ValidateUpdate(dual, single with { Spec = single.Spec! with { IpFamilyPolicy = IpFamilyPolicy.SingleStack } }), e => e.Path.ToString() == "spec.clusterIPs[0]");
    }

    [Fact]
    public void ExternalNameServicesHaveNoClusterIPRule()
    {
        var external = new Service { Metadata = new ObjectMeta { Name = "db" }, Spec = new ServiceSpec { Type = ServiceType.ExternalName, ExternalName = "db.example.com" } };
        Assert.DoesNotContain(UpdateValidator.ValidateUpdate(Allocated with { Metadata = external.Metadata }, external), e => e.Path.ToString().StartsWith("spec.clusterIP", StringComparison.Ordinal));
    }

    [Fact]
    public void LoadBalancerClassMayNotChangeWhileTheTypeStaysLoadBalancer()
    {
        var lb = Baseline.WithServiceSpec(s => s with { ClusterIP = "10.96.0.10", Type = ServiceType.LoadBalancer, LoadBalancerClass = "example.com/lb" });
        Expect.Contains(UpdateValidator.ValidateUpdate(lb, lb with { Spec = lb.Spec! with { LoadBalancerClass = "example.com/other" } }), Invalid, "spec.loadBalancerClass", "Invalid value: \"example.com/other\": may not change once set");
    }

    [Fact]
    public void TheNameIsImmutable() =>
        Expect.Contains(UpdateValidator.ValidateUpdate(Baseline.Nginx, Baseline.Nginx with { Metadata = Baseline.Nginx.Metadata! with { Name = "nginx2" } }), Invalid, "metadata.name", "Invalid value: \"nginx2\": field is immutable");

    [Fact]
    public void TheUpdatedServiceIsValidatedAsOnCreate() =>
        Expect.Contains(
            UpdateValidator.ValidateUpdate(Baseline.Nginx, Baseline.WithServiceSpec(s => s with { Ports = ValueList.Of(new ServicePort { Name = "web", Port = 70000 }) })),
            Invalid, "spec.ports[0].port", "Invalid value: 70000: " + Messages.PortRange);
}

/// <summary>PodDisruptionBudget updates: in policy/v1 the spec is mutable; the new object is validated as on create.</summary>
public sealed class DisruptionBudgetUpdateTests
{
    [Fact]
    public void TheSpecIsMutable() =>
        Expect.Valid(UpdateValidator.ValidateUpdate(Baseline.Budget, Baseline.WithBudgetSpec(s => s with { MaxUnavailable = null, MinAvailable = 2, Selector = new LabelSelector { MatchLabels = ValueMap.Of(("app", "other")) } })));

    [Fact]
    public void TheNameIsImmutable()
    {
        var error = Expect.Only(UpdateValidator.ValidateUpdate(Baseline.Budget, Baseline.Budget with { Metadata = Baseline.Budget.Metadata! with { Name = "web2" } }), Invalid, "metadata.name", "Invalid value: \"web2\": field is immutable");
        Assert.Equal("PodDisruptionBudget \"web2\"", error.Object);
    }

    [Fact]
    public void TheNewSpecIsValidated()
    {
        var error = Assert.Single(UpdateValidator.ValidateUpdate(Baseline.Budget, Baseline.WithBudgetSpec(s => s with { MinAvailable = 1 })));
        Assert.Equal(("spec", "minAvailable and maxUnavailable cannot be both set"), (error.Path.ToString(), error.Detail));
    }
}
