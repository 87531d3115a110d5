using System.Globalization;
using StatefulManifests.Model;
using StatefulManifests.Rules;
using StatefulManifests.Validation;
using static StatefulManifests.Tests.Rules.CleanWorkload;

namespace StatefulManifests.Tests.Rules;

/// <summary>The runner: the clean baseline, merging validator errors with rule findings, order and determinism.</summary>
public class WorkloadLinterTests
{
    [Fact]
    public void The_clean_workload_has_no_finding_at_all()
    {
        // Every "does not fire" case below starts from this workload, so it must be clean for all rules.
        var findings = Lint();

        Assert.True(findings.Count == 0, "unexpected findings:\n" + FindingAssert.Dump(findings));
    }

    [Fact]
    public void A_rule_that_supersedes_an_error_type_replaces_the_validation_error_at_the_same_path()
    {
        var rule = RuleCatalog.MountOfMissingVolume.At(FieldPath.Root("spec").Child("template", "spec", "containers").Index(0).Child("volumeMounts").Index(0).Child("name"), "volumeMount", "www", "declared: data");
        var sameSpot = FieldError.NotFound(rule.Path, "www");
        var otherType = FieldError.Invalid(rule.Path, "www", "something else");
        var otherSubject = FieldError.NotFound(rule.Path, "www");

        var findings = WorkloadLinter.Combine([(sameSpot, FindingSubject.StatefulSet), (otherType, FindingSubject.StatefulSet), (otherSubject, FindingSubject.Service)], [rule]);

        Assert.Equal(["SM0004", "SM1002", "SM1007"], findings.Select(f => f.RuleId));
        Assert.Equal(FindingSubject.Service, findings.Single(f => f.RuleId == "SM1007").Subject);
    }

    [Fact]
    public void Validation_errors_of_rules_without_supersedes_are_all_kept()
    {
        var path = FieldPath.Root("spec").Child("replicas");
        var rule = RuleCatalog.NoDisruptionBudget.At(path, 3);

        var findings = WorkloadLinter.Combine([(FieldError.Invalid(path, -1, "must be greater than or equal to 0"), FindingSubject.StatefulSet)], [rule]);

        Assert.Equal(["SM1002", "SM2006"], findings.Select(f => f.RuleId));
        Assert.Equal("spec.replicas: Invalid value: -1: must be greater than or equal to 0 (the API server rejects this)", findings[0].Message);
    }

    [Fact]
    public void Findings_are_sorted_by_object_path_and_id()
    {
        var set = WithMetadata(m => m with { Name = new string('a', 60) });
        set = WithContainer(c => c with { Image = "nginx", ImagePullPolicy = null }, set);

        var findings = Lint(set, budget: CleanBudget with { Spec = CleanBudget.Spec! with { MaxUnavailable = 0 } }, service: CleanService with { Spec = CleanService.Spec! with { ClusterIP = null } });

        var keys = findings.Select(f => (f.Subject, f.Path.ToString(), f.RuleId)).ToList();
        var sorted = keys.OrderBy(k => k.Subject).ThenBy(k => k.Item2, StringComparer.Ordinal).ThenBy(k => k.RuleId, StringComparer.Ordinal).ToList();
        Assert.Equal(sorted, keys);
        Assert.Equal([FindingSubject.StatefulSet, FindingSubject.Service, FindingSubject.PodDisruptionBudget], findings.Select(f => f.Subject).Distinct());
    }

    [Fact]
    public void Linting_is_deterministic_and_culture_invariant()
    {
        var set = WithContainer(c => c with { Image = "nginx:latest", Resources = null, SecurityContext = null });
        var invariant = Render(Lint(set));
        var original = CultureInfo.CurrentCulture;
        try
        {
            CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = new CultureInfo("tr-TR");
            Assert.Equal(invariant, Render(Lint(set)));
            Assert.Equal(invariant, Render(Lint(set)));
        }
        finally
        {
            CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = original;
        }

        static string Render(IEnumerable<Finding> findings) => string.Join("\n", findings.Select(f => f.ToString()));
    }

    [Fact]
    public void Findings_carry_the_arguments_of_their_message_format()
    {
        var finding = FindingAssert.Single(
            Lint(WithContainer(c => c with { Image = "nginx" })),
            RuleIds.ImageTagNotPinned,
            "spec.template.spec.containers[0].image",
            "spec.template.spec.containers[0].image: container \"web\" uses image \"nginx\" with no tag (which means latest); pin a version tag or a digest so every replica runs the same code");

        Assert.Equal(["spec.template.spec.containers[0].image", "web", "nginx", "with no tag (which means latest)"], finding.Arguments);
        Assert.Equal(finding.Message, string.Format(CultureInfo.InvariantCulture, RuleCatalog.ImageTagNotPinned.MessageFormat, finding.Arguments.ToArray<object>()));
    }

    [Fact]
    public void An_empty_statefulset_is_linted_without_throwing()
    {
        var findings = WorkloadLinter.Lint(new StatefulSet());

        FindingAssert.Single(findings, RuleIds.ServiceNameMissing, "spec.serviceName", "spec.serviceName: serviceName is empty, so the pods get no stable DNS names; set serviceName to a headless Service that selects the pods");
    }
}
