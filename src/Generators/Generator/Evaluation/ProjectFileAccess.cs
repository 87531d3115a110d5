namespace StatefulManifests.Generators.Evaluation;

/// <summary>
/// What a declaration's evaluation may read of the project's files (the DSL's <see cref="ProjectFiles"/> reads, such
/// as <c>ConfigMapBuilder.File</c>), and a record of what it asked for. The compiler may not read the disk, so the
/// texts come from the project's <c>AdditionalFiles</c>: the analyzers look them up directly; the generator first
/// evaluates with <see cref="Recording"/> to learn which files a declaration reads, then again with exactly those
/// texts (<see cref="Of"/>), so an edit to one file re-evaluates only the declarations that read it.
/// </summary>
internal sealed class ProjectFileAccess
{
    private readonly Func<string, FileLookup> lookup;
    private readonly List<string> requested = [];
    private readonly List<string> unknown = [];

    private ProjectFileAccess(Func<string, FileLookup> lookup) => this.lookup = lookup;

    /// <summary>Knows no file: every read gives "no such file" and is recorded (the generator's first evaluation).</summary>
    public static ProjectFileAccess Recording() => new(_ => FileLookup.Unknown);

    /// <summary>Knows exactly <paramref name="files"/> (a null text: the project lists no such file); any other read is unknown.</summary>
    public static ProjectFileAccess Of(IEnumerable<ProjectFileText> files)
    {
        var texts = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (var file in files)
        {
            texts[file.Path] = file.Text;
        }

        return new(path => texts.TryGetValue(path, out var text) ? new FileLookup(true, text) : FileLookup.Unknown);
    }

    /// <summary>Knows every file <paramref name="read"/> gives (path → text, or null when the project lists none).</summary>
    public static ProjectFileAccess Direct(Func<string, string?> read) => new(path => new FileLookup(true, read(path)));

    /// <summary>The paths read, each once, in the order first read.</summary>
    public IReadOnlyList<string> Requested => requested;

    /// <summary>The paths read that this access had no answer for (for <see cref="Recording"/>: every one).</summary>
    public IReadOnlyList<string> Unknown => unknown;

    /// <summary>Makes the DSL read through this access until disposed.</summary>
    public IDisposable Use() => ProjectFiles.Use(Read);

    private string? Read(string path)
    {
        var found = lookup(path);
        if (!requested.Contains(path))
        {
            requested.Add(path);
            if (!found.Known)
            {
                unknown.Add(path);
            }
        }

        return found.Text;
    }

    private readonly record struct FileLookup(bool Known, string? Text)
    {
        public static FileLookup Unknown => new(false, null);
    }
}

/// <summary>The text of one project file as the compiler sees it, keyed by its <see cref="ProjectFiles.Normalize"/> path.</summary>
/// <param name="Path">The path relative to the project directory.</param>
/// <param name="Text">The file's text, or null when the project's <c>AdditionalFiles</c> list no such file.</param>
internal sealed record ProjectFileText(string Path, string? Text);
