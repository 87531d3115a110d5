using System.Globalization;

namespace StatefulManifests.Reconciliation;

/// <summary>
/// Which pods a fault applies to. Matches are evaluated against every pod, including pods created after the fault
/// was set up, so <c>PodMatch.Image("nginx:broken")</c> describes "every pod of the bad revision".
/// </summary>
public sealed class PodMatch
{
    private readonly Func<SimulatedPod, bool> predicate;

    private PodMatch(string description, Func<SimulatedPod, bool> predicate)
    {
        Description = description;
        this.predicate = predicate;
    }

    /// <summary>Every pod.</summary>
    public static PodMatch All { get; } = new("all pods", _ => true);

    /// <summary>What the match selects, in words (shown in explanations).</summary>
    public string Description { get; }

    /// <summary>The pod at <paramref name="ordinal"/> (every incarnation of it).</summary>
    public static PodMatch Ordinal(int ordinal) => new("ordinal " + ordinal.ToString(CultureInfo.InvariantCulture), p => p.Ordinal == ordinal);

    /// <summary>The pods at any of <paramref name="ordinals"/>.</summary>
    public static PodMatch Ordinals(params int[] ordinals)
    {
        var set = new HashSet<int>(ordinals);
        return new("ordinals " + string.Join(", ", ordinals.Select(o => o.ToString(CultureInfo.InvariantCulture))), p => set.Contains(p.Ordinal));
    }

    /// <summary>Pods with a container (or init container) running <paramref name="image"/>.</summary>
    public static PodMatch Image(string image) => new("image " + image, p =>
        (p.Spec.Containers?.Any(c => c.Image == image) ?? false) || (p.Spec.InitContainers?.Any(c => c.Image == image) ?? false));

    /// <summary>Pods built from the ControllerRevision named <paramref name="revisionName"/>.</summary>
    public static PodMatch Revision(string revisionName) => new("revision " + revisionName, p => p.Revision == revisionName);

    /// <summary>Pods satisfying a predicate of your own.</summary>
    public static PodMatch Where(Func<SimulatedPod, bool> predicate, string description) =>
        new(description, predicate ?? throw new ArgumentNullException(nameof(predicate)));

    /// <summary>The pod at an ordinal.</summary>
    public static implicit operator PodMatch(int ordinal) => Ordinal(ordinal);

    /// <summary>True when the fault applies to <paramref name="pod"/>.</summary>
    public bool Matches(SimulatedPod pod) => predicate(pod);

    /// <inheritdoc />
    public override string ToString() => Description;
}
