using System.Globalization;
using StatefulManifests.Model;

namespace StatefulManifests.Reconciliation;

public sealed partial class StatefulSetSimulation
{
    /// <summary>
    /// <c>kubectl apply</c>: updates the stored StatefulSet (or creates it again after it was deleted). The API server
    /// defaults it, drops gated fields, rejects changes to immutable fields (selector, volumeClaimTemplates,
    /// serviceName, podManagementPolicy) and invalid specs with <see cref="StatefulSetRejectedException"/>, and bumps
    /// the generation when the spec changed. Only template changes create revisions (§B.3 — getStatefulSetRevisions in stateful_set_control.go).
    /// </summary>
    public void Apply(StatefulSet statefulSet)
    {
        if (statefulSet is null)
        {
            throw new ArgumentNullException(nameof(statefulSet));
        }

        SimulationLimits.CheckSize(statefulSet, nameof(statefulSet));
        var stored = store.StatefulSet;
        if (stored is null)
        {
            store.SetStatefulSet(admission.Create(statefulSet));
            lastKnownName = store.StatefulSet!.Metadata!.Name!;
            Note("create statefulset " + statefulSet.Metadata?.Name + " (" + Describe(store.StatefulSet!) + ")");
            return;
        }

        var updated = admission.Update(statefulSet, stored);
        store.SetStatefulSet(updated);
        Note("apply: " + DescribeChange(stored, updated));
    }

    /// <summary>Applies an edit of the stored StatefulSet, e.g. <c>sim.Apply(s => s.WithPartition(2))</c>.</summary>
    public void Apply(Func<StatefulSet, StatefulSet> edit)
    {
        if (edit is null)
        {
            throw new ArgumentNullException(nameof(edit));
        }

        Apply(edit(StatefulSet ?? throw new InvalidOperationException("the StatefulSet has been deleted; Apply a whole object to create it again")));
    }

    /// <summary><c>kubectl scale --replicas=N</c> (the scale subresource).</summary>
    public void Scale(int replicas)
    {
        var stored = StatefulSet ?? throw new InvalidOperationException("the StatefulSet has been deleted");
        SimulationLimits.CheckScale(stored, replicas, nameof(replicas));
        var before = stored.Spec?.Replicas ?? 0;
        store.SetStatefulSet(admission.Scale(stored, replicas));
        Note("scale " + before.ToString(CultureInfo.InvariantCulture) + " -> " + replicas.ToString(CultureInfo.InvariantCulture));
    }

    /// <summary>Changes the image of a container (the first one when <paramref name="container"/> is null): a new revision.</summary>
    public void SetImage(string image, string? container = null) => Apply(s => s.WithImage(image, container));

    /// <summary>Deletes the pod at <paramref name="ordinal"/> (gracefully: it terminates, then the controller replaces it).</summary>
    public void DeletePod(int ordinal)
    {
        var pod = Pod(ordinal);
        api.DeletePod(pod.Name);
        Note("delete pod " + pod.Name);
    }

    /// <summary>Force-deletes the pod at <paramref name="ordinal"/> (<c>--grace-period=0 --force</c>): gone at once, even on a lost node.</summary>
    public void ForceDeletePod(int ordinal)
    {
        var pod = Pod(ordinal);
        api.DeletePod(pod.Name, force: true);
        Note("force delete pod " + pod.Name);
    }

    /// <summary>Deletes the claim of a template at an ordinal; it waits for the PVC protection finalizer while a pod uses it.</summary>
    public void DeleteClaim(string template, int ordinal)
    {
        var claim = Claim(template, ordinal);
        api.DeleteClaim(claim.Name);
        Note("delete claim " + claim.Name);
    }

    /// <summary>
    /// Deletes the StatefulSet. Background (kubectl's default) removes it at once and lets the garbage collector
    /// remove pods, revisions and claims owned by it — all together, not in reverse ordinal order (§B.9 — KEP-1847, stateful_pod_control.go, §B.13.8 — docs: StatefulSet limitations).
    /// Foreground keeps it, with a deletionTimestamp, until its pods are gone. Orphan leaves pods and claims behind.
    /// </summary>
    public void DeleteStatefulSet(DeletionPropagation propagation = DeletionPropagation.Background)
    {
        if (propagation is not (DeletionPropagation.Background or DeletionPropagation.Foreground or DeletionPropagation.Orphan))
        {
            throw new ArgumentOutOfRangeException(nameof(propagation), propagation, "not a DeletionPropagation: use Background, Foreground or Orphan");
        }

        var set = StatefulSet ?? throw new InvalidOperationException("the StatefulSet has already been deleted");
        if (propagation == DeletionPropagation.Background)
        {
            store.SetStatefulSet(null);
        }
        else if (set.Metadata?.DeletionTimestamp is null)
        {
            var finalizer = propagation == DeletionPropagation.Foreground ? GarbageCollector.ForegroundFinalizer : GarbageCollector.OrphanFinalizer;
            store.SetStatefulSet(set with
            {
                Metadata = set.Metadata! with
                {
                    DeletionTimestamp = VirtualClock.Format(Clock.Now),
                    Finalizers = (set.Metadata.Finalizers ?? ValueList<string>.Empty).Add(finalizer),
                },
            });
        }

        Note("delete statefulset " + set.Metadata?.Name + " (" + propagation + ")");
    }

    /// <summary>
    /// Runs one garbage-collector round now, without <see cref="SimulationOptions.GarbageCollectionDelayTicks"/>: every
    /// pod, claim and revision whose owners are all gone is deleted (a claim then waits for PVC protection), dangling
    /// owner references next to a live owner are removed, and a foreground or orphan deletion of the set is finished.
    /// Returns what it did, one line per object. Use it with <see cref="SimulationOptions.AutomaticGarbageCollection"/>
    /// off to decide when the collector catches up.
    /// </summary>
    public IReadOnlyList<string> CollectGarbage() => NoteAll(garbageCollector.CollectNow(null));

    /// <summary>
    /// Runs the garbage collector for the dependents of one owner only, now: the objects whose owner references name
    /// <paramref name="ownerKind"/>/<paramref name="ownerName"/> while that owner is gone (e.g. the claims a
    /// <c>whenScaled: Delete</c> scale-down left owned by a deleted pod). Other garbage stays where it is. Returns what
    /// it did; nothing when the owner still exists or has no dependents.
    /// </summary>
    /// <param name="ownerKind">The owner's kind as written in owner references: <c>Pod</c> or <c>StatefulSet</c>.</param>
    /// <param name="ownerName">The owner's name, e.g. <c>web-2</c>.</param>
    public IReadOnlyList<string> CollectGarbageOf(string ownerKind, string ownerName)
    {
        if (string.IsNullOrEmpty(ownerKind))
        {
            throw new ArgumentException("the owner's kind is required (Pod or StatefulSet)", nameof(ownerKind));
        }

        if (string.IsNullOrEmpty(ownerName))
        {
            throw new ArgumentException("the owner's name is required", nameof(ownerName));
        }

        return NoteAll(garbageCollector.CollectNow((ownerKind, ownerName)));
    }

    /// <summary>
    /// <see cref="CollectGarbageOf(string, string)"/> for the pod at <paramref name="ordinal"/> (named
    /// <c>&lt;set&gt;-&lt;ordinal&gt;</c>) once it is gone: collects the claims and other objects it owned.
    /// </summary>
    public IReadOnlyList<string> CollectDependentsOfPod(int ordinal)
    {
        return CollectGarbageOf(OwnerReferences.PodKind, lastKnownName + "-" + ordinal.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    private IReadOnlyList<string> NoteAll(IReadOnlyList<string> notes)
    {
        foreach (var note in notes)
        {
            Note(note);
        }

        return notes;
    }

    /// <summary>Creates or replaces the governing Service (used by <see cref="Dns"/>).</summary>
    public void ApplyService(Service service)
    {
        store.SetService(service ?? throw new ArgumentNullException(nameof(service)));
        Note("apply service " + service.Metadata?.Name);
    }

    /// <summary>
    /// Creates or replaces a client Service: one clients connect through beside the governing Service (a
    /// <c>ClientService</c> or a per-ordinal Service of the DSL), which <see cref="Dns"/> resolves to the ready pods
    /// it selects.
    /// </summary>
    public void ApplyClientService(Service service)
    {
        store.PutClientService(service ?? throw new ArgumentNullException(nameof(service)));
        Note("apply service " + service.Metadata?.Name);
    }

    private string DescribeChange(StatefulSet before, StatefulSet after)
    {
        var changes = new List<string>();
        var a = before.Spec!;
        var b = after.Spec!;
        if (a.Template != b.Template)
        {
            var image = b.Template?.Spec?.Containers is { Count: > 0 } containers ? containers[0].Image : null;
            changes.Add("template changed" + (image is null ? string.Empty : " (image " + image + ")"));
        }

        if (a.Replicas != b.Replicas)
        {
            changes.Add("replicas " + a.Replicas?.ToString(CultureInfo.InvariantCulture) + " -> " + b.Replicas?.ToString(CultureInfo.InvariantCulture));
        }

        if (a.UpdateStrategy != b.UpdateStrategy)
        {
            var rollingUpdate = b.UpdateStrategy?.RollingUpdate;
            changes.Add("updateStrategy " + b.UpdateStrategy?.Type?.Value +
                        (rollingUpdate?.Partition is { } p ? " partition " + p.ToString(CultureInfo.InvariantCulture) : string.Empty) +
                        (rollingUpdate?.MaxUnavailable is { } m ? " maxUnavailable " + m : string.Empty));
        }

        if (a.PersistentVolumeClaimRetentionPolicy != b.PersistentVolumeClaimRetentionPolicy)
        {
            changes.Add("retention whenDeleted " + b.PersistentVolumeClaimRetentionPolicy?.WhenDeleted?.Value + " whenScaled " + b.PersistentVolumeClaimRetentionPolicy?.WhenScaled?.Value);
        }

        if (a.Ordinals != b.Ordinals)
        {
            changes.Add("ordinals.start " + (b.Ordinals?.Start ?? 0).ToString(CultureInfo.InvariantCulture));
        }

        if (a.MinReadySeconds != b.MinReadySeconds)
        {
            changes.Add("minReadySeconds " + b.MinReadySeconds?.ToString(CultureInfo.InvariantCulture));
        }

        if (a.RevisionHistoryLimit != b.RevisionHistoryLimit)
        {
            changes.Add("revisionHistoryLimit " + b.RevisionHistoryLimit?.ToString(CultureInfo.InvariantCulture));
        }

        var generation = "generation " + after.Metadata?.Generation?.ToString(CultureInfo.InvariantCulture);
        return changes.Count == 0 ? "no spec change (" + generation + ")" : string.Join(", ", changes) + " (" + generation + ")";
    }
}
