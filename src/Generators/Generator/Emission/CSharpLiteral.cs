using Microsoft.CodeAnalysis.CSharp;

namespace StatefulManifests.Generators.Emission;

/// <summary>C# string literals for generated code: regular escaped literals, valid in every C# version.</summary>
internal static class CSharpLiteral
{
    /// <summary>One literal on one line (Roslyn's own escaping: control and line-break characters as <c>\uXXXX</c>).</summary>
    public static string Of(string value) => SymbolDisplay.FormatLiteral(value, quote: true);

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
