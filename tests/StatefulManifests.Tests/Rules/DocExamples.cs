namespace StatefulManifests.Tests.Rules;

/// <summary>Reads the example blocks of a docs/diagnostics page.</summary>
internal static class DocExamples
{
    /// <summary>The text of a <c>## </c> section, up to the next one.</summary>
    public static string Section(string page, string heading)
    {
        var start = page.IndexOf("\n" + heading + "\n", StringComparison.Ordinal);
        if (start < 0)
        {
            return string.Empty;
        }

        var end = page.IndexOf("\n## ", start + heading.Length + 2, StringComparison.Ordinal);
        return end < 0 ? page[start..] : page[start..end];
    }

    /// <summary>The first fenced block of <paramref name="language"/> in a section, or null.</summary>
    public static string? Block(string section, string language)
    {
        var fence = "```" + language + "\n";
        var start = section.IndexOf(fence, StringComparison.Ordinal);
        if (start < 0)
        {
            return null;
        }

        start += fence.Length;
        var end = section.IndexOf("\n```", start, StringComparison.Ordinal);
        return section[start..end] + "\n";
    }
}
