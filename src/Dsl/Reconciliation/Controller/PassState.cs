using StatefulManifests.Model;

namespace StatefulManifests.Reconciliation;

/// <summary>
/// The working data of one pass (§B.4 steps 1–6 — updateStatefulSet in stateful_set_control.go): the live set, the two revisions, the in-range slots indexed by
/// <c>ordinal − start</c> (a null slot is a placeholder), the condemned pods sorted by ordinal descending, the
/// first unavailable pod, and the status counters. Indexing by ordinal keeps a pass linear in the number of pods.
/// </summary>
internal sealed class PassState
{
    public PassState(StatefulSet set, RevisionPair revisions, IReadOnlyList<SimulatedPod> pods, DateTimeOffset now)
    {
        Set = set;
        Revisions = revisions;
        Now = now;
        var spec = set.Spec!;
        Start = spec.Ordinals?.Start ?? 0;
        ReplicaCount = spec.Replicas ?? 0;
        MinReadySeconds = spec.MinReadySeconds ?? 0;
        Monotonic = spec.PodManagementPolicy?.Known != PodManagementPolicy.Parallel;
        Replicas = new SimulatedPod?[ReplicaCount];
        PlaceholderRevisions = new string?[ReplicaCount];
        foreach (var pod in pods)
        {
            if (pod.Ordinal >= Start && pod.Ordinal < (long)Start + ReplicaCount)
            {
                Replicas[pod.Ordinal - Start] = pod;
            }
            else if (pod.Ordinal >= 0)
            {
                Condemned.Add(pod);
            }
        }

        for (var i = 0; i < ReplicaCount; i++)
        {
            if (Replicas[i] is null)
            {
                PlaceholderRevisions[i] = RevisionChoice.ForNewPod(set, revisions, Start + i).Name;
            }
        }

        Condemned.Sort((a, b) => b.Ordinal.CompareTo(a.Ordinal));
        FirstUnavailable = FindFirstUnavailable();
    }

    public StatefulSet Set { get; }

    public RevisionPair Revisions { get; }

    public DateTimeOffset Now { get; }

    public int Start { get; }

    public int ReplicaCount { get; }

    public int MinReadySeconds { get; }

    /// <summary>OrderedReady (one pod at a time, wait for health) rather than Parallel.</summary>
    public bool Monotonic { get; }

    /// <summary>In-range pods by index (<c>ordinal − start</c>); null is a placeholder (not created, as far as this pass's copy knows).</summary>
    public SimulatedPod?[] Replicas { get; }

    /// <summary>For each placeholder, the revision a new pod there gets (§B.6 — newVersionedStatefulSetPod in stateful_set_utils.go).</summary>
    public string?[] PlaceholderRevisions { get; }

    /// <summary>Pods with a valid ordinal outside the range, highest ordinal first.</summary>
    public List<SimulatedPod> Condemned { get; } = new();

    /// <summary>
    /// The lowest-index unavailable replica (a placeholder counts), or else the lowest-ordinal unavailable condemned
    /// pod; "none" when everything is healthy. A placeholder is named by its ordinal so condemned pods never match it.
    /// </summary>
    public string? FirstUnavailable { get; }

    /// <summary>currentReplicas decrements made by rolling-update deletions (§B.8 — computeReplicaStatus / completeRollingUpdate).</summary>
    public int CurrentReplicasAdjustment { get; set; }

    public string PodNameAt(int index) => PodIdentity.PodName(Set.Metadata!.Name!, Start + index);

    public string RevisionAt(int index) => Replicas[index]?.Revision ?? PlaceholderRevisions[index] ?? string.Empty;

    public SimulatedRevision RevisionNamed(string name) => name == Revisions.Update.Name ? Revisions.Update : Revisions.Current;

    public bool IsUnavailable(SimulatedPod? pod) => PodConditions.IsUnavailable(pod, MinReadySeconds, Now);

    private string? FindFirstUnavailable()
    {
        for (var i = 0; i < ReplicaCount; i++)
        {
            if (IsUnavailable(Replicas[i]))
            {
                return Replicas[i]?.Name ?? "placeholder " + PodNameAt(i);
            }
        }

        for (var i = Condemned.Count - 1; i >= 0; i--)
        {
            if (IsUnavailable(Condemned[i]))
            {
                return Condemned[i].Name;
            }
        }

        return null;
    }
}
