namespace StatefulManifests.Cli.Reports;

/// <summary>
/// How a SARIF result names its file. SARIF (§3.4.3, and the Multitool's rule SARIF1004) wants either an absolute
/// URI or a relative reference resolved against a named base (<c>uriBaseId</c>); a bare <c>/tmp/web.yaml</c> is
/// neither. Files under the working directory become relative references against <see cref="SourceRoot"/>, which
/// is what GitHub code scanning maps onto the repository checkout; files elsewhere become absolute <c>file:</c> URIs.
/// </summary>
/// <param name="Uri">The URI or relative reference, percent-escaped per segment.</param>
/// <param name="BaseId">The base the relative reference resolves against, or <see langword="null"/> for an absolute URI.</param>
internal sealed record SarifArtifactUri(string Uri, string? BaseId)
{
    /// <summary>The base id of the working directory, as SARIF producers conventionally name the source root.</summary>
    public const string SourceRoot = "%SRCROOT%";

    /// <summary>The name standard input goes by in the reports.</summary>
    public const string StandardInput = "stdin";

    /// <summary>The location of <paramref name="name"/> (a path as given on the command line, or <c>stdin</c>).</summary>
    public static SarifArtifactUri For(string name, string workingDirectory)
    {
        if (name == StandardInput)
        {
            return new SarifArtifactUri(StandardInput, null);
        }

        var full = Path.GetFullPath(name, workingDirectory);
        var relative = Path.GetRelativePath(workingDirectory, full);
        var outside = relative == ".." || relative.StartsWith(".." + Path.DirectorySeparatorChar, StringComparison.Ordinal) || Path.IsPathRooted(relative);
        return outside
            ? new SarifArtifactUri(new Uri(full).AbsoluteUri, null)
            : new SarifArtifactUri(EscapeSegments(relative), SourceRoot);
    }

    /// <summary>The absolute URI of the working directory, ending in <c>/</c> so relative references resolve under it.</summary>
    public static string BaseUri(string workingDirectory)
    {
        var uri = new Uri(Path.GetFullPath(workingDirectory)).AbsoluteUri;
        return uri.EndsWith('/') ? uri : uri + "/";
    }

    private static string EscapeSegments(string relativePath) =>
        string.Join('/', relativePath.Split(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar).Select(System.Uri.EscapeDataString));
}
