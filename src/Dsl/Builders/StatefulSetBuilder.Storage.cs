using StatefulManifests.Model;
using StatefulManifests.Validation;

namespace StatefulManifests;

/// <summary>Pre-provisioned per-ordinal claims and PersistentVolume stubs (issue #12 item 7).</summary>
public sealed partial class StatefulSetBuilder
{
    /// <summary>
    /// Creates, for every ordinal (<c>spec.ordinals.start</c> up to the replicas), the PersistentVolumeClaim the
    /// controller will look up for the claim template <paramref name="claimTemplate"/>
    /// (<c>&lt;template&gt;-&lt;set&gt;-&lt;ordinal&gt;</c>, the template's spec and the labels the controller gives
    /// its claims), and optionally a PersistentVolume for each, bound both ways (<c>claimRef</c> and
    /// <c>volumeName</c>). The controller reuses a claim that exists under that name instead of creating one, so
    /// the pods get this storage on clusters without a provisioner.
    /// </summary>
    /// <param name="claimTemplate">The name of a <see cref="VolumeClaim(string, Func{VolumeClaimBuilder, VolumeClaimBuilder})"/> template.</param>
    /// <param name="configure">The volumes' source, class and reclaim policy (default: claims only, class <c>""</c>).</param>
    public StatefulSetBuilder PreProvisionedClaims(string claimTemplate, Func<PreProvisionedStorageBuilder, PreProvisionedStorageBuilder>? configure = null)
    {
        if (string.IsNullOrEmpty(claimTemplate))
        {
            return Update(FieldPath.Document, d => d with
            {
                CallErrors = d.CallErrors.Add(FieldError.Required(FieldPath.Document, "PreProvisionedClaims: the claim template's name is required")),
            });
        }

        var seed = new PreProvisionedStorageBuilder(new PreProvisionedStorage { ClaimTemplate = claimTemplate }, ValueList<FieldError>.Empty);
        var built = configure is null ? seed : configure(seed) ?? seed;
        var storage = built.Storage;

        // Findings are placed by subject: name the objects for the replicas known now (a later Replicas() adds
        // ordinals whose findings fall back to the set).
        var subjects = PreProvisionedStorage.Ordinals(new StatefulSet { Spec = draft.Spec }, storage.Count)
            .SelectMany(ordinal =>
            {
                var claim = StatefulSetNames.ClaimName(claimTemplate, StatefulSetNames.PodName(draft.Name, ordinal));
                var subject = OwnedObjects.Subject("PersistentVolumeClaim", claim);
                return storage.Source == PreProvisionedSource.None
                    ? [subject]
                    : new[] { subject, OwnedObjects.Subject("PersistentVolume", PreProvisionedStorage.VolumeName(draft.Metadata.Namespace, claim)) };
            })
            .ToArray();
        // The call made each object and wrote its spec: a finding in the spec (a volume's reclaim policy) lands on it.
        var origins = draft.Origins.AddRange(subjects.SelectMany(s => new[]
        {
            new FieldOrigin(FieldPath.Document, DslCallSite.Current) { Document = WorkloadDocument.Owned, Object = s },
            new FieldOrigin(FieldPath.Root("spec"), DslCallSite.Current) { Document = WorkloadDocument.Owned, Object = s },
        }));
        var step = new OwnedStep(OwnedObjects.Subject("PersistentVolumeClaim", claimTemplate), _ => null) { CompleteAll = storage.Complete, Problem = storage.MissingTemplate };
        return new StatefulSetBuilder(draft with
        {
            OwnedSteps = draft.OwnedSteps.Add(step),
            Origins = origins,
            CallErrors = draft.CallErrors.AddRange(built.Errors),
        });
    }
}
