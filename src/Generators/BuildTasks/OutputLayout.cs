namespace StatefulManifests.BuildTasks;

/// <summary>
/// Which relative paths the build writes under the output folder: <c>name.yaml</c>, or <c>&lt;environment&gt;/name.yaml</c>
/// (one folder level), every segment ASCII letters, digits, <c>-</c>, <c>_</c> and <c>.</c>, not only dots, not
/// starting with a dot; a manifest is never a kustomization file. Nothing it accepts can leave the folder.
/// </summary>
internal static class OutputLayout
{
    /// <summary>The kustomization file the build writes in each folder that has manifests.</summary>
    public const string KustomizationFile = "kustomization.yaml";

    private static readonly string[] ManifestExtensions = [".yaml", ".yml", ".json"];

    /// <summary>True for a path a manifest may be written to.</summary>
    public static bool IsSafeManifestPath(string path) =>
        IsSafeRelativePath(path) && !Generators.Shared.ManifestPaths.IsReserved(FileOf(path)) && FileOf(path).EndsWith(".yaml", StringComparison.Ordinal);

    /// <summary>
    /// True for a path another output file (a rollout plan) may be written to: a safe path that is not a
    /// kustomization and not <c>.yaml</c>, <c>.yml</c> or <c>.json</c>, which <c>kubectl apply -f &lt;folder&gt;</c> would
    /// read as a manifest.
    /// </summary>
    public static bool IsSafeOtherFilePath(string path) =>
        IsSafeRelativePath(path) && !Generators.Shared.ManifestPaths.IsReserved(FileOf(path))
        && !ManifestExtensions.Any(e => FileOf(path).EndsWith(e, StringComparison.OrdinalIgnoreCase));

    /// <summary>True for a file or <c>folder/file</c> whose segments are safe names.</summary>
    public static bool IsSafeRelativePath(string path)
    {
        var segments = path.Split('/');
        return segments.Length is 1 or 2 && segments.All(Generators.Shared.ManifestPaths.IsSafeSegment);
    }

    /// <summary>The folder part of a relative path, or empty for the root.</summary>
    public static string FolderOf(string relativePath) => relativePath.IndexOf('/') is var slash and >= 0 ? relativePath.Substring(0, slash) : string.Empty;

    /// <summary>The file part of a relative path.</summary>
    public static string FileOf(string relativePath) => relativePath.Substring(relativePath.LastIndexOf('/') + 1);

    /// <summary><paramref name="file"/> in <paramref name="folder"/> (the root when empty).</summary>
    public static string Combine(string folder, string file) => folder.Length == 0 ? file : folder + "/" + file;

    /// <summary>The full path of a relative path under <paramref name="directory"/>.</summary>
    public static string FullPath(string directory, string relativePath) => Path.Combine(directory, relativePath.Replace('/', Path.DirectorySeparatorChar));

}
