using StatefulManifests.Model;

namespace StatefulManifests.Reconciliation;

/// <summary>
/// §B.1 steps 2–3 — adoptOrphanRevisions / getPodsForStatefulSet in stateful_set.go: adopt orphan ControllerRevisions that match the selector, then claim pods: adopt orphans that
/// match the selector and whose name prefix is the set's name, release owned pods that no longer match, ignore pods
/// another controller owns. A set that is being deleted adopts nothing.
/// </summary>
internal sealed class PodOwnership
{
    private readonly ControllerContext context;

    public PodOwnership(ControllerContext context) => this.context = context;

    public void AdoptOrphanRevisions(StatefulSet set)
    {
        if (set.Metadata?.DeletionTimestamp is not null)
        {
            return;
        }

        var orphans = context.Api.Store.Revisions.Values
            .Where(r => OwnerReferences.ControllerOf(r.OwnerReferences) is null && LabelSelectors.Matches(set.Spec?.Selector, r.Labels))
            .OrderBy(r => r.Name, StringComparer.Ordinal)
            .ToList();
        foreach (var orphan in orphans)
        {
            context.Api.UpdateRevision(orphan with { OwnerReferences = orphan.OwnerReferences.Add(OwnerReferences.ControllerRefTo(set)) });
            context.Record(ControllerActionKind.AdoptRevision, orphan.Name, "orphan matching the selector");
        }
    }

    /// <summary>Returns the pods the set owns after adoption and release.</summary>
    public List<SimulatedPod> ClaimPods(StatefulSet set)
    {
        var owned = new List<SimulatedPod>();
        var changes = new List<(SimulatedPod Pod, bool Adopt)>();
        var deleting = set.Metadata?.DeletionTimestamp is not null;
        foreach (var pod in context.Api.Store.Pods.Values)
        {
            var matches = LabelSelectors.Matches(set.Spec?.Selector, pod.Labels) && PodIdentity.IsMemberOf(set, pod);
            var controller = OwnerReferences.ControllerOf(pod.OwnerReferences);
            if (controller is not null)
            {
                if (controller.Uid != set.Metadata?.Uid)
                {
                    continue;
                }

                if (matches)
                {
                    owned.Add(pod);
                }
                else if (!deleting)
                {
                    changes.Add((pod, false));
                }
            }
            else if (matches && !deleting && !pod.IsTerminating)
            {
                changes.Add((pod, true));
            }
        }

        // Writes in name order so the action log does not depend on storage order.
        foreach (var (pod, adopt) in changes.OrderBy(c => c.Pod.Name, StringComparer.Ordinal))
        {
            if (adopt)
            {
                var adopted = pod with { OwnerReferences = pod.OwnerReferences.Add(OwnerReferences.ControllerRefTo(set)) };
                context.Api.UpdatePod(adopted);
                context.Record(ControllerActionKind.AdoptPod, pod.Name, "orphan matching the selector");
                owned.Add(adopted);
            }
            else
            {
                var released = pod with { OwnerReferences = pod.OwnerReferences.RemoveAll(r => r.Uid == set.Metadata?.Uid) };
                context.Api.UpdatePod(released);
                context.Record(ControllerActionKind.ReleasePod, pod.Name, "no longer matches the selector or name");
            }
        }

        return owned;
    }
}
