using StatefulManifests.Validation;

namespace StatefulManifests.Rules.Api;

/// <summary>
/// Repairs an object name that is not a valid DNS-1123 name (<c>My_Web</c> → <c>my-web</c>), so a code fix can
/// offer exactly what to write. The repair itself is <see cref="NameRules"/>' (the one place name formats live).
/// </summary>
public static class NameSuggestions
{
    /// <summary>
    /// The repaired name when <paramref name="error"/> is a DNS-1123 label or subdomain format error on the string
    /// <paramref name="error"/> reports, and something alphanumeric is left to make a name of; else false.
    /// </summary>
    public static bool TryRepairDnsName(FieldError error, out string repaired)
    {
        repaired = string.Empty;
        if (error is not { Type: FieldErrorType.Invalid, BadValue: string name } || !NameRules.IsDnsNameFormatError(error.Detail))
        {
            return false;
        }

        repaired = NameRules.ToDns1123Label(name);
        return repaired.Length > 0 && repaired != name;
    }
}
