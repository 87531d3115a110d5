namespace StatefulManifests.Cli.Lint;

/// <summary>The texts to lint and the inputs that could not be read.</summary>
/// <param name="Sources">Each text with the name positions use (the path as given, <c>stdin</c> for <c>-</c>).</param>
/// <param name="Problems">One line per unreadable input.</param>
internal sealed record ResolvedInputs(IReadOnlyList<(string Name, string Yaml)> Sources, IReadOnlyList<string> Problems);

/// <summary>Turns the command line's paths into texts: files, folders (recursively), a <c>*</c>/<c>?</c> glob in the last segment, <c>-</c>.</summary>
internal static class InputFiles
{
    /// <summary>The largest input read (the reader's own limit, checked before reading).</summary>
    private static readonly long MaxBytes = Yaml.ManifestYaml.MaxTextLength;

    /// <summary>Reads every input, in the order given (folders and globs in ordinal order of their paths).</summary>
    public static ResolvedInputs Resolve(IReadOnlyList<string> paths, TextReader stdin)
    {
        var sources = new List<(string, string)>();
        var problems = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var path in paths)
        {
            if (path == "-")
            {
                sources.Add(("stdin", stdin.ReadToEnd()));
                continue;
            }

            var files = Expand(path, out var problem);
            if (problem is not null)
            {
                problems.Add(problem);
                continue;
            }

            foreach (var file in files.Where(f => seen.Add(Path.GetFullPath(f))))
            {
                try
                {
                    if (new FileInfo(file).Length > MaxBytes)
                    {
                        problems.Add(file + ": larger than " + (MaxBytes / (1024 * 1024)) + " MiB; not read");
                        continue;
                    }

                    sources.Add((file, File.ReadAllText(file)));
                }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException)
                {
                    problems.Add(file + ": " + e.Message);
                }
            }
        }

        return new ResolvedInputs(sources, problems);
    }

    private static IReadOnlyList<string> Expand(string path, out string? problem)
    {
        problem = null;
        if (Directory.Exists(path))
        {
            var found = Directory.EnumerateFiles(path, "*", SearchOption.AllDirectories).Where(IsManifest).OrderBy(f => f, StringComparer.Ordinal).ToList();
            problem = found.Count == 0 ? path + ": no .yaml or .yml files in this folder" : null;
            return found;
        }

        if (File.Exists(path))
        {
            return [path];
        }

        var name = Path.GetFileName(path);
        if (name.IndexOfAny(['*', '?']) >= 0)
        {
            var folder = Path.GetDirectoryName(path) is { Length: > 0 } d ? d : ".";
            var matched = Directory.Exists(folder) ? Directory.EnumerateFiles(folder, name).OrderBy(f => f, StringComparer.Ordinal).ToList() : [];
            problem = matched.Count == 0 ? path + ": no file matches" : null;
            return matched;
        }

        problem = path + ": no such file or folder";
        return [];
    }

    private static bool IsManifest(string file) =>
        file.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase) || file.EndsWith(".yml", StringComparison.OrdinalIgnoreCase);
}
