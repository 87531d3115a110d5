using System.Globalization;
using StatefulManifests.Validation;

namespace StatefulManifests;

/// <summary>RFC 6901 JSON pointers: parsing into reference tokens and mapping onto Kubernetes field paths.</summary>
internal static class JsonPointer
{
    /// <summary>Splits a pointer into unescaped tokens; false with a reason for a malformed pointer.</summary>
    public static bool TryParse(string pointer, out IReadOnlyList<string> tokens, out string error)
    {
        tokens = [];
        error = string.Empty;
        if (pointer.Length == 0)
        {
            return true;
        }

        if (pointer[0] != '/')
        {
            error = "a JSON pointer must be empty or start with \"/\"";
            return false;
        }

        var parts = pointer.Substring(1).Split('/');
        var result = new List<string>(parts.Length);
        foreach (var part in parts)
        {
            for (var i = 0; i < part.Length; i++)
            {
                if (part[i] == '~' && (i + 1 >= part.Length || (part[i + 1] != '0' && part[i + 1] != '1')))
                {
                    error = "\"~\" must be escaped as \"~0\" (and \"/\" as \"~1\") in a JSON pointer";
                    return false;
                }
            }

            result.Add(part.Replace("~1", "/").Replace("~0", "~"));
        }

        tokens = result;
        return true;
    }

    /// <summary>A list index token: <c>0</c> or digits without a leading zero, within int range.</summary>
    public static bool TryIndex(string token, out int index)
    {
        index = -1;
        if (token.Length == 0 || (token.Length > 1 && token[0] == '0') || token.Any(c => c < '0' || c > '9'))
        {
            return false;
        }

        return int.TryParse(token, NumberStyles.None, CultureInfo.InvariantCulture, out index);
    }

    /// <summary>The Kubernetes field path a pointer names (<c>/spec/ports/0/name</c> → <c>spec.ports[0].name</c>).</summary>
    public static FieldPath ToFieldPath(IEnumerable<string> tokens)
    {
        var path = FieldPath.Document;
        foreach (var token in tokens)
        {
            path = TryIndex(token, out var index) && !ReferenceEquals(path, FieldPath.Document) ? path.Index(index) : path.Child(token);
        }

        return path;
    }

    /// <summary>The field path of a pointer, or the whole document when the pointer is malformed.</summary>
    public static FieldPath ToFieldPath(string pointer) => TryParse(pointer, out var tokens, out _) ? ToFieldPath(tokens) : FieldPath.Document;

    /// <summary>The pointer made of the first <paramref name="count"/> tokens (for messages).</summary>
    public static string Prefix(IReadOnlyList<string> tokens, int count) =>
        string.Concat(tokens.Take(count).Select(t => "/" + t.Replace("~", "~0").Replace("/", "~1")));
}
