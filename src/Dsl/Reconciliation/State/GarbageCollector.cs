using StatefulManifests.Model;

namespace StatefulManifests.Reconciliation;

/// <summary>How the dependents of a deleted StatefulSet are treated (Kubernetes' <c>propagationPolicy</c>).</summary>
public enum DeletionPropagation
{
    /// <summary>The set goes at once; the garbage collector then deletes its pods, revisions and owned claims (kubectl's default).</summary>
    Background,

    /// <summary>The set stays (with a deletionTimestamp) until its pods are gone; the controller only writes status meanwhile.</summary>
    Foreground,

    /// <summary>The set goes; its pods, revisions and claims stay, with the owner references removed.</summary>
    Orphan,
}

/// <summary>
/// The garbage collector and the PVC protection controller. Objects whose owners are all gone are deleted (after
/// <see cref="SimulationOptions.GarbageCollectionDelayTicks"/>); dangling refs next to a live owner are removed; a
/// terminating claim disappears once no scheduled pod mounts it, whatever that pod's phase (pvc_protection_controller.go,
/// <c>podUsesPVC</c>). Foreground and orphan deletion of the set are finished here. With
/// <see cref="SimulationOptions.AutomaticGarbageCollection"/> off the collector only runs when a test asks
/// (<see cref="CollectNow"/>, for everything or for the dependents of one owner); PVC protection always runs. Deleting a set never removes its pods in reverse ordinal order: they all go at once (§B.9 — KEP-1847, stateful_pod_control.go).
/// </summary>
internal sealed class GarbageCollector
{
    public const string ForegroundFinalizer = "foregroundDeletion";
    public const string OrphanFinalizer = "orphan";

    private readonly ApiServer api;
    private readonly SimulationOptions options;
    private readonly Dictionary<string, int> waiting;

    public GarbageCollector(ApiServer api, SimulationOptions options)
        : this(api, options, new Dictionary<string, int>(StringComparer.Ordinal))
    {
    }

    private GarbageCollector(ApiServer api, SimulationOptions options, Dictionary<string, int> waiting)
    {
        this.api = api;
        this.options = options;
        this.waiting = waiting;
    }

    private ClusterStore Store => api.Store;

    /// <summary>True while something waits for the collection delay to pass.</summary>
    public bool HasPendingWork => waiting.Count > 0 || (options.AutomaticGarbageCollection && SetDeletionCanProgress());

    // A set being deleted keeps the collector busy while it has pods left to delete, or none left (it goes next tick).
    // Once every pod is terminating the kubelet finishes them — or cannot, on a lost node, which is then a fixed point.
    private bool SetDeletionCanProgress()
    {
        var set = Store.StatefulSet;
        if (set?.Metadata?.DeletionTimestamp is null)
        {
            return false;
        }

        var owned = Store.Pods.Values.Where(p => p.OwnerReferences.Any(r => r.Uid == set.Metadata.Uid)).ToList();
        return owned.Count == 0 || owned.Any(p => !p.IsTerminating);
    }

    /// <summary>One collection round; returns what it removed, for the timeline.</summary>
    public IReadOnlyList<string> Tick()
    {
        var notes = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        if (options.AutomaticGarbageCollection)
        {
            FinishSetDeletion(notes);
            CollectDependents(seen, notes, owner: null, immediately: false);
        }

        ReleaseProtectedClaims(seen, notes);
        foreach (var key in waiting.Keys.Where(k => !seen.Contains(k)).ToList())
        {
            waiting.Remove(key);
        }

        return notes;
    }

    /// <summary>
    /// One collection round now, without the delay: every object with a gone owner (<paramref name="owner"/> null), or
    /// only the dependents of the gone owner <paramref name="owner"/> (kind and name, e.g. <c>("Pod", "web-2")</c>).
    /// </summary>
    public IReadOnlyList<string> CollectNow((string Kind, string Name)? owner)
    {
        var notes = new List<string>();
        if (owner is null || (owner.Value.Kind == OwnerReferences.StatefulSetKind && owner.Value.Name == Store.StatefulSet?.Metadata?.Name))
        {
            FinishSetDeletion(notes);
        }

        CollectDependents(new HashSet<string>(StringComparer.Ordinal), notes, owner, immediately: true);
        return notes;
    }

    public GarbageCollector Clone(ApiServer newApi) => new(newApi, options, new Dictionary<string, int>(waiting, StringComparer.Ordinal));

    private void FinishSetDeletion(List<string> notes)
    {
        var set = Store.StatefulSet;
        var finalizers = set?.Metadata?.Finalizers;
        if (set?.Metadata?.DeletionTimestamp is null || finalizers is null)
        {
            return;
        }

        var uid = set.Metadata.Uid;
        if (finalizers.Contains(OrphanFinalizer))
        {
            foreach (var pod in Store.Pods.Values.Where(p => p.OwnerReferences.Any(r => r.Uid == uid)).ToList())
            {
                Store.PutPod(pod with { OwnerReferences = pod.OwnerReferences.RemoveAll(r => r.Uid == uid) });
            }

            foreach (var claim in Store.Claims.Values.Where(c => c.OwnerReferences.Any(r => r.Uid == uid)).ToList())
            {
                Store.PutClaim(claim with { OwnerReferences = claim.OwnerReferences.RemoveAll(r => r.Uid == uid) });
            }

            foreach (var revision in Store.Revisions.Values.Where(r => r.OwnerReferences.Any(o => o.Uid == uid)).ToList())
            {
                Store.PutRevision(revision with { OwnerReferences = revision.OwnerReferences.RemoveAll(r => r.Uid == uid) });
            }

            Store.SetStatefulSet(null);
            notes.Add("orphaned the dependents of statefulset " + set.Metadata.Name + " and removed it");
            return;
        }

        if (finalizers.Contains(ForegroundFinalizer))
        {
            // All dependents at once: no reverse ordinal order, no sequencing.
            foreach (var pod in Store.Pods.Values.Where(p => !p.IsTerminating && p.OwnerReferences.Any(r => r.Uid == uid)).OrderBy(p => p.Name, StringComparer.Ordinal).ToList())
            {
                api.DeletePod(pod.Name);
                notes.Add("deleted pod " + pod.Name + " (foreground deletion of its StatefulSet)");
            }

            foreach (var revision in Store.Revisions.Values.Where(r => r.OwnerReferences.Any(o => o.Uid == uid)).ToList())
            {
                api.DeleteRevision(revision.Name);
            }

            foreach (var claim in Store.Claims.Values.Where(c => !c.IsTerminating && c.OwnerReferences.Any(r => r.Uid == uid)).ToList())
            {
                api.DeleteClaim(claim.Name);
                notes.Add("deleted claim " + claim.Name + " (owned by the deleted StatefulSet)");
            }

            if (!Store.Pods.Values.Any(p => p.OwnerReferences.Any(r => r.Uid == uid && r.BlockOwnerDeletion == true)))
            {
                Store.SetStatefulSet(null);
                notes.Add("removed statefulset " + set.Metadata.Name + " (foreground deletion finished)");
            }
        }
    }

    private void CollectDependents(HashSet<string> seen, List<string> notes, (string Kind, string Name)? owner, bool immediately)
    {
        bool IsCandidate(ValueList<OwnerReference> references) => owner is { } only
            ? references.Any(r => r.Kind == only.Kind && r.Name == only.Name && !Store.OwnerExists(r))
            : HasDanglingOwner(references);

        // Find the objects with a dangling owner first (cheap, allocation-free), then act on them.
        var pods = new List<SimulatedPod>();
        foreach (var pod in Store.Pods.Values)
        {
            if (!pod.IsTerminating && IsCandidate(pod.OwnerReferences))
            {
                pods.Add(pod);
            }
        }

        foreach (var pod in pods)
        {
            if (Collect("pod:" + pod.Uid, pod.OwnerReferences, seen, immediately, refs => Store.PutPod(pod with { OwnerReferences = refs })))
            {
                api.DeletePod(pod.Name);
                notes.Add("garbage-collected pod " + pod.Name + " (owner gone)");
            }
        }

        var claims = new List<SimulatedClaim>();
        foreach (var claim in Store.Claims.Values)
        {
            if (!claim.IsTerminating && IsCandidate(claim.OwnerReferences))
            {
                claims.Add(claim);
            }
        }

        foreach (var claim in claims)
        {
            if (Collect("claim:" + claim.Uid, claim.OwnerReferences, seen, immediately, refs => Store.PutClaim(claim with { OwnerReferences = refs })))
            {
                api.DeleteClaim(claim.Name);
                notes.Add("garbage-collected claim " + claim.Name + " (owner " + string.Join(", ", claim.OwnerReferences.Select(r => r.Kind + "/" + r.Name)) + " gone)");
            }
        }

        foreach (var revision in Store.Revisions.Values.Where(r => IsCandidate(r.OwnerReferences)).ToList())
        {
            if (Collect("revision:" + revision.Uid, revision.OwnerReferences, seen, immediately, refs => Store.PutRevision(revision with { OwnerReferences = refs })))
            {
                api.DeleteRevision(revision.Name);
            }
        }
    }

    private bool HasDanglingOwner(ValueList<OwnerReference> references)
    {
        for (var i = 0; i < references.Count; i++)
        {
            if (!Store.OwnerExists(references[i]))
            {
                return true;
            }
        }

        return false;
    }

    // True when every owner is gone and the delay has passed (or the round runs immediately); with some owner alive,
    // dangling refs are removed.
    private bool Collect(string key, ValueList<OwnerReference> references, HashSet<string> seen, bool immediately, Action<ValueList<OwnerReference>> replaceReferences)
    {
        var alive = references.Where(Store.OwnerExists).ToValueList();
        if (alive.Count > 0)
        {
            replaceReferences(alive);
            return false;
        }

        if (immediately)
        {
            waiting.Remove(key);
            return true;
        }

        return DelayPassed(key, seen);
    }

    private void ReleaseProtectedClaims(HashSet<string> seen, List<string> notes)
    {
        if (!Store.Claims.Values.Any(c => c.IsTerminating))
        {
            return;
        }

        var inUse = new HashSet<string>(StringComparer.Ordinal);
        foreach (var pod in Store.Pods.Values)
        {
            // podUsesPVC: any scheduled pod that mounts the claim, whatever its phase (a Failed or Succeeded pod keeps
            // it until the pod object is deleted).
            if (!string.IsNullOrEmpty(pod.NodeName) && pod.Spec.Volumes is { } volumes)
            {
                foreach (var volume in volumes)
                {
                    if (volume.PersistentVolumeClaim?.ClaimName is { } claimName)
                    {
                        inUse.Add(claimName);
                    }
                }
            }
        }

        foreach (var claim in Store.Claims.Values.Where(c => c.IsTerminating && !inUse.Contains(c.Name)).OrderBy(c => c.Name, StringComparer.Ordinal).ToList())
        {
            if (DelayPassed("protection:" + claim.Uid, seen))
            {
                Store.RemoveClaim(claim.Name);
                notes.Add("removed claim " + claim.Name + " (no pod uses it any more)");
            }
        }
    }

    private bool DelayPassed(string key, HashSet<string> seen)
    {
        seen.Add(key);
        waiting.TryGetValue(key, out var ticks);
        if (ticks >= options.GarbageCollectionDelayTicks)
        {
            waiting.Remove(key);
            return true;
        }

        waiting[key] = ticks + 1;
        return false;
    }
}
