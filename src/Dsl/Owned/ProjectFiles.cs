using System.Threading;

namespace StatefulManifests;

/// <summary>
/// Where <see cref="ConfigMapBuilder.File(string, string?)"/> reads a project file from. At run time (a test, a
/// program, the build's fallback evaluation) a path is relative to the project directory: the nearest directory,
/// from the current one upwards, holding a <c>*.csproj</c> (the build runs declarations in the project directory;
/// <c>dotnet test</c> runs beneath it, in <c>bin/</c>), else the current directory. <see cref="Use"/> replaces the
/// reader for the calls in its scope: a test's in-memory files, or the compiler's view of the project's
/// <c>AdditionalFiles</c>, where reading the disk is not allowed.
/// </summary>
public static class ProjectFiles
{
    private static readonly AsyncLocal<Func<string, string?>?> Reader = new();

    /// <summary>
    /// Reads project files with <paramref name="reader"/> (a relative path with '/' separators → the file's text, or
    /// null when there is no such file) until the result is disposed, on this async flow only.
    /// </summary>
    /// <param name="reader">The reader; it may throw to say files cannot be read here.</param>
    public static IDisposable Use(Func<string, string?> reader)
    {
        var previous = Reader.Value;
        Reader.Value = reader ?? throw new ArgumentNullException(nameof(reader));
        return new Scope(previous);
    }

    /// <summary>The text of the project file <paramref name="path"/>, or null when it does not exist.</summary>
    /// <param name="path">The path relative to the project directory.</param>
    internal static string? Read(string path)
    {
        var normalized = path.Replace('\\', '/');
        if (Reader.Value is { } reader)
        {
            return reader(normalized);
        }

        var full = Path.Combine(ProjectDirectory(), normalized);
        return File.Exists(full) ? File.ReadAllText(full, System.Text.Encoding.UTF8) : null;
    }

    /// <summary>Whether <paramref name="path"/> stays inside the project: relative, and never climbing out with <c>..</c>.</summary>
    internal static bool IsProjectRelative(string path)
    {
        var normalized = path.Replace('\\', '/');
        if (normalized.Length == 0 || normalized[0] == '/' || normalized.Contains(":"))
        {
            return false;
        }

        var depth = 0;
        foreach (var segment in normalized.Split('/'))
        {
            depth += segment == ".." ? -1 : segment is "" or "." ? 0 : 1;
            if (depth < 0)
            {
                return false;
            }
        }

        return depth > 0;
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
