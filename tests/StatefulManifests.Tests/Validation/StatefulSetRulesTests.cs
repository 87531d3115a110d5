using StatefulManifests.Model;
using StatefulManifests.Validation;
using static StatefulManifests.Validation.FieldErrorType;

namespace StatefulManifests.Tests.Validation;

/// <summary>Reference §C.1 rows 1–28: the StatefulSet's own create-time rules.</summary>
public sealed class StatefulSetRulesTests
{
    [Fact]
    public void TheWebExampleIsValid() => Expect.Valid(Baseline.Web);

    [Fact]
    public void TheWebExampleWithItsServiceAndBudgetIsValid() =>
        Expect.Valid(WorkloadValidator.Validate(Baseline.Web, Baseline.Nginx, Baseline.Budget));

    // Row 1
    [Fact]
    public void Row01_MissingNameIsRequired() =>
        Expect.Only(Baseline.WithMeta(m => m with { Name = null }), Required, "metadata.name", "Required value: name or generateName is required");

    [Fact]
    public void Row01_GenerateNameStandsInForTheName() =>
        Expect.Valid(Baseline.WithMeta(m => m with { Name = null, GenerateName = "web-" }));

    // Row 2
    [Fact]
    public void Row02_NameMustBeADns1123Label() =>
        Expect.Only(Baseline.WithMeta(m => m with { Name = "Web" }), Invalid, "metadata.name", "Invalid value: \"Web\": " + Messages.Dns1123Label);

    [Fact]
    public void Row02_NameWithDotsIsRejectedWithTheDotsMessage() =>
        Expect.Only(Baseline.WithMeta(m => m with { Name = "web.example" }), Invalid, "metadata.name", "Invalid value: \"web.example\": must not contain dots");

    [Fact]
    public void Row02_NameLongerThan63IsRejected()
    {
        var name = new string('a', 64);
        Expect.Only(Baseline.WithMeta(m => m with { Name = name }), Invalid, "metadata.name", "Invalid value: \"" + name + "\": must be no more than 63 characters");
    }

    [Fact]
    public void Row02_GenerateNameMayEndWithADashButMustOtherwiseBeALabelPrefix() =>
        Expect.Only(
            Baseline.WithMeta(m => m with { Name = null, GenerateName = "Web-" }),
            Invalid,
            "metadata.generateName",
            "Invalid value: \"Web-\": " + Messages.Dns1123Label);

    // Row 3
    [Fact]
    public void Row03_MissingNamespaceIsLeftToTheClient() => Expect.Valid(Baseline.WithMeta(m => m with { Namespace = null }));

    [Fact]
    public void Row03_NamespaceMustBeADns1123Label() =>
        Expect.Only(Baseline.WithMeta(m => m with { Namespace = "Prod_1" }), Invalid, "metadata.namespace", "Invalid value: \"Prod_1\": " + Messages.Dns1123Label);

    // Row 4 (the ObjectMeta rules themselves are covered in ObjectMetaRulesTests)
    [Fact]
    public void Row04_MetadataLabelsAreValidated() =>
        Expect.Only(
            Baseline.WithMeta(m => m with { Labels = ValueMap.Of(("tier", "-front")) }),
            Invalid,
            "metadata.labels",
            "Invalid value: \"-front\": " + Messages.LabelValue);

    // Rows 5 and 6
    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("OrderedReady")]
    [InlineData("Parallel")]
    public void Row05_PodManagementPolicyMissingOrKnownIsAccepted(string? policy) =>
        Expect.Valid(Baseline.WithSpec(s => s with { PodManagementPolicy = policy is null ? null : new EnumValue<PodManagementPolicy>(policy) }));

    [Fact]
    public void Row06_UnknownPodManagementPolicyIsInvalid() =>
        Expect.Only(
            Baseline.WithSpec(s => s with { PodManagementPolicy = new EnumValue<PodManagementPolicy>("parallel") }),
            Invalid,
            "spec.podManagementPolicy",
            "Invalid value: \"parallel\": must be 'OrderedReady' or 'Parallel'");

    // Rows 7 to 9
    [Fact]
    public void Row07_MissingUpdateStrategyTypeDefaultsToRollingUpdate() =>
        Expect.Only(
            Baseline.WithSpec(s => s with { UpdateStrategy = new StatefulSetUpdateStrategy { RollingUpdate = new RollingUpdateStatefulSetStrategy { Partition = -1 } } }),
            Invalid,
            "spec.updateStrategy.rollingUpdate.partition",
            "Invalid value: -1: must be greater than or equal to 0");

    [Fact]
    public void Row08_UnknownUpdateStrategyTypeIsInvalid() =>
        Expect.Only(
            Baseline.WithSpec(s => s with { UpdateStrategy = new StatefulSetUpdateStrategy { Type = new EnumValue<UpdateStrategyType>("Recreate") } }),
            Invalid,
            "spec.updateStrategy",
            "Invalid value: {\"type\":\"Recreate\"}: must be 'RollingUpdate' or 'OnDelete'");

    [Fact]
    public void Row09_RollingUpdateIsOnlyAllowedWithRollingUpdateType() =>
        Expect.Only(
            Baseline.WithSpec(s => s with
            {
                UpdateStrategy = new StatefulSetUpdateStrategy { Type = UpdateStrategyType.OnDelete, RollingUpdate = new RollingUpdateStatefulSetStrategy { Partition = 0 } },
            }),
            Invalid,
            "spec.updateStrategy.rollingUpdate",
            "Invalid value: {\"partition\":0}: only allowed for updateStrategy 'RollingUpdate'");

    [Fact]
    public void Row09_OnDeleteWithoutRollingUpdateIsAccepted() =>
        Expect.Valid(Baseline.WithSpec(s => s with { UpdateStrategy = new StatefulSetUpdateStrategy { Type = UpdateStrategyType.OnDelete } }));

    // Rows 10 to 14
    [Fact]
    public void Row10_NegativePartitionIsInvalid() =>
        Expect.Only(RollingUpdate(new RollingUpdateStatefulSetStrategy { Partition = -2 }), Invalid, "spec.updateStrategy.rollingUpdate.partition", "Invalid value: -2: must be greater than or equal to 0");

    [Fact]
    public void Row10_PartitionAboveReplicasIsAccepted() => Expect.Valid(RollingUpdate(new RollingUpdateStatefulSetStrategy { Partition = 10 }));

    [Fact]
    public void Row11_NegativeMaxUnavailableIsInvalid() =>
        Expect.Only(WithGate(RollingUpdate(MaxUnavailable(-1))), Invalid, "spec.updateStrategy.rollingUpdate.maxUnavailable", "Invalid value: -1: must be greater than or equal to 0");

    [Fact]
    public void Row12_MaxUnavailableStringMustBeAPercentage() =>
        Expect.Only(WithGate(RollingUpdate(MaxUnavailable("5"))), Invalid, "spec.updateStrategy.rollingUpdate.maxUnavailable", "Invalid value: \"5\": " + Messages.Percent);

    [Fact]
    public void Row12_NonNumericPercentageIsAlsoZero() =>
        Expect.Exactly(
            WithGate(RollingUpdate(MaxUnavailable("abc%"))),
            (Invalid, "spec.updateStrategy.rollingUpdate.maxUnavailable", "Invalid value: \"abc%\": " + Messages.Percent),
            (Invalid, "spec.updateStrategy.rollingUpdate.maxUnavailable", "Invalid value: \"abc%\": cannot be 0"));

    [Theory]
    [InlineData(0, "0")]
    [InlineData(null, "\"0%\"")]
    public void Row13_ZeroMaxUnavailableIsInvalid(int? number, string shown) =>
        Expect.Only(
            WithGate(RollingUpdate(number is { } n ? MaxUnavailable(n) : MaxUnavailable("0%"))),
            Invalid,
            "spec.updateStrategy.rollingUpdate.maxUnavailable",
            "Invalid value: " + shown + ": cannot be 0");

    [Fact]
    public void Row14_MaxUnavailableAbove100PercentIsInvalid() =>
        Expect.Only(WithGate(RollingUpdate(MaxUnavailable("150%"))), Invalid, "spec.updateStrategy.rollingUpdate.maxUnavailable", "Invalid value: \"150%\": must not be greater than 100%");

    [Theory]
    [InlineData("1")]
    [InlineData("50%")]
    [InlineData("100%")]
    [InlineData("7")]
    public void Row11To14_ValidMaxUnavailableIsAccepted(string value) =>
        Expect.Valid(WithGate(RollingUpdate(value.EndsWith('%') ? MaxUnavailable(value) : MaxUnavailable(int.Parse(value, System.Globalization.CultureInfo.InvariantCulture)))));

    // Rows 11–14 with the gate off (the v1.36 default): the API server drops maxUnavailable before validating, so
    // even a value that would be invalid is no error (the linter warns that the field is ignored, SM2014).
    [Theory]
    [InlineData("0")]
    [InlineData("-1")]
    [InlineData("0%")]
    [InlineData("150%")]
    public void Row11To14_WithTheGateOffMaxUnavailableIsDroppedNotValidated(string value) =>
        Expect.Valid(RollingUpdate(value.EndsWith('%') ? MaxUnavailable(value) : MaxUnavailable(int.Parse(value, System.Globalization.CultureInfo.InvariantCulture))));

    // The cluster of rows 11–14: MaxUnavailableStatefulSet on, so the field is kept and validated.
    private static IReadOnlyList<FieldError> WithGate(StatefulSet statefulSet) =>
        WorkloadValidator.ValidateStatefulSet(statefulSet, new StatefulManifests.Versions.TargetCluster { FeatureGates = new StatefulManifests.Reconciliation.FeatureGates { MaxUnavailableStatefulSet = true } });

    // Row 15
    [Fact]
    public void Row15_RetentionPolicyValuesMustBeRetainOrDelete() =>
        Expect.Only(
            Baseline.WithSpec(s => s with
            {
                PersistentVolumeClaimRetentionPolicy = new StatefulSetPersistentVolumeClaimRetentionPolicy { WhenDeleted = new EnumValue<ClaimRetentionPolicy>("retain") },
            }),
            NotSupported,
            "spec.persistentVolumeClaimRetentionPolicy.whenDeleted",
            "Unsupported value: \"retain\": supported values: \"Retain\", \"Delete\"");

    [Fact]
    public void Row15_EmptyRetentionMembersDefaultToRetain() =>
        Expect.Valid(Baseline.WithSpec(s => s with
        {
            PersistentVolumeClaimRetentionPolicy = new StatefulSetPersistentVolumeClaimRetentionPolicy { WhenDeleted = new EnumValue<ClaimRetentionPolicy>(string.Empty), WhenScaled = ClaimRetentionPolicy.Delete },
        }));

    // Row 16 lives in ClaimTemplateRulesTests.

    // Rows 17 to 19
    [Fact]
    public void Row17_NegativeReplicasIsInvalid()
    {
        var error = Expect.Only(Baseline.WithSpec(s => s with { Replicas = -1 }), Invalid, "spec.replicas", "Invalid value: -1: must be greater than or equal to 0");
        Assert.Equal("spec.replicas: Invalid value: -1: must be greater than or equal to 0", error.ToString());
    }

    [Fact]
    public void Row17_ZeroReplicasIsAccepted() => Expect.Valid(Baseline.WithSpec(s => s with { Replicas = 0 }));

    [Fact]
    public void Row18_NegativeMinReadySecondsIsInvalid() =>
        Expect.Only(Baseline.WithSpec(s => s with { MinReadySeconds = -5 }), Invalid, "spec.minReadySeconds", "Invalid value: -5: must be greater than or equal to 0");

    [Fact]
    public void Row19_NegativeOrdinalsStartIsInvalid() =>
        Expect.Only(
            Baseline.WithSpec(s => s with { Ordinals = new StatefulSetOrdinals { Start = -1 } }),
            Invalid,
            "spec.ordinals.start",
            "Invalid value: -1: must be greater than or equal to 0");

    [Fact]
    public void Row19_EmptyOrdinalsMeansStartZero() =>
        Expect.Valid(Baseline.WithSpec(s => s with { Ordinals = new StatefulSetOrdinals() }));

    // Row 20
    [Fact]
    public void Row20_ServiceNameMustBeADns1123Label() =>
        Expect.Only(Baseline.WithSpec(s => s with { ServiceName = "nginx.svc" }), Invalid, "spec.serviceName", "Invalid value: \"nginx.svc\": must not contain dots");

    [Fact]
    public void Row20_EmptyServiceNameIsAccepted() => Expect.Valid(Baseline.WithSpec(s => s with { ServiceName = string.Empty }));

    // Rows 21 to 24
    [Fact]
    public void Row21_MissingSelectorIsRequiredAndMatchesNothing() =>
        Expect.Exactly(
            Expect.Errors(Baseline.WithSpec(s => s with { Selector = null })),
            (Required, "spec.selector", "Required value"),
            (Invalid, "spec.template.metadata.labels", "Invalid value: {\"app\":\"nginx\"}: `selector` does not match template `labels`"));

    [Fact]
    public void Row22_InvalidSelectorStopsBeforeTheTemplate()
    {
        // The template has no container at all, but that is not reported: the selector cannot be converted.
        var statefulSet = Baseline.WithSpec(s => s with
        {
            Selector = new LabelSelector { MatchLabels = ValueMap.Of(("app", "nginx!")) },
            Template = s.Template! with { Spec = new PodSpec { RestartPolicy = RestartPolicy.Never } },
        });
        Expect.Exactly(
            Expect.Errors(statefulSet),
            (Invalid, "spec.selector.matchLabels", "Invalid value: \"nginx!\": " + Messages.LabelValue),
            (Invalid, "spec.selector", "Invalid value: {\"matchLabels\":{\"app\":\"nginx!\"}}"),
            (NotSupported, "spec.template.spec.restartPolicy", "Unsupported value: \"Never\": supported values: \"Always\""));
    }

    [Fact]
    public void Row22_ExpressionOperatorMustBeSupported() =>
        Expect.Exactly(
            Expect.Errors(WithExpression(new LabelSelectorRequirement { Key = "app", Operator = new EnumValue<LabelSelectorOperator>("Equals"), Values = ValueList.Of("nginx") })),
            (Invalid, "spec.selector.matchExpressions[0].operator", "Invalid value: \"Equals\": not a valid selector operator"),
            (Invalid, "spec.selector", "Invalid value: {\"matchLabels\":{\"app\":\"nginx\"},\"matchExpressions\":[{\"key\":\"app\",\"operator\":\"Equals\",\"values\":[\"nginx\"]}]}"));

    [Fact]
    public void Row22_InNeedsValues() =>
        Expect.Contains(
            Expect.Errors(WithExpression(new LabelSelectorRequirement { Key = "app", Operator = LabelSelectorOperator.In })),
            Required,
            "spec.selector.matchExpressions[0].values",
            "Required value: must be specified when `operator` is 'In' or 'NotIn'");

    [Fact]
    public void Row22_ExistsTakesNoValues() =>
        Expect.Contains(
            Expect.Errors(WithExpression(new LabelSelectorRequirement { Key = "app", Operator = LabelSelectorOperator.Exists, Values = ValueList.Of("x") })),
            Forbidden,
            "spec.selector.matchExpressions[0].values",
            "Forbidden: may not be specified when `operator` is 'Exists' or 'DoesNotExist'");

    [Fact]
    public void Row22_MatchingExpressionsAreAccepted() =>
        Expect.Valid(WithExpression(new LabelSelectorRequirement { Key = "app", Operator = LabelSelectorOperator.In, Values = ValueList.Of("nginx", "web") }));

    [Fact]
    public void Row23_EmptySelectorIsInvalidAndMatchesEverything() =>
        Expect.Only(
            Baseline.WithSpec(s => s with { Selector = new LabelSelector() }),
            Invalid,
            "spec.selector",
            "Invalid value: {}: empty selector is invalid for statefulset");

    [Fact]
    public void Row24_SelectorMustMatchTemplateLabels() =>
        Expect.Only(
            Baseline.WithSpec(s => s with { Selector = new LabelSelector { MatchLabels = ValueMap.Of(("app", "web")) } }),
            Invalid,
            "spec.template.metadata.labels",
            "Invalid value: {\"app\":\"nginx\"}: `selector` does not match template `labels`");

    [Fact]
    public void Row24_NotInMatchesWhenTheLabelIsAbsent() =>
        Expect.Valid(WithExpression(new LabelSelectorRequirement { Key = "tier", Operator = LabelSelectorOperator.NotIn, Values = ValueList.Of("db") }));

    [Fact]
    public void Row24_DoesNotExistFailsWhenTheLabelIsThere() =>
        Expect.Only(
            WithExpression(new LabelSelectorRequirement { Key = "app", Operator = LabelSelectorOperator.DoesNotExist }),
            Invalid,
            "spec.template.metadata.labels",
            "Invalid value: {\"app\":\"nginx\"}: `selector` does not match template `labels`");

    // Row 25
    [Fact]
    public void Row25_TemplateLabelsAreReportedAtTemplateLabels() =>
        Expect.Only(
            Baseline.WithSpec(s => s with
            {
                Template = s.Template! with { Metadata = new ObjectMeta { Labels = ValueMap.Of(("app", "nginx"), ("bad key", "x")) } },
            }),
            Invalid,
            "spec.template.labels",
            "Invalid value: \"bad key\": " + Messages.QualifiedNamePart);

    [Fact]
    public void Row25_TemplateAnnotationsAreReportedAtTemplateAnnotations() =>
        Expect.Only(
            Baseline.WithSpec(s => s with
            {
                Template = s.Template! with { Metadata = s.Template.Metadata! with { Annotations = ValueMap.Of(("-x", "y")) } },
            }),
            Invalid,
            "spec.template.annotations",
            "Invalid value: \"-x\": " + Messages.QualifiedNamePart);

    // Row 26 (the pod rules themselves are covered by the container, volume, probe ... tests)
    [Fact]
    public void Row26_TheTemplateIsValidatedAsAPod() =>
        Expect.Only(Baseline.WithPod(p => p with { Containers = null }), Required, "spec.template.spec.containers", "Required value");

    [Fact]
    public void Row26_ClaimTemplatesAreMountableVolumes() =>
        Expect.Only(
            Baseline.WithContainer(c => c with { VolumeMounts = ValueList.Of(new VolumeMount { Name = "data", MountPath = "/data" }) }),
            NotFound,
            "spec.template.spec.containers[0].volumeMounts[0].name",
            "Not found: \"data\"");

    [Fact]
    public void Row26_APodVolumeNamedLikeAClaimTemplateIsReplacedByIt() =>
        Expect.Valid(Baseline.WithPod(p => p with { Volumes = ValueList.Of(new Volume { Name = "www" }) }));

    [Fact]
    public void Row26_AnInvalidClaimTemplateNameIsReportedAtTheTemplate() =>
        Expect.Exactly(
            Expect.Errors(Baseline.WithSpec(s => s with
            {
                VolumeClaimTemplates = ValueList.Of(s.VolumeClaimTemplates![0] with { Metadata = new ObjectMeta { Name = "WWW" } }),
            })),
            (Invalid, "spec.volumeClaimTemplates[0].metadata.name", "Invalid value: \"WWW\": " + Messages.Dns1123Label),
            (NotFound, "spec.template.spec.containers[0].volumeMounts[0].name", "Not found: \"www\""));

    [Fact]
    public void Row26_DuplicateClaimTemplateNamesCollapse() =>
        Expect.Valid(Baseline.WithSpec(s => s with { VolumeClaimTemplates = ValueList.Of(s.VolumeClaimTemplates![0], s.VolumeClaimTemplates[0]) }));

    [Fact]
    public void Row26_HostnameAndSubdomainAreNotValidated() =>
        Expect.Valid(Baseline.WithPod(p => p with { Hostname = "Not A Label", Subdomain = "Not_Either" }));

    // Row 27
    [Fact]
    public void Row27_RestartPolicyMustBeAlways() =>
        Expect.Only(
            Baseline.WithPod(p => p with { RestartPolicy = RestartPolicy.OnFailure }),
            NotSupported,
            "spec.template.spec.restartPolicy",
            "Unsupported value: \"OnFailure\": supported values: \"Always\"");

    [Fact]
    public void Row27_UnknownRestartPolicyFailsBothChecks() =>
        Expect.Exactly(
            Expect.Errors(Baseline.WithPod(p => p with { RestartPolicy = new EnumValue<RestartPolicy>("Sometimes") })),
            (NotSupported, "spec.template.spec.restartPolicy", "Unsupported value: \"Sometimes\": supported values: \"Always\", \"OnFailure\", \"Never\""),
            (NotSupported, "spec.template.spec.restartPolicy", "Unsupported value: \"Sometimes\": supported values: \"Always\""));

    [Fact]
    public void Row27_ExplicitAlwaysIsAccepted() => Expect.Valid(Baseline.WithPod(p => p with { RestartPolicy = RestartPolicy.Always }));

    // Row 28
    [Fact]
    public void Row28_ActiveDeadlineSecondsIsForbidden() =>
        Expect.Only(
            Baseline.WithPod(p => p with { ActiveDeadlineSeconds = 600 }),
            Forbidden,
            "spec.template.spec.activeDeadlineSeconds",
            "Forbidden: activeDeadlineSeconds in StatefulSet is not Supported");

    [Fact]
    public void Row28_AnOutOfRangeDeadlineIsAlsoInvalid() =>
        Expect.Exactly(
            Expect.Errors(Baseline.WithPod(p => p with { ActiveDeadlineSeconds = 0 })),
            (Invalid, "spec.template.spec.activeDeadlineSeconds", "Invalid value: 0: must be between 1 and 2147483647, inclusive"),
            (Forbidden, "spec.template.spec.activeDeadlineSeconds", "Forbidden: activeDeadlineSeconds in StatefulSet is not Supported"));

    [Fact]
    public void EveryErrorIsReportedAtOnce()
    {
        var statefulSet = Baseline.Web with
        {
            Metadata = new ObjectMeta { Name = "Web" },
            Spec = Baseline.Web.Spec! with { Replicas = -1, MinReadySeconds = -1, ServiceName = "a.b" },
        };
        var errors = Expect.Errors(statefulSet);
        Assert.Equal(
            ["metadata.name", "spec.replicas", "spec.minReadySeconds", "spec.serviceName"],
            errors.Select(e => e.Path.ToString()));
    }

    private static StatefulSet RollingUpdate(RollingUpdateStatefulSetStrategy rollingUpdate) =>
        Baseline.WithSpec(s => s with { UpdateStrategy = new StatefulSetUpdateStrategy { Type = UpdateStrategyType.RollingUpdate, RollingUpdate = rollingUpdate } });

    private static RollingUpdateStatefulSetStrategy MaxUnavailable(IntOrString value) => new() { MaxUnavailable = value };

    private static StatefulSet WithExpression(LabelSelectorRequirement requirement) =>
        Baseline.WithSpec(s => s with { Selector = s.Selector! with { MatchExpressions = ValueList.Of(requirement) } });
}
