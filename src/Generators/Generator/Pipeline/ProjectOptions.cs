using Microsoft.CodeAnalysis.Diagnostics;
using StatefulManifests.Generators.Helpers;
using StatefulManifests.Versions;

namespace StatefulManifests.Generators.Pipeline;

/// <summary>
/// The MSBuild properties the generator and the analyzers read (made visible to the compiler by the package's
/// props): the cluster domain, the environments declarations are evaluated for, and the target cluster (Kubernetes
/// release and feature gates) they are checked for.
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

    /// <summary>The property naming the Kubernetes release the manifests are for (<c>1.31</c>; default the newest modelled).</summary>
    public const string KubernetesVersionProperty = "StatefulManifestsKubernetesVersion";

    /// <summary>The property setting feature gates, in <c>--feature-gates</c> syntax (<c>MaxUnavailableStatefulSet=true,Foo=false</c>).</summary>
    public const string FeatureGatesProperty = "StatefulManifestsFeatureGates";

    /// <summary>
    /// The target cluster the project's properties describe, read by the DSL's <see cref="TargetCluster.Read"/> (the
    /// one parser), with each problem and the property it is in. Never throws: a bad value leaves the default in place.
    /// </summary>
    public static TargetSetting Target(AnalyzerConfigOptions options)
    {
        var version = Property(options, KubernetesVersionProperty);
        var gates = Property(options, FeatureGatesProperty);
        var versionOnly = TargetCluster.Read(version, null);
        var full = TargetCluster.Read(version, gates);
        var problems = versionOnly.Errors.Select(e => (KubernetesVersionProperty, e))
            .Concat(full.Errors.Skip(versionOnly.Errors.Count).Select(e => (FeatureGatesProperty, e)))
            .ToList();
        return new TargetSetting(full.Target, problems);
    }

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

/// <summary>The target cluster read from the project, and each problem with the property it is in.</summary>
/// <param name="Target">The target (defaults where a value could not be read).</param>
/// <param name="Problems">Each problem: the MSBuild property and what is wrong with its value.</param>
internal sealed record TargetSetting(TargetCluster Target, IReadOnlyList<(string Property, string Message)> Problems);
