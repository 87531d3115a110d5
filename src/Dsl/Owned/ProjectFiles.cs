using System.Threading;

namespace StatefulManifests;

/// <summary>
/// Where <see cref="ConfigMapBuilder.File(string, string?)"/> reads a project file from. At compile time the
/// compiler reads the project's <c>AdditionalFiles</c> (never the disk). At run time (a test, a program, the build's
/// fallback evaluation) a path is relative to the project directory: the nearest directory, from the current one
/// upwards, holding a <c>*.csproj</c> (the build runs declarations in the project directory; <c>dotnet test</c> runs
/// beneath it, in <c>bin/</c>), else the current directory; a file not there is looked up in the application's base
/// directory, where <c>CopyToOutputDirectory</c> puts it — so the tests of another project that references the
/// workloads' project find the files it copies to its output. <see cref="Use"/> replaces the reader for the calls in
/// its scope (a test's in-memory files, or the compiler's view of the files).
/// </summary>
public static class ProjectFiles
{
    private static readonly AsyncLocal<Func<string, string?>?> Reader = new();

    /// <summary>
    /// Reads project files with <paramref name="reader"/> (a path as <see cref="Normalize"/> spells it → the file's
    /// text, or null when there is no such file) until the result is disposed, on this async flow only.
    /// </summary>
    /// <param name="reader">The reader; it may throw to say files cannot be read here.</param>
    public static IDisposable Use(Func<string, string?> reader)
    {
        var previous = Reader.Value;
        Reader.Value = reader ?? throw new ArgumentNullException(nameof(reader));
        return new Scope(previous);
    }

    /// <summary>The text of the project file <paramref name="path"/>, or null when it does not exist.</summary>
    /// <param name="path">The path relative to the project directory, as <see cref="Normalize"/> gives it.</param>
    internal static string? Read(string path)
    {
        if (Reader.Value is { } reader)
        {
            return reader(path);
        }

        foreach (var root in new[] { ProjectDirectory(), AppContext.BaseDirectory })
        {
            var full = Path.Combine(root, path);
            if (File.Exists(full))
            {
                return File.ReadAllText(full, System.Text.Encoding.UTF8);
            }
        }

        return null;
    }

    /// <summary>
    /// The one spelling of a project file's path that readers are asked for: relative to the project directory, '/'
    /// separators, no <c>.</c> or <c>..</c> segments and no empty ones (<c>./config//a/../pg.conf</c> →
    /// <c>config/pg.conf</c>). Null when the path is empty, rooted, names a drive or climbs out of the project. The
    /// compiler keys the project's <c>AdditionalFiles</c> the same way, so both find a file under the same name.
    /// </summary>
    /// <param name="path">The path as written.</param>
    public static string? Normalize(string path)
    {
        if (path is null)
        {
            return null;
        }

        var separated = path.Replace('\\', '/');
        if (separated.Length == 0 || separated[0] == '/' || separated.Contains(":"))
        {
            return null;
        }

        var segments = new List<string>();
        foreach (var segment in separated.Split('/'))
        {
            if (segment == "..")
            {
                if (segments.Count == 0)
                {
                    return null;
                }

                segments.RemoveAt(segments.Count - 1);
            }
            else if (segment is not ("" or "."))
            {
                segments.Add(segment);
            }
        }

        return segments.Count == 0 ? null : string.Join("/", segments);
    }

    private static string ProjectDirectory()
    {
        var start = Directory.GetCurrentDirectory();
        for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
        {
            if (dir.EnumerateFiles("*.csproj").Any())
            {
                return dir.FullName;
            }
        }

        return start;
    }

    private sealed class Scope(Func<string, string?>? previous) : IDisposable
    {
        public void Dispose() => Reader.Value = previous;
    }
}
