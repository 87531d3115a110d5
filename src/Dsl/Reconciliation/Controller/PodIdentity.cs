using System.Globalization;
using StatefulManifests.Model;

namespace StatefulManifests.Reconciliation;

/// <summary>
/// The identity the controller gives every pod (reference §A.2 — stateful_set_utils.go): name <c>&lt;set&gt;-&lt;ordinal&gt;</c>, identity and
/// revision labels, hostname and subdomain, controller reference, and one volume per claim template pointing at
/// <c>&lt;template&gt;-&lt;set&gt;-&lt;ordinal&gt;</c>.
/// </summary>
internal static class PodIdentity
{
    public static string PodName(string setName, int ordinal) => StatefulSetNames.PodName(setName, ordinal);

    public static string ClaimName(string templateName, string setName, int ordinal) =>
        StatefulSetNames.ClaimName(templateName, StatefulSetNames.PodName(setName, ordinal));

    /// <summary>The labels the controller puts on a claim it creates: the template's, merged with <c>selector.matchLabels</c> (selector wins, §A.2).</summary>
    public static ValueMap<string> ClaimLabels(PersistentVolumeClaim? template, StatefulSet set) =>
        (template?.Metadata?.Labels ?? ValueMap<string>.Empty).SetItems(set.Spec?.Selector?.MatchLabels ?? ValueMap<string>.Empty);

    /// <summary>The ordinal in a pod name: the digits after the last <c>-</c>; -1 when there are none (such pods are ignored).</summary>
    public static int ParseOrdinal(string name)
    {
        var dash = name.LastIndexOf('-');
        if (dash < 0 || dash == name.Length - 1)
        {
            return -1;
        }

        // Parsed by hand (no substring): this runs for every pod in every pass.
        long value = 0;
        for (var i = dash + 1; i < name.Length; i++)
        {
            if (name[i] < '0' || name[i] > '9')
            {
                return -1;
            }

            value = (value * 10) + (name[i] - '0');
            if (value > int.MaxValue)
            {
                return -1;
            }
        }

        return (int)value;
    }

    /// <summary>The set name a pod name belongs to, or null when the name has no ordinal.</summary>
    public static string? ParentName(string name) => ParseOrdinal(name) < 0 ? null : name.Substring(0, name.LastIndexOf('-'));

    /// <summary><c>isMemberOf</c>: the pod's name prefix (before the ordinal) is the set's name.</summary>
    public static bool IsMemberOf(StatefulSet set, SimulatedPod pod)
    {
        // Allocation-free form of ParentName(pod.Name) == set name; the pod's ordinal was parsed from its name.
        var setName = set.Metadata?.Name;
        var name = pod.Name;
        return setName is not null && pod.Ordinal >= 0 && name.Length > setName.Length + 1 && name[setName.Length] == '-' &&
               name.LastIndexOf('-') == setName.Length && string.CompareOrdinal(name, 0, setName, 0, setName.Length) == 0;
    }

    /// <summary>
    /// <c>newStatefulSetPod</c> + <c>setPodRevision</c>: a pod built from <paramref name="template"/> (a revision's
    /// template) for <paramref name="ordinal"/>, labelled with <paramref name="revisionName"/>.
    /// </summary>
    public static SimulatedPod NewPod(StatefulSet set, PodTemplateSpec template, int ordinal, string revisionName)
    {
        var setName = set.Metadata!.Name!;
        var name = PodName(setName, ordinal);
        var labels = (template.Metadata?.Labels ?? ValueMap<string>.Empty)
            .SetItems(IdentityLabels(name, ordinal))
            .SetItem(WellKnownLabels.ControllerRevisionHash, revisionName);
        var spec = (template.Spec ?? new PodSpec()) with { Hostname = name, Subdomain = NullIfEmpty(set.Spec?.ServiceName) };
        var pod = new SimulatedPod
        {
            Name = name,
            Namespace = set.Metadata.Namespace ?? string.Empty,
            Ordinal = ordinal,
            Labels = labels,
            Annotations = template.Metadata?.Annotations ?? ValueMap<string>.Empty,
            OwnerReferences = ValueList.Of(OwnerReferences.ControllerRefTo(set)),
            Spec = spec,
        };
        return WithStorage(set, pod);
    }

    /// <summary><c>identityMatches</c>: name, namespace and the pod-name label are right (the pod-index label is not checked).</summary>
    public static bool IdentityMatches(StatefulSet set, SimulatedPod pod) =>
        pod.Ordinal >= 0 &&
        IsMemberOf(set, pod) &&
        HasCanonicalOrdinal(pod.Name) &&
        pod.Namespace == set.Metadata?.Namespace &&
        pod.Labels.TryGetValue(WellKnownLabels.PodName, out var label) && label == pod.Name;

    /// <summary><c>updateIdentity</c>: rewrites the pod-name and pod-index labels.</summary>
    public static SimulatedPod WithIdentity(SimulatedPod pod) => pod with { Labels = pod.Labels.SetItems(IdentityLabels(pod.Name, pod.Ordinal)) };

    /// <summary><c>storageMatches</c>: every claim template has a volume of its name pointing at the pod's claim.</summary>
    public static bool StorageMatches(StatefulSet set, SimulatedPod pod)
    {
        if (pod.Ordinal < 0)
        {
            return false;
        }

        var volumes = pod.Spec.Volumes ?? ValueList<Volume>.Empty;
        var templates = ClaimTemplates(set);
        for (var t = 0; t < templates.Count; t++)
        {
            var claimTemplate = templates[t];
            var templateName = claimTemplate.Metadata?.Name ?? string.Empty;
            Volume? volume = null;
            for (var i = volumes.Count - 1; i >= 0 && volume is null; i--)
            {
                volume = volumes[i].Name == templateName ? volumes[i] : null;
            }

            if (!IsClaimName(volume?.PersistentVolumeClaim?.ClaimName, templateName, set.Metadata!.Name!, pod.Ordinal))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>True when <paramref name="candidate"/> is <c>&lt;template&gt;-&lt;set&gt;-&lt;ordinal&gt;</c> (compared without building the name).</summary>
    public static bool IsClaimName(string? candidate, string templateName, string setName, int ordinal)
    {
        var prefix = templateName.Length + 1 + setName.Length + 1;
        return candidate is not null && candidate.Length > prefix &&
               string.CompareOrdinal(candidate, 0, templateName, 0, templateName.Length) == 0 && candidate[templateName.Length] == '-' &&
               string.CompareOrdinal(candidate, templateName.Length + 1, setName, 0, setName.Length) == 0 && candidate[prefix - 1] == '-' &&
               ParseOrdinal(candidate) == ordinal && candidate.LastIndexOf('-') == prefix - 1 && HasCanonicalOrdinal(candidate);
    }

    // The digits after the last '-' have no leading zero ("web-01" parses as 1 but is not pod 1's name).
    private static bool HasCanonicalOrdinal(string name)
    {
        var digits = name.LastIndexOf('-') + 1;
        return digits > 0 && digits < name.Length && (name[digits] != '0' || digits == name.Length - 1);
    }

    /// <summary>
    /// <c>updateStorage</c>: one volume per claim template (claim templates first, in template order), replacing pod
    /// volumes of the same name; other volumes are kept.
    /// </summary>
    public static SimulatedPod WithStorage(StatefulSet set, SimulatedPod pod)
    {
        var templates = ClaimTemplates(set);
        if (templates.Count == 0)
        {
            return pod;
        }

        var claimNames = new HashSet<string>(templates.Select(t => t.Metadata?.Name ?? string.Empty), StringComparer.Ordinal);
        var volumes = new List<Volume>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var template in templates)
        {
            var templateName = template.Metadata?.Name ?? string.Empty;
            if (seen.Add(templateName))
            {
                volumes.Add(new Volume
                {
                    Name = templateName,
                    PersistentVolumeClaim = new PersistentVolumeClaimVolumeSource { ClaimName = ClaimName(templateName, set.Metadata!.Name!, pod.Ordinal) },
                });
            }
        }

        volumes.AddRange((pod.Spec.Volumes ?? ValueList<Volume>.Empty).Where(v => !claimNames.Contains(v.Name ?? string.Empty)));
        return pod with { Spec = pod.Spec with { Volumes = volumes.ToValueList() } };
    }

    public static IReadOnlyList<PersistentVolumeClaim> ClaimTemplates(StatefulSet set) =>
        (IReadOnlyList<PersistentVolumeClaim>?)set.Spec?.VolumeClaimTemplates ?? Array.Empty<PersistentVolumeClaim>();

    private static IEnumerable<KeyValuePair<string, string>> IdentityLabels(string podName, int ordinal)
    {
        yield return new KeyValuePair<string, string>(WellKnownLabels.PodName, podName);
        yield return new KeyValuePair<string, string>(WellKnownLabels.PodIndex, ordinal.ToString(CultureInfo.InvariantCulture));
    }

    private static string? NullIfEmpty(string? value) => string.IsNullOrEmpty(value) ? null : value;
}
