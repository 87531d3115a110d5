using StatefulManifests.Model;

namespace StatefulManifests.Rules.Support;

/// <summary>
/// The ordinals a StatefulSet's pods can have: from <c>spec.ordinals.start</c> (0 when unset), as many as the most
/// replicas it may run — <c>spec.replicas</c> (default 1), or an autoscaler's <c>maxReplicas</c> when one targets the
/// set and allows more (reference §A.1: a pod is in range if start ≤ ordinal ≤ start + replicas − 1).
/// </summary>
internal readonly record struct SetOrdinals(int Start, int Count, int? AutoscalerMaximum)
{
    /// <summary>The last ordinal that can run (Start − 1 when the set runs none).</summary>
    public int End => Start + Count - 1;

    /// <summary>True when a pod with <paramref name="ordinal"/> can run.</summary>
    public bool Contains(int ordinal) => ordinal >= Start && ordinal <= End;

    /// <summary>Every ordinal that can run, in order.</summary>
    public IEnumerable<int> All => Enumerable.Range(Start, Math.Max(0, Count));

    /// <summary>The ordinals of <paramref name="workload"/>'s set.</summary>
    public static SetOrdinals Of(WorkloadContext workload)
    {
        var start = Math.Max(0, workload.Spec.Ordinals?.Start ?? 0);
        var replicas = Math.Max(0, workload.Spec.Replicas ?? 1);
        int? maximum = Reliability.Autoscalers.Of(workload).Select(h => h.Spec?.MaxReplicas).Where(m => m is not null).Max();
        return new SetOrdinals(start, Math.Max(replicas, maximum ?? 0), maximum > replicas ? maximum : null);
    }

    /// <summary>The labels the controller gives the pod of <paramref name="ordinal"/> (template labels, pod name, pod index).</summary>
    public static ValueMap<string> PodLabels(WorkloadContext workload, int ordinal) =>
        workload.PodLabels
            .SetItem(Reconciliation.WellKnownLabels.PodName, StatefulSetNames.PodName(workload.StatefulSet.Metadata?.Name ?? string.Empty, ordinal))
            .SetItem(Reconciliation.WellKnownLabels.PodIndex, ordinal.ToString(System.Globalization.CultureInfo.InvariantCulture));
}
