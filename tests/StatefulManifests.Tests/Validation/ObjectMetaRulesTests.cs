using StatefulManifests.Model;
using static StatefulManifests.Validation.FieldErrorType;

namespace StatefulManifests.Tests.Validation;

/// <summary>Reference §C.1 row 4: the standard ObjectMeta rules (labels, annotations, finalizers, owner references).</summary>
public sealed class ObjectMetaRulesTests
{
    [Theory]
    [InlineData("app.kubernetes.io/name", "web")]
    [InlineData("Example.Com_Team", "")]
    [InlineData("a", "A.b-c_D")]
    public void ValidLabelsAreAccepted(string key, string value) => Expect.Valid(Labels((key, value)));

    [Fact]
    public void LabelKeyNamePartIsLimitedTo63()
    {
        var key = "example.com/" + new string('a', 64);
        Expect.Only(Labels((key, "x")), Invalid, "metadata.labels", "Invalid value: \"" + key + "\": name part must be no more than 63 characters");
    }

    [Fact]
    public void LabelKeyPrefixMustBeADnsSubdomain() =>
        Expect.Only(
            Labels(("Example.com/app", "x")),
            Invalid,
            "metadata.labels",
            "Invalid value: \"Example.com/app\": prefix part " + Messages.Dns1123Subdomain);

    [Fact]
    public void LabelKeyWithTwoSlashesIsRejected() =>
        Expect.Only(
            Labels(("a/b/c", "x")),
            Invalid,
            "metadata.labels",
            "Invalid value: \"a/b/c\": a valid label key must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]') with an optional DNS subdomain prefix and '/' (e.g. 'example.com/MyName')");

    [Fact]
    public void LabelValueIsLimitedTo63()
    {
        var value = new string('v', 64);
        Expect.Only(Labels(("app", value)), Invalid, "metadata.labels", "Invalid value: \"" + value + "\": must be no more than 63 characters");
    }

    [Fact]
    public void AnnotationKeysAreCaseInsensitiveQualifiedNames() =>
        Expect.Valid(Baseline.WithMeta(m => m with { Annotations = ValueMap.Of(("Example.COM/Owner", "team a"), ("note", "anything: goes\nhere")) }));

    [Fact]
    public void AnnotationKeyMustBeAQualifiedName() =>
        Expect.Only(
            Baseline.WithMeta(m => m with { Annotations = ValueMap.Of(("my note", "x")) }),
            Invalid,
            "metadata.annotations",
            "Invalid value: \"my note\": " + Messages.QualifiedNamePart);

    [Fact]
    public void AnnotationsMayNotExceed256KiB() =>
        Expect.Only(
            Baseline.WithMeta(m => m with { Annotations = ValueMap.Of(("big", new string('x', 256 * 1024))) }),
            TooLong,
            "metadata.annotations",
            "Too long: may not be more than 262144 bytes");

    [Fact]
    public void AnnotationsOfExactly256KiBAreAccepted() =>
        Expect.Valid(Baseline.WithMeta(m => m with { Annotations = ValueMap.Of(("big", new string('x', (256 * 1024) - 3))) }));

    [Fact]
    public void UnprefixedFinalizersMustBeStandard() =>
        Expect.Only(
            Baseline.WithMeta(m => m with { Finalizers = ValueList.Of("cleanup") }),
            Invalid,
            "metadata.finalizers[0]",
            "Invalid value: \"cleanup\": name is neither a standard finalizer name nor is it fully qualified");

    [Fact]
    public void QualifiedAndStandardFinalizersAreAccepted() =>
        Expect.Valid(Baseline.WithMeta(m => m with { Finalizers = ValueList.Of("example.com/cleanup", "foregroundDeletion") }));

    [Fact]
    public void OwnerReferencesNeedTheirFields() =>
        Expect.Exactly(
            Expect.Errors(Baseline.WithMeta(m => m with { OwnerReferences = ValueList.Of(new OwnerReference { ApiVersion = "apps/", Kind = "Deployment" }) })),
            (Invalid, "metadata.ownerReferences.apiVersion", "Invalid value: \"apps/\": version must not be empty"),
            (Invalid, "metadata.ownerReferences.name", "Invalid value: \"\": must not be empty"),
            (Invalid, "metadata.ownerReferences.uid", "Invalid value: \"\": must not be empty"));

    [Fact]
    public void NegativeGenerationIsInvalid() =>
        Expect.Only(Baseline.WithMeta(m => m with { Generation = -1 }), Invalid, "metadata.generation", "Invalid value: -1: must be greater than or equal to 0");

    [Fact]
    public void OnlyOneOwnerReferenceMayBeTheController() =>
        Expect.Only(
            Baseline.WithMeta(m => m with
            {
                OwnerReferences = ValueList.Of(
                    new OwnerReference { ApiVersion = "apps/v1", Kind = "Deployment", Name = "a", Uid = "1", Controller = true },
                    new OwnerReference { ApiVersion = "v1", Kind = "Pod", Name = "b", Uid = "2", Controller = true }),
            }),
            Invalid,
            "metadata.ownerReferences",
            "Invalid value: [\"Deployment/a\",\"Pod/b\"]: Only one reference can have Controller set to true. Found \"true\" in references for Deployment/a and Pod/b");

    [Fact]
    public void EventsCannotOwnObjects() =>
        Expect.Only(
            Baseline.WithMeta(m => m with { OwnerReferences = ValueList.Of(new OwnerReference { ApiVersion = "v1", Kind = "Event", Name = "e", Uid = "1" }) }),
            Invalid,
            "metadata.ownerReferences",
            "Invalid value: \"/v1, Kind=Event\": /v1, Kind=Event is disallowed from being an owner");

    [Fact]
    public void OrphanAndForegroundFinalizersExcludeEachOther() =>
        Expect.Only(
            Baseline.WithMeta(m => m with { Finalizers = ValueList.Of("orphan", "foregroundDeletion") }),
            Invalid,
            "metadata.finalizers",
            "Invalid value: [\"orphan\",\"foregroundDeletion\"]: finalizer orphan and foregroundDeletion cannot be both set");

    private static StatefulSet Labels(params (string Key, string Value)[] labels) => Baseline.WithMeta(m => m with { Labels = ValueMap.Of(labels) });
}
