using StatefulManifests.Model;
using StatefulManifests.Rules.Support;

namespace StatefulManifests.Rules.BestPractice;

/// <summary>
/// SM4020: the pods read a mutable ConfigMap of the workload, and the pod template carries no <c>checksum/</c>
/// annotation. Changing the ConfigMap then leaves the template as it is, so the controller rolls nothing: mounted
/// files change in place some time later (never for subPath mounts) and environment variables not at all until each
/// pod happens to restart.
/// </summary>
internal sealed class ConfigChecksumRule : WorkloadRule
{
    private const string ChecksumPrefix = "checksum/";

    public override RuleDescriptor Descriptor => RuleCatalog.ConfigChecksumMissing;

    public override IEnumerable<Finding> Check(WorkloadContext workload)
    {
        var annotations = workload.Spec.Template?.Metadata?.Annotations ?? ValueMap<string>.Empty;
        if (annotations.Any(a => a.Key.StartsWith(ChecksumPrefix, StringComparison.Ordinal)))
        {
            yield break;
        }

        var used = ConfigMapUse.Reaching(workload);
        foreach (var configMap in workload.OwnedOf<ConfigMap>())
        {
            if (configMap.Metadata?.Name is { Length: > 0 } name && used.Contains(name) && configMap.Immutable != true)
            {
                yield return Descriptor.At(Paths.Template.Child("metadata", "annotations"), name);
            }
        }
    }
}
