using StatefulManifests.Model;
using StatefulManifests.Validation;
using static StatefulManifests.Validation.FieldErrorType;

namespace StatefulManifests.Tests.Validation;

/// <summary>The policy/v1 PodDisruptionBudget.</summary>
public sealed class DisruptionBudgetRulesTests
{
    [Theory]
    [InlineData("1")]
    [InlineData("0")]
    [InlineData("50%")]
    [InlineData("100%")]
    public void ValidBudgetsAreAccepted(string value)
    {
        IntOrString amount = value.EndsWith('%') ? value : int.Parse(value, System.Globalization.CultureInfo.InvariantCulture);
        Expect.Valid(Validate(Baseline.WithBudgetSpec(s => s with { MaxUnavailable = null, MinAvailable = amount })));
        Expect.Valid(Validate(Baseline.WithBudgetSpec(s => s with { MaxUnavailable = amount })));
    }

    [Fact]
    public void BudgetErrorsNameTheBudget()
    {
        var error = Expect.Only(
            WorkloadValidator.Validate(Baseline.Web, Baseline.Nginx, Baseline.WithBudgetSpec(s => s with { MaxUnavailable = -1 })),
            Invalid,
            "spec.maxUnavailable",
            "Invalid value: -1: must be greater than or equal to 0");
        Assert.Equal("PodDisruptionBudget \"web\"", error.Object);
    }

    [Fact]
    public void MinAvailableAndMaxUnavailableAreExclusive() =>
        Expect.Only(
            Validate(Baseline.WithBudgetSpec(s => s with { MinAvailable = 2 })),
            Invalid,
            "spec",
            "Invalid value: {\"minAvailable\":2,\"selector\":{\"matchLabels\":{\"app\":\"nginx\"}},\"maxUnavailable\":1}: minAvailable and maxUnavailable cannot be both set");

    [Fact]
    public void StringBudgetMustBeAPercentage() =>
        Expect.Only(
            Validate(Baseline.WithBudgetSpec(s => s with { MaxUnavailable = null, MinAvailable = "two" })),
            Invalid,
            "spec.minAvailable",
            "Invalid value: \"two\": " + Messages.Percent);

    [Fact]
    public void PercentageMayNotExceed100() =>
        Expect.Only(
            Validate(Baseline.WithBudgetSpec(s => s with { MaxUnavailable = "120%" })),
            Invalid,
            "spec.maxUnavailable",
            "Invalid value: \"120%\": must not be greater than 100%");

    [Fact]
    public void SelectorIsValidated() =>
        Expect.Only(
            Validate(Baseline.WithBudgetSpec(s => s with
            {
                Selector = new LabelSelector { MatchExpressions = ValueList.Of(new LabelSelectorRequirement { Key = "app", Operator = LabelSelectorOperator.NotIn }) },
            })),
            Required,
            "spec.selector.matchExpressions[0].values",
            "Required value: must be specified when `operator` is 'In' or 'NotIn'");

    [Fact]
    public void UnhealthyPodEvictionPolicyMustBeKnown() =>
        Expect.Only(
            Validate(Baseline.WithBudgetSpec(s => s with { UnhealthyPodEvictionPolicy = new EnumValue<UnhealthyPodEvictionPolicy>("Always") })),
            NotSupported,
            "spec.unhealthyPodEvictionPolicy",
            "Unsupported value: \"Always\": supported values: \"AlwaysAllow\", \"IfHealthyBudget\"");

    [Fact]
    public void BudgetNameIsADnsSubdomain()
    {
        Expect.Valid(Validate(Baseline.Budget with { Metadata = new ObjectMeta { Name = "web.budget" } }));
        Expect.Only(Validate(Baseline.Budget with { Metadata = new ObjectMeta { Name = "Web" } }), Invalid, "metadata.name", "Invalid value: \"Web\": " + Messages.Dns1123Subdomain);
    }

    private static IReadOnlyList<FieldError> Validate(PodDisruptionBudget budget) => WorkloadValidator.ValidateDisruptionBudget(budget);
}
