using System.Globalization;
using StatefulManifests.Rules.Api;
using StatefulManifests.Validation;

namespace StatefulManifests.Tests.Validation;

/// <summary>The DNS-1123 repair a code fix offers (<see cref="NameRules.ToDns1123Label"/>, <see cref="NameSuggestions"/>).</summary>
public sealed class NameRepairTests
{
    [Theory]
    [InlineData("My_Web", "my-web")]
    [InlineData("--Web..Shop__01--", "web-shop-01")]
    [InlineData("Istanbul DB", "istanbul-db")]
    [InlineData("İzmir", "zmir")]
    [InlineData("WIDE_IO", "wide-io")]
    public void Repair_is_a_valid_label_in_any_culture(string name, string expected)
    {
        var previous = CultureInfo.CurrentCulture;
        CultureInfo.CurrentCulture = new CultureInfo("tr-TR");
        try
        {
            var repaired = NameRules.ToDns1123Label(name);
            Assert.Equal(expected, repaired);
            Assert.Empty(NameRules.IsDns1123Label(repaired));
        }
        finally
        {
            CultureInfo.CurrentCulture = previous;
        }
    }

    [Fact]
    public void Repair_is_cut_to_63_characters_without_a_trailing_dash()
    {
        Assert.Equal(new string('a', 62), NameRules.ToDns1123Label(new string('a', 62) + "_b" + new string('c', 10)));
    }

    [Fact]
    public void Only_DNS_name_format_errors_are_repaired()
    {
        var path = FieldPath.Root("metadata").Child("name");
        Assert.True(NameSuggestions.TryRepairDnsName(FieldError.Invalid(path, "My_Web", NameRules.IsDns1123Label("My_Web")[0]), out var repaired));
        Assert.Equal("my-web", repaired);
        Assert.True(NameSuggestions.TryRepairDnsName(FieldError.Invalid(path, "My.Web", NameRules.IsDns1123Subdomain("My.Web")[0]), out repaired));
        Assert.Equal("my-web", repaired);
        Assert.False(NameSuggestions.TryRepairDnsName(FieldError.Invalid(path, "My_Web", NameRules.MaxLenError(63)), out _));
        Assert.False(NameSuggestions.TryRepairDnsName(FieldError.Invalid(path, "___", NameRules.IsDns1123Label("___")[0]), out _));
    }
}
