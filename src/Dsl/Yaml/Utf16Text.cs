namespace StatefulManifests.Yaml;

/// <summary>
/// Unpaired UTF-16 surrogates: .NET strings can hold them, Unicode text (and so a YAML file) cannot. Writing one
/// gives U+FFFD, exactly what saving the text as UTF-8 would do; reading reports where it is.
/// </summary>
internal static class Utf16Text
{
    /// <summary>The index of the first unpaired surrogate, or -1.</summary>
    public static int IndexOfLoneSurrogate(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(text[i]))
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>
    /// <paramref name="text"/> with every unpaired surrogate written as <c>\uD800</c>, so text built from it (a field
    /// path in a message, a log line) is itself valid Unicode and still shows which code unit was wrong.
    /// </summary>
    public static string EscapeLoneSurrogates(string text)
    {
        if (IndexOfLoneSurrogate(text) < 0)
        {
            return text;
        }

        var sb = new System.Text.StringBuilder(text.Length + 8);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                sb.Append(c).Append(text[++i]);
            }
            else if (char.IsSurrogate(c))
            {
                sb.Append("\\u").Append(((int)c).ToString("X4", System.Globalization.CultureInfo.InvariantCulture));
            }
            else
            {
                sb.Append(c);
            }
        }

        return sb.ToString();
    }

    /// <summary><paramref name="text"/> with every unpaired surrogate replaced by U+FFFD.</summary>
    public static string ReplaceLoneSurrogates(string text)
    {
        if (IndexOfLoneSurrogate(text) < 0)
        {
            return text;
        }

        var chars = text.ToCharArray();
        for (var i = 0; i < chars.Length; i++)
        {
            if (char.IsHighSurrogate(chars[i]) && i + 1 < chars.Length && char.IsLowSurrogate(chars[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(chars[i]))
            {
                chars[i] = '\uFFFD';
            }
        }

        return new string(chars);
    }
}
