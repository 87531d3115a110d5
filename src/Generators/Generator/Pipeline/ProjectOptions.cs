using Microsoft.CodeAnalysis.Diagnostics;
using StatefulManifests.Generators.Helpers;

namespace StatefulManifests.Generators.Pipeline;

/// <summary>
/// The MSBuild properties the generator and the analyzers read (made visible to the compiler by the package's
/// props): the cluster domain and the environments declarations are evaluated for.
/// </summary>
internal static class ProjectOptions
{
    /// <summary>The property listing environments, separated by <c>;</c> or <c>,</c> (<c>dev;prod</c>).</summary>
    public const string EnvironmentsProperty = "StatefulManifestsEnvironments";

    /// <summary>
    /// The same list as the package's targets hand it to the compiler, comma-separated (in the editorconfig that
    /// carries build properties, <c>;</c> starts a comment, which cut <c>dev;prod</c> to <c>dev</c>).
    /// </summary>
    public const string EnvironmentListProperty = "StatefulManifestsEnvironmentList";

    /// <summary>The property naming the cluster DNS domain.</summary>
    public const string ClusterDomainProperty = "StatefulManifestsClusterDomain";

    /// <summary>The raw value of a build property, or null.</summary>
    public static string? Property(AnalyzerConfigOptions options, string name) =>
        options.TryGetValue("build_property." + name, out var value) && !string.IsNullOrWhiteSpace(value) ? value : null;

    /// <summary>The environments as the project lists them: the targets' comma-separated copy, else the property itself.</summary>
    public static string? EnvironmentsValue(AnalyzerConfigOptions options) =>
        Property(options, EnvironmentListProperty) ?? Property(options, EnvironmentsProperty);

    /// <summary>Every name listed, trimmed, in order, each once (ordinal).</summary>
    public static IReadOnlyList<string> ListedEnvironments(string? value) =>
        (value ?? string.Empty).Split([';', ','], StringSplitOptions.RemoveEmptyEntries)
            .Select(e => e.Trim())
            .Where(e => e.Length > 0)
            .Distinct(StringComparer.Ordinal)
            .ToList();

    /// <summary>The environments that are usable folder names (see <see cref="IsValidEnvironment"/>); the analyzers report the others.</summary>
    public static EquatableArray<string> Environments(string? value) =>
        ListedEnvironments(value).Where(IsValidEnvironment).ToEquatableArray();

    /// <summary>An environment becomes a folder name: at most 63 characters, by the build's own rule (<see cref="Shared.ManifestPaths.IsSafeSegment"/>).</summary>
    public static bool IsValidEnvironment(string name) => name.Length <= 63 && Shared.ManifestPaths.IsSafeSegment(name);
}
