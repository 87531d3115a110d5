using StatefulManifests.Model;
using static StatefulManifests.Validation.FieldErrorType;

namespace StatefulManifests.Tests.Validation;

/// <summary>Reference §C.1 row 16: each claim template's spec is validated as a new PersistentVolumeClaim.</summary>
public sealed class ClaimTemplateRulesTests
{
    private const string Spec = "spec.volumeClaimTemplates[0].spec";

    [Fact]
    public void AccessModesAreRequired() =>
        Expect.Only(Baseline.WithClaim(c => c with { AccessModes = null }), Required, Spec + ".accessModes", "Required value: at least 1 access mode is required");

    [Fact]
    public void UnknownAccessModeIsNotSupported() =>
        Expect.Only(
            Baseline.WithClaim(c => c with { AccessModes = ValueList.Of(new EnumValue<AccessMode>("ReadWriteAll")) }),
            NotSupported,
            Spec + ".accessModes",
            "Unsupported value: \"ReadWriteAll\": supported values: \"ReadOnlyMany\", \"ReadWriteMany\", \"ReadWriteOnce\", \"ReadWriteOncePod\"");

    [Fact]
    public void ReadWriteOncePodMustBeAlone() =>
        Expect.Only(
            Baseline.WithClaim(c => c with { AccessModes = ValueList.Of<EnumValue<AccessMode>>(AccessMode.ReadWriteOncePod, AccessMode.ReadOnlyMany) }),
            Forbidden,
            Spec + ".accessModes",
            "Forbidden: may not use ReadWriteOncePod with other access modes");

    [Fact]
    public void SeveralOrdinaryAccessModesAreAccepted() =>
        Expect.Valid(Baseline.WithClaim(c => c with { AccessModes = ValueList.Of<EnumValue<AccessMode>>(AccessMode.ReadWriteOnce, AccessMode.ReadOnlyMany) }));

    [Fact]
    public void StorageRequestIsRequired() =>
        Expect.Only(Baseline.WithClaim(c => c with { Resources = null }), Required, Spec + ".resources[storage]", "Required value");

    [Theory]
    [InlineData("0")]
    [InlineData("-1Gi")]
    public void StorageRequestMustBePositive(string storage) =>
        Expect.Only(
            Baseline.WithClaim(c => c with { Resources = new VolumeResourceRequirements { Requests = ValueMap.Of(("storage", Quantity.FromText(storage))) } }),
            Invalid,
            Spec + ".resources[storage]",
            "Invalid value: \"" + Quantity.FromText(storage) + "\": must be greater than zero");

    [Fact]
    public void UnparsableStorageIsReportedWithTheParserReason() =>
        Expect.Only(
            Baseline.WithClaim(c => c with { Resources = new VolumeResourceRequirements { Requests = ValueMap.Of(("storage", Quantity.FromText("10GB"))) } }),
            Invalid,
            Spec + ".resources.requests[storage]",
            "Invalid value: \"10GB\": " + Quantity.FromText("10GB").Error);

    [Fact]
    public void StorageClassNameMustBeADnsSubdomain() =>
        Expect.Only(
            Baseline.WithClaim(c => c with { StorageClassName = "Fast_SSD" }),
            Invalid,
            Spec + ".storageClassName",
            "Invalid value: \"Fast_SSD\": " + Messages.Dns1123Subdomain);

    [Fact]
    public void DottedStorageClassNameIsAccepted() => Expect.Valid(Baseline.WithClaim(c => c with { StorageClassName = "fast.ssd.example.com" }));

    [Theory]
    [InlineData("block")]
    [InlineData("")]
    public void VolumeModeMustBeBlockOrFilesystem(string mode) =>
        Expect.Only(
            Baseline.WithClaim(c => c with { VolumeMode = new EnumValue<VolumeMode>(mode) }),
            NotSupported,
            Spec + ".volumeMode",
            "Unsupported value: \"" + mode + "\": supported values: \"Block\", \"Filesystem\"");

    [Fact]
    public void BlockVolumeModeIsAccepted() => Expect.Valid(Baseline.WithClaim(c => c with { VolumeMode = VolumeMode.Block }));

    [Fact]
    public void ClaimSelectorIsValidated() =>
        Expect.Only(
            Baseline.WithClaim(c => c with { Selector = new LabelSelector { MatchLabels = ValueMap.Of(("disk", "ssd?")) } }),
            Invalid,
            Spec + ".selector.matchLabels",
            "Invalid value: \"ssd?\": " + Messages.LabelValue);

    [Fact]
    public void DataSourceNeedsNameAndKindAndTheCoreKindWithoutGroup() =>
        Expect.Exactly(
            Expect.Errors(Baseline.WithClaim(c => c with { DataSource = new TypedLocalObjectReference { Kind = "VolumeSnapshot" } })),
            (Required, Spec + ".dataSource.name", "Required value"),
            (Invalid, Spec + ".dataSource", "Invalid value: \"VolumeSnapshot\": must be 'PersistentVolumeClaim' when referencing the default apiGroup"));

    [Fact]
    public void SnapshotDataSourceWithItsGroupIsAccepted() =>
        Expect.Valid(Baseline.WithClaim(c => c with
        {
            DataSource = new TypedLocalObjectReference { Name = "snap", Kind = "VolumeSnapshot", ApiGroup = "snapshot.storage.k8s.io" },
        }));

    [Fact]
    public void DataSourceMustMatchDataSourceRef() =>
        Expect.Only(
            Baseline.WithClaim(c => c with
            {
                DataSource = new TypedLocalObjectReference { Name = "a", Kind = "PersistentVolumeClaim" },
                DataSourceRef = new TypedObjectReference { Name = "b", Kind = "PersistentVolumeClaim" },
            }),
            Invalid,
            Spec,
            "Invalid value: \"" + Spec + ".dataSource\": must match dataSourceRef");

    [Fact]
    public void ClaimTemplateLabelsAreCheckedBecauseThePvcsWouldBeRejected() =>
        Expect.Only(
            Baseline.WithSpec(s => s with
            {
                VolumeClaimTemplates = ValueList.Of(s.VolumeClaimTemplates![0] with { Metadata = new ObjectMeta { Name = "www", Labels = ValueMap.Of(("tier", "a b")) } }),
            }),
            Invalid,
            "spec.volumeClaimTemplates[0].metadata.labels",
            "Invalid value: \"a b\": " + Messages.LabelValue);

    [Fact]
    public void InvalidStatusQuantityIsReported() =>
        Expect.Only(
            Baseline.WithSpec(s => s with
            {
                VolumeClaimTemplates = ValueList.Of(s.VolumeClaimTemplates![0] with
                {
                    Status = new PersistentVolumeClaimStatus { Capacity = ValueMap.Of(("storage", Quantity.FromText("1 Gi"))) },
                }),
            }),
            Invalid,
            "spec.volumeClaimTemplates[0].status.capacity[storage]",
            "Invalid value: \"1 Gi\": " + Quantity.FromText("1 Gi").Error);
}
