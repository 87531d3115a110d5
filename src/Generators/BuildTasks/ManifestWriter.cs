using System.Text;

namespace StatefulManifests.BuildTasks;

/// <summary>What one run of <see cref="ManifestWriter"/> did.</summary>
internal sealed class ManifestWriteResult
{
    /// <summary>Every file the task owns after the run (manifests and kustomization.yaml), full paths.</summary>
    public List<string> Owned { get; } = [];

    /// <summary>Files whose bytes changed (written) in this run.</summary>
    public List<string> Written { get; } = [];

    /// <summary>Stale files removed in this run.</summary>
    public List<string> Removed { get; } = [];

    /// <summary>Problems that stop the run (duplicate or unsafe file names).</summary>
    public List<string> Errors { get; } = [];

    /// <summary>Things left alone on purpose (a stale file changed by someone else).</summary>
    public List<string> Warnings { get; } = [];
}

/// <summary>
/// Writes manifests to the output folder: one file per workload (environments in their own folders) plus a
/// <c>kustomization.yaml</c> in each folder; rewrites a file only
/// when its bytes differ; removes files it wrote earlier that no workload produces any more (only if unchanged since);
/// never touches anything else. File names come from the generator and are checked again here.
/// </summary>
internal static class ManifestWriter
{
    /// <summary>The kustomization file's name.</summary>
    public const string KustomizationFile = "kustomization.yaml";

    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    /// <summary>
    /// Writes <paramref name="manifests"/> into <paramref name="outputDirectory"/>, tracking ownership in
    /// <paramref name="stateFile"/>. <paramref name="invalid"/> names the paths of workloads that are invalid this
    /// build: a file an earlier build wrote for one stays as it was (with a warning) instead of being removed.
    /// </summary>
    public static ManifestWriteResult Write(IReadOnlyList<EmbeddedManifest> manifests, string outputDirectory, string stateFile, IReadOnlyCollection<string>? invalid = null)
    {
        var result = new ManifestWriteResult();
        var directory = Path.GetFullPath(outputDirectory);
        var files = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var manifest in manifests)
        {
            if (!IsSafeRelativePath(manifest.FileName))
            {
                result.Errors.Add("'" + manifest.FileName + "' is not a plain .yaml file name (optionally in one environment folder); the workload's manifest was not written");
            }
            else if (files.ContainsKey(manifest.FileName))
            {
                result.Errors.Add("two workloads write '" + manifest.FileName + "'; give one a different name or [StatefulWorkload(FileName = \"...\")]");
            }
            else
            {
                files[manifest.FileName] = manifest.Yaml;
            }
        }

        if (result.Errors.Count > 0)
        {
            return result;
        }

        // Each folder that has manifests gets the kustomization of its own manifests (the root, each environment).
        foreach (var folder in files.Keys.Select(FolderOf).Distinct(StringComparer.Ordinal).ToList())
        {
            files[Combine(folder, KustomizationFile)] = Kustomization(files.Keys.Where(f => FolderOf(f) == folder).Select(f => f.Substring(folder.Length == 0 ? 0 : folder.Length + 1)));
        }

        var previous = WrittenFilesState.Load(stateFile);
        var current = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var kept in (invalid ?? []).Where(IsSafeRelativePath).Where(r => !files.ContainsKey(r)))
        {
            var path = Path.Combine(directory, kept.Replace('/', Path.DirectorySeparatorChar));
            if (previous.Hashes.TryGetValue(path, out var hash) && File.Exists(path))
            {
                current[path] = hash;
                result.Owned.Add(path);
                result.Warnings.Add("kept '" + path + "' as the last build wrote it: its workload is invalid (see the errors), so no new manifest was written");
            }
        }

        foreach (var file in files)
        {
            var path = Path.Combine(directory, file.Key.Replace('/', Path.DirectorySeparatorChar));
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            var bytes = Utf8.GetBytes(file.Value);
            current[path] = WrittenFilesState.Hash(bytes);
            result.Owned.Add(path);
            if (!File.Exists(path) || !SameBytes(File.ReadAllBytes(path), bytes))
            {
                File.WriteAllBytes(path, bytes);
                result.Written.Add(path);
            }
        }

        foreach (var stale in previous.Hashes.Where(p => !current.ContainsKey(p.Key)))
        {
            if (!File.Exists(stale.Key))
            {
                continue;
            }

            if (WrittenFilesState.Hash(File.ReadAllBytes(stale.Key)) == stale.Value)
            {
                File.Delete(stale.Key);
                result.Removed.Add(stale.Key);
            }
            else
            {
                result.Warnings.Add("left '" + stale.Key + "' in place: no workload produces it any more, but it changed since the build wrote it");
            }
        }

        var state = WrittenFilesState.Of(current).Serialize();
        if (!File.Exists(stateFile) || File.ReadAllText(stateFile) != state)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(stateFile))!);
            File.WriteAllText(stateFile, state, Utf8);
        }

        return result;
    }

    /// <summary>The kustomization listing the manifests, so <c>kubectl apply -k</c> applies them all.</summary>
    public static string Kustomization(IEnumerable<string> manifestFiles) =>
        "# Generated by StatefulManifests from this project's [StatefulWorkload] declarations.\n" +
        "apiVersion: kustomize.config.k8s.io/v1beta1\n" +
        "kind: Kustomization\n" +
        "resources:\n" +
        string.Concat(manifestFiles.Where(f => f != KustomizationFile).OrderBy(f => f, StringComparer.Ordinal).Select(f => "- " + f + "\n"));

    /// <summary>A file name, or <c>&lt;environment&gt;/&lt;file name&gt;</c>: nothing that can leave the folder.</summary>
    private static bool IsSafeRelativePath(string path)
    {
        var slash = path.IndexOf('/');
        return slash < 0 ? IsSafeFileName(path) : IsSafeFolderName(path.Substring(0, slash)) && IsSafeFileName(path.Substring(slash + 1));
    }

    private static bool IsSafeFolderName(string name) =>
        name.Length > 0
        && name.Trim('.').Length > 0
        && name.All(c => c < 128 && (char.IsLetterOrDigit(c) || c is '-' or '_' or '.'));

    private static string FolderOf(string relativePath) => relativePath.IndexOf('/') is var slash and >= 0 ? relativePath.Substring(0, slash) : string.Empty;

    private static string Combine(string folder, string file) => folder.Length == 0 ? file : folder + "/" + file;

    private static bool IsSafeFileName(string name) =>
        name.EndsWith(".yaml", StringComparison.Ordinal)
        && name != KustomizationFile
        && name.Length > ".yaml".Length
        && name.IndexOfAny(['/', '\\', ':']) < 0
        && name.IndexOfAny(Path.GetInvalidFileNameChars()) < 0
        && !name.StartsWith(".", StringComparison.Ordinal);

    private static bool SameBytes(byte[] a, byte[] b) => a.Length == b.Length && a.SequenceEqual(b);
}
