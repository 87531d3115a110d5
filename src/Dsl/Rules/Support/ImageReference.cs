namespace StatefulManifests.Rules.Support;

/// <summary>
/// A container image reference split the way registries read it: <c>registry:5000/team/app:1.2@sha256:…</c>
/// has repository <c>registry:5000/team/app</c>, tag <c>1.2</c> and a digest. A colon before the last slash
/// belongs to a registry port, not to a tag.
/// </summary>
/// <param name="Repository">The repository (with registry).</param>
/// <param name="Tag">The tag, or null when there is none.</param>
/// <param name="Digest">The digest (<c>sha256:…</c>), or null.</param>
internal readonly record struct ImageReference(string Repository, string? Tag, string? Digest)
{
    /// <summary>True when the image floats: no digest and no tag or the tag <c>latest</c>.</summary>
    public bool IsLatestLike => Digest is null && (Tag is null || Tag == "latest");

    /// <summary>Splits an image reference.</summary>
    public static ImageReference Parse(string image)
    {
        string? digest = null;
        var at = image.IndexOf('@');
        if (at >= 0)
        {
            digest = image.Substring(at + 1);
            image = image.Substring(0, at);
        }

        var colon = image.LastIndexOf(':');
        var slash = image.LastIndexOf('/');
        return colon > slash
            ? new ImageReference(image.Substring(0, colon), image.Substring(colon + 1), digest)
            : new ImageReference(image, null, digest);
    }
}
