namespace StatefulManifests.Versions;

/// <summary>The maturity of a Kubernetes feature gate in one release.</summary>
public enum FeatureStage
{
    /// <summary>Alpha: off by default.</summary>
    Alpha,

    /// <summary>Beta: on or off by default, depending on the feature.</summary>
    Beta,

    /// <summary>Generally available: on, and locked on (setting it to false stops the API server from starting).</summary>
    GA,
}

/// <summary>One change of a gate: from <paramref name="Since"/> on, it is at <paramref name="Stage"/> with <paramref name="Default"/>.</summary>
/// <param name="Since">The first release (a patch when a patch release changed it, such as 1.35.4).</param>
/// <param name="Stage">The stage.</param>
/// <param name="Default">Whether the gate is on when the cluster does not set it.</param>
public sealed record FeatureGateStage(KubernetesVersion Since, FeatureStage Stage, bool Default);

/// <summary>
/// A feature gate's history: its stage and default in each release, as the Kubernetes feature-gates page and
/// <c>pkg/features/kube_features.go</c> (<c>defaultVersionedKubernetesFeatureGates</c>) give them.
/// </summary>
public sealed record FeatureGateHistory
{
    /// <summary>Creates a history; <paramref name="stages"/> are oldest first.</summary>
    public FeatureGateHistory(string name, string source, params FeatureGateStage[] stages)
    {
        Name = name;
        Source = source;
        Stages = Model.ValueList.Of(stages);
    }

    /// <summary>The gate's name, as <c>--feature-gates</c> spells it.</summary>
    public string Name { get; }

    /// <summary>Where the stages were read (documentation page, source file, KEP).</summary>
    public string Source { get; }

    /// <summary>The stage changes, oldest first.</summary>
    public Model.ValueList<FeatureGateStage> Stages { get; }

    /// <summary>The release the gate (and the field it guards) first appeared in.</summary>
    public KubernetesVersion Introduced => Stages[0].Since;

    /// <summary>The stage at <paramref name="version"/>, or null when the gate does not exist yet.</summary>
    public FeatureGateStage? At(KubernetesVersion version) => Stages.LastOrDefault(s => s.Since <= version);

    /// <summary>Whether the gate is on by default at <paramref name="version"/> (false before it exists).</summary>
    public bool DefaultAt(KubernetesVersion version) => At(version)?.Default ?? false;

    /// <summary>The first release where the gate is GA, or null.</summary>
    public KubernetesVersion? GeneralAvailability => Stages.FirstOrDefault(s => s.Stage == FeatureStage.GA)?.Since;
}
