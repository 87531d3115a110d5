using StatefulManifests.Model;

namespace StatefulManifests.Validation;

/// <summary>
/// The pod template (<c>ValidatePodTemplateSpec</c>): its labels and annotations — reported, as Kubernetes
/// reports them, at <c>spec.template.labels</c> and <c>spec.template.annotations</c> — the pod-specific
/// annotations, the pod spec, and no ephemeral containers.
/// </summary>
internal static class PodTemplateRules
{
    /// <summary>Validates <paramref name="template"/> at <paramref name="path"/> (<c>spec.template</c>).</summary>
    public static void Validate(PodTemplateSpec template, IReadOnlyList<ClaimVolume> claimVolumes, FieldPath path, ValidationErrors errors)
    {
        var meta = template.Metadata;
        var spec = template.Spec ?? new PodSpec();
        ObjectMetaRules.ValidateLabels(meta?.Labels, path.Child("labels"), errors);
        ObjectMetaRules.ValidateAnnotations(meta?.Annotations, path.Child("annotations"), errors);
        PodAnnotationRules.Validate(meta?.Annotations, spec, path.Child("annotations"), errors);
        PodSpecRules.Validate(spec, claimVolumes, path.Child("spec"), errors);
        if (spec.EphemeralContainers is { Count: > 0 })
        {
            errors.Forbidden(path.Child("spec", "ephemeralContainers"), "ephemeral containers not allowed in pod template");
        }
    }
}
