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
    /// A multi-line text as a constant concatenation with one literal per line, so the YAML reads naturally in the
    /// generated file; returns the lines to place after <c>=</c> (the caller indents and terminates them).
    /// </summary>
    public static IReadOnlyList<string> Lines(string value)
    {
        if (value.Length == 0)
        {
            return ["\"\""];
        }

        var lines = new List<string>();
        var start = 0;
        while (start < value.Length)
        {
            var end = value.IndexOf('\n', start);
            var stop = end < 0 ? value.Length : end + 1;
            lines.Add(Of(value.Substring(start, stop - start)));
            start = stop;
        }

        return lines;
    }
}
