using StatefulManifests.Validation.Networking;

namespace StatefulManifests.Tests.Validation.Networking;

/// <summary>ipBlock CIDRs as the API server reads them: ParseCIDRSloppy (Go 1.16 net.ParseCIDR), strict gate optional.</summary>
public sealed class CidrTests
{
    private const string Invalid = "must be a valid CIDR value, (e.g. 10.9.8.0/24 or 2001:db8::/64)";

    [Theory]
    [InlineData("10.0.0.0/8", "10.0.0.0/8")]
    [InlineData("10.0.0.1/8", "10.0.0.0/8")] // host bits are accepted and masked away
    [InlineData("0.0.0.0/0", "0.0.0.0/0")]
    [InlineData("192.168.1.1/32", "192.168.1.1/32")]
    [InlineData("010.000.0.0/8", "10.0.0.0/8")] // leading zeros are decimal
    [InlineData("10.0.0.0/08", "10.0.0.0/8")]
    [InlineData("2001:db8::/32", "2001:db8::/32")]
    [InlineData("2001:DB8:0:0:1::/32", "2001:db8::/32")]
    [InlineData("::/0", "::/0")]
    [InlineData("::1/128", "::1/128")]
    [InlineData("fe80::1/64", "fe80::/64")]
    [InlineData("1:2:3:4:5:6:7:8/128", "1:2:3:4:5:6:7:8/128")]
    [InlineData("1:0:0:1:0:0:0:1/128", "1:0:0:1::1/128")]
    [InlineData("1:0:1:0:1:0:1:0/128", "1:0:1:0:1:0:1:0/128")]
    [InlineData("0:0:1:0:0:0:0:0/128", "0:0:1::/128")]
    [InlineData("::1.2.3.4/128", "::102:304/128")]
    [InlineData("::ffff:10.1.2.3/104", "10.0.0.0/8")] // IPv4-mapped prints as IPv4, as in Go
    [InlineData("00001::/16", "1::/16")] // the sloppy parser takes more than four hex digits
    public void AcceptedCidrs(string text, string network)
    {
        Assert.Null(Cidr.Validate(text));
        var cidr = Cidr.TryParse(text);
        Assert.NotNull(cidr);
        Assert.Equal(network, cidr!.Network);
        Assert.Equal(network, cidr.ToString());
        Assert.Equal(text, cidr.Text);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("10.0.0.0")]
    [InlineData("10.0.0.0/")]
    [InlineData("10.0.0.0/33")]
    [InlineData("10.0.0.0/-1")]
    [InlineData("10.0.0.0/+8")]
    [InlineData("10.0.0.0/8/8")]
    [InlineData("10.0.0.0/8 ")]
    [InlineData(" 10.0.0.0/8")]
    [InlineData("256.0.0.0/8")]
    [InlineData("10.0.0/8")]
    [InlineData("10.0.0.0.0/8")]
    [InlineData("abc/8")]
    [InlineData("2001:db8::/129")]
    [InlineData("2001:db8:::/32")]
    [InlineData("1::2::3/64")]
    [InlineData("1:2:3:4:5:6:7:8:9/64")]
    [InlineData("1:2:3:4:5:6:7::8/64")] // "::" must stand for at least one group
    [InlineData("::10000/64")]
    [InlineData("fe80::1%eth0/64")]
    [InlineData("1.2.3.4::/64")]
    public void RejectedCidrs(string? text)
    {
        Assert.Equal([Invalid], Cidr.Check(text));
        Assert.Null(Cidr.TryParse(text));
    }

    [Theory]
    [InlineData("10.0.0.0/8", null)]
    [InlineData("2001:db8::/32", null)]
    [InlineData("2001:DB8::/32", null)] // not canonical, still accepted: the legacy field only warns
    [InlineData("010.0.0.0/8", "must not have leading 0s in IP or prefix length")]
    [InlineData("10.0.0.0/08", "must not have leading 0s in IP or prefix length")]
    [InlineData("00001::/16", "must not have leading 0s in IP or prefix length")]
    [InlineData("::ffff:10.0.0.0/104", "must not have an IPv4-mapped IPv6 address")]
    [InlineData("10.0.0.1/8", "must not have bits set beyond the prefix length")]
    [InlineData("2001:db8::1/32", "must not have bits set beyond the prefix length")]
    [InlineData("10.0.0/8", Invalid)]
    public void StrictGateRefusesAmbiguousForms(string text, string? message) =>
        Assert.Equal(message, Cidr.Validate(text, strict: true));

    [Theory]
    [InlineData("10.0.0.0/8", "10.1.0.0/16", true, true)]
    [InlineData("10.0.0.0/8", "10.255.255.255/32", true, true)]
    [InlineData("10.0.0.0/8", "10.1.2.3/16", true, true)]
    [InlineData("10.0.0.0/8", "10.0.0.0/8", true, false)] // equal is not a strict subset
    [InlineData("10.0.0.0/16", "10.0.0.0/8", true, false)] // contains the address, but the prefix is shorter
    [InlineData("10.0.0.0/8", "11.0.0.0/16", false, false)]
    [InlineData("0.0.0.0/0", "192.168.0.0/16", true, true)]
    [InlineData("10.0.0.0/8", "2001:db8::/32", false, false)]
    [InlineData("2001:db8::/32", "10.0.0.0/8", false, false)]
    [InlineData("2001:db8::/32", "2001:db8:1::/48", true, true)]
    [InlineData("::/0", "2001:db8::/32", true, true)]
    [InlineData("10.0.0.0/8", "::ffff:10.1.0.0/112", true, true)] // Go compares the IPv4-mapped address as IPv4
    public void ContainmentFollowsGo(string outer, string inner, bool contains, bool strictSubset)
    {
        var o = Cidr.TryParse(outer)!;
        var i = Cidr.TryParse(inner)!;
        Assert.Equal(contains, o.Contains(i));
        Assert.Equal(strictSubset, i.IsStrictSubsetOf(o));
    }

    [Fact]
    public void NullIsNeitherContainedNorAContainer()
    {
        var cidr = Cidr.TryParse("10.0.0.0/8")!;
        Assert.False(cidr.Contains(null));
        Assert.False(cidr.IsStrictSubsetOf(null));
    }

    [Fact]
    public void PropertiesDescribeTheWrittenForm()
    {
        var v4 = Cidr.TryParse("10.0.0.1/8")!;
        Assert.True(v4.IsIPv4);
        Assert.Equal(32, v4.Bits);
        Assert.Equal(8, v4.PrefixLength);
        Assert.True(v4.HasHostBits);

        var v6 = Cidr.TryParse("::ffff:10.0.0.0/104")!;
        Assert.False(v6.IsIPv4);
        Assert.Equal(128, v6.Bits);
        Assert.Equal(104, v6.PrefixLength);
        Assert.False(v6.HasHostBits);
    }

    [Fact]
    public void EqualityIsByNetwork()
    {
        Assert.Equal(Cidr.TryParse("10.0.0.1/8"), Cidr.TryParse("10.0.0.0/8"));
        Assert.Equal(Cidr.TryParse("10.0.0.1/8")!.GetHashCode(), Cidr.TryParse("10.0.0.0/8")!.GetHashCode());
        Assert.NotEqual(Cidr.TryParse("10.0.0.0/8"), Cidr.TryParse("10.0.0.0/9"));
        Assert.NotEqual(Cidr.TryParse("10.0.0.0/8"), Cidr.TryParse("::ffff:10.0.0.0/104"));
    }
}
