using System.Text.RegularExpressions;

namespace StatefulManifests.Yaml;

/// <summary>
/// Decides how a string is written so that every YAML reader — YAML 1.1 ones such as go-yaml v2 (which
/// kubectl's libraries descend from) and YAML 1.2 ones — reads it back as the same string.
/// </summary>
internal static class Scalars
{
    // Plain scalars that YAML 1.1 or 1.2 would resolve to null, a boolean, a number or a timestamp.
    private static readonly Regex Implicit = new(
        "^(?:"
        + "~|null|Null|NULL"
        + "|y|Y|yes|Yes|YES|n|N|no|No|NO|true|True|TRUE|false|False|FALSE|on|On|ON|off|Off|OFF"
        + @"|[-+]?0b[01_]+"
        + @"|[-+]?0o?[0-7_]+"
        + @"|[-+]?0x[0-9a-fA-F_]+"
        + @"|[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+(?:\.[0-9_]*)?"
        + @"|[-+]?(?:[0-9][0-9_]*)?\.?[0-9_]*(?:[eE][-+]?[0-9]+)?"
        + @"|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN)"
        + @"|[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}(?:(?:[Tt]|[ \t]+)[0-9]{1,2}:[0-9]{2}:[0-9]{2}(?:\.[0-9]*)?(?:[ \t]*(?:Z|[-+][0-9]{1,2}(?::[0-9]{2})?))?)?"
        + "|<<|="
        + ")$",
        RegexOptions.CultureInvariant);

    private static readonly Regex NullLiteral = new("^(?:~|null|Null|NULL|)$", RegexOptions.CultureInvariant);

    private static readonly Regex Integer = new("^[-+]?[0-9]+$", RegexOptions.CultureInvariant);

    /// <summary>True when a plain scalar with this text would not be read as a string.</summary>
    public static bool LooksImplicit(string text) => text.Length == 0 || Implicit.IsMatch(text);

    /// <summary>True for the plain scalars YAML reads as null.</summary>
    public static bool IsNullLiteral(string text) => NullLiteral.IsMatch(text);

    /// <summary>True for a plain decimal integer.</summary>
    public static bool IsInteger(string text) => Integer.IsMatch(text);

    /// <summary>A string scalar, quoted when a YAML reader would otherwise read it as something else.</summary>
    public static YScalar String(string value)
    {
        if (value.IndexOf('\n') >= 0)
        {
            return new YScalar(value, YScalarStyle.Literal);
        }

        return new YScalar(value, LooksImplicit(value) ? YScalarStyle.Quoted : YScalarStyle.Plain);
    }

    /// <summary>A scalar that YAML should read with its implicit type (numbers, booleans).</summary>
    public static YScalar Typed(string text) => new(text, YScalarStyle.Plain);
}
