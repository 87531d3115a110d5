using StatefulManifests.Model;
using static StatefulManifests.Tests.Builders.WorkloadAccess;

namespace StatefulManifests.Tests.Builders;

/// <summary>Node selector, tolerations, affinity and topology spread.</summary>
public class SchedulingTests
{
    private static readonly LabelSelector OwnPods = new() { MatchLabels = Map(("app.kubernetes.io/name", "db")) };

    [Fact]
    public void NodeSelectorAndTolerations()
    {
        var pod = Minimal()
            .NodeSelector(("kubernetes.io/os", "linux"))
            .NodeSelector(("disk", "ssd"))
            .Toleration("dedicated", TolerationOperator.Equal, "db", TaintEffect.NoSchedule)
            .Toleration("node.kubernetes.io/unreachable", TolerationOperator.Exists, effect: TaintEffect.NoExecute, tolerationSeconds: 30)
            .Toleration(@operator: TolerationOperator.Exists)
            .Build()
            .Pod();

        Assert.Equal(Map(("disk", "ssd"), ("kubernetes.io/os", "linux")), pod.NodeSelector);
        Assert.Equal(
            ValueList.Of(
                new Toleration { Key = "dedicated", Operator = TolerationOperator.Equal, Value = "db", Effect = TaintEffect.NoSchedule },
                new Toleration { Key = "node.kubernetes.io/unreachable", Operator = TolerationOperator.Exists, Effect = TaintEffect.NoExecute, TolerationSeconds = 30 },
                new Toleration { Operator = TolerationOperator.Exists }),
            pod.Tolerations);
    }

    [Fact]
    public void NodeAffinityRequiredTermsAndPreferences()
    {
        var affinity = Minimal()
            .NodeAffinity(a => a
                .Required(t => t.MatchExpression("topology.kubernetes.io/zone", NodeSelectorOperator.In, "a", "b"))
                .Required(t => t.MatchField("metadata.name", NodeSelectorOperator.NotIn, "node-1"))
                .Preferred(50, t => t.MatchExpression("gpu", NodeSelectorOperator.Exists)))
            .Build()
            .Pod()
            .Affinity!
            .NodeAffinity!;

        Assert.Equal(
            ValueList.Of(
                new NodeSelectorTerm { MatchExpressions = ValueList.Of(new NodeSelectorRequirement { Key = "topology.kubernetes.io/zone", Operator = NodeSelectorOperator.In, Values = ValueList.Of("a", "b") }) },
                new NodeSelectorTerm { MatchFields = ValueList.Of(new NodeSelectorRequirement { Key = "metadata.name", Operator = NodeSelectorOperator.NotIn, Values = ValueList.Of("node-1") }) }),
            affinity.RequiredDuringSchedulingIgnoredDuringExecution!.NodeSelectorTerms);
        Assert.Equal(
            new PreferredSchedulingTerm { Weight = 50, Preference = new NodeSelectorTerm { MatchExpressions = ValueList.Of(new NodeSelectorRequirement { Key = "gpu", Operator = NodeSelectorOperator.Exists }) } },
            Assert.Single(affinity.PreferredDuringSchedulingIgnoredDuringExecution!));
    }

    [Fact]
    public void PodAffinityAndAntiAffinityTerms()
    {
        var affinity = Minimal()
            .PodAffinity(a => a.Preferred(10, t => t.TopologyKey("topology.kubernetes.io/zone").MatchLabels(("app", "cache")).Namespaces("cache")))
            .PodAntiAffinity(a => a.Required(t => t
                .TopologyKey("kubernetes.io/hostname")
                .MatchExpression("app", LabelSelectorOperator.In, "zk")
                .NamespaceSelector(("team", "a"))
                .MatchLabelKeys("controller-revision-hash")
                .MismatchLabelKeys("tenant")))
            .Build()
            .Pod()
            .Affinity!;

        Assert.Equal(
            new WeightedPodAffinityTerm
            {
                Weight = 10,
                PodAffinityTerm = new PodAffinityTerm
                {
                    TopologyKey = "topology.kubernetes.io/zone",
                    LabelSelector = new LabelSelector { MatchLabels = Map(("app", "cache")) },
                    Namespaces = ValueList.Of("cache"),
                },
            },
            Assert.Single(affinity.PodAffinity!.PreferredDuringSchedulingIgnoredDuringExecution!));
        Assert.Equal(
            new PodAffinityTerm
            {
                TopologyKey = "kubernetes.io/hostname",
                LabelSelector = new LabelSelector { MatchExpressions = ValueList.Of(new LabelSelectorRequirement { Key = "app", Operator = LabelSelectorOperator.In, Values = ValueList.Of("zk") }) },
                NamespaceSelector = new LabelSelector { MatchLabels = Map(("team", "a")) },
                MatchLabelKeys = ValueList.Of("controller-revision-hash"),
                MismatchLabelKeys = ValueList.Of("tenant"),
            },
            Assert.Single(affinity.PodAntiAffinity!.RequiredDuringSchedulingIgnoredDuringExecution!));
    }

    [Fact]
    public void SpreadAcrossNodesRequiredIsHostAntiAffinityOnTheSelectorLabels()
    {
        var anti = Minimal().SpreadAcrossNodes(required: true).Build().Pod().Affinity!.PodAntiAffinity!;

        Assert.Equal(new PodAffinityTerm { LabelSelector = OwnPods, TopologyKey = "kubernetes.io/hostname" }, Assert.Single(anti.RequiredDuringSchedulingIgnoredDuringExecution!));
        Assert.Null(anti.PreferredDuringSchedulingIgnoredDuringExecution);
    }

    [Fact]
    public void SpreadAcrossNodesPreferredByDefault()
    {
        var anti = Minimal().SpreadAcrossNodes().Build().Pod().Affinity!.PodAntiAffinity!;

        Assert.Equal(
            new WeightedPodAffinityTerm { Weight = 100, PodAffinityTerm = new PodAffinityTerm { LabelSelector = OwnPods, TopologyKey = "kubernetes.io/hostname" } },
            Assert.Single(anti.PreferredDuringSchedulingIgnoredDuringExecution!));
        Assert.Null(anti.RequiredDuringSchedulingIgnoredDuringExecution);
    }

    [Fact]
    public void OwnPodSelectorsFollowSelectorLabelsSetLater()
    {
        var pod = Minimal()
            .SpreadAcrossNodes(required: true)
            .TopologySpread("topology.kubernetes.io/zone")
            .PodAffinity(a => a.Required(t => t.MatchOwnPods().TopologyKey("rack")))
            .SelectorLabels(("app", "late"))
            .Build()
            .Pod();
        var expected = new LabelSelector { MatchLabels = Map(("app", "late")) };

        Assert.Equal(expected, pod.Affinity!.PodAntiAffinity!.RequiredDuringSchedulingIgnoredDuringExecution![0].LabelSelector);
        Assert.Equal(expected, pod.TopologySpreadConstraints![0].LabelSelector);
        Assert.Equal(expected, pod.Affinity.PodAffinity!.RequiredDuringSchedulingIgnoredDuringExecution![0].LabelSelector);
    }

    [Fact]
    public void TopologySpreadDefaultsAndRefinements()
    {
        var constraints = Minimal()
            .TopologySpread("topology.kubernetes.io/zone")
            .TopologySpread("kubernetes.io/hostname", maxSkew: 2, WhenUnsatisfiable.ScheduleAnyway, t => t
                .MatchLabels(("app", "other"))
                .MinDomains(3)
                .NodeAffinityPolicy(NodeInclusionPolicy.Honor)
                .NodeTaintsPolicy(NodeInclusionPolicy.Ignore)
                .MatchLabelKeys("controller-revision-hash"))
            .TopologySpread("rack", configure: t => t.MatchExpression("tier", LabelSelectorOperator.Exists))
            .Build()
            .Pod()
            .TopologySpreadConstraints!;

        Assert.Equal(
            ValueList.Of(
                new TopologySpreadConstraint { TopologyKey = "topology.kubernetes.io/zone", MaxSkew = 1, WhenUnsatisfiable = WhenUnsatisfiable.DoNotSchedule, LabelSelector = OwnPods },
                new TopologySpreadConstraint
                {
                    TopologyKey = "kubernetes.io/hostname",
                    MaxSkew = 2,
                    WhenUnsatisfiable = WhenUnsatisfiable.ScheduleAnyway,
                    LabelSelector = new LabelSelector { MatchLabels = Map(("app", "other")) },
                    MinDomains = 3,
                    NodeAffinityPolicy = NodeInclusionPolicy.Honor,
                    NodeTaintsPolicy = NodeInclusionPolicy.Ignore,
                    MatchLabelKeys = ValueList.Of("controller-revision-hash"),
                },
                new TopologySpreadConstraint
                {
                    TopologyKey = "rack",
                    MaxSkew = 1,
                    WhenUnsatisfiable = WhenUnsatisfiable.DoNotSchedule,
                    LabelSelector = new LabelSelector { MatchExpressions = ValueList.Of(new LabelSelectorRequirement { Key = "tier", Operator = LabelSelectorOperator.Exists }) },
                }),
            constraints);
    }
}
