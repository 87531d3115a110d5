namespace StatefulManifests.Generators.Shared;

/// <summary>
/// Where a workload's manifest goes under the output folder. One source file compiled into the generator (which
/// names the files of the workloads it evaluates, and whose analyzers report a reserved name), the host (which names
/// those of the workloads it runs) and the build task (which checks them again), so they always agree.
/// </summary>
internal static class ManifestPaths
{
    /// <summary>
    /// <c>&lt;name&gt;.yaml</c>, keeping letters, digits, <c>-</c>, <c>_</c> and <c>.</c> and replacing anything else
    /// (path separators above all) with <c>-</c>, so the build task can never write outside its folder.
    /// </summary>
    public static string FileName(string name)
    {
        var safe = new string(name.Select(c => c < 128 && (char.IsLetterOrDigit(c) || c is '-' or '_' or '.') ? c : '-').ToArray()).Trim('.');
        return (safe.Length == 0 ? "workload" : safe) + ".yaml";
    }

    /// <summary>
    /// The file of a workload: the attribute's <c>FileName</c> for a declaration of one workload, else the
    /// StatefulSet's name (each workload of a sequence is its own file).
    /// </summary>
    public static string FileName(string workloadName, string? fileNameOverride, bool isSequence) =>
        FileName(isSequence ? workloadName : fileNameOverride ?? workloadName);

    /// <summary>The names kustomize reads as a folder's kustomization: the build writes one, so no manifest may take them (any letter case).</summary>
    public static readonly IReadOnlyList<string> KustomizationFileNames = ["kustomization.yaml", "kustomization.yml", "kustomization"];

    /// <summary>True when a manifest may not be called <paramref name="fileName"/> (a kustomization's name).</summary>
    public static bool IsReserved(string fileName) => KustomizationFileNames.Contains(fileName, StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// True for a file or folder name the build writes: ASCII letters, digits, <c>-</c>, <c>_</c> and <c>.</c>, not
    /// empty, not starting with a dot (so never <c>.</c>, <c>..</c> or a hidden file). Environments are folders, so
    /// the generator accepts exactly the environment names the build task will write.
    /// </summary>
    public static bool IsSafeSegment(string name) =>
        name.Length > 0
        && name[0] != '.'
        && name.All(c => c < 128 && (char.IsLetterOrDigit(c) || c is '-' or '_' or '.'));

    /// <summary>The rollout plan written beside a manifest: <c>web.yaml</c> → <c>web.plan.md</c>.</summary>
    public static string PlanFileName(string manifestFileName) =>
        (manifestFileName.EndsWith(".yaml", StringComparison.Ordinal) ? manifestFileName.Substring(0, manifestFileName.Length - ".yaml".Length) : manifestFileName) + ".plan.md";

    /// <summary>The path under the output folder: <c>&lt;environment&gt;/&lt;file&gt;</c>, or the file alone.</summary>
    public static string RelativePath(string? environment, string fileName) => environment is null ? fileName : environment + "/" + fileName;
}
