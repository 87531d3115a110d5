using System.Globalization;
using StatefulManifests.Model;

namespace StatefulManifests.Validation;

/// <summary>
/// Annotations with a meaning for pods (<c>ValidatePodSpecificAnnotations</c>): the mirror-pod marker, the
/// pod-deletion cost, and the legacy seccomp and AppArmor annotations.
/// </summary>
internal static class PodAnnotationRules
{
    private const string MirrorPod = "kubernetes.io/config.mirror";
    private const string DeletionCost = "controller.kubernetes.io/pod-deletion-cost";
    private const string SeccompPod = "seccomp.security.alpha.kubernetes.io/pod";
    private const string SeccompContainerPrefix = "container.seccomp.security.alpha.kubernetes.io/";
    private const string AppArmorContainerPrefix = "container.apparmor.security.beta.kubernetes.io/";

    /// <summary>Validates the template's annotations at <paramref name="path"/> (<c>spec.template.annotations</c>).</summary>
    public static void Validate(IReadOnlyDictionary<string, string>? annotations, PodSpec spec, FieldPath path, ValidationErrors errors)
    {
        if (annotations is null)
        {
            return;
        }

        if (annotations.TryGetValue(MirrorPod, out var mirror) && string.IsNullOrEmpty(spec.NodeName))
        {
            errors.Invalid(path.Key(MirrorPod), mirror ?? string.Empty, "must set spec.nodeName if mirror pod annotation is set");
        }

        if (annotations.TryGetValue(DeletionCost, out var cost) && !IsInt32WithoutLeadingNoise(cost ?? string.Empty))
        {
            errors.Invalid(path.Key(DeletionCost), cost ?? string.Empty, "must be a 32bit integer");
        }

        foreach (var entry in annotations.OrderBy(e => e.Key, StringComparer.Ordinal))
        {
            var value = entry.Value ?? string.Empty;
            if (entry.Key == SeccompPod || entry.Key.StartsWith(SeccompContainerPrefix, StringComparison.Ordinal))
            {
                // Kubernetes appends the key as a child (annotations.seccomp.security...), not in brackets.
                ValidateSeccompProfile(value, path.Child(entry.Key), errors);
            }

            if (entry.Key.StartsWith(AppArmorContainerPrefix, StringComparison.Ordinal))
            {
                var container = entry.Key.Substring(AppArmorContainerPrefix.Length);
                if (!HasContainer(spec, container))
                {
                    errors.Invalid(path.Key(entry.Key), container, "container not found");
                }

                if (value.Length > 0 && value != "runtime/default" && value != "unconfined" && !value.StartsWith("localhost/", StringComparison.Ordinal))
                {
                    errors.Invalid(path.Key(entry.Key), value, "invalid AppArmor profile name: \"" + value + "\"");
                }
            }
        }
    }

    private static void ValidateSeccompProfile(string profile, FieldPath path, ValidationErrors errors)
    {
        if (profile is "runtime/default" or "docker/default" or "unconfined")
        {
            return;
        }

        if (profile.StartsWith("localhost/", StringComparison.Ordinal))
        {
            DownwardApiRules.ValidateLocalDescendingPath(profile.Substring("localhost/".Length), path, errors);
        }
        else
        {
            errors.Invalid(path, profile, "must be a valid seccomp profile");
        }
    }

    /// <summary>Go's check: a digit or '-' first, no leading zero (except "0"), then a 32-bit integer.</summary>
    private static bool IsInt32WithoutLeadingNoise(string value)
    {
        if (value.Length == 0)
        {
            return false;
        }

        var first = value[0];
        var validFirst = first == '-' || (first == '0' && value == "0") || (first >= '1' && first <= '9');
        return validFirst && int.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out _);
    }

    private static bool HasContainer(PodSpec spec, string name) =>
        (spec.Containers ?? ValueList<Container>.Empty).Concat(spec.InitContainers ?? ValueList<Container>.Empty).Any(c => c?.Name == name)
        || (spec.EphemeralContainers ?? ValueList<EphemeralContainer>.Empty).Any(c => c?.Name == name);
}
