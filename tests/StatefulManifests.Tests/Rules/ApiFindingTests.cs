using StatefulManifests.Model;
using StatefulManifests.Rules;
using StatefulManifests.Rules.Api;
using StatefulManifests.Validation;
using static StatefulManifests.Tests.Rules.CleanWorkload;

namespace StatefulManifests.Tests.Rules;

/// <summary>SM1001-SM1009 and SM2022: validator and reader errors as findings.</summary>
public class ApiFindingTests
{
    private static readonly FieldPath Replicas = FieldPath.Root("spec").Child("replicas");

    public static TheoryData<FieldError, string, string> ErrorsByType => new()
    {
        { FieldError.Required(FieldPath.Root("spec").Child("selector")), "SM1001", "spec.selector: Required value (the API server rejects this)" },
        { FieldError.Invalid(Replicas, -1, "must be greater than or equal to 0"), "SM1002", "spec.replicas: Invalid value: -1: must be greater than or equal to 0 (the API server rejects this)" },
        {
            FieldError.NotSupported(FieldPath.Root("spec").Child("persistentVolumeClaimRetentionPolicy", "whenScaled"), "delete", ["Retain", "Delete"]), "SM1003",
            "spec.persistentVolumeClaimRetentionPolicy.whenScaled: Unsupported value: \"delete\": supported values: \"Retain\", \"Delete\" (the API server rejects this)"
        },
        { FieldError.Duplicate(FieldPath.Root("spec").Child("ports").Index(1).Child("name"), "http"), "SM1004", "spec.ports[1].name: Duplicate value: \"http\" (the API server rejects this)" },
        {
            FieldError.Forbidden(FieldPath.Root("spec").Child("template", "spec", "activeDeadlineSeconds"), "activeDeadlineSeconds in StatefulSet is not Supported"), "SM1005",
            "spec.template.spec.activeDeadlineSeconds: Forbidden: activeDeadlineSeconds in StatefulSet is not Supported (the API server rejects this)"
        },
        { FieldError.TooLong(FieldPath.Root("metadata").Child("annotations"), "...", 262144), "SM1006", "metadata.annotations: Too long: may not be more than 262144 bytes (the API server rejects this)" },
        { FieldError.NotFound(FieldPath.Root("spec").Child("x"), "y"), "SM1007", "spec.x: Not found: \"y\" (the API server rejects this)" },
    };

    [Theory]
    [MemberData(nameof(ErrorsByType))]
    public void Each_kubernetes_error_type_has_its_own_id(FieldError error, string id, string message)
    {
        var finding = ApiFindings.FromValidation(error, FindingSubject.StatefulSet);

        Assert.Equal(id, finding.RuleId);
        Assert.Equal(message, finding.Message);
        Assert.Equal(error.Path, finding.Path);
        Assert.Equal(FindingSeverity.Error, finding.Severity);
    }

    [Fact]
    public void SM1008_takes_an_invalid_quantity_and_says_what_to_write()
    {
        var path = FieldPath.Root("spec").Child("volumeClaimTemplates").Index(0).Child("spec", "resources", "requests").Key("storage");
        var bad = Quantity.FromText("10GB");

        var fromQuantity = ApiFindings.FromValidation(FieldError.Invalid(path, bad, bad.Error!), FindingSubject.StatefulSet);
        var fromText = ApiFindings.FromValidation(FieldError.Invalid(path, "10GB", bad.Error!), FindingSubject.StatefulSet);

        foreach (var finding in new[] { fromQuantity, fromText })
        {
            Assert.Equal(RuleIds.InvalidQuantity, finding.RuleId);
            Assert.Equal("spec.volumeClaimTemplates[0].spec.resources.requests[storage]: \"10GB\" is not a Kubernetes quantity; write 10Gi (or 10G in decimal units)", finding.Message);
            Assert.Equal("10GB", finding.Arguments[1]);
        }
    }

    [Fact]
    public void An_invalid_string_that_is_not_about_quantities_stays_SM1002()
    {
        var finding = ApiFindings.FromValidation(FieldError.Invalid(FieldPath.Root("metadata").Child("name"), "Web", "a lowercase RFC 1123 label must consist of ..."), FindingSubject.StatefulSet);

        Assert.Equal(RuleIds.ApiInvalid, finding.RuleId);
    }

    [Theory]
    [InlineData("10GB", "10Gi", "10G")]
    [InlineData("512mb", "512Mi", "512M")]
    [InlineData("2gi", "2Gi", "2G")]
    [InlineData("1.5TB", "1.5Ti", "1.5T")]
    [InlineData("100KiB", "100Ki", "100k")]
    [InlineData("1 GB", "1Gi", "1G")]
    public void Quantity_suggestions_repair_common_typos_in_both_unit_families(string text, string binary, string @decimal)
    {
        Assert.Equal([binary, @decimal], QuantitySuggestions.For(text));
    }

    [Theory]
    [InlineData("1 Gi", "1Gi")]
    [InlineData(" 10Gi ", "10Gi")]
    [InlineData("500 m", "500m")]
    [InlineData("100B", "100")]
    [InlineData("64 b", "64")]
    public void Quantity_suggestions_keep_a_valid_unit_and_drop_spaces_or_a_bare_byte_unit(string text, string only)
    {
        Assert.Equal([only], QuantitySuggestions.For(text));
    }

    [Theory]
    [InlineData("10Gi")]
    [InlineData("abc")]
    [InlineData("10XB")]
    [InlineData("GB")]
    [InlineData("1e")]
    [InlineData("1.2.3Gi")]
    [InlineData("\u0661Gi")]
    public void Quantity_suggestions_refuse_valid_or_hopeless_text(string text)
    {
        Assert.Empty(QuantitySuggestions.For(System.Text.RegularExpressions.Regex.Unescape(text)));
    }

    [Fact]
    public void Quantity_suggestions_only_offer_spellings_that_parse()
    {
        // Both parse, as in apimachinery: the decimal one at any magnitude, the binary one capped as Kubernetes caps it.
        Assert.Equal(["99999999999999999999999999999Gi", "99999999999999999999999999999G"], QuantitySuggestions.For("99999999999999999999999999999GB"));
        Assert.All(QuantitySuggestions.For("99999999999999999999999999999GB"), s => Assert.True(Quantity.FromText(s).IsValid));
    }

    [Theory]
    [InlineData("10GB", "; Kubernetes units are case-sensitive and have no \"B\": did you mean \"10G\" (powers of 1000) or \"10Gi\" (powers of 1024)?")]
    [InlineData("1 Gi", "; Kubernetes quantities have no spaces: did you mean \"1Gi\"?")]
    [InlineData("100B", "; Kubernetes quantities count bytes without a unit: did you mean \"100\"?")]
    [InlineData("abc", "")]
    public void The_parse_error_and_the_finding_share_one_suggestion(string text, string hint)
    {
        var error = Quantity.FromText(text).Error;
        Assert.NotNull(error);
        Assert.EndsWith(hint, error, StringComparison.Ordinal);
        if (hint.Length > 0)
        {
            Assert.Contains(QuantitySuggestions.For(text)[0], error, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Reader_errors_become_SM1009_except_duplicate_keys_which_are_SM2022()
    {
        var read = StatefulManifests.Yaml.ManifestYaml.Read("apiVersion: v1\nkind: Service\nmetadata:\n  name: a\nmetadata:\n  name: b\nspec:\n  bogus: 1\n", "svc.yaml");
        var findings = read.Errors.Select(e => ApiFindings.FromReader(e, FindingSubject.Document)).OrderBy(f => f.RuleId, StringComparer.Ordinal).ToList();

        Assert.Equal([RuleIds.UnreadableManifest, RuleIds.DuplicateYamlKey], findings.Select(f => f.RuleId));
        Assert.Equal(new SourcePosition("svc.yaml", 8, 3), findings[0].Position);
        Assert.StartsWith("spec.bogus: Invalid value: \"bogus\": unknown field", findings[0].Message, StringComparison.Ordinal);
        Assert.Equal(new SourcePosition("svc.yaml", 3, 1), findings[1].Position);
        Assert.Equal("metadata: key \"metadata\" appears twice in one mapping; kubectl silently keeps only the last value, so this one is lost — remove or merge the duplicate", findings[1].Message);
    }

    [Fact]
    public void Errors_of_the_service_and_the_budget_are_theirs()
    {
        var service = new Service
        {
            Metadata = new ObjectMeta { Name = "web" },
            Spec = new ServiceSpec { ClusterIP = "None", Ports = ValueList.Of(new ServicePort { Name = "http", Port = 0 }) },
        };
        var budget = new PodDisruptionBudget
        {
            Metadata = new ObjectMeta { Name = "web" },
            Spec = new PodDisruptionBudgetSpec { MinAvailable = 1, MaxUnavailable = 1 },
        };

        var collected = ValidatorErrors.Collect(new StatefulSet(), service, budget);

        Assert.Contains(collected, c => c.Subject == FindingSubject.StatefulSet && c.Error.Path.ToString() == "metadata.name");
        Assert.Contains(collected, c => c.Subject == FindingSubject.Service && c.Error.Path.ToString().StartsWith("spec.ports", StringComparison.Ordinal));
        Assert.Contains(collected, c => c.Subject == FindingSubject.PodDisruptionBudget);
        Assert.All(collected, c => Assert.Equal(c.Subject == FindingSubject.StatefulSet, c.Error.Object is null));
    }

    [Fact]
    public void The_linter_reports_what_the_validator_says()
    {
        // The validator is written in a parallel branch; until it lands it reports nothing and this checks only that
        // validation runs on the workload without throwing. With it, a negative replica count must come out as SM1002.
        var findings = Lint(WithSpec(s => s with { Replicas = -1 }));
        var validatorIsLive = WorkloadValidator.Validate(WithSpec(s => s with { Replicas = -1 })).Count > 0;

        Assert.Equal(validatorIsLive, findings.Any(f => f.RuleId == RuleIds.ApiInvalid && f.Path.ToString() == "spec.replicas"));
    }
}
