using StatefulManifests.Model;
using StatefulManifests.Rules;
using StatefulManifests.Rules.Support;
using static StatefulManifests.Tests.Rules.CleanWorkload;

namespace StatefulManifests.Tests.Rules;

/// <summary>SM4001-SM4006: images and resources (kube-score container checks, kube-linter latest-tag / unset-*-requirements).</summary>
public class BestPracticeRuleTests
{
    private const string Container0 = "spec.template.spec.containers[0]";

    [Theory]
    [InlineData("nginx:latest", "with the latest tag")]
    [InlineData("registry.local:5000/team/app", "with no tag (which means latest)")]
    public void SM4001_fires_on_latest_or_missing_tags(string image, string detail)
    {
        FindingAssert.Single(
            Lint(WithContainer(c => c with { Image = image })),
            RuleIds.ImageTagNotPinned,
            Container0 + ".image",
            $"{Container0}.image: container \"web\" uses image \"{image}\" {detail}; pin a version tag or a digest so every replica runs the same code");
    }

    [Theory]
    [InlineData("registry.local:5000/team/app:2.1")]
    [InlineData("nginx@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef")]
    [InlineData("nginx:latest@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef")]
    public void SM4001_does_not_fire_on_pinned_images(string image)
    {
        FindingAssert.None(Lint(WithContainer(c => c with { Image = image })), RuleIds.ImageTagNotPinned);
    }

    [Fact]
    public void Image_references_split_registry_ports_from_tags()
    {
        Assert.Equal(new ImageReference("registry.local:5000/app", null, null), ImageReference.Parse("registry.local:5000/app"));
        Assert.Equal(new ImageReference("registry.local:5000/app", "1.2", "sha256:ab"), ImageReference.Parse("registry.local:5000/app:1.2@sha256:ab"));
    }

    [Theory]
    [InlineData("IfNotPresent", "nginx:1.27", "has imagePullPolicy: IfNotPresent")]
    [InlineData("Never", "nginx:latest", "has imagePullPolicy: Never with a floating tag, so each node keeps running whatever image it pulled first")]
    [InlineData(null, "nginx:1.27", "sets no imagePullPolicy, so with a pinned tag it defaults to IfNotPresent")]
    public void SM4002_fires_when_the_pull_policy_is_not_always(string? policy, string image, string detail)
    {
        var set = WithContainer(c => c with { Image = image, ImagePullPolicy = policy is null ? null : new EnumValue<PullPolicy>(policy) });

        FindingAssert.Single(
            Lint(set),
            RuleIds.ImagePullPolicyNotAlways,
            Container0 + ".imagePullPolicy",
            $"{Container0}.imagePullPolicy: container \"web\" {detail}; set imagePullPolicy: Always so every pod start checks the registry and the pull secrets");
    }

    [Theory]
    [InlineData(null, "nginx")]
    [InlineData("Always", "nginx:1.27")]
    [InlineData("IfNotPresent", "nginx@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef")]
    public void SM4002_does_not_fire_when_the_image_is_always_pulled_or_cannot_change(string? policy, string image)
    {
        var set = WithContainer(c => c with { Image = image, ImagePullPolicy = policy is null ? null : new EnumValue<PullPolicy>(policy) });

        FindingAssert.None(Lint(set), RuleIds.ImagePullPolicyNotAlways);
    }

    [Fact]
    public void SM4003_fires_for_each_missing_request()
    {
        var set = WithContainer(c => c with { Resources = c.Resources! with { Requests = ValueMap.Of(("cpu", Quantity.Parse("0")), ("ephemeral-storage", Quantity.Parse("1Gi"))) } });

        var findings = FindingAssert.Of(Lint(set), RuleIds.MissingRequests);

        Assert.Equal(
            [
                Container0 + ".resources.requests[cpu]: container \"web\" has no cpu request; set resources.requests.cpu so the scheduler places the pod where it fits",
                Container0 + ".resources.requests[memory]: container \"web\" has no memory request; set resources.requests.memory so the scheduler places the pod where it fits",
            ],
            findings.Select(f => f.Message));
    }

    [Fact]
    public void SM4004_fires_without_a_memory_limit()
    {
        FindingAssert.Single(
            Lint(WithContainer(c => c with { Resources = c.Resources! with { Limits = c.Resources.Limits!.Remove("memory") } })),
            RuleIds.MissingMemoryLimit,
            Container0 + ".resources.limits[memory]",
            Container0 + ".resources.limits[memory]: container \"web\" has no memory limit, so one leak can exhaust the node; set resources.limits.memory");
    }

    [Fact]
    public void SM4005_fires_without_a_cpu_limit()
    {
        FindingAssert.Single(
            Lint(WithContainer(c => c with { Resources = c.Resources! with { Limits = c.Resources.Limits!.Remove("cpu") } })),
            RuleIds.MissingCpuLimit,
            Container0 + ".resources.limits[cpu]",
            Container0 + ".resources.limits[cpu]: container \"web\" has no CPU limit; set resources.limits.cpu if the node's other workloads must be protected from it");
    }

    [Fact]
    public void SM4006_reports_the_missing_limit_first_then_the_missing_request()
    {
        FindingAssert.Single(
            Lint(WithContainer(c => c with { Resources = null })),
            RuleIds.MissingEphemeralStorage,
            Container0 + ".resources.limits[ephemeral-storage]",
            Container0 + ".resources.limits[ephemeral-storage]: container \"web\" has no ephemeral-storage limit; set resources.limits.ephemeral-storage so logs and scratch files cannot fill the node's disk");
        FindingAssert.Single(
            Lint(WithContainer(c => c with { Resources = c.Resources! with { Requests = c.Resources.Requests!.Remove("ephemeral-storage") } })),
            RuleIds.MissingEphemeralStorage,
            Container0 + ".resources.requests[ephemeral-storage]",
            Container0 + ".resources.requests[ephemeral-storage]: container \"web\" has no ephemeral-storage request; set resources.requests.ephemeral-storage so logs and scratch files cannot fill the node's disk");
    }

    [Fact]
    public void Resource_rules_leave_an_unparsable_quantity_to_validation()
    {
        var set = WithContainer(c => c with { Resources = c.Resources! with { Limits = c.Resources.Limits!.SetItem("memory", Quantity.FromText("1GB")) } });

        FindingAssert.None(Lint(set), RuleIds.MissingMemoryLimit);
    }
}
