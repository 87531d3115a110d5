using StatefulManifests.Model;
using static StatefulManifests.Validation.FieldErrorType;

namespace StatefulManifests.Tests.Validation;

/// <summary>Tolerations, affinity and topology spread constraints of the template.</summary>
public sealed class SchedulingRulesTests
{
    private const string P = "spec.template.spec";

    private static readonly LabelSelector WebPods = new() { MatchLabels = ValueMap.Of(("app", "nginx")) };

    [Fact]
    public void TypicalSchedulingIsAccepted() =>
        Expect.Valid(Baseline.WithPod(p => p with
        {
            Tolerations = ValueList.Of(
                new Toleration { Key = "dedicated", Operator = TolerationOperator.Equal, Value = "db", Effect = TaintEffect.NoSchedule },
                new Toleration { Operator = TolerationOperator.Exists },
                new Toleration { Key = "node.kubernetes.io/unreachable", Operator = TolerationOperator.Exists, Effect = TaintEffect.NoExecute, TolerationSeconds = 30 }),
            Affinity = new Affinity
            {
                PodAntiAffinity = new PodAntiAffinity
                {
                    RequiredDuringSchedulingIgnoredDuringExecution = ValueList.Of(new PodAffinityTerm { LabelSelector = WebPods, TopologyKey = "kubernetes.io/hostname" }),
                },
                NodeAffinity = new NodeAffinity
                {
                    PreferredDuringSchedulingIgnoredDuringExecution = ValueList.Of(new PreferredSchedulingTerm
                    {
                        Weight = 50,
                        Preference = new NodeSelectorTerm { MatchExpressions = ValueList.Of(new NodeSelectorRequirement { Key = "zone", Operator = NodeSelectorOperator.In, Values = ValueList.Of("a") }) },
                    }),
                },
            },
            TopologySpreadConstraints = ValueList.Of(new TopologySpreadConstraint
            {
                MaxSkew = 1,
                TopologyKey = "topology.kubernetes.io/zone",
                WhenUnsatisfiable = WhenUnsatisfiable.DoNotSchedule,
                LabelSelector = WebPods,
                MinDomains = 2,
            }),
        }));

    [Fact]
    public void TolerationWithoutKeyMustUseExists() =>
        Expect.Only(
            Tolerations(new Toleration { Value = "x" }),
            Invalid,
            P + ".tolerations[0].operator",
            "Invalid value: \"\": operator must be Exists when `key` is empty, which means \"match all values and all keys\"");

    [Fact]
    public void TolerationSecondsNeedNoExecute() =>
        Expect.Only(
            Tolerations(new Toleration { Key = "k", Effect = TaintEffect.NoSchedule, TolerationSeconds = 10 }),
            Invalid,
            P + ".tolerations[0].effect",
            "Invalid value: \"NoSchedule\": effect must be 'NoExecute' when `tolerationSeconds` is set");

    [Fact]
    public void ExistsTolerationTakesNoValue() =>
        Expect.Only(
            Tolerations(new Toleration { Key = "k", Operator = TolerationOperator.Exists, Value = "v" }),
            Invalid,
            P + ".tolerations[0].operator",
            "Invalid value: \"v\": value must be empty when `operator` is 'Exists'");

    [Fact]
    public void UnknownTolerationOperatorAndEffectAreNotSupported() =>
        Expect.Exactly(
            Expect.Errors(Tolerations(new Toleration { Key = "k", Operator = new EnumValue<TolerationOperator>("In"), Effect = new EnumValue<TaintEffect>("NoRun") })),
            (NotSupported, P + ".tolerations[0].operator", "Unsupported value: \"In\": supported values: \"Equal\", \"Exists\""),
            (NotSupported, P + ".tolerations[0].effect", "Unsupported value: \"NoRun\": supported values: \"NoSchedule\", \"PreferNoSchedule\", \"NoExecute\""));

    [Fact]
    public void PodAffinityTermNeedsATopologyKeyAndAValidSelector() =>
        Expect.Exactly(
            Expect.Errors(Baseline.WithPod(p => p with
            {
                Affinity = new Affinity
                {
                    PodAffinity = new PodAffinity
                    {
                        PreferredDuringSchedulingIgnoredDuringExecution = ValueList.Of(new WeightedPodAffinityTerm
                        {
                            Weight = 101,
                            PodAffinityTerm = new PodAffinityTerm { LabelSelector = new LabelSelector { MatchLabels = ValueMap.Of(("app", "a b")) } },
                        }),
                    },
                },
            })),
            (Invalid, P + ".affinity.podAffinity.preferredDuringSchedulingIgnoredDuringExecution[0].weight", "Invalid value: 101: must be in the range 1-100"),
            (Invalid, P + ".affinity.podAffinity.preferredDuringSchedulingIgnoredDuringExecution[0].podAffinityTerm.labelSelector.matchLabels", "Invalid value: \"a b\": " + Messages.LabelValue),
            (Required, P + ".affinity.podAffinity.preferredDuringSchedulingIgnoredDuringExecution[0].podAffinityTerm.topologyKey", "Required value: can not be empty"),
            (Invalid, P + ".affinity.podAffinity.preferredDuringSchedulingIgnoredDuringExecution[0].podAffinityTerm.topologyKey", "Invalid value: \"\": name part must be non-empty"),
            (Invalid, P + ".affinity.podAffinity.preferredDuringSchedulingIgnoredDuringExecution[0].podAffinityTerm.topologyKey", "Invalid value: \"\": " + Messages.QualifiedNamePart));

    [Fact]
    public void RequiredNodeAffinityNeedsTermsAndValidRequirements() =>
        Expect.Only(
            Baseline.WithPod(p => p with { Affinity = new Affinity { NodeAffinity = new NodeAffinity { RequiredDuringSchedulingIgnoredDuringExecution = new NodeSelector() } } }),
            Required,
            P + ".affinity.nodeAffinity.requiredDuringSchedulingIgnoredDuringExecution.nodeSelectorTerms",
            "Required value: must have at least one node selector term");

    [Fact]
    public void NodeSelectorGtNeedsASingleValue() =>
        Expect.Only(
            Baseline.WithPod(p => p with
            {
                Affinity = new Affinity
                {
                    NodeAffinity = new NodeAffinity
                    {
                        RequiredDuringSchedulingIgnoredDuringExecution = new NodeSelector
                        {
                            NodeSelectorTerms = ValueList.Of(new NodeSelectorTerm { MatchExpressions = ValueList.Of(new NodeSelectorRequirement { Key = "cores", Operator = NodeSelectorOperator.Gt }) }),
                        },
                    },
                },
            }),
            Required,
            P + ".affinity.nodeAffinity.requiredDuringSchedulingIgnoredDuringExecution.nodeSelectorTerms[0].matchExpressions[0].values",
            "Required value: must be specified single value when `operator` is 'Lt' or 'Gt'");

    [Fact]
    public void SpreadConstraintNeedsSkewKeyAndAction() =>
        Expect.Exactly(
            Expect.Errors(Baseline.WithPod(p => p with { TopologySpreadConstraints = ValueList.Of(new TopologySpreadConstraint()) })),
            (Invalid, P + ".topologySpreadConstraints[0].maxSkew", "Invalid value: 0: must be greater than zero"),
            (Required, P + ".topologySpreadConstraints[0].topologyKey", "Required value: can not be empty"),
            (NotSupported, P + ".topologySpreadConstraints[0].whenUnsatisfiable", "Unsupported value: \"\": supported values: \"DoNotSchedule\", \"ScheduleAnyway\""));

    [Fact]
    public void SpreadConstraintsMayNotRepeatAndMinDomainsNeedsDoNotSchedule() =>
        Expect.Exactly(
            Expect.Errors(Baseline.WithPod(p => p with
            {
                TopologySpreadConstraints = ValueList.Of(
                    new TopologySpreadConstraint { MaxSkew = 1, TopologyKey = "zone", WhenUnsatisfiable = WhenUnsatisfiable.ScheduleAnyway, MinDomains = 3 },
                    new TopologySpreadConstraint { MaxSkew = 2, TopologyKey = "zone", WhenUnsatisfiable = WhenUnsatisfiable.ScheduleAnyway }),
            })),
            (Duplicate, P + ".topologySpreadConstraints[0].{topologyKey, whenUnsatisfiable}", "Duplicate value: \"{zone, ScheduleAnyway}\""),
            (Invalid, P + ".topologySpreadConstraints[0].minDomains", "Invalid value: 3: can only use minDomains if whenUnsatisfiable=DoNotSchedule, not ScheduleAnyway"));

    [Fact]
    public void NodeFieldSelectorsOnlyMatchNodeNames() =>
        Expect.Exactly(
            Expect.Errors(Baseline.WithPod(p => p with
            {
                Affinity = new Affinity
                {
                    NodeAffinity = new NodeAffinity
                    {
                        RequiredDuringSchedulingIgnoredDuringExecution = new NodeSelector
                        {
                            NodeSelectorTerms = ValueList.Of(new NodeSelectorTerm
                            {
                                MatchFields = ValueList.Of(new NodeSelectorRequirement { Key = "metadata.uid", Operator = NodeSelectorOperator.In, Values = ValueList.Of("a", "b") }),
                            }),
                        },
                    },
                },
            })),
            (Required, P + ".affinity.nodeAffinity.requiredDuringSchedulingIgnoredDuringExecution.nodeSelectorTerms[0].matchFields[0].values", "Required value: must be only one value when `operator` is 'In' or 'NotIn' for node field selector"),
            (Invalid, P + ".affinity.nodeAffinity.requiredDuringSchedulingIgnoredDuringExecution.nodeSelectorTerms[0].matchFields[0].key", "Invalid value: \"metadata.uid\": not a valid field selector key"));

    [Fact]
    public void RequiredNodeAffinityValuesMustBeLabelValuesButPreferredMayNotBe()
    {
        NodeSelectorTerm Term() => new() { MatchExpressions = ValueList.Of(new NodeSelectorRequirement { Key = "zone", Operator = NodeSelectorOperator.In, Values = ValueList.Of("eu west") }) };
        Expect.Only(
            Baseline.WithPod(p => p with { Affinity = new Affinity { NodeAffinity = new NodeAffinity { RequiredDuringSchedulingIgnoredDuringExecution = new NodeSelector { NodeSelectorTerms = ValueList.Of(Term()) } } } }),
            Invalid,
            P + ".affinity.nodeAffinity.requiredDuringSchedulingIgnoredDuringExecution.nodeSelectorTerms[0].matchExpressions[0].values[0]",
            "Invalid value: \"eu west\": " + Messages.LabelValue);
        Expect.Valid(Baseline.WithPod(p => p with
        {
            Affinity = new Affinity { NodeAffinity = new NodeAffinity { PreferredDuringSchedulingIgnoredDuringExecution = ValueList.Of(new PreferredSchedulingTerm { Weight = 1, Preference = Term() }) } },
        }));
    }

    [Fact]
    public void PodAffinityNamespacesAreLabels() =>
        Expect.Only(
            Baseline.WithPod(p => p with
            {
                Affinity = new Affinity
                {
                    PodAffinity = new PodAffinity
                    {
                        RequiredDuringSchedulingIgnoredDuringExecution = ValueList.Of(new PodAffinityTerm { LabelSelector = WebPods, TopologyKey = "zone", Namespaces = ValueList.Of("Team_A") }),
                    },
                },
            }),
            Invalid,
            P + ".affinity.podAffinity.requiredDuringSchedulingIgnoredDuringExecution[0].namespace",
            "Invalid value: \"Team_A\": " + Messages.Dns1123Label);

    private static StatefulSet Tolerations(params Toleration[] tolerations) => Baseline.WithPod(p => p with { Tolerations = ValueList.Of(tolerations) });
}
