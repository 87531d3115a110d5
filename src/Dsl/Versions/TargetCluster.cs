using StatefulManifests.Reconciliation;

namespace StatefulManifests.Versions;

/// <summary>
/// The cluster the manifests are for: a Kubernetes release and its feature gates. Validation and linting follow it —
/// a field the release does not have is an error, a field whose gate is off is dropped as the API server drops it.
/// <c>new TargetCluster()</c> (<see cref="Default"/>) is the newest release the project models with its default gates;
/// <see cref="FeatureGates"/> follows <see cref="Version"/> until set explicitly.
/// </summary>
public sealed record TargetCluster
{
    private readonly FeatureGates? featureGates;

    /// <summary>Kubernetes <see cref="KubernetesVersion.Newest"/> with its default gates.</summary>
    public static TargetCluster Default { get; } = new();

    /// <summary>The release (default <see cref="KubernetesVersion.Newest"/>).</summary>
    public KubernetesVersion Version { get; init; } = KubernetesVersion.Newest;

    /// <summary>The gates (default: <see cref="FeatureGates.For"/> the <see cref="Version"/>).</summary>
    public FeatureGates FeatureGates { get => featureGates ?? FeatureGates.For(Version); init => featureGates = value; }

    /// <summary>True when this is <see cref="Default"/> (the newest release, its default gates).</summary>
    public bool IsDefault => Equals(Default);

    /// <summary>A release with its default gates.</summary>
    public static TargetCluster For(KubernetesVersion version) => new() { Version = version };

    /// <summary>
    /// Reads a target as the MSBuild properties spell it: <paramref name="version"/> as
    /// <see cref="KubernetesVersion.TryParse(string?, out KubernetesVersion, out string)"/> reads it (blank: the newest),
    /// and <paramref name="featureGates"/> in <c>--feature-gates</c> syntax (<c>MaxUnavailableStatefulSet=true,Foo=false</c>;
    /// blank: the release's defaults). Never throws: every problem is in <see cref="TargetClusterReading.Errors"/>, and
    /// the target keeps what could be read (an unreadable version falls back to the newest).
    /// </summary>
    public static TargetClusterReading Read(string? version, string? featureGates)
    {
        var errors = new List<string>();
        var release = KubernetesVersion.Newest;
        if (!string.IsNullOrWhiteSpace(version))
        {
            if (KubernetesVersion.TryParse(version, out var parsed, out var error))
            {
                release = parsed;
            }
            else
            {
                errors.Add(error);
            }
        }

        var gates = FeatureGates.For(release);
        var set = false;
        foreach (var item in (featureGates ?? string.Empty).Split(','))
        {
            var entry = item.Trim();
            if (entry.Length == 0)
            {
                continue;
            }

            if (GateSetting(entry, release, out var name, out var value) is { } problem)
            {
                errors.Add(problem);
                continue;
            }

            gates = gates.With(name, value);
            set = true;
        }

        var target = new TargetCluster { Version = release };
        return new TargetClusterReading(set ? target with { FeatureGates = gates } : target, errors);
    }

    /// <inheritdoc />
    public bool Equals(TargetCluster? other) => other is not null && Version == other.Version && FeatureGates.Equals(other.FeatureGates);

    /// <inheritdoc />
    public override int GetHashCode() => (Version.GetHashCode() * 397) ^ FeatureGates.GetHashCode();

    /// <summary><c>Kubernetes 1.30</c>, with the gates that differ from the release's defaults (<c>Kubernetes 1.30 (StatefulSetStartOrdinal=false)</c>).</summary>
    public override string ToString()
    {
        var defaults = FeatureGates.For(Version);
        var changed = FeatureGates.Values.Where(g => defaults.IsEnabled(g.Key) != g.Value).Select(g => g.Key + "=" + (g.Value ? "true" : "false")).ToList();
        return "Kubernetes " + Version + (changed.Count == 0 ? string.Empty : " (" + string.Join(",", changed) + ")");
    }

    // One Name=value entry; null when it can be applied, else why not (in the API server's terms where it has them).
    private static string? GateSetting(string entry, KubernetesVersion release, out string name, out bool value)
    {
        value = false;
        var equals = entry.IndexOf('=');
        name = equals < 0 ? entry : entry.Substring(0, equals).Trim();
        var text = equals < 0 ? string.Empty : entry.Substring(equals + 1).Trim();
        if (equals < 0 || name.Length == 0 || !bool.TryParse(text, out value))
        {
            return "'" + entry + "' is not a feature gate setting; write Name=true or Name=false, separated by commas";
        }

        if (KubernetesFeatures.Gate(name) is not { } gate)
        {
            return "'" + name + "' is not a feature gate that changes StatefulSet fields or behaviour (those are "
                + string.Join(", ", KubernetesFeatures.Gates.Select(g => g.Name)) + "; gate names are case-sensitive)";
        }

        if (gate.At(release) is not { } stage)
        {
            return name + " does not exist in Kubernetes " + release + " (it appeared in " + gate.Introduced.ReleaseName + "), so an API server of that release does not start with it";
        }

        if (stage.Stage == FeatureStage.GA && !value)
        {
            return name + " is GA in Kubernetes " + release + " (since " + gate.GeneralAvailability?.ReleaseName + ") and locked on; it cannot be turned off";
        }

        return null;
    }
}

/// <summary>A target read from text: what could be read, and every problem found.</summary>
/// <param name="Target">The target (what could be read; defaults elsewhere).</param>
/// <param name="Errors">Every problem, each a sentence naming the bad value; empty when all was read.</param>
public sealed record TargetClusterReading(TargetCluster Target, IReadOnlyList<string> Errors);
