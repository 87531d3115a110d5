using StatefulManifests.Model;
using static StatefulManifests.Tests.Builders.WorkloadAccess;

namespace StatefulManifests.Tests.Builders;

/// <summary>The defaults Build() wires in, and the override of each.</summary>
public class DefaultsTests
{
    [Fact]
    public void SelectorDefaultsToTheNameLabelOnly()
    {
        var w = Minimal("web").Build();

        Assert.Equal(Map(("app.kubernetes.io/name", "web")), w.Spec().Selector!.MatchLabels);
        Assert.Null(w.Spec().Selector!.MatchExpressions);
    }

    [Fact]
    public void TemplateLabelsAreSelectorLabelsPlusExtraLabels()
    {
        var w = Minimal("web").Labels(("app.kubernetes.io/version", "1.2.3"), ("tier", "data")).Build();

        Assert.Equal(
            Map(("app.kubernetes.io/name", "web"), ("app.kubernetes.io/version", "1.2.3"), ("tier", "data")),
            w.PodLabels());
        foreach (var selector in w.Spec().Selector!.MatchLabels!)
        {
            Assert.Equal(selector.Value, w.PodLabels()[selector.Key]);
        }
    }

    [Fact]
    public void VersionLabelsNeverReachTheSelector()
    {
        var w = Minimal("web").Labels(("app.kubernetes.io/version", "2.0"), ("version", "2.0")).Build();

        Assert.DoesNotContain("app.kubernetes.io/version", w.Spec().Selector!.MatchLabels!.Keys);
        Assert.DoesNotContain("version", w.Spec().Selector!.MatchLabels!.Keys);
    }

    [Fact]
    public void SelectorLabelWinsOverAConflictingExtraLabelSoPodsStillMatch()
    {
        var w = Minimal("web").SelectorLabels(("app", "nginx")).Labels(("app", "other")).Build();

        Assert.Equal("nginx", w.PodLabels()["app"]);

        // ... and the value that lost is an error, not silently dropped.
        var error = Assert.Single(w.Validate());
        Assert.Equal("spec.template.metadata.labels[app]", error.Path.ToString());
        Assert.Equal(StatefulManifests.Validation.FieldErrorType.Invalid, error.Type);
        Assert.StartsWith("the selector label app=nginx replaces this value", error.Detail, StringComparison.Ordinal);
        Assert.Contains("SelectorLabels((\"app\", \"other\"))", error.Detail, StringComparison.Ordinal);
        Assert.Throws<ManifestValidationException>(() => w.ToYaml());
    }

    [Fact]
    public void AnExtraLabelEqualToTheSelectorLabelIsFine()
    {
        var w = Minimal("web").SelectorLabels(("app", "nginx")).Labels(("app", "nginx"), ("tier", "db")).Build();

        Assert.Empty(w.Validate());
        Assert.Empty(w.DeclarationErrors);
    }

    [Fact]
    public void SelectorLabelsOverrideReplacesTheDefaultEverywhere()
    {
        var w = Minimal("web").SelectorLabels(("app", "nginx"), ("role", "store")).DisruptionBudget().Build();
        var expected = Map(("app", "nginx"), ("role", "store"));

        Assert.Equal(expected, w.Spec().Selector!.MatchLabels);
        Assert.Equal(expected, w.PodLabels());
        Assert.Equal(expected, w.Service!.Spec!.Selector);
        Assert.Equal(expected, w.DisruptionBudget!.Spec!.Selector!.MatchLabels);
    }

    [Fact]
    public void SelectorExpressionsAreAddedToTheSelector()
    {
        var w = Minimal().SelectorExpression("tier", LabelSelectorOperator.In, "a", "b").SelectorExpression("canary", LabelSelectorOperator.DoesNotExist).Build();

        var expressions = w.Spec().Selector!.MatchExpressions!;
        Assert.Equal(2, expressions.Count);
        Assert.Equal(new LabelSelectorRequirement { Key = "tier", Operator = LabelSelectorOperator.In, Values = ValueList.Of("a", "b") }, expressions[0]);
        Assert.Equal(new LabelSelectorRequirement { Key = "canary", Operator = LabelSelectorOperator.DoesNotExist }, expressions[1]);
        Assert.Equal(Map(("app.kubernetes.io/name", "db")), w.Spec().Selector!.MatchLabels);
    }

    [Fact]
    public void HeadlessServiceIsNamedAfterTheSetAndServiceNamePointsAtIt()
    {
        var w = Minimal("web").Namespace("shop").Build();

        Assert.NotNull(w.Service);
        Assert.Equal("web", w.Service!.Metadata!.Name);
        Assert.Equal("shop", w.Service.Metadata.Namespace);
        Assert.Equal("None", w.Service.Spec!.ClusterIP);
        Assert.Equal(Map(("app.kubernetes.io/name", "web")), w.Service.Spec.Selector);
        Assert.Equal(Map(("app.kubernetes.io/name", "web")), w.Service.Metadata.Labels);
        Assert.Equal("web", w.Spec().ServiceName);
        Assert.Equal("shop", w.StatefulSet.Metadata!.Namespace);
    }

    [Fact]
    public void ServiceNameOverrideRenamesTheServiceToo()
    {
        var w = Minimal("web").ServiceName("nginx").Build();

        Assert.Equal("nginx", w.Spec().ServiceName);
        Assert.Equal("nginx", w.Service!.Metadata!.Name);
    }

    [Fact]
    public void ServicePortsAreDerivedFromEveryContainerAndSidecarButNotPlainInitContainers()
    {
        var w = Workload.StatefulSet("kafka")
            .Container("broker", c => c.Image("kafka:3").Port("client", 9092).Port("dns", 53, Protocol.UDP).Port("tcp-explicit", 7000, Protocol.TCP))
            .Container("exporter", c => c.Image("exporter:1").Port(9308))
            .InitContainer("init", c => c.Image("busybox:1").Port("ignored", 1234))
            .InitContainer("sidecar", c => c.Image("envoy:1").RestartPolicy(ContainerRestartPolicy.Always).Port("proxy", 15001))
            .Build();

        var expected = ValueList.Of(
            new ServicePort { Name = "client", Port = 9092, TargetPort = "client" },
            new ServicePort { Name = "dns", Port = 53, TargetPort = "dns", Protocol = Protocol.UDP },
            new ServicePort { Name = "tcp-explicit", Port = 7000, TargetPort = "tcp-explicit" },
            new ServicePort { Port = 9308, TargetPort = 9308 },
            new ServicePort { Name = "proxy", Port = 15001, TargetPort = "proxy" });
        Assert.Equal(expected, w.Service!.Spec!.Ports);
    }

    [Fact]
    public void AServiceWithoutContainerPortsHasNoPortsField()
    {
        var w = Workload.StatefulSet("quiet").Container("main", c => c.Image("x:1")).Build();

        Assert.Null(w.Service!.Spec!.Ports);
    }

    [Fact]
    public void WithoutServiceOmitsItAndLeavesServiceNameUnsetUnlessGiven()
    {
        var none = Minimal("web").WithoutService().Build();
        var external = Minimal("web").WithoutService().ServiceName("shared-dns").Build();

        Assert.Null(none.Service);
        Assert.Null(none.Spec().ServiceName);
        Assert.Null(external.Service);
        Assert.Equal("shared-dns", external.Spec().ServiceName);
        Assert.Single(none.Documents);
    }

    [Fact]
    public void ServiceCallAfterWithoutServiceTurnsItBackOn()
    {
        var w = Minimal("web").WithoutService().Service(s => s.PublishNotReadyAddresses()).Build();

        Assert.NotNull(w.Service);
        Assert.True(w.Service!.Spec!.PublishNotReadyAddresses);
        Assert.Equal("web", w.Spec().ServiceName);
    }

    [Fact]
    public void ClaimTemplatesAreMountedByNameWithoutAPodVolume()
    {
        var w = Workload.StatefulSet("web")
            .Container("nginx", c => c.Image("nginx:1").Mount("www", "/usr/share/nginx/html"))
            .VolumeClaim("www", "1Gi")
            .Build();

        var claim = Assert.Single(w.Spec().VolumeClaimTemplates!);
        Assert.Equal("www", claim.Metadata!.Name);
        Assert.Equal(new VolumeMount { Name = "www", MountPath = "/usr/share/nginx/html" }, Assert.Single(w.Container().VolumeMounts!));
        Assert.Null(w.Pod().Volumes);
    }

    [Fact]
    public void ClaimShorthandSetsAccessModeStorageAndOptionalClass()
    {
        var plain = Minimal().VolumeClaim("data", "10Gi").Build().Spec().VolumeClaimTemplates![0].Spec!;
        var classed = Minimal().VolumeClaim("data", "10Gi", AccessMode.ReadWriteOncePod, "fast").Build().Spec().VolumeClaimTemplates![0].Spec!;

        Assert.Equal(ValueList.Of<EnumValue<AccessMode>>(AccessMode.ReadWriteOnce), plain.AccessModes);
        Assert.Equal(Quantity.Parse("10Gi"), plain.Resources!.Requests!["storage"]);
        Assert.Null(plain.StorageClassName);
        Assert.Equal(ValueList.Of<EnumValue<AccessMode>>(AccessMode.ReadWriteOncePod), classed.AccessModes);
        Assert.Equal("fast", classed.StorageClassName);
    }

    [Fact]
    public void NoDisruptionBudgetUnlessAsked()
    {
        Assert.Null(Minimal().Build().DisruptionBudget);
    }

    [Fact]
    public void DisruptionBudgetDefaultsToMaxUnavailableOneOnTheSelectorLabels()
    {
        var w = Minimal("zk").Namespace("coord").DisruptionBudget().Build();
        var pdb = w.DisruptionBudget!;

        Assert.Equal("zk", pdb.Metadata!.Name);
        Assert.Equal("coord", pdb.Metadata.Namespace);
        Assert.Equal(IntOrString.FromInt(1), pdb.Spec!.MaxUnavailable);
        Assert.Null(pdb.Spec.MinAvailable);
        Assert.Equal(new LabelSelector { MatchLabels = Map(("app.kubernetes.io/name", "zk")) }, pdb.Spec.Selector);
    }

    [Fact]
    public void DisruptionBudgetShorthandsSetCountsAndPercentages()
    {
        Assert.Equal(IntOrString.FromInt(2), Minimal().DisruptionBudget(minAvailable: 2).Build().DisruptionBudget!.Spec!.MinAvailable);
        Assert.Equal(IntOrString.FromString("50%"), Minimal().DisruptionBudget(minAvailable: "50%").Build().DisruptionBudget!.Spec!.MinAvailable);
        Assert.Equal(IntOrString.FromString("25%"), Minimal().DisruptionBudget(maxUnavailable: "25%").Build().DisruptionBudget!.Spec!.MaxUnavailable);
        var both = Minimal().DisruptionBudget(minAvailable: 1, maxUnavailable: 1).Build().DisruptionBudget!.Spec!;
        Assert.Equal(IntOrString.FromInt(1), both.MinAvailable);
        Assert.Equal(IntOrString.FromInt(1), both.MaxUnavailable);
    }

    [Fact]
    public void ParameterlessDisruptionBudgetKeepsAnExistingBudget()
    {
        var w = Minimal().DisruptionBudget(minAvailable: 2).DisruptionBudget().Build();

        Assert.Equal(IntOrString.FromInt(2), w.DisruptionBudget!.Spec!.MinAvailable);
        Assert.Null(w.DisruptionBudget.Spec.MaxUnavailable);
    }

    [Fact]
    public void WithoutDisruptionBudgetRemovesIt()
    {
        Assert.Null(Minimal().DisruptionBudget().WithoutDisruptionBudget().Build().DisruptionBudget);
    }

    [Fact]
    public void DocumentsAreServiceThenStatefulSetThenBudget()
    {
        var w = Minimal().DisruptionBudget().Build();

        Assert.Collection(
            w.Documents,
            d => Assert.IsType<Service>(d),
            d => Assert.IsType<StatefulSet>(d),
            d => Assert.IsType<PodDisruptionBudget>(d));
    }

    [Fact]
    public void UnsetSpecFieldsStayUnsetSoKubernetesDefaultsApply()
    {
        var spec = Minimal().Build().Spec();

        Assert.Null(spec.Replicas);
        Assert.Null(spec.PodManagementPolicy);
        Assert.Null(spec.UpdateStrategy);
        Assert.Null(spec.RevisionHistoryLimit);
        Assert.Null(spec.MinReadySeconds);
        Assert.Null(spec.PersistentVolumeClaimRetentionPolicy);
        Assert.Null(spec.Ordinals);
        Assert.Null(spec.VolumeClaimTemplates);
        Assert.Null(spec.Template!.Metadata!.Annotations);
    }
}
