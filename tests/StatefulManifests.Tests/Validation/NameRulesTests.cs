using StatefulManifests.Validation;

namespace StatefulManifests.Tests.Validation;

/// <summary>The shared format checks, against the values Kubernetes accepts and rejects.</summary>
public sealed class NameRulesTests
{
    [Theory]
    [InlineData("a", true)]
    [InlineData("web-0", true)]
    [InlineData("0abc", true)]
    [InlineData("-web", false)]
    [InlineData("web-", false)]
    [InlineData("Web", false)]
    [InlineData("we_b", false)]
    [InlineData("", false)]
    [InlineData("web\n", false)]
    public void Dns1123Labels(string value, bool valid) => Assert.Equal(valid, NameRules.IsDns1123Label(value).Count == 0);

    [Fact]
    public void Dns1123LabelLengthIsCountedInBytes()
    {
        Assert.Empty(NameRules.IsDns1123Label(new string('a', 63)));
        Assert.Equal(["must be no more than 63 characters"], NameRules.IsDns1123Label(new string('a', 64)));
    }

    [Theory]
    [InlineData("example.com", true)]
    [InlineData("a.b.c", true)]
    [InlineData("a..b", false)]
    [InlineData(".a", false)]
    [InlineData("a_b.com", false)]
    public void Dns1123Subdomains(string value, bool valid) => Assert.Equal(valid, NameRules.IsDns1123Subdomain(value).Count == 0);

    [Theory]
    [InlineData("app", true)]
    [InlineData("app.kubernetes.io/name", true)]
    [InlineData("A_b.C-d", true)]
    [InlineData("/name", false)]
    [InlineData("prefix/", false)]
    [InlineData("_app", false)]
    [InlineData("a/b/c", false)]
    public void QualifiedNames(string value, bool valid) => Assert.Equal(valid, NameRules.IsQualifiedName(value).Count == 0);

    [Fact]
    public void EmptyPrefixIsReported() => Assert.Equal(["prefix part must be non-empty"], NameRules.IsQualifiedName("/name"));

    [Theory]
    [InlineData("", true)]
    [InlineData("v1.2_3-x", true)]
    [InlineData("-v", false)]
    [InlineData("a b", false)]
    public void LabelValues(string value, bool valid) => Assert.Equal(valid, NameRules.IsLabelValue(value).Count == 0);

    [Theory]
    [InlineData("http", true)]
    [InlineData("a1", true)]
    [InlineData("123", false)]
    [InlineData("web-port-number1", false)]
    [InlineData("a--b", false)]
    public void IanaServiceNames(string value, bool valid) => Assert.Equal(valid, NameRules.IsPortName(value).Count == 0);

    [Theory]
    [InlineData("10.0.0.1", true)]
    [InlineData("010.000.000.001", true)]
    [InlineData("2001:db8::1", true)]
    [InlineData("10.0.0", false)]
    [InlineData("256.0.0.1", false)]
    [InlineData("fe80::1%eth0", false)]
    [InlineData("None", false)]
    public void IpAddresses(string value, bool valid) => Assert.Equal(valid, NameRules.IsIPAddress(value).Count == 0);

    [Theory]
    [InlineData("web-", true)]
    [InlineData("web", true)]
    [InlineData("-", false)]
    [InlineData("Web-", false)]
    public void GenerateNamePrefixesMayEndWithADash(string value, bool valid) => Assert.Equal(valid, NameRules.NameIsDnsLabel(value, prefix: true).Count == 0);

    [Fact]
    public void RegexErrorUsesKubernetesWording() =>
        Assert.Equal(
            "msg (e.g. 'a',  or 'b', regex used for validation is 'x')",
            NameRules.RegexError("msg", "x", "a", "b"));
}
