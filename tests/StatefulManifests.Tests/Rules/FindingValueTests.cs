using StatefulManifests.Model;
using StatefulManifests.Rules;
using StatefulManifests.Validation;
using static StatefulManifests.Tests.Rules.CleanWorkload;

namespace StatefulManifests.Tests.Rules;

/// <summary><see cref="Finding.Value"/>: the offending scalar, so the analyzer can point at the argument holding it.</summary>
public class FindingValueTests
{
    [Fact]
    public void A_finding_about_a_scalar_carries_the_value_as_the_manifest_writes_it()
    {
        var findings = Lint(WithContainer(c => c with { Image = "registry.example.com/web:latest", ImagePullPolicy = PullPolicy.IfNotPresent }));

        Assert.Equal("registry.example.com/web:latest", findings.Single(f => f.RuleId == RuleIds.ImageTagNotPinned).Value);
        Assert.Equal("IfNotPresent", findings.Single(f => f.RuleId == RuleIds.ImagePullPolicyNotAlways).Value);
    }

    [Fact]
    public void Numbers_booleans_and_companion_fields_are_found_too()
    {
        var set = WithSecurity(s => s with { RunAsUser = 1000, AllowPrivilegeEscalation = true });
        var service = CleanService with { Spec = CleanService.Spec! with { ClusterIP = "10.96.0.10" } };
        var findings = WorkloadLinter.Lint(set, service, CleanBudget);

        Assert.Equal("1000", findings.Single(f => f.RuleId == RuleIds.LowUserOrGroupId).Value);
        Assert.Equal("true", findings.Single(f => f.RuleId == RuleIds.PrivilegeEscalation).Value);
        Assert.Equal("10.96.0.10", findings.Single(f => f.RuleId == RuleIds.GoverningServiceNotHeadless).Value);
    }

    [Fact]
    public void A_missing_field_a_list_or_a_map_has_no_value()
    {
        var findings = Lint(WithContainer(c => c with { ReadinessProbe = null, Resources = null }));

        Assert.Contains(findings, f => f.RuleId == RuleIds.RolloutWithoutReadinessProbe);
        Assert.All(findings.Where(f => f.RuleId is RuleIds.RolloutWithoutReadinessProbe or RuleIds.MissingRequests), f => Assert.Null(f.Value));
    }

    [Theory]
    [InlineData("IfNotPresent", true)]
    [InlineData("Always", false)]
    public void IsValue_compares_arguments_as_they_would_be_written(string written, bool expected)
    {
        var finding = WithValue(written);

        Assert.Equal(expected, finding.IsValue(PullPolicy.IfNotPresent));
        Assert.False(finding.IsValue(null));
        Assert.False(finding.IsValue("ifnotpresent"));
    }

    [Fact]
    public void IsValue_compares_enums_numbers_and_booleans_as_written()
    {
        var protocol = WithValue("TCP");
        var number = WithValue("1000");
        var flag = WithValue("true");

        Assert.True(protocol.IsValue(Protocol.TCP));
        Assert.True(number.IsValue(1000));
        Assert.True(number.IsValue(1000L));
        Assert.False(number.IsValue("1,000"));
        Assert.True(flag.IsValue(true));
        Assert.False(flag.IsValue("True"));
    }

    private static Finding WithValue(string value) => new Finding("SM4002", FieldPath.Root("spec"), "message", FindingSeverity.Warning) { Value = value };
}

/// <summary><see cref="Finding.Replacement"/>: the safe value of a wrong flag or enum, which the analyzer's code fix writes.</summary>
public class FindingReplacementTests
{
    [Fact]
    public void Each_wrong_flag_or_enum_names_its_safe_value_and_only_rules_that_offer_one_do()
    {
        var set = WithSpec(
            s => s with { PersistentVolumeClaimRetentionPolicy = new() { WhenScaled = ClaimRetentionPolicy.Delete } },
            WithPod(
                p => p with { HostNetwork = true, HostPID = true, HostIPC = true },
                WithContainer(c => c with
                {
                    ImagePullPolicy = PullPolicy.IfNotPresent,
                    SecurityContext = c.SecurityContext! with { RunAsNonRoot = false, RunAsUser = null, Privileged = true, AllowPrivilegeEscalation = true, ReadOnlyRootFilesystem = false },
                })));
        var findings = Lint(set).Where(f => f.Replacement is not null).ToList();

        Assert.Equal(
            ["SM2013 Delete→Retain", "SM3001 false→true", "SM3003 true→false", "SM3004 true→false", "SM3005 false→true", "SM3007 true→false", "SM3007 true→false", "SM3007 true→false", "SM4002 IfNotPresent→Always"],
            findings.Select(f => f.RuleId + " " + f.Value + "→" + f.Replacement).Order(StringComparer.Ordinal));
        Assert.Equal(
            RuleCatalog.All.Where(r => r.OffersReplacement).Select(r => r.Id),
            findings.Select(f => f.RuleId).Distinct().Order(StringComparer.Ordinal));
    }

    [Fact]
    public void A_missing_field_has_no_replacement_to_write()
    {
        var findings = Lint(WithContainer(c => c with { ImagePullPolicy = null, SecurityContext = null }));

        Assert.Contains(findings, f => f.RuleId == RuleIds.ImagePullPolicyNotAlways);
        Assert.All(findings, f => Assert.Null(f.Replacement));
    }
}
