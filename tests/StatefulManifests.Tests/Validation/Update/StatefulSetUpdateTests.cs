using StatefulManifests.Model;
using StatefulManifests.Reconciliation;
using StatefulManifests.Validation;
using static StatefulManifests.Validation.FieldErrorType;

namespace StatefulManifests.Tests.Validation.Update;

/// <summary>Reference §C.2 (ValidateStatefulSetUpdate): one test per row, including the ratcheting cases.</summary>
public sealed class StatefulSetUpdateTests
{
    private const string Immutable = "Forbidden: " + UpdateValidator.StatefulSetImmutableSpecMessage;

    public static TheoryData<string> MutableChanges => new() { "replicas", "template", "updateStrategy", "minReadySeconds", "ordinals", "revisionHistoryLimit", "persistentVolumeClaimRetentionPolicy" };

    public static TheoryData<string> ImmutableChanges => new() { "selector", "claim size", "claim storage class", "claim added", "claim removed", "claim renamed", "claim label", "serviceName", "podManagementPolicy" };

    [Fact]
    public void AnUnchangedSetIsAValidUpdate() => Expect.Valid(Update(Baseline.Web));

    [Theory]
    [MemberData(nameof(MutableChanges))]
    public void TheMutableFieldsMayChange(string field) => Expect.Valid(Update(MutableChange(field)));

    [Theory]
    [MemberData(nameof(ImmutableChanges))]
    public void AnyOtherChangeIsOneForbiddenErrorAtSpec(string change) =>
        Expect.Only(Update(ImmutableChange(change)), Forbidden, "spec", Immutable);

    [Fact]
    public void TheMessageIsTheApiServersOwn() =>
        Assert.Equal(
            "spec: Forbidden: updates to statefulset spec for fields other than 'replicas', 'ordinals', 'template', 'updateStrategy', 'revisionHistoryLimit', 'persistentVolumeClaimRetentionPolicy' and 'minReadySeconds' are forbidden",
            Assert.Single(Update(ImmutableChange("selector"))).ToString());

    [Fact]
    public void SeveralImmutableChangesStillGiveOneError() =>
        Expect.Only(Update(Baseline.WithSpec(s => s with { ServiceName = "other", PodManagementPolicy = PodManagementPolicy.Parallel, Selector = new LabelSelector { MatchLabels = ValueMap.Of(("app", "nginx"), ("tier", "db")) }, Template = s.Template! with { Metadata = new ObjectMeta { Labels = ValueMap.Of(("app", "nginx"), ("tier", "db")) } } })), Forbidden, "spec", Immutable);

    [Fact]
    public void NameAndNamespaceAreImmutable() =>
        Expect.Exactly(
            Update(Baseline.WithMeta(m => m with { Name = "web2", Namespace = "prod" })),
            (Invalid, "metadata.name", "Invalid value: \"web2\": field is immutable"),
            (Invalid, "metadata.namespace", "Invalid value: \"prod\": field is immutable"));

    [Fact]
    public void AnUpdateWithoutANamespaceKeepsTheStoredOne() => Expect.Valid(Update(Baseline.WithMeta(m => m with { Namespace = null })));

    [Fact]
    public void ImmutableFieldsAreComparedAfterDefaultingAndSemantically()
    {
        var stored = Baseline.WithSpec(s => s with
        {
            PodManagementPolicy = PodManagementPolicy.OrderedReady,
            Selector = s.Selector! with { MatchExpressions = ValueList<LabelSelectorRequirement>.Empty },
            VolumeClaimTemplates = ValueList.Of(s.VolumeClaimTemplates![0] with
            {
                ApiVersion = "v1",
                Kind = "PersistentVolumeClaim",
                Metadata = s.VolumeClaimTemplates[0].Metadata! with { CreationTimestamp = "2026-01-01T00:00:00Z" },
                Spec = s.VolumeClaimTemplates[0].Spec! with
                {
                    VolumeMode = VolumeMode.Filesystem,
                    Resources = new VolumeResourceRequirements { Requests = ValueMap.Of(("storage", Quantity.FromText("1024Mi"))) },
                },
                Status = new PersistentVolumeClaimStatus { Phase = "Pending" },
            }),
        });

        Expect.Valid(UpdateValidator.ValidateUpdate(stored, Baseline.WithSpec(s => s with { PodManagementPolicy = null })));
    }

    [Fact]
    public void TheNewSpecIsStillValidated() =>
        Expect.Only(Update(Baseline.WithSpec(s => s with { Replicas = -1 })), Invalid, "spec.replicas", "Invalid value: -1: must be greater than or equal to 0");

    [Fact]
    public void ErrorsComeInTheApiServersOrderMetadataSpecThenImmutability()
    {
        var errors = Update(Baseline.Web with
        {
            Metadata = Baseline.Web.Metadata! with { Name = "web2" },
            Spec = Baseline.Web.Spec! with { Replicas = -1, ServiceName = "other" },
        });

        Assert.Equal(["metadata.name", "spec.replicas", "spec"], errors.Select(e => e.Path.ToString()));
    }

    [Fact]
    public void RatchetingANameThatIsNoLongerValidIsNotCheckedAgain()
    {
        var stored = Baseline.WithMeta(m => m with { Name = "Web.1" });
        Assert.Contains(WorkloadValidator.ValidateStatefulSet(stored), e => e.Path.ToString() == "metadata.name");

        Expect.Valid(UpdateValidator.ValidateUpdate(stored, stored.WithReplicas(5)));
    }

    [Fact]
    public void RatchetingTheServiceNameIsNotCheckedOnUpdate()
    {
        var stored = Baseline.WithSpec(s => s with { ServiceName = "Nginx_Headless" });
        Assert.Contains(WorkloadValidator.ValidateStatefulSet(stored), e => e.Path.ToString() == "spec.serviceName");

        Expect.Valid(UpdateValidator.ValidateUpdate(stored, stored.WithReplicas(5)));
    }

    [Fact]
    public void RatchetingClaimTemplateSpecsAreNotCheckedOnUpdate()
    {
        var stored = Baseline.WithClaim(c => c with { AccessModes = null });
        Assert.Contains(WorkloadValidator.ValidateStatefulSet(stored), e => e.Path.ToString() == "spec.volumeClaimTemplates[0].spec.accessModes");

        Expect.Valid(UpdateValidator.ValidateUpdate(stored, stored.WithReplicas(5)));
    }

    [Fact]
    public void RatchetingThePodTemplateIsSkippedWhenTheStoredOneAlreadyFails()
    {
        var stored = Baseline.WithContainer(c => c with { Image = null });
        var updated = Baseline.WithContainer(c => c with { Image = null, Ports = ValueList.Of(new ContainerPort { ContainerPortValue = 70000 }) });
        Assert.NotEmpty(WorkloadValidator.ValidateStatefulSet(updated));

        Expect.Valid(UpdateValidator.ValidateUpdate(stored, updated));
    }

    [Fact]
    public void APodTemplateThatWasValidIsValidatedOnUpdate() =>
        Expect.Only(Update(Baseline.WithContainer(c => c with { Image = null })), Required, "spec.template.spec.containers[0].image", "Required value");

    [Fact]
    public void TheSelectorMustStillMatchTheTemplateOnUpdate()
    {
        var updated = Baseline.WithSpec(s => s with { Template = s.Template! with { Metadata = new ObjectMeta { Labels = ValueMap.Of(("app", "other")) } } });
        Expect.Only(Update(updated), Invalid, "spec.template.metadata.labels", "Invalid value: {\"app\":\"other\"}: `selector` does not match template `labels`");
    }

    [Fact]
    public void ANameOver52CharactersIsNotAnApiError()
    {
        // Deliverable 5: the API server accepts it (its pods fail later); that is the lint SM2010 only.
        var stored = Baseline.WithMeta(m => m with { Name = new string('w', 60) });
        Expect.Valid(WorkloadValidator.ValidateStatefulSet(stored));
        Expect.Valid(UpdateValidator.ValidateUpdate(stored, stored.WithReplicas(2)));
    }

    [Fact]
    public void NullsAreValidatedNotThrown()
    {
        Assert.NotEmpty(UpdateValidator.ValidateUpdate((StatefulSet)null!, null!));
        Assert.NotEmpty(UpdateValidator.ValidateUpdate(Baseline.Web, new StatefulSet()));
    }

    private static IReadOnlyList<FieldError> Update(StatefulSet updated) => UpdateValidator.ValidateUpdate(Baseline.Web, updated);

    private static StatefulSet MutableChange(string field) => field switch
    {
        "replicas" => Baseline.WithSpec(s => s with { Replicas = 7 }),
        "template" => Baseline.WithContainer(c => c with { Image = "registry.k8s.io/nginx-slim:0.27" }),
        "updateStrategy" => Baseline.WithSpec(s => s with { UpdateStrategy = new StatefulSetUpdateStrategy { Type = UpdateStrategyType.OnDelete } }),
        "minReadySeconds" => Baseline.WithSpec(s => s with { MinReadySeconds = 30 }),
        "ordinals" => Baseline.WithSpec(s => s with { Ordinals = new StatefulSetOrdinals { Start = 5 } }),
        "revisionHistoryLimit" => Baseline.WithSpec(s => s with { RevisionHistoryLimit = 2 }),
        _ => Baseline.WithSpec(s => s with { PersistentVolumeClaimRetentionPolicy = new StatefulSetPersistentVolumeClaimRetentionPolicy { WhenDeleted = ClaimRetentionPolicy.Delete } }),
    };

    private static StatefulSet ImmutableChange(string change)
    {
        var claim = Baseline.Web.Spec!.VolumeClaimTemplates![0];
        return change switch
        {
            "selector" => Baseline.WithSpec(s => s with { Selector = new LabelSelector { MatchLabels = ValueMap.Of(("app", "nginx"), ("tier", "web")) }, Template = s.Template! with { Metadata = new ObjectMeta { Labels = ValueMap.Of(("app", "nginx"), ("tier", "web")) } } }),
            "claim size" => Baseline.WithClaim(c => c with { Resources = new VolumeResourceRequirements { Requests = ValueMap.Of(("storage", Quantity.FromText("2Gi"))) } }),
            "claim storage class" => Baseline.WithClaim(c => c with { StorageClassName = "fast" }),
            "claim added" => Baseline.WithSpec(s => s with { VolumeClaimTemplates = s.VolumeClaimTemplates!.Add(claim with { Metadata = new ObjectMeta { Name = "logs" } }) }),
            "claim removed" => Baseline.WithSpec(s => s with { VolumeClaimTemplates = null, Template = s.Template! with { Spec = s.Template.Spec! with { Volumes = ValueList.Of(new Volume { Name = "www", EmptyDir = new EmptyDirVolumeSource() }) } } }),
            "claim renamed" => Baseline.WithSpec(s => s with { VolumeClaimTemplates = ValueList.Of(claim with { Metadata = new ObjectMeta { Name = "www2" } }), Template = s.Template! with { Spec = s.Template.Spec! with { Volumes = ValueList.Of(new Volume { Name = "www", EmptyDir = new EmptyDirVolumeSource() }) } } }),
            "claim label" => Baseline.WithSpec(s => s with { VolumeClaimTemplates = ValueList.Of(claim with { Metadata = claim.Metadata! with { Labels = ValueMap.Of(("tier", "data")) } }) }),
            "serviceName" => Baseline.WithSpec(s => s with { ServiceName = "nginx-headless" }),
            _ => Baseline.WithSpec(s => s with { PodManagementPolicy = PodManagementPolicy.Parallel }),
        };
    }
}
