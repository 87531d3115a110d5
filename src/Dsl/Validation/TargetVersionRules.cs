using StatefulManifests.Model;
using StatefulManifests.Versions;

namespace StatefulManifests.Validation;

/// <summary>
/// What the target cluster's release changes about a StatefulSet before the create rules run (reference §A.3,
/// docs/kubernetes-versions.md): a gated field the release does not have yet is an unknown field, which the API
/// server rejects (kubectl apply and server-side apply validate fields strictly); a gated field whose gate is off is
/// dropped, as the registry's <c>dropDisabledFields</c> does, and the rest is validated without it.
/// </summary>
internal static class TargetVersionRules
{
    /// <summary>
    /// Reports each field unknown to <paramref name="target"/>'s release and returns the StatefulSet as the API server
    /// would validate it (gated-off fields dropped).
    /// </summary>
    public static StatefulSet Apply(StatefulSet statefulSet, TargetCluster target, ValidationErrors errors)
    {
        foreach (var field in KubernetesFeatures.Fields.Where(f => target.Version < f.Introduced))
        {
            foreach (var path in field.UsesIn(statefulSet))
            {
                errors.Add(FieldError.Forbidden(path, UnknownFieldDetail(field, target.Version)));
            }
        }

        return DisabledFields.Drop(statefulSet, null, target.FeatureGates);
    }

    /// <summary>The detail of the error for a field the release does not have.</summary>
    public static string UnknownFieldDetail(GatedField field, KubernetesVersion version) =>
        "unknown field in Kubernetes " + version + ": " + field.Feature + " (" + field.Gate.Name + ") appeared in " + field.Introduced.ReleaseName;
}
