using System.Globalization;
using System.Text;

namespace StatefulManifests.Generators.Emission;

/// <summary>C# string literals for generated code: regular escaped literals, valid in every C# version.</summary>
internal static class CSharpLiteral
{
    /// <summary>One literal on one line.</summary>
    public static string Of(string value)
    {
        var sb = new StringBuilder(value.Length + 2).Append('"');
        foreach (var c in value)
        {
            switch (c)
            {
                case '"':
                    sb.Append("\\\"");
                    break;
                case '\\':
                    sb.Append("\\\\");
                    break;
                case '\n':
                    sb.Append("\\n");
                    break;
                case '\t':
                    sb.Append("\\t");
                    break;
                case '\r':
                    sb.Append("\\r");
                    break;
                default:
                    // Control characters and the characters C# treats as line breaks must be escaped.
                    if (c < ' ' || c == '\u007F' || c == '\u0085' || c == '\u2028' || c == '\u2029')
                    {
                        sb.Append("\\u").Append(((int)c).ToString("X4", CultureInfo.InvariantCulture));
                    }
                    else
                    {
                        sb.Append(c);
                    }

                    break;
            }
        }

        return sb.Append('"').ToString();
    }

    /// <summary>
    /// A multi-line text as one verbatim literal (<c>@"..."</c>) whose lines are the text's own lines, so the YAML
    /// reads naturally in the generated file and costs the compiler a single token. Falls back to an escaped
    /// literal when the text holds a character a verbatim literal cannot carry unchanged (control characters other
    /// than tab and line feed, or the characters C# treats as line breaks).
    /// </summary>
    public static string Multiline(string value)
    {
        foreach (var c in value)
        {
            if ((c < ' ' && c is not '\n' and not '\t') || c is '\u007F' or '\u0085' or '\u2028' or '\u2029')
            {
                return Of(value);
            }
        }

        return "@\"" + value.Replace("\"", "\"\"") + "\"";
    }
}
