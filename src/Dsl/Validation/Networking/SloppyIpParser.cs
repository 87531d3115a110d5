namespace StatefulManifests.Validation.Networking;

/// <summary>
/// The address parsing of <c>netutils.ParseCIDRSloppy</c> (k8s.io/utils/net), which is Go 1.16's
/// <c>net.ParseCIDR</c>: IPv4 octets may have leading zeros (read as decimal), IPv6 groups any number of hex digits
/// up to 0xFFFF, an IPv4 tail in the last 32 bits, one <c>::</c>, no zone. It also notes what the strict
/// (<c>netip</c>) parser would refuse: leading zeros and IPv6 groups of more than four digits.
/// </summary>
internal static class SloppyIpParser
{
    /// <summary>Parses an IPv4 address into 4 bytes, or returns null.</summary>
    public static byte[]? ParseIPv4(string s, ref bool leadingZeros)
    {
        var bytes = new byte[4];
        var position = 0;
        for (var i = 0; i < 4; i++)
        {
            if (position == s.Length)
            {
                return null;
            }

            if (i > 0)
            {
                if (s[position] != '.')
                {
                    return null;
                }

                position++;
            }

            var start = position;
            if (!Decimal(s, ref position, out var value) || value > 0xFF)
            {
                return null;
            }

            leadingZeros |= position - start > 1 && s[start] == '0';
            bytes[i] = (byte)value;
        }

        return position == s.Length ? bytes : null;
    }

    /// <summary>Parses an IPv6 address into 16 bytes, or returns null.</summary>
    public static byte[]? ParseIPv6(string s, ref bool leadingZeros)
    {
        var ip = new byte[16];
        var ellipsis = -1;
        var position = 0;
        if (s.Length >= 2 && s[0] == ':' && s[1] == ':')
        {
            ellipsis = 0;
            position = 2;
            if (position == s.Length)
            {
                return ip;
            }
        }

        var i = 0;
        while (i < 16)
        {
            var start = position;
            if (!Hex(s, ref position, out var value) || value > 0xFFFF)
            {
                return null;
            }

            if (position < s.Length && s[position] == '.')
            {
                if ((ellipsis < 0 && i != 12) || i + 4 > 16)
                {
                    return null;
                }

                var ip4 = ParseIPv4(s.Substring(start), ref leadingZeros);
                if (ip4 is null)
                {
                    return null;
                }

                Array.Copy(ip4, 0, ip, i, 4);
                position = s.Length;
                i += 4;
                break;
            }

            leadingZeros |= position - start > 4;
            ip[i] = (byte)(value >> 8);
            ip[i + 1] = (byte)value;
            i += 2;

            if (position == s.Length)
            {
                break;
            }

            if (s[position] != ':' || position + 1 == s.Length)
            {
                return null;
            }

            position++;
            if (s[position] == ':')
            {
                if (ellipsis >= 0)
                {
                    return null;
                }

                ellipsis = i;
                position++;
                if (position == s.Length)
                {
                    break;
                }
            }
        }

        if (position != s.Length)
        {
            return null;
        }

        if (i < 16)
        {
            if (ellipsis < 0)
            {
                return null;
            }

            var gap = 16 - i;
            for (var j = i - 1; j >= ellipsis; j--)
            {
                ip[j + gap] = ip[j];
            }

            for (var j = ellipsis + gap - 1; j >= ellipsis; j--)
            {
                ip[j] = 0;
            }
        }
        else if (ellipsis >= 0)
        {
            // The ellipsis must stand for at least one group.
            return null;
        }

        return ip;
    }

    /// <summary>Go's <c>dtoi</c>: at least one decimal digit, stopping (and failing) at 0xFFFFFF.</summary>
    public static bool Decimal(string s, ref int position, out int value)
    {
        const int Big = 0xFFFFFF;
        value = 0;
        var start = position;
        for (; position < s.Length && s[position] >= '0' && s[position] <= '9'; position++)
        {
            value = (value * 10) + (s[position] - '0');
            if (value >= Big)
            {
                value = Big;
                return false;
            }
        }

        return position > start;
    }

    /// <summary>Go's <c>xtoi</c>: at least one hex digit, stopping (and failing) at 0xFFFFFF.</summary>
    private static bool Hex(string s, ref int position, out int value)
    {
        const int Big = 0xFFFFFF;
        value = 0;
        var start = position;
        for (; position < s.Length; position++)
        {
            var c = s[position];
            int digit;
            if (c >= '0' && c <= '9')
            {
                digit = c - '0';
            }
            else if (c >= 'a' && c <= 'f')
            {
                digit = c - 'a' + 10;
            }
            else if (c >= 'A' && c <= 'F')
            {
                digit = c - 'A' + 10;
            }
            else
            {
                break;
            }

            value = (value * 16) + digit;
            if (value >= Big)
            {
                return false;
            }
        }

        return position > start;
    }
}
