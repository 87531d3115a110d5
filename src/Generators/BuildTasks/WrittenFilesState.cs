using System.Security.Cryptography;
using System.Text;

namespace StatefulManifests.BuildTasks;

/// <summary>
/// The files the task wrote in earlier builds, with the SHA-256 of what it wrote, kept in a state file in obj/.
/// Paths are relative to the output folder, so a copied project (obj/ included) owns its own copies and never the
/// original's; a line that is not a safe relative path (an absolute path, <c>..</c>) is ignored with a warning, so a
/// damaged or edited state file can never make the build delete something outside the folder. A file counts as the
/// build's only while its bytes still hash to what was written.
/// </summary>
internal sealed class WrittenFilesState
{
    private const string Header = "# StatefulManifests: files this project's build wrote (SHA-256, path relative to the output folder)";

    private readonly Dictionary<string, string> hashes;

    private WrittenFilesState(Dictionary<string, string> hashes) => this.hashes = hashes;

    /// <summary>Relative path (<c>/</c>-separated) → SHA-256 (hex) of the bytes written.</summary>
    public IReadOnlyDictionary<string, string> Hashes => hashes;

    /// <summary>
    /// Loads the state, or an empty state when the file is missing. Lines of the first format (absolute paths) are
    /// kept when they are inside <paramref name="outputDirectory"/>; anything else unsafe is reported in <paramref name="problems"/>.
    /// </summary>
    public static WrittenFilesState Load(string path, string outputDirectory, ICollection<BuildProblem> problems)
    {
        var hashes = new Dictionary<string, string>(StringComparer.Ordinal);
        if (!File.Exists(path))
        {
            return new WrittenFilesState(hashes);
        }

        var prefix = outputDirectory.TrimEnd(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar) + Path.DirectorySeparatorChar;
        foreach (var line in SafeFiles.Guard(path, "read", () => File.ReadAllLines(path)))
        {
            if (line.Length == 0 || line.StartsWith("#", StringComparison.Ordinal))
            {
                continue;
            }

            var space = line.IndexOf(' ');
            var hash = space == 64 ? line.Substring(0, 64) : null;
            var file = space == 64 ? line.Substring(65) : string.Empty;
            if (file.StartsWith(prefix, StringComparison.Ordinal))
            {
                file = file.Substring(prefix.Length).Replace(Path.DirectorySeparatorChar, '/');
            }

            if (hash is null || !hash.All(Uri.IsHexDigit) || !OutputLayout.IsSafeRelativePath(file))
            {
                problems.Add(BuildProblem.Warning(BuildCodes.DamagedState, path, "ignored a line of the state file that is not a hash and a path inside the output folder: '" + line + "'"));
                continue;
            }

            hashes[file] = hash;
        }

        return new WrittenFilesState(hashes);
    }

    /// <summary>A state of the given files.</summary>
    public static WrittenFilesState Of(IEnumerable<KeyValuePair<string, string>> files) =>
        new(files.ToDictionary(f => f.Key, f => f.Value, StringComparer.Ordinal));

    /// <summary>The text of the state file (sorted, so unchanged state means unchanged bytes).</summary>
    public string Serialize() =>
        Header + "\n" + string.Concat(hashes.OrderBy(h => h.Key, StringComparer.Ordinal).Select(h => h.Value + " " + h.Key + "\n"));

    /// <summary>SHA-256 of some bytes as lowercase hex.</summary>
    public static string Hash(byte[] bytes)
    {
        using var sha = SHA256.Create();
        var sb = new StringBuilder(64);
        foreach (var b in sha.ComputeHash(bytes))
        {
            sb.Append(b.ToString("x2", System.Globalization.CultureInfo.InvariantCulture));
        }

        return sb.ToString();
    }
}
