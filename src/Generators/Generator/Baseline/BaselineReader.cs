using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using StatefulManifests.Generators.Helpers;
using StatefulManifests.Model;
using StatefulManifests.Rules;
using StatefulManifests.Yaml;

namespace StatefulManifests.Generators.Baseline;

/// <summary>
/// Reads the released manifests the build hands the compiler: <c>AdditionalFiles</c> with the
/// <c>StatefulManifestsBaseline</c> metadata (its value is the file's path under the baseline folder). Each file is read
/// on its own step, so an edit to one re-reads only that file.
/// </summary>
internal static class BaselineReader
{
    /// <summary>The item metadata that marks a baseline file (made visible to the compiler by the package's props).</summary>
    public const string Metadata = "StatefulManifestsBaseline";

    /// <summary>The file's path under the baseline folder when it is a baseline file, else null.</summary>
    public static string? RelativePathOf(AdditionalText file, AnalyzerConfigOptionsProvider options) =>
        options.GetOptions(file).TryGetValue("build_metadata.AdditionalFiles." + Metadata, out var value) && !string.IsNullOrWhiteSpace(value)
            ? value.Replace('\\', '/')
            : null;

    /// <summary>Reads one baseline file; never throws (what it cannot read becomes an SM1009 finding in the file).</summary>
    public static BaselineFile Read(AdditionalText file, string relativePath, CancellationToken cancellationToken)
    {
        try
        {
            var text = file.GetText(cancellationToken);
            if (text is null)
            {
                return Unreadable(file.Path, relativePath, "cannot read the file");
            }

            // The reader's limit holds before parsing: a huge file is reported, not parsed.
            if (text.Length > ManifestYaml.MaxTextLength)
            {
                return Unreadable(file.Path, relativePath, "the released manifest is larger than " + (ManifestYaml.MaxTextLength / (1024 * 1024)) + " MiB; it was not read");
            }

            var read = ManifestYaml.Read(text.ToString(), file.Path);
            var problems = read.Errors
                .Select(e => new FindingInfo(RuleIds.UnreadableManifest, new[] { e.Path.ToString() is { Length: > 0 } p ? p : "document", "released manifest: " + e.Message }.ToEquatableArray(), At(file.Path, text, e.Position)))
                .ToEquatableArray();
            return new BaselineFile(
                file.Path,
                relativePath,
                read.Documents.OfType<StatefulSet>().ToEquatableArray(),
                read.Documents.OfType<Service>().ToEquatableArray(),
                problems);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            return Unreadable(file.Path, relativePath, "the released manifest could not be read: " + e.Message);
        }
    }

    private static BaselineFile Unreadable(string path, string relativePath, string message) =>
        new(path, relativePath, EquatableArray<StatefulSet>.Empty, EquatableArray<Service>.Empty,
            new[] { new FindingInfo(RuleIds.UnreadableManifest, new[] { "document", message }.ToEquatableArray(), new FileLocation(path, default, default)) }.ToEquatableArray());

    private static FileLocation At(string path, SourceText text, Validation.SourcePosition? position)
    {
        if (position is not { } p || p.Line < 1 || p.Line > text.Lines.Count)
        {
            return new FileLocation(path, default, default);
        }

        var line = text.Lines[p.Line - 1];
        var column = Math.Max(0, Math.Min(p.Column - 1, line.Span.Length));
        var start = new LinePosition(p.Line - 1, column);
        return new FileLocation(path, new TextSpan(line.Start + column, 0), new LinePositionSpan(start, start));
    }
}
