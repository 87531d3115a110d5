using System.Globalization;
using StatefulManifests.Model;
using StatefulManifests.Rules.Support;
using StatefulManifests.Validation;

namespace StatefulManifests.Rules.Reliability;

/// <summary>
/// SM2052: a claim template pre-provisioned (a shipped claim <c>&lt;template&gt;-&lt;set&gt;-&lt;ordinal&gt;</c>, or a
/// volume whose <c>claimRef</c> names one) for fewer ordinals than the set can run: from <c>spec.ordinals.start</c>,
/// <c>spec.replicas</c> of them, or the autoscaler's <c>maxReplicas</c> when one targets the set. For every other
/// ordinal the controller creates the claim from the template (reference §B.9), which a provisioner provisions
/// dynamically — or, on the clusters pre-provisioning is for, nothing binds, and the claim and its pod stay Pending
/// (with OrderedReady, blocking every higher ordinal too). A template with no pre-provisioned claim is not reported.
/// </summary>
internal sealed class PreProvisionedClaimsMissingRule : WorkloadRule
{
    public override RuleDescriptor Descriptor => RuleCatalog.PreProvisionedClaimsMissing;

    public override IEnumerable<Finding> Check(WorkloadContext workload)
    {
        var setName = workload.StatefulSet.Metadata?.Name ?? string.Empty;
        var ordinals = SetOrdinals.Of(workload);
        foreach (var template in workload.Spec.VolumeClaimTemplates ?? ValueList<PersistentVolumeClaim>.Empty)
        {
            if (template?.Metadata?.Name is not { Length: > 0 } templateName)
            {
                continue;
            }

            // What pre-provisions each ordinal's claim: the claim itself, else a volume bound to it.
            var shipped = new SortedDictionary<int, IKubernetesObject>();
            foreach (var (name, owned) in PreProvisioned(workload))
            {
                if (StatefulSetNames.ClaimOrdinal(templateName, setName, name) is { } ordinal && !shipped.ContainsKey(ordinal))
                {
                    shipped[ordinal] = owned;
                }
            }

            var missing = ordinals.All.Where(o => !shipped.ContainsKey(o)).ToList();
            if (shipped.Count == 0 || missing.Count == 0)
            {
                continue;
            }

            // Reported on the shipped object of the highest ordinal in range (the DSL call that made the claims).
            var anchor = shipped.LastOrDefault(s => ordinals.Contains(s.Key)).Value ?? shipped.Last().Value;
            var covered = shipped.Keys.Where(ordinals.Contains).ToList();
            yield return Descriptor.InOwned(
                anchor,
                FieldPath.Document,
                Range(ordinals),
                ordinals.AutoscalerMaximum is { } maximum ? "the autoscaler's maxReplicas " + Text(maximum) : "replicas " + Text(ordinals.Count),
                templateName,
                covered.Count == 0 ? "none of them" : "only ordinal" + (covered.Count == 1 ? " " : "s ") + string.Join(", ", covered.Select(Text)),
                string.Join(", ", missing.Select(o => Reconciliation.PodIdentity.ClaimName(templateName, setName, o))));
        }
    }

    // Claims shipped for the set first (they are what the controller looks up), then the claims volumes are bound to.
    private static IEnumerable<(string Claim, IKubernetesObject Owned)> PreProvisioned(WorkloadContext workload) =>
        workload.OwnedOf<PersistentVolumeClaim>()
            .Where(c => c.Metadata?.Name is { Length: > 0 } && workload.SameNamespace(c.Metadata.Namespace))
            .Select(c => (c.Metadata!.Name!, (IKubernetesObject)c))
            .Concat(workload.OwnedOf<PersistentVolume>()
                .Where(v => v.Spec?.ClaimRef?.Name is { Length: > 0 })
                .Select(v => (v.Spec!.ClaimRef!.Name!, (IKubernetesObject)v)));

    private static string Range(SetOrdinals ordinals) =>
        ordinals.Count == 1 ? Text(ordinals.Start) : Text(ordinals.Start) + " to " + Text(ordinals.End);

    private static string Text(int value) => value.ToString(CultureInfo.InvariantCulture);
}
