using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.RegularExpressions;

namespace StatefulManifests.Validation;

/// <summary>
/// The format checks every object shares (DNS-1123 labels and subdomains, qualified names, label values, IANA
/// service names, ports, percentages, environment variable names ...). Each returns the list of reasons a value
/// fails, worded as <c>k8s.io/apimachinery/pkg/util/validation</c> words them; an empty list means valid.
/// Lengths are counted in UTF-8 bytes, as Go's <c>len</c> counts them.
/// </summary>
internal static class NameRules
{
    private const string Dns1123LabelFormat = "[a-z0-9]([-a-z0-9]*[a-z0-9])?";
    private const string Dns1123LabelMessage =
        "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character";

    private const string Dns1123SubdomainFormat = Dns1123LabelFormat + "(\\." + Dns1123LabelFormat + ")*";
    private const string Dns1123SubdomainMessage =
        "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character";

    private const string Dns1123SubdomainUnderscoreFormat = "_?[a-z0-9]([-_a-z0-9]*[a-z0-9])?(\\._?[a-z0-9]([-_a-z0-9]*[a-z0-9])?)*";
    private const string Dns1123SubdomainUnderscoreMessage =
        "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '_', '-' or '.', and must start and end with an alphanumeric character";

    private const string LabelKeyFormat = "([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]";
    private const string LabelKeyMessage = "must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character";
    private const string LabelValueFormat = "(" + LabelKeyFormat + ")?";
    private const string LabelValueMessage =
        "a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character";

    private const string PercentFormat = "[0-9]+%";
    private const string PercentMessage = "a valid percent string must be a numeric string followed by an ending '%'";

    private const string HttpHeaderNameFormat = "[-A-Za-z0-9]+";
    private const string HttpHeaderNameMessage = "a valid HTTP header must consist of alphanumeric characters or '-'";

    private const string EnvVarNameFormat = "[-._a-zA-Z][-._a-zA-Z0-9]*";
    private const string EnvVarNameMessage =
        "a valid environment variable name must consist of alphabetic characters, digits, '_', '-', or '.', and must not start with a digit";

    private const string ConfigMapKeyFormat = "[-._a-zA-Z0-9]+";
    private const string ConfigMapKeyMessage = "a valid config key must consist of alphanumeric characters, '-', '_' or '.'";

    /// <summary>The longest DNS-1123 label (and label value, and label-key name part).</summary>
    public const int Dns1123LabelMaxLength = 63;

    /// <summary>The longest DNS-1123 subdomain.</summary>
    public const int Dns1123SubdomainMaxLength = 253;

    private static readonly Regex Dns1123Label = Anchored(Dns1123LabelFormat);
    private static readonly Regex Dns1123Subdomain = Anchored(Dns1123SubdomainFormat);
    private static readonly Regex Dns1123SubdomainUnderscore = Anchored(Dns1123SubdomainUnderscoreFormat);
    private static readonly Regex LabelKey = Anchored(LabelKeyFormat);
    private static readonly Regex LabelValue = Anchored(LabelValueFormat);
    private static readonly Regex Percent = Anchored(PercentFormat);
    private static readonly Regex HttpHeaderName = Anchored(HttpHeaderNameFormat);
    private static readonly Regex EnvVarName = Anchored(EnvVarNameFormat);
    private static readonly Regex ConfigMapKey = Anchored(ConfigMapKeyFormat);
    private static readonly Regex PortNameCharset = Anchored("[-a-z0-9]+");
    private static readonly Regex IPv4 = Anchored("[0-9]{1,3}(\\.[0-9]{1,3}){3}");

    /// <summary>A DNS-1123 label: at most 63 characters of <c>[a-z0-9-]</c>, alphanumeric at both ends.</summary>
    public static IReadOnlyList<string> IsDns1123Label(string value)
    {
        var errors = new List<string>();
        if (ByteLength(value) > Dns1123LabelMaxLength)
        {
            errors.Add(MaxLenError(Dns1123LabelMaxLength));
        }

        if (!Dns1123Label.IsMatch(value))
        {
            // A valid subdomain that is not a label must contain dots (the length was checked above).
            errors.Add(Dns1123Subdomain.IsMatch(value)
                ? "must not contain dots"
                : RegexError(Dns1123LabelMessage, Dns1123LabelFormat, "my-name", "123-abc"));
        }

        return errors;
    }

    /// <summary>A DNS-1123 subdomain: dot-separated labels, at most 253 characters.</summary>
    public static IReadOnlyList<string> IsDns1123Subdomain(string value)
    {
        var errors = new List<string>();
        if (ByteLength(value) > Dns1123SubdomainMaxLength)
        {
            errors.Add(MaxLenError(Dns1123SubdomainMaxLength));
        }

        if (!Dns1123Subdomain.IsMatch(value))
        {
            errors.Add(RegexError(Dns1123SubdomainMessage, Dns1123SubdomainFormat, "example.com"));
        }

        return errors;
    }

    /// <summary>A DNS-1123 subdomain whose labels may also contain (and start with) <c>_</c>: DNS search domains.</summary>
    public static IReadOnlyList<string> IsDns1123SubdomainWithUnderscore(string value)
    {
        var errors = new List<string>();
        if (ByteLength(value) > Dns1123SubdomainMaxLength)
        {
            errors.Add(MaxLenError(Dns1123SubdomainMaxLength));
        }

        if (!Dns1123SubdomainUnderscore.IsMatch(value))
        {
            errors.Add(RegexError(Dns1123SubdomainUnderscoreMessage, Dns1123SubdomainUnderscoreFormat, "example.com"));
        }

        return errors;
    }

    /// <summary>
    /// An object name that must be a DNS-1123 label (StatefulSet, Service, namespace). With
    /// <paramref name="prefix"/> (a <c>generateName</c>) a trailing dash is allowed.
    /// </summary>
    public static IReadOnlyList<string> NameIsDnsLabel(string name, bool prefix) =>
        IsDns1123Label(prefix ? MaskTrailingDash(name) : name);

    /// <summary>
    /// True when <paramref name="detail"/> (a <see cref="FieldError"/>'s detail) is the DNS-1123 label or subdomain
    /// format error, i.e. a name that <see cref="ToDns1123Label"/> can repair.
    /// </summary>
    public static bool IsDnsNameFormatError(string detail) =>
        detail.IndexOf(Dns1123LabelMessage, StringComparison.Ordinal) >= 0
        || detail.IndexOf(Dns1123SubdomainMessage, StringComparison.Ordinal) >= 0;

    /// <summary>
    /// The nearest DNS-1123 label to <paramref name="value"/> (<c>My_Web</c> → <c>my-web</c>): lower-cased
    /// (invariantly), every other character than <c>a-z0-9</c> made a '-', runs of '-' collapsed, '-' trimmed from
    /// both ends, cut to 63 characters (and trimmed again). Empty when nothing alphanumeric is left. Being a label, the
    /// result is also a valid subdomain, so it repairs either kind of name.
    /// </summary>
    public static string ToDns1123Label(string value)
    {
        var label = new StringBuilder(value.Length);
        foreach (var c in value.ToLowerInvariant())
        {
            var valid = c is (>= 'a' and <= 'z') or (>= '0' and <= '9');
            if (valid)
            {
                label.Append(c);
            }
            else if (label.Length > 0 && label[label.Length - 1] != '-')
            {
                label.Append('-');
            }
        }

        var text = label.ToString();
        if (text.Length > Dns1123LabelMaxLength)
        {
            text = text.Substring(0, Dns1123LabelMaxLength);
        }

        return text.Trim('-');
    }

    /// <summary>An object name that must be a DNS-1123 subdomain (PodDisruptionBudget, Secret, ConfigMap ...).</summary>
    public static IReadOnlyList<string> NameIsDnsSubdomain(string name, bool prefix) =>
        IsDns1123Subdomain(prefix ? MaskTrailingDash(name) : name);

    /// <summary>
    /// An object name that must be usable as one segment of a URL path (RBAC Roles and RoleBindings: apimachinery's
    /// <c>IsValidPathSegmentName</c>): not <c>.</c> or <c>..</c>, and without <c>/</c> or <c>%</c>.
    /// </summary>
    public static IReadOnlyList<string> NameIsPathSegment(string name, bool prefix)
    {
        if (!prefix && name is "." or "..")
        {
            return ["may not be '" + name + "'"];
        }

        var problems = new List<string>();
        foreach (var illegal in new[] { "/", "%" })
        {
            if (name.Contains(illegal))
            {
                problems.Add("may not contain '" + illegal + "'");
            }
        }

        return problems;
    }

    /// <summary>
    /// A qualified name (label key, annotation key, finalizer, condition type): an optional DNS-1123 subdomain
    /// prefix and <c>/</c>, then a name part of at most 63 characters of <c>[A-Za-z0-9-_.]</c>, alphanumeric at both ends.
    /// </summary>
    public static IReadOnlyList<string> IsQualifiedName(string value) => QualifiedName(value, "a qualified name ");

    /// <summary>
    /// A label key: the same rule as <see cref="IsQualifiedName"/>, worded as Kubernetes' <c>IsLabelKey</c>
    /// (v1.34+ reports "a valid label key" for <c>metadata.labels</c> and selector keys).
    /// </summary>
    public static IReadOnlyList<string> IsLabelKey(string value) => QualifiedName(value, "a valid label key ");

    private static IReadOnlyList<string> QualifiedName(string value, string what)
    {
        var errors = new List<string>();
        var parts = value.Split('/');
        string name;
        switch (parts.Length)
        {
            case 1:
                name = parts[0];
                break;
            case 2:
                var prefixPart = parts[0];
                name = parts[1];
                if (prefixPart.Length == 0)
                {
                    errors.Add("prefix part " + EmptyError);
                }
                else
                {
                    errors.AddRange(IsDns1123Subdomain(prefixPart).Select(m => "prefix part " + m));
                }

                break;
            default:
                errors.Add(what + RegexError(LabelKeyMessage, LabelKeyFormat, "MyName", "my.name", "123-abc")
                    + " with an optional DNS subdomain prefix and '/' (e.g. 'example.com/MyName')");
                return errors;
        }

        if (name.Length == 0)
        {
            errors.Add("name part " + EmptyError);
        }
        else if (ByteLength(name) > Dns1123LabelMaxLength)
        {
            errors.Add("name part " + MaxLenError(Dns1123LabelMaxLength));
        }

        if (!LabelKey.IsMatch(name))
        {
            errors.Add("name part " + RegexError(LabelKeyMessage, LabelKeyFormat, "MyName", "my.name", "123-abc"));
        }

        return errors;
    }

    /// <summary>A label value: empty, or at most 63 characters of <c>[A-Za-z0-9-_.]</c>, alphanumeric at both ends.</summary>
    public static IReadOnlyList<string> IsLabelValue(string value)
    {
        // A null value is reported once, generically (TextValueRules); here it is checked as the empty value.
        value ??= string.Empty;
        var errors = new List<string>();
        if (ByteLength(value) > Dns1123LabelMaxLength)
        {
            errors.Add(MaxLenError(Dns1123LabelMaxLength));
        }

        if (!LabelValue.IsMatch(value))
        {
            errors.Add(RegexError(LabelValueMessage, LabelValueFormat, "MyValue", "my_value", "12345"));
        }

        return errors;
    }

    /// <summary>
    /// An IANA_SVC_NAME (port name): at most 15 characters of <c>[-a-z0-9]</c>, at least one letter, no <c>--</c>,
    /// no leading or trailing <c>-</c>.
    /// </summary>
    public static IReadOnlyList<string> IsPortName(string port)
    {
        var errors = new List<string>();
        if (ByteLength(port) > 15)
        {
            errors.Add(MaxLenError(15));
        }

        if (!PortNameCharset.IsMatch(port))
        {
            errors.Add("must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-)");
        }

        if (!port.Any(c => c >= 'a' && c <= 'z'))
        {
            errors.Add("must contain at least one letter (a-z)");
        }

        if (port.IndexOf("--", StringComparison.Ordinal) >= 0)
        {
            errors.Add("must not contain consecutive hyphens");
        }

        if (port.Length > 0 && (port[0] == '-' || port[port.Length - 1] == '-'))
        {
            errors.Add("must not begin or end with a hyphen");
        }

        return errors;
    }

    /// <summary>A port number, 1–65535.</summary>
    public static IReadOnlyList<string> IsPortNumber(long port) =>
        port >= 1 && port <= 65535 ? [] : [InclusiveRangeError(1, 65535)];

    /// <summary>A percentage string such as <c>25%</c>.</summary>
    public static IReadOnlyList<string> IsPercent(string value) =>
        Percent.IsMatch(value) ? [] : [RegexError(PercentMessage, PercentFormat, "1%", "93%")];

    /// <summary>An HTTP header name.</summary>
    public static IReadOnlyList<string> IsHttpHeaderName(string value) =>
        HttpHeaderName.IsMatch(value) ? [] : [RegexError(HttpHeaderNameMessage, HttpHeaderNameFormat, "X-Header-Name")];

    /// <summary>An environment variable name (<c>[-._a-zA-Z][-._a-zA-Z0-9]*</c>, not <c>.</c> or <c>..</c>-prefixed).</summary>
    public static IReadOnlyList<string> IsEnvVarName(string value)
    {
        var errors = new List<string>();
        if (!EnvVarName.IsMatch(value))
        {
            errors.Add(RegexError(EnvVarNameMessage, EnvVarNameFormat, "my.env-name", "MY_ENV.NAME", "MyEnvName1"));
        }

        errors.AddRange(ChangeDirectoryPrefix(value));
        return errors;
    }

    /// <summary>A ConfigMap or Secret key.</summary>
    public static IReadOnlyList<string> IsConfigMapKey(string value)
    {
        var errors = new List<string>();
        if (ByteLength(value) > Dns1123SubdomainMaxLength)
        {
            errors.Add(MaxLenError(Dns1123SubdomainMaxLength));
        }

        if (!ConfigMapKey.IsMatch(value))
        {
            errors.Add(RegexError(ConfigMapKeyMessage, ConfigMapKeyFormat, "key.name", "KEY_NAME", "key-name"));
        }

        errors.AddRange(ChangeDirectoryPrefix(value));
        return errors;
    }

    /// <summary>An IPv4 or IPv6 address (leading zeros tolerated, as for Kubernetes' legacy IP fields).</summary>
    public static IReadOnlyList<string> IsIPAddress(string value)
    {
        var valid = value.IndexOf(':') >= 0
            ? value.IndexOf('%') < 0 && IPAddress.TryParse(value, out var v6) && v6.AddressFamily == AddressFamily.InterNetworkV6
            : IPv4.IsMatch(value) && value.Split('.').All(o => int.Parse(o, NumberStyles.None, CultureInfo.InvariantCulture) <= 255);
        return valid ? [] : ["must be a valid IP address, (e.g. 10.9.8.7 or 2001:db8::ffff)"];
    }

    /// <summary>A user or group id: 0 to 4294967295.</summary>
    public static IReadOnlyList<string> IsUnixId(long id) => id >= 0 && id <= uint.MaxValue ? [] : [InclusiveRangeError(0, uint.MaxValue)];

    /// <summary>The message for a value longer than <paramref name="length"/>.</summary>
    public static string MaxLenError(int length) => "must be no more than " + length.ToString(CultureInfo.InvariantCulture) + " characters";

    /// <summary>The message for a number outside an inclusive range.</summary>
    public static string InclusiveRangeError(long low, long high) =>
        "must be between " + low.ToString(CultureInfo.InvariantCulture) + " and " + high.ToString(CultureInfo.InvariantCulture) + ", inclusive";

    /// <summary>The message for an empty value.</summary>
    public const string EmptyError = "must be non-empty";

    /// <summary>The message for a failed regular expression, with examples, as Kubernetes words it.</summary>
    public static string RegexError(string message, string format, params string[] examples)
    {
        if (examples.Length == 0)
        {
            return message + " (regex used for validation is '" + format + "')";
        }

        var sb = new StringBuilder(message).Append(" (e.g. ");
        for (var i = 0; i < examples.Length; i++)
        {
            // Kubernetes writes "'a', or 'b', " (the double space is theirs).
            sb.Append(i > 0 ? " or " : string.Empty).Append('\'').Append(examples[i]).Append("', ");
        }

        return sb.Append("regex used for validation is '").Append(format).Append("')").ToString();
    }

    /// <summary>The length Go's <c>len</c> reports: UTF-8 bytes.</summary>
    public static int ByteLength(string value) => Encoding.UTF8.GetByteCount(value);

    private static IEnumerable<string> ChangeDirectoryPrefix(string value)
    {
        if (value == ".")
        {
            yield return "must not be '.'";
        }
        else if (value == "..")
        {
            yield return "must not be '..'";
        }
        else if (value.StartsWith("..", StringComparison.Ordinal))
        {
            yield return "must not start with '..'";
        }
    }

    /// <summary>
    /// Allows a trailing dash in a <c>generateName</c> prefix the way apimachinery does: it replaces the last two
    /// characters with <c>a</c> before checking.
    /// </summary>
    private static string MaskTrailingDash(string name) =>
        name.Length > 1 && name.EndsWith("-", StringComparison.Ordinal) ? name.Substring(0, name.Length - 2) + "a" : name;

    private static Regex Anchored(string format) => new("^(?:" + format + ")\\z", RegexOptions.CultureInvariant);
}
