using System.Security.Cryptography;
using System.Text;

namespace StatefulManifests.BuildTasks;

/// <summary>
/// The files the task wrote in earlier builds, with the SHA-256 of what it wrote, kept in a state file in obj/.
/// It lets the task remove its own stale files (a workload that no longer exists) and nothing else: a file it did
/// not write, or one changed since, is never deleted.
/// </summary>
internal sealed class WrittenFilesState
{
    private readonly Dictionary<string, string> hashes;

    private WrittenFilesState(Dictionary<string, string> hashes) => this.hashes = hashes;

    /// <summary>Full path → SHA-256 (hex) of the bytes written.</summary>
    public IReadOnlyDictionary<string, string> Hashes => hashes;

    /// <summary>Loads the state, or an empty state when the file is missing or unreadable.</summary>
    public static WrittenFilesState Load(string path)
    {
        var hashes = new Dictionary<string, string>(StringComparer.Ordinal);
        if (File.Exists(path))
        {
            foreach (var line in File.ReadAllLines(path))
            {
                var space = line.IndexOf(' ');
                if (space == 64)
                {
                    hashes[line.Substring(space + 1)] = line.Substring(0, space);
                }
            }
        }

        return new WrittenFilesState(hashes);
    }

    /// <summary>A state of the given files.</summary>
    public static WrittenFilesState Of(IEnumerable<KeyValuePair<string, string>> files) =>
        new(files.ToDictionary(f => f.Key, f => f.Value, StringComparer.Ordinal));

    /// <summary>The text of the state file (sorted, so unchanged state means unchanged bytes).</summary>
    public string Serialize() =>
        string.Concat(hashes.OrderBy(h => h.Key, StringComparer.Ordinal).Select(h => h.Value + " " + h.Key + "\n"));

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
