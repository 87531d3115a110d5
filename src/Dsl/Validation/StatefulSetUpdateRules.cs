using StatefulManifests.Model;

namespace StatefulManifests.Validation;

/// <summary>
/// A StatefulSet update (<c>ValidateStatefulSetUpdate</c> in pkg/apis/apps/validation/validation.go, reference
/// §C.2): metadata update rules; the new spec validated as on create but ratcheted — no DNS check of
/// <c>serviceName</c>, no new-PVC check of the claim templates, no pod-template validation when the stored template
/// already fails it; and one Forbidden error at <c>spec</c> when anything but the mutable fields changed.
/// </summary>
internal static class StatefulSetUpdateRules
{
    /// <summary>The API server's message for a change to an immutable part of the spec.</summary>
    public const string ImmutableSpecMessage = "updates to statefulset spec for fields other than 'replicas', 'ordinals', 'template', 'updateStrategy', 'revisionHistoryLimit', 'persistentVolumeClaimRetentionPolicy' and 'minReadySeconds' are forbidden";

    /// <summary>Validates <paramref name="updated"/> as an update of <paramref name="stored"/>.</summary>
    public static void Validate(StatefulSet updated, StatefulSet stored, ValidationErrors errors)
    {
        ObjectMetaUpdateRules.Validate(updated.Metadata, stored.Metadata, errors);
        var spec = updated.Spec ?? new StatefulSetSpec();
        var storedSpec = stored.Spec ?? new StatefulSetSpec();
        var checks = new SpecChecks(ServiceName: false, ClaimTemplateSpecs: false, PodTemplate: !TemplateFails(storedSpec));
        StatefulSetRules.ValidateSpec(spec, checks, errors);
        ClusterLimitRules.Validate(updated, errors);
        ValidateImmutableSpec(spec, storedSpec, errors);
    }

    private static readonly PersistentVolumeClaimStatus PendingStatus = new() { Phase = "Pending" };

    /// <summary>The immutability rule alone: one Forbidden error at <c>spec</c> when <see cref="ImmutableChanges"/> finds any.</summary>
    public static void ValidateImmutableSpec(StatefulSetSpec updated, StatefulSetSpec stored, ValidationErrors errors)
    {
        if (ImmutableChanges(updated, stored).Count > 0)
        {
            errors.Forbidden(FieldPath.Root("spec"), ImmutableSpecMessage);
        }
    }

    /// <summary>
    /// The immutable spec fields that differ — <c>selector</c>, <c>volumeClaimTemplates</c>, <c>serviceName</c>,
    /// <c>podManagementPolicy</c>, in that order — compared as the API server compares them: after defaulting and
    /// semantically (an unset list equals an empty one, <c>1Gi</c> equals <c>1024Mi</c>).
    /// </summary>
    public static IReadOnlyList<string> ImmutableChanges(StatefulSetSpec updated, StatefulSetSpec stored)
    {
        var changed = new List<string>();
        if (!Equals(Normalized(updated.Selector), Normalized(stored.Selector)))
        {
            changed.Add("selector");
        }

        if (!NormalizedTemplates(updated.VolumeClaimTemplates).SequenceEqual(NormalizedTemplates(stored.VolumeClaimTemplates)))
        {
            changed.Add("volumeClaimTemplates");
        }

        if (!string.Equals(updated.ServiceName ?? string.Empty, stored.ServiceName ?? string.Empty, StringComparison.Ordinal))
        {
            changed.Add("serviceName");
        }

        if (PolicyOf(updated) != PolicyOf(stored))
        {
            changed.Add("podManagementPolicy");
        }

        return changed;
    }

    /// <summary>A claim template as the API server stores it: defaulted (volumeMode Filesystem, status phase Pending), empty collections unset.</summary>
    public static PersistentVolumeClaim Normalized(PersistentVolumeClaim? template)
    {
        var meta = template?.Metadata;
        var spec = template?.Spec ?? new PersistentVolumeClaimSpec();
        var status = template?.Status;
        var phase = string.IsNullOrEmpty(status?.Phase) ? PendingStatus.Phase : status!.Phase;
        var requests = spec.Resources?.Requests is { Count: > 0 } r ? r : null;
        var limits = spec.Resources?.Limits is { Count: > 0 } l ? l : null;
        return new PersistentVolumeClaim
        {
            // The embedded type fields and server-set metadata (creationTimestamp: null in exports) are not part of the template.
            Metadata = new ObjectMeta
            {
                Name = meta?.Name ?? string.Empty,
                Labels = meta?.Labels is { Count: > 0 } labels ? labels : null,
                Annotations = meta?.Annotations is { Count: > 0 } annotations ? annotations : null,
            },
            Spec = spec with
            {
                AccessModes = spec.AccessModes is { Count: > 0 } modes ? modes : null,
                VolumeMode = ValueRules.Wire(spec.VolumeMode) is null ? Model.VolumeMode.Filesystem : spec.VolumeMode,
                StorageClassName = spec.StorageClassName,
                Resources = requests is null && limits is null ? null : new VolumeResourceRequirements { Requests = requests, Limits = limits },
                Selector = Normalized(spec.Selector),
            },
            Status = status is null || status == PendingStatus || status == new PersistentVolumeClaimStatus() ? null : status with { Phase = phase },
        };
    }

    // Row 26 ratcheting: the stored object's own pod template (with its claim volumes) already fails validation.
    private static bool TemplateFails(StatefulSetSpec stored)
    {
        var scratch = new ValidationErrors();
        StatefulSetRules.ValidatePodTemplate(stored, scratch);
        return scratch.Count > 0;
    }

    private static string PolicyOf(StatefulSetSpec spec) => ValueRules.Wire(spec.PodManagementPolicy) ?? nameof(PodManagementPolicy.OrderedReady);

    private static LabelSelector? Normalized(LabelSelector? selector) => selector is null
        ? null
        : new LabelSelector
        {
            MatchLabels = selector.MatchLabels is { Count: > 0 } labels ? labels : null,
            MatchExpressions = selector.MatchExpressions is { Count: > 0 } expressions ? expressions : null,
        };

    private static IEnumerable<PersistentVolumeClaim> NormalizedTemplates(ValueList<PersistentVolumeClaim>? templates) =>
        (templates ?? ValueList<PersistentVolumeClaim>.Empty).Select(Normalized);
}
