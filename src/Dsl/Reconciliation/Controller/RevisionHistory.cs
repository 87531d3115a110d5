using StatefulManifests.Model;

namespace StatefulManifests.Reconciliation;

/// <summary>The revisions a pass works with (§B.3 — getStatefulSetRevisions in stateful_set_control.go): currentRevision, updateRevision and the collision count.</summary>
internal sealed record RevisionPair(SimulatedRevision Current, SimulatedRevision Update, int CollisionCount);

/// <summary>
/// ControllerRevision bookkeeping (reference §B.3 — getStatefulSetRevisions in stateful_set_control.go): find or create the update revision (reusing the newest,
/// renumbering an identical older one for a rollback, or creating a new one with collision handling), find the
/// current revision, and truncate history after the pass.
/// </summary>
internal sealed class RevisionHistory
{
    private readonly ControllerContext context;

    public RevisionHistory(ControllerContext context) => this.context = context;

    /// <summary>The set's revisions (owned by it, or orphans matching its selector), sorted by number, time, name.</summary>
    public List<SimulatedRevision> ListOwned(StatefulSet set)
    {
        var owned = new List<SimulatedRevision>();
        foreach (var revision in context.Api.Store.Revisions.Values)
        {
            var controller = OwnerReferences.ControllerOf(revision.OwnerReferences);
            if ((controller is null || controller.Uid == set.Metadata?.Uid) && LabelSelectors.Matches(set.Spec?.Selector, revision.Labels))
            {
                owned.Add(revision);
            }
        }

        owned.Sort(CompareRevisions);
        return owned;
    }

    /// <summary><c>getStatefulSetRevisions</c> (§B.3 steps 1–4 — getStatefulSetRevisions in stateful_set_control.go).</summary>
    public RevisionPair Resolve(StatefulSet set, List<SimulatedRevision> revisions)
    {
        var collisionCount = set.Status?.CollisionCount ?? 0;
        var template = set.Spec!.Template!;
        var data = RevisionData.Serialize(template);
        var nextNumber = revisions.Count == 0 ? 1 : revisions[revisions.Count - 1].Revision + 1;
        var newest = revisions.Count == 0 ? null : revisions[revisions.Count - 1];
        var equal = revisions.LastOrDefault(r => r.Data == data);

        SimulatedRevision update;
        if (equal is not null && newest is not null && equal.Name == newest.Name)
        {
            update = newest;
        }
        else if (equal is not null)
        {
            // Rollback: the identical older revision is re-used and renumbered; no new object.
            update = equal with { Revision = nextNumber };
            context.Api.UpdateRevision(update);
            context.Record(ControllerActionKind.RenumberRevision, update.Name, "rollback: revision " + equal.Revision.ToString(System.Globalization.CultureInfo.InvariantCulture) + " becomes " + nextNumber.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }
        else if (newest is not null && context.Gates.StatefulSetSemanticRevisionComparison && RevisionData.SemanticallyEqual(newest.Template, template))
        {
            update = newest;
        }
        else
        {
            update = Create(set, template, data, nextNumber, ref collisionCount);
        }

        var current = revisions.FirstOrDefault(r => r.Name == set.Status?.CurrentRevision) ?? update;
        return new RevisionPair(current, update, collisionCount);
    }

    /// <summary>
    /// History truncation after the pass: revisions that are neither current, update (as computed at the start of
    /// the pass) nor used by a pod are deleted oldest first down to revisionHistoryLimit; a negative limit keeps all.
    /// </summary>
    public void Truncate(StatefulSet set, IEnumerable<SimulatedPod> pods, List<SimulatedRevision> revisions, RevisionPair pair)
    {
        var limit = set.Spec?.RevisionHistoryLimit ?? StatefulSetDefaulting.DefaultRevisionHistoryLimit;
        if (limit < 0)
        {
            return;
        }

        var live = new HashSet<string>(StringComparer.Ordinal) { pair.Current.Name, pair.Update.Name };
        foreach (var pod in pods)
        {
            if (pod.Revision is { } revision)
            {
                live.Add(revision);
            }
        }

        var history = revisions.Where(r => !live.Contains(r.Name)).ToList();
        for (var i = 0; i < history.Count - limit; i++)
        {
            context.Api.DeleteRevision(history[i].Name);
            context.Record(ControllerActionKind.DeleteRevision, history[i].Name, "history limit " + limit.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }
    }

    private SimulatedRevision Create(StatefulSet set, PodTemplateSpec template, string data, long number, ref int collisionCount)
    {
        var setName = set.Metadata!.Name!;
        while (true)
        {
            var hash = RevisionNaming.Hash(data, collisionCount);
            var revision = new SimulatedRevision
            {
                Name = RevisionNaming.NameFromHash(setName, hash),
                Revision = number,
                Hash = hash,
                Template = template,
                Data = data,
                Labels = (template.Metadata?.Labels ?? ValueMap<string>.Empty).SetItem(WellKnownLabels.RevisionHash, hash),
                Annotations = set.Metadata.Annotations ?? ValueMap<string>.Empty,
                OwnerReferences = ValueList.Of(OwnerReferences.ControllerRefTo(set)),
            };
            var error = context.Api.CreateRevision(revision, out var created);
            if (error is null)
            {
                context.Record(ControllerActionKind.CreateRevision, created!.Name, "revision " + number.ToString(System.Globalization.CultureInfo.InvariantCulture) + (collisionCount > 0 ? ", collisionCount " + collisionCount.ToString(System.Globalization.CultureInfo.InvariantCulture) : string.Empty));
                return created;
            }

            var existing = context.Api.Store.Revisions[revision.Name];
            if (existing.Data == data)
            {
                return existing;
            }

            // A different revision already has this name: bump the collision count and hash again.
            collisionCount++;
        }
    }

    private static int CompareRevisions(SimulatedRevision a, SimulatedRevision b)
    {
        var byNumber = a.Revision.CompareTo(b.Revision);
        if (byNumber != 0)
        {
            return byNumber;
        }

        var byTime = a.CreationTimestamp.CompareTo(b.CreationTimestamp);
        return byTime != 0 ? byTime : string.CompareOrdinal(a.Name, b.Name);
    }
}
