using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using StatefulManifests.Generators.Evaluation;

namespace StatefulManifests.Generators.Pipeline;

/// <summary>
/// The project's <c>AdditionalFiles</c> by the path a declaration names them with: relative to the project directory
/// (the SDK's <c>ProjectDir</c> property, visible to the compiler), spelled as <see cref="ProjectFiles.Normalize"/>
/// spells it. A file outside the project directory has no such path and cannot be read. Texts are read only when
/// asked for, so listing large files the declarations never read costs nothing.
/// </summary>
internal sealed class ProjectFileIndex
{
    private readonly Dictionary<string, AdditionalText> files;

    private ProjectFileIndex(Dictionary<string, AdditionalText> files) => this.files = files;

    /// <summary>The index of <paramref name="additionalFiles"/>, relative to the project directory <paramref name="options"/> name.</summary>
    public static ProjectFileIndex Create(IEnumerable<AdditionalText> additionalFiles, AnalyzerConfigOptions options)
    {
        var projectDirectory = ProjectOptions.Property(options, "ProjectDir");
        var byPath = new Dictionary<string, AdditionalText>(StringComparer.Ordinal);
        foreach (var file in additionalFiles)
        {
            // The first listing of a path wins, as the build would hand the same file once.
            if (RelativePath(file.Path, projectDirectory) is { } path && !byPath.ContainsKey(path))
            {
                byPath.Add(path, file);
            }
        }

        return new ProjectFileIndex(byPath);
    }

    /// <summary>The text of the file at <paramref name="path"/> (a normalized project path), or null when none is listed or it cannot be read.</summary>
    public string? Read(string path, CancellationToken cancellationToken) =>
        files.TryGetValue(path, out var file) ? file.GetText(cancellationToken)?.ToString() : null;

    /// <summary>The texts of <paramref name="paths"/>, in their order (null for a file the project does not list).</summary>
    public IEnumerable<ProjectFileText> Texts(IEnumerable<string> paths, CancellationToken cancellationToken) =>
        paths.Select(p => new ProjectFileText(p, Read(p, cancellationToken)));

    /// <summary>
    /// <paramref name="filePath"/> relative to <paramref name="projectDirectory"/>, normalized; null when it lies outside.
    /// A relative path (a compilation without a project, as in tests) is taken as relative to the project already.
    /// </summary>
    internal static string? RelativePath(string filePath, string? projectDirectory)
    {
        var path = filePath.Replace('\\', '/');
        if (!IsRooted(path))
        {
            return ProjectFiles.Normalize(path);
        }

        if (string.IsNullOrEmpty(projectDirectory))
        {
            return null;
        }

        var directory = projectDirectory!.Replace('\\', '/').TrimEnd('/') + "/";

        // Windows paths differ in case only between spellings of the same file; elsewhere case matters.
        var comparison = directory.Length > 1 && directory[1] == ':' ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal;
        return path.StartsWith(directory, comparison) ? ProjectFiles.Normalize(path.Substring(directory.Length)) : null;
    }

    private static bool IsRooted(string path) => path.StartsWith("/", StringComparison.Ordinal) || (path.Length > 1 && path[1] == ':');
}
