using System.Globalization;
using System.Text;

namespace StatefulManifests.Validation.Networking;

/// <summary>
/// A CIDR as the API server reads a NetworkPolicy <c>ipBlock.cidr</c> or <c>except</c> entry:
/// <c>netutils.ParseCIDRSloppy</c>, i.e. Go 1.16's <c>net.ParseCIDR</c>. Host bits may be set
/// (<c>10.0.0.1/8</c> is the network <c>10.0.0.0/8</c>), IPv4 octets may have leading zeros, and an IPv6 form of an
/// IPv4 address (<c>::ffff:10.0.0.0/104</c>) is a valid IPv6 CIDR. Immutable, with value equality on the
/// family, network and prefix length.
/// </summary>
public sealed class Cidr : IEquatable<Cidr>
{
    private const string InvalidMessage = "must be a valid CIDR value, (e.g. 10.9.8.0/24 or 2001:db8::/64)";

    private static readonly byte[] V4InV6Prefix = [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff];

    private readonly byte[] address;
    private readonly byte[] network;
    private readonly bool strictLeadingZeros;

    private Cidr(string text, byte[] address, int prefixLength, bool leadingZeros)
    {
        Text = text;
        this.address = address;
        PrefixLength = prefixLength;
        network = Masked(address, prefixLength);
        strictLeadingZeros = leadingZeros;
    }

    /// <summary>The text as written.</summary>
    public string Text { get; }

    /// <summary>Whether the address is written as IPv4 (dotted quad); then the prefix counts 32 bits, else 128.</summary>
    public bool IsIPv4 => address.Length == 4;

    /// <summary>The address length in bits: 32 for IPv4, 128 for IPv6.</summary>
    public int Bits => address.Length * 8;

    /// <summary>The prefix length as written (Go's <c>Mask.Size()</c>).</summary>
    public int PrefixLength { get; }

    /// <summary>Whether bits beyond the prefix are set (<c>10.0.0.1/8</c>), which the strict parser refuses.</summary>
    public bool HasHostBits => !address.SequenceEqual(network);

    /// <summary>The network in Go's <c>IPNet.String()</c> form, e.g. <c>10.0.0.0/8</c> or <c>2001:db8::/32</c>.</summary>
    public string Network
    {
        get
        {
            var (number, mask) = NetworkNumberAndMask();
            return FormatIp(number) + "/" + Ones(mask).ToString(CultureInfo.InvariantCulture);
        }
    }

    /// <summary>Reads <paramref name="text"/> as the API server does; null when it is not a CIDR.</summary>
    public static Cidr? TryParse(string? text)
    {
        if (text is null)
        {
            return null;
        }

        var slash = text.IndexOf('/');
        if (slash < 0)
        {
            return null;
        }

        var addressText = text.Substring(0, slash);
        var prefixText = text.Substring(slash + 1);
        var leadingZeros = false;
        var parsed = SloppyIpParser.ParseIPv4(addressText, ref leadingZeros);
        if (parsed is null)
        {
            leadingZeros = false;
            parsed = SloppyIpParser.ParseIPv6(addressText, ref leadingZeros);
        }

        var position = 0;
        if (parsed is null
            || !SloppyIpParser.Decimal(prefixText, ref position, out var prefix)
            || position != prefixText.Length
            || prefix > parsed.Length * 8)
        {
            return null;
        }

        leadingZeros |= prefixText.Length > 1 && prefixText[0] == '0';
        return new Cidr(text, parsed, prefix, leadingZeros);
    }

    /// <summary>
    /// The API server's messages for <paramref name="text"/> as an ipBlock <c>cidr</c> or <c>except</c> entry
    /// (<c>IsValidCIDRForLegacyField</c>); empty when accepted.
    /// </summary>
    /// <param name="text">The value.</param>
    /// <param name="strict">
    /// The <c>StrictIPCIDRValidation</c> feature gate (alpha since v1.33, off by default): also refuse leading zeros,
    /// IPv4-mapped IPv6 addresses and host bits.
    /// </param>
    public static IReadOnlyList<string> Check(string? text, bool strict = false)
    {
        var cidr = TryParse(text);
        if (cidr is null)
        {
            return [InvalidMessage];
        }

        if (!strict)
        {
            return [];
        }

        if (cidr.strictLeadingZeros)
        {
            return ["must not have leading 0s in IP or prefix length"];
        }

        if (!cidr.IsIPv4 && cidr.address.Take(12).SequenceEqual(V4InV6Prefix))
        {
            return ["must not have an IPv4-mapped IPv6 address"];
        }

        return cidr.HasHostBits ? ["must not have bits set beyond the prefix length"] : [];
    }

    /// <summary>The API server's first message for <paramref name="text"/>, or null when accepted.</summary>
    public static string? Validate(string? text, bool strict = false)
    {
        var problems = Check(text, strict);
        return problems.Count == 0 ? null : problems[0];
    }

    /// <summary>
    /// Go's <c>IPNet.Contains</c> of <paramref name="other"/>'s network address: whether that address lies in this
    /// network (false for null). An IPv4 address and its IPv4-mapped IPv6 form are the same address here, as in Go.
    /// </summary>
    public bool Contains(Cidr? other)
    {
        if (other is null)
        {
            return false;
        }

        var (number, mask) = NetworkNumberAndMask();
        var ip = To4(other.network) ?? other.network;
        if (ip.Length != number.Length)
        {
            return false;
        }

        for (var i = 0; i < ip.Length; i++)
        {
            if ((number[i] & mask[i]) != (ip[i] & mask[i]))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// The NetworkPolicy <c>except</c> rule: <paramref name="outer"/> contains this network's address and has a
    /// shorter prefix (prefix lengths are compared as written, so across families they count different bits).
    /// </summary>
    public bool IsStrictSubsetOf(Cidr? outer) => outer is not null && outer.Contains(this) && outer.PrefixLength < PrefixLength;

    /// <inheritdoc/>
    public bool Equals(Cidr? other) =>
        other is not null && PrefixLength == other.PrefixLength && network.SequenceEqual(other.network);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => Equals(obj as Cidr);

    /// <inheritdoc/>
    public override int GetHashCode()
    {
        var hash = PrefixLength * 397;
        foreach (var b in network)
        {
            hash = (hash * 31) + b;
        }

        return hash;
    }

    /// <summary>The network (<see cref="Network"/>).</summary>
    public override string ToString() => Network;

    private static byte[] Masked(byte[] ip, int prefixLength)
    {
        var result = new byte[ip.Length];
        for (var i = 0; i < ip.Length; i++)
        {
            var bits = Math.Max(0, Math.Min(8, prefixLength - (i * 8)));
            result[i] = (byte)(ip[i] & (0xff << (8 - bits)));
        }

        return result;
    }

    private static byte[] Mask(int length, int prefixLength) => Masked(Enumerable.Repeat((byte)0xff, length).ToArray(), prefixLength);

    private static byte[]? To4(byte[] ip) =>
        ip.Length == 4 ? ip
        : ip.Length == 16 && ip.Take(12).SequenceEqual(V4InV6Prefix) ? ip.Skip(12).ToArray()
        : null;

    private static int Ones(byte[] mask) => mask.Sum(b => Convert.ToString(b, 2).Count(c => c == '1'));

    // Go's networkNumberAndMask: an IPv4-mapped IPv6 network is compared as IPv4 with the mask's last 32 bits.
    private (byte[] Number, byte[] Mask) NetworkNumberAndMask()
    {
        var mask = Mask(address.Length, PrefixLength);
        var number = To4(network);
        if (number is null)
        {
            return (network, mask);
        }

        return (number, mask.Length == 16 ? mask.Skip(12).ToArray() : mask);
    }

    // Go's IP.String: dotted quad for IPv4 (and IPv4-mapped), else hex groups with the longest zero run as "::".
    private static string FormatIp(byte[] ip)
    {
        if (To4(ip) is { } v4)
        {
            return string.Join(".", v4.Select(b => b.ToString(CultureInfo.InvariantCulture)));
        }

        int start = -1, end = -1;
        for (var i = 0; i < 16; i += 2)
        {
            var j = i;
            while (j < 16 && ip[j] == 0 && ip[j + 1] == 0)
            {
                j += 2;
            }

            if (j > i && j - i > end - start)
            {
                start = i;
                end = j;
                i = j;
            }
        }

        if (end - start <= 2)
        {
            start = end = -1;
        }

        var builder = new StringBuilder();
        for (var i = 0; i < 16; i += 2)
        {
            if (i == start)
            {
                builder.Append("::");
                i = end;
                if (i >= 16)
                {
                    break;
                }
            }
            else if (i > 0)
            {
                builder.Append(':');
            }

            builder.Append(((ip[i] << 8) | ip[i + 1]).ToString("x", CultureInfo.InvariantCulture));
        }

        return builder.ToString();
    }
}
