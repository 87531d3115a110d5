using System.Globalization;
using System.Text.RegularExpressions;

namespace StatefulManifests.Model;

/// <summary>
/// Kubernetes' syntax rules for label keys (qualified names, <c>validation.IsQualifiedName</c>) and label values
/// (<c>validation.IsValidLabelValue</c>), returning its messages. Shared by label selectors and validation.
/// </summary>
internal static class LabelSyntax
{
    private const string QualifiedNameCharFormat = "([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]";
    private const string Dns1123SubdomainFormat = "[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*";
    private const int QualifiedNameMaxLength = 63;
    private const int Dns1123SubdomainMaxLength = 253;
    private const int LabelValueMaxLength = 63;

    private static readonly Regex QualifiedNamePart = new("^" + QualifiedNameCharFormat + "\\z", RegexOptions.CultureInvariant);
    private static readonly Regex Dns1123Subdomain = new("^" + Dns1123SubdomainFormat + "\\z", RegexOptions.CultureInvariant);
    private static readonly Regex LabelValue = new("^(" + QualifiedNameCharFormat + ")?\\z", RegexOptions.CultureInvariant);

    private static readonly string QualifiedNameMessage =
        "must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character "
        + "(e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '" + QualifiedNameCharFormat + "')";

    /// <summary>The problems with a label key (empty when it is a valid qualified name).</summary>
    public static IReadOnlyList<string> QualifiedNameErrors(string value)
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
                name = parts[1];
                if (parts[0].Length == 0)
                {
                    errors.Add("prefix part must be non-empty");
                }
                else
                {
                    errors.AddRange(Dns1123SubdomainErrors(parts[0]).Select(e => "prefix part " + e));
                }

                break;
            default:
                return
                [
                    "a qualified name " + QualifiedNameMessage + " with an optional DNS subdomain prefix and '/' (e.g. 'example.com/MyName')",
                ];
        }

        if (name.Length == 0)
        {
            errors.Add("name part must be non-empty");
        }
        else if (name.Length > QualifiedNameMaxLength)
        {
            errors.Add("name part must be no more than " + QualifiedNameMaxLength.ToString(CultureInfo.InvariantCulture) + " characters");
        }

        if (!QualifiedNamePart.IsMatch(name))
        {
            errors.Add("name part " + QualifiedNameMessage);
        }

        return errors;
    }

    /// <summary>The problems with a label value (empty when valid; the empty string is a valid value).</summary>
    public static IReadOnlyList<string> LabelValueErrors(string value)
    {
        var errors = new List<string>();
        if (value.Length > LabelValueMaxLength)
        {
            errors.Add("must be no more than " + LabelValueMaxLength.ToString(CultureInfo.InvariantCulture) + " characters");
        }

        if (!LabelValue.IsMatch(value))
        {
            errors.Add("a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start "
                + "and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '("
                + QualifiedNameCharFormat + ")?')");
        }

        return errors;
    }

    private static IEnumerable<string> Dns1123SubdomainErrors(string value)
    {
        if (value.Length > Dns1123SubdomainMaxLength)
        {
            yield return "must be no more than " + Dns1123SubdomainMaxLength.ToString(CultureInfo.InvariantCulture) + " characters";
        }

        if (!Dns1123Subdomain.IsMatch(value))
        {
            yield return "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start "
                + "and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '" + Dns1123SubdomainFormat + "')";
        }
    }
}
