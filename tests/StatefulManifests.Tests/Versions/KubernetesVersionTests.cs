using System.Globalization;
using StatefulManifests.Versions;

namespace StatefulManifests.Tests.Versions;

public class KubernetesVersionTests
{
    [Theory]
    [InlineData("1.31", 31, null, "1.31")]
    [InlineData("v1.31", 31, null, "1.31")]
    [InlineData("V1.28", 28, null, "1.28")]
    [InlineData(" 1.36 ", 36, null, "1.36")]
    [InlineData("1.35.2", 35, 2, "1.35.2")]
    [InlineData("1.035", 35, null, "1.35")]
    public void Parses_major_minor_with_an_optional_v_and_patch(string text, int minor, int? patch, string shown)
    {
        Assert.True(KubernetesVersion.TryParse(text, out var version, out var error), error);
        Assert.Equal(1, version.Major);
        Assert.Equal(minor, version.Minor);
        Assert.Equal(patch, version.Patch);
        Assert.Equal(shown, version.ToString());
        Assert.Equal(version, KubernetesVersion.Parse(text));
    }

    [Theory]
    [InlineData("", "'' is not a Kubernetes version; write major.minor, such as 1.36")]
    [InlineData(null, "'' is not a Kubernetes version; write major.minor, such as 1.36")]
    [InlineData("1", "'1' is not a Kubernetes version; write major.minor, such as 1.36")]
    [InlineData("1.x", "'1.x' is not a Kubernetes version; write major.minor, such as 1.36")]
    [InlineData("1.31.", "'1.31.' is not a Kubernetes version; write major.minor, such as 1.36")]
    [InlineData("1.31.2.4", "'1.31.2.4' is not a Kubernetes version; write major.minor, such as 1.36")]
    [InlineData("1.-31", "'1.-31' is not a Kubernetes version; write major.minor, such as 1.36")]
    [InlineData("１.３１", "'１.３１' is not a Kubernetes version; write major.minor, such as 1.36")]
    [InlineData("1.99999999999", "'1.99999999999' is not a Kubernetes version; write major.minor, such as 1.36")]
    [InlineData("1.27", "Kubernetes 1.27 is not supported; the project models 1.28 to 1.36")]
    [InlineData("1.37", "Kubernetes 1.37 is not supported; the project models 1.28 to 1.36")]
    [InlineData("2.0", "Kubernetes 2.0 is not supported; the project models 1.28 to 1.36")]
    public void A_malformed_or_unsupported_version_is_an_error_with_a_message_not_an_exception(string? text, string message)
    {
        Assert.False(KubernetesVersion.TryParse(text, out _, out var error));
        Assert.Equal(message, error);
        Assert.Equal(message + " (Parameter 'text')", Assert.Throws<ArgumentException>(() => KubernetesVersion.Parse(text!)).Message);
    }

    [Fact]
    public void Versions_compare_by_minor_then_patch_and_a_bare_minor_means_its_newest_patch()
    {
        Assert.True(KubernetesVersion.Parse("1.30") < KubernetesVersion.Parse("1.31"));
        Assert.True(KubernetesVersion.Parse("1.35.3") < KubernetesVersion.Parse("1.35.4"));
        Assert.True(KubernetesVersion.Parse("1.35.99") < KubernetesVersion.Parse("1.35"));
        Assert.True(KubernetesVersion.Parse("1.35") < KubernetesVersion.Parse("1.36.0"));
        Assert.Equal(KubernetesVersion.Parse("1.35"), KubernetesVersion.Parse("1.35.2").MinorRelease);
        Assert.NotEqual(KubernetesVersion.Parse("1.35"), KubernetesVersion.Parse("1.35.0"));
    }

    [Fact]
    public void The_supported_range_is_1_28_to_1_36_and_the_newest_is_the_default()
    {
        Assert.Equal(["1.28", "1.29", "1.30", "1.31", "1.32", "1.33", "1.34", "1.35", "1.36"], KubernetesVersion.Supported.Select(v => v.ToString()));
        Assert.Equal(KubernetesVersion.Newest, new TargetCluster().Version);
        Assert.Equal("1.36", KubernetesVersion.Newest.ToString());
        Assert.Throws<ArgumentOutOfRangeException>(() => KubernetesVersion.Of(27));
        Assert.Throws<ArgumentOutOfRangeException>(() => KubernetesVersion.Of(30, -1));
    }

    [Fact]
    public void Text_does_not_depend_on_the_culture()
    {
        var culture = CultureInfo.CurrentCulture;
        try
        {
            CultureInfo.CurrentCulture = new CultureInfo("tr-TR");
            Assert.Equal("1.35.2", KubernetesVersion.Parse("V1.35.2").ToString());
            Assert.Equal("Kubernetes 1.30 (StatefulSetStartOrdinal=false)", TargetCluster.Read("1.30", "StatefulSetStartOrdinal=false").Target.ToString());
        }
        finally
        {
            CultureInfo.CurrentCulture = culture;
        }
    }
}
