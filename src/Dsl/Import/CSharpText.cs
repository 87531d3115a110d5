using System.Globalization;
using System.Text;

namespace StatefulManifests.Import;

/// <summary>C# spellings: string literals that survive any text, and valid, deterministic identifiers.</summary>
internal static class CSharpText
{
    private static readonly HashSet<string> Keywords = new(StringComparer.Ordinal)
    {
        "abstract", "as", "base", "bool", "break", "byte", "case", "catch", "char", "checked", "class", "const", "continue",
        "decimal", "default", "delegate", "do", "double", "else", "enum", "event", "explicit", "extern", "false", "finally",
        "fixed", "float", "for", "foreach", "goto", "if", "implicit", "in", "int", "interface", "internal", "is", "lock",
        "long", "namespace", "new", "null", "object", "operator", "out", "override", "params", "private", "protected",
        "public", "readonly", "ref", "return", "sbyte", "sealed", "short", "sizeof", "stackalloc", "static", "string",
        "struct", "switch", "this", "throw", "true", "try", "typeof", "uint", "ulong", "unchecked", "unsafe", "ushort",
        "using", "virtual", "void", "volatile", "while",
    };

    /// <summary>
    /// A regular string literal for <paramref name="value"/>: quotes, backslashes and control characters escaped, and
    /// every character that is not printable (format characters, unassigned code points, private use, lone surrogates —
    /// which a UTF-8 source file cannot even hold) written as <c>\uXXXX</c>, so the literal means exactly the same
    /// UTF-16 text on every machine. Printable non-ASCII letters are kept as they are, for readability.
    /// </summary>
    public static string Literal(string value)
    {
        var text = new StringBuilder(value.Length + 2).Append('"');
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            switch (c)
            {
                case '"': text.Append("\\\""); continue;
                case '\\': text.Append("\\\\"); continue;
                case '\n': text.Append("\\n"); continue;
                case '\r': text.Append("\\r"); continue;
                case '\t': text.Append("\\t"); continue;
                case '\0': text.Append("\\0"); continue;
            }

            if (char.IsHighSurrogate(c) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
            {
                var category = CharUnicodeInfo.GetUnicodeCategory(value, i);
                if (IsPrintable(category))
                {
                    text.Append(c).Append(value[i + 1]);
                }
                else
                {
                    text.Append("\\U").Append(char.ConvertToUtf32(c, value[i + 1]).ToString("X8", CultureInfo.InvariantCulture));
                }

                i++;
                continue;
            }

            if (c < ' ' || c > '~' && !IsPrintable(CharUnicodeInfo.GetUnicodeCategory(c)))
            {
                text.Append("\\u").Append(((int)c).ToString("X4", CultureInfo.InvariantCulture));
                continue;
            }

            text.Append(c);
        }

        return text.Append('"').ToString();
    }

    /// <summary>
    /// Text that stays inside a <c>//</c> comment: line breaks (including U+0085, U+2028, U+2029), other control
    /// characters and lone surrogates become <c>\uXXXX</c>, so no input can end the comment and become code.
    /// </summary>
    public static string CommentText(string text)
    {
        var escaped = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            var pair = char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]);
            if (pair)
            {
                escaped.Append(c).Append(text[++i]);
            }
            else if (char.IsControl(c) || char.IsSurrogate(c) || c is '\u2028' or '\u2029')
            {
                escaped.Append("\\u").Append(((int)c).ToString("X4", CultureInfo.InvariantCulture));
            }
            else
            {
                escaped.Append(c);
            }
        }

        return escaped.ToString();
    }

    /// <summary>
    /// The C# spelling of a class name given by the user: itself when valid, with <c>@</c> when it is a keyword
    /// (<c>class</c> → <c>@class</c>), null when it cannot be an identifier.
    /// </summary>
    public static string? ClassName(string name)
    {
        var bare = name.StartsWith("@", StringComparison.Ordinal) ? name.Substring(1) : name;
        var valid = bare.Length > 0 && (char.IsLetter(bare[0]) || bare[0] == '_') && bare.All(c => char.IsLetterOrDigit(c) || c == '_');
        return !valid ? null : Keywords.Contains(bare) ? "@" + bare : bare;
    }

    /// <summary>An identifier as C# source spells it: <c>operator</c> → <c>@operator</c>.</summary>
    public static string Escaped(string name) => Keywords.Contains(name) ? "@" + name : name;

    /// <summary>
    /// A PascalCase identifier for a Kubernetes name: <c>my-db</c> → <c>MyDb</c>, <c>web.v2</c> → <c>WebV2</c>; a
    /// leading digit gets an underscore, a keyword an <c>@</c>, and nothing usable becomes <paramref name="fallback"/>.
    /// </summary>
    public static string Identifier(string name, string fallback)
    {
        var text = new StringBuilder();
        var upper = true;
        foreach (var c in name)
        {
            if (char.IsLetterOrDigit(c))
            {
                text.Append(upper ? char.ToUpperInvariant(c) : c);
                upper = false;
            }
            else
            {
                upper = true;
            }
        }

        var identifier = text.Length == 0 ? fallback : text.ToString();
        if (char.IsDigit(identifier[0]))
        {
            identifier = "_" + identifier;
        }

        return Keywords.Contains(identifier) ? "@" + identifier : identifier;
    }

    /// <summary>
    /// <paramref name="wanted"/>, or with the first free suffix <c>2</c>, <c>3</c> ... when <paramref name="taken"/> (ordinal)
    /// already holds it; the result is added to <paramref name="taken"/>. Deterministic for the same order of names.
    /// </summary>
    public static string Unique(string wanted, HashSet<string> taken)
    {
        var candidate = wanted;
        for (var n = 2; !taken.Add(candidate.TrimStart('@')); n++)
        {
            candidate = wanted.TrimStart('@') + n.ToString(CultureInfo.InvariantCulture);
        }

        return candidate;
    }

    /// <summary>A C# namespace made of valid identifiers (each dotted part as <see cref="Identifier"/> would, keeping its case).</summary>
    public static bool IsValidNamespace(string name) =>
        name.Length > 0 && name.Split('.').All(part => part.Length > 0 && !Keywords.Contains(part) && (char.IsLetter(part[0]) || part[0] == '_') && part.All(c => char.IsLetterOrDigit(c) || c == '_'));

    private static bool IsPrintable(UnicodeCategory category) => category is not (UnicodeCategory.Control or UnicodeCategory.Format
        or UnicodeCategory.Surrogate or UnicodeCategory.PrivateUse or UnicodeCategory.OtherNotAssigned
        or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator or UnicodeCategory.SpaceSeparator);
}
