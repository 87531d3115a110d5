using System.Globalization;
using StatefulManifests.Model;

namespace StatefulManifests.Validation;

/// <summary>
/// Limits the API server does not check when the StatefulSet is created but that stop the controller later,
/// when it creates the pods or claims (reference §A.2, "Practical limit not enforced by validation"). A
/// StatefulSet that breaks one of them is accepted by <c>kubectl apply</c> and then never becomes ready, so they
/// are reported like validation errors, with an explanation of what would fail.
/// </summary>
/// <remarks>
/// A name of 53 to 63 characters is deliberately not here: the API server accepts it and its pods then fail on the
/// controller-revision-hash label. That is the lint SM2010 (<c>NameTooLongRule</c>), never an API validation error,
/// so an update of such a set is not rejected here either and the simulator shows what the cluster does.
/// </remarks>
internal static class ClusterLimitRules
{
    // apimachinery's name generator keeps at most 58 characters of generateName and appends 5 random ones.
    private const int GeneratedPrefixMaxLength = 58;
    private const int GeneratedSuffixLength = 5;

    /// <summary>Validates <paramref name="statefulSet"/> into <paramref name="errors"/>.</summary>
    public static void Validate(StatefulSet statefulSet, ValidationErrors errors)
    {
        var (name, namePath, shown) = EffectiveName(statefulSet.Metadata);
        var length = NameRules.ByteLength(name);

        var spec = statefulSet.Spec ?? new StatefulSetSpec();
        var replicas = (long)(spec.Replicas ?? 1);
        if (replicas > 0 && length > 0 && length <= NameRules.Dns1123LabelMaxLength)
        {
            var highestOrdinal = (spec.Ordinals?.Start ?? 0) + replicas - 1;
            var podName = name + "-" + highestOrdinal.ToString(CultureInfo.InvariantCulture);
            var podNameLength = NameRules.ByteLength(podName);
            if (podNameLength > NameRules.Dns1123LabelMaxLength)
            {
                errors.Invalid(
                    namePath,
                    shown,
                    "pod name \"" + podName + "\" (the highest ordinal, ordinals.start + replicas - 1) is "
                    + podNameLength.ToString(CultureInfo.InvariantCulture) + " characters: a pod's name becomes its hostname, "
                    + "which must be a DNS-1123 label of no more than 63 characters, so that pod could not be created");
            }
        }

        ValidateClaimTemplateMetadata(spec.VolumeClaimTemplates, FieldPath.Root("spec").Child("volumeClaimTemplates"), errors);
    }

    /// <summary>
    /// Claim-template labels and annotations are copied onto every PVC the controller creates; the StatefulSet's
    /// validation ignores them, but the PVC's validation rejects bad ones, and then no pod can start.
    /// </summary>
    private static void ValidateClaimTemplateMetadata(ValueList<PersistentVolumeClaim>? claimTemplates, FieldPath path, ValidationErrors errors)
    {
        if (claimTemplates is null)
        {
            return;
        }

        for (var i = 0; i < claimTemplates.Count; i++)
        {
            var meta = claimTemplates[i]?.Metadata;
            ObjectMetaRules.ValidateLabels(meta?.Labels, path.Index(i).Child("metadata", "labels"), errors);
            ObjectMetaRules.ValidateAnnotations(meta?.Annotations, path.Index(i).Child("metadata", "annotations"), errors);
        }
    }

    /// <summary>
    /// The name the pods will carry, where to report it and the value to show: the name, or for a
    /// <c>generateName</c> the name the server will generate (the prefix cut to 58 characters plus 5 random
    /// characters, written here as <c>x</c>).
    /// </summary>
    private static (string Name, FieldPath Path, string Shown) EffectiveName(ObjectMeta? meta)
    {
        var metadata = FieldPath.Root("metadata");
        if (!string.IsNullOrEmpty(meta?.Name))
        {
            return (meta!.Name!, metadata.Child("name"), meta.Name!);
        }

        var prefix = meta?.GenerateName ?? string.Empty;
        if (prefix.Length == 0)
        {
            return (string.Empty, metadata.Child("name"), string.Empty);
        }

        var kept = prefix.Length > GeneratedPrefixMaxLength ? prefix.Substring(0, GeneratedPrefixMaxLength) : prefix;
        return (kept + new string('x', GeneratedSuffixLength), metadata.Child("generateName"), prefix);
    }
}
