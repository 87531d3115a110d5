using StatefulManifests.Model;
using StatefulManifests.Rules.Support;
using StatefulManifests.Validation;

namespace StatefulManifests.Rules.Reliability;

/// <summary>
/// SM2053: a backup CronJob mounting a replica's claim (<c>&lt;template&gt;-&lt;set&gt;-&lt;ordinal&gt;</c>) whose pod
/// cannot get at that claim while the replica runs. A ReadWriteOnce volume is attached to one node at a time (the
/// attach/detach controller allows a second node only when the volume's modes include ReadWriteMany or
/// ReadOnlyMany), so the backup pod must be scheduled beside the replica: a required pod affinity to that pod on
/// <c>kubernetes.io/hostname</c>, as the DSL's <c>SourceClaim</c> writes. A ReadWriteOncePod claim admits no second
/// pod at all, affinity or not. Not reported: an NFS volume (not attached, so mountable on any node), a local volume
/// (its node affinity already schedules the backup on the volume's node), and a backup pinned to a node by name
/// (<c>nodeName</c>, or a <c>kubernetes.io/hostname</c> node selector or node affinity), which the manifest cannot check.
/// </summary>
internal sealed class BackupClaimOnOtherNodeRule : WorkloadRule
{
    private const string HostnameKey = "kubernetes.io/hostname";

    private static readonly FieldPath PodSpecPath = FieldPath.Root("spec").Child("jobTemplate", "spec", "template", "spec");

    public override RuleDescriptor Descriptor => RuleCatalog.BackupClaimOnOtherNode;

    public override IEnumerable<Finding> Check(WorkloadContext workload)
    {
        var setName = workload.StatefulSet.Metadata?.Name ?? string.Empty;
        var ordinals = SetOrdinals.Of(workload);
        foreach (var cronJob in workload.OwnedOf<CronJob>())
        {
            var pod = cronJob.Spec?.JobTemplate?.Spec?.Template?.Spec;
            var volumes = pod?.Volumes ?? ValueList<Volume>.Empty;
            for (var i = 0; i < volumes.Count; i++)
            {
                if (volumes[i]?.PersistentVolumeClaim?.ClaimName is not { Length: > 0 } claim
                    || ClaimTemplateOf(workload, setName, claim) is not { } template)
                {
                    continue;
                }

                var ordinal = Reconciliation.PodIdentity.ParseOrdinal(claim);
                if (!ordinals.Contains(ordinal) || NotAttached(workload, claim))
                {
                    continue; // no replica runs with it, or any node can mount it
                }

                var podName = StatefulSetNames.PodName(setName, ordinal);
                var modes = AccessModes(workload, claim, template);
                var path = PodSpecPath.Child("volumes").Index(i);
                if (modes.Contains(AccessMode.ReadWriteOncePod))
                {
                    yield return Descriptor.InOwned(cronJob, path, claim, "ReadWriteOncePod", podName,
                        "only one pod may use it, so the backup pod stays Pending while " + podName + " runs; back up over the network (pg_dump and the like) or from a VolumeSnapshot instead");
                }
                else if (modes.Contains(AccessMode.ReadWriteOnce) && !modes.Contains(AccessMode.ReadWriteMany) && !modes.Contains(AccessMode.ReadOnlyMany)
                         && !PinnedToNode(pod!) && !HasAffinityTo(workload, pod!, ordinal, ordinals))
                {
                    yield return Descriptor.InOwned(cronJob, path, claim, "ReadWriteOnce", podName,
                        "the volume is attached to " + podName + "'s node, and without a required pod affinity to that pod the backup pod may be scheduled on another node and stay ContainerCreating (Multi-Attach error) until the Job fails; add a required podAffinity term selecting " + Reconciliation.WellKnownLabels.PodName + ": " + podName + " with topologyKey " + HostnameKey);
                }
            }
        }
    }

    private static PersistentVolumeClaim? ClaimTemplateOf(WorkloadContext workload, string setName, string claim) =>
        (workload.Spec.VolumeClaimTemplates ?? ValueList<PersistentVolumeClaim>.Empty).FirstOrDefault(t =>
            t?.Metadata?.Name is { } name && StatefulSetNames.ClaimOrdinal(name, setName, claim) is not null);

    // The controller reuses an existing claim of that name (reference §B.9), so a shipped claim's modes win over the template's.
    private static HashSet<AccessMode> AccessModes(WorkloadContext workload, string claim, PersistentVolumeClaim template)
    {
        var shipped = workload.OwnedOf<PersistentVolumeClaim>().FirstOrDefault(c => c.Metadata?.Name == claim);
        var modes = (shipped ?? template).Spec?.AccessModes ?? ValueList<EnumValue<AccessMode>>.Empty;
        return [.. modes.Where(m => m.Known is not null).Select(m => m.Known!.Value)];
    }

    // A shipped volume bound to the claim that is never attached to a node (NFS), or that pins its users to its node (local).
    private static bool NotAttached(WorkloadContext workload, string claim) =>
        workload.OwnedOf<PersistentVolume>().Any(v => v.Spec?.ClaimRef?.Name == claim && (v.Spec.Nfs is not null || v.Spec.Local is not null));

    private static bool PinnedToNode(PodSpec pod)
    {
        if (!string.IsNullOrEmpty(pod.NodeName) || pod.NodeSelector?.ContainsKey(HostnameKey) == true)
        {
            return true;
        }

        // Node selector terms are ORed: every term must name one node.
        var terms = pod.Affinity?.NodeAffinity?.RequiredDuringSchedulingIgnoredDuringExecution?.NodeSelectorTerms ?? ValueList<NodeSelectorTerm>.Empty;
        return terms.Count > 0 && terms.All(t =>
            (t?.MatchExpressions ?? ValueList<NodeSelectorRequirement>.Empty).Concat(t?.MatchFields ?? ValueList<NodeSelectorRequirement>.Empty)
                .Any(r => r.Key is HostnameKey or "metadata.name" && r.Operator?.Known == NodeSelectorOperator.In && r.Values is { Count: 1 }));
    }

    // A required term on the hostname topology whose selector picks this ordinal's pod and no other replica, in the set's namespace.
    private static bool HasAffinityTo(WorkloadContext workload, PodSpec pod, int ordinal, SetOrdinals ordinals) =>
        (pod.Affinity?.PodAffinity?.RequiredDuringSchedulingIgnoredDuringExecution ?? ValueList<PodAffinityTerm>.Empty).Any(term =>
            term is { TopologyKey: HostnameKey, LabelSelector: { } selector }
            && (term.Namespaces is not { Count: > 0 } namespaces || workload.Namespace.Length == 0 || namespaces.Contains(workload.Namespace))
            && LabelSelectors.Matches(selector, SetOrdinals.PodLabels(workload, ordinal))
            && !ordinals.All.Any(other => other != ordinal && LabelSelectors.Matches(selector, SetOrdinals.PodLabels(workload, other))));
}
