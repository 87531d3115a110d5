using System.Text.RegularExpressions;
using StatefulManifests.Model;
using StatefulManifests.Rules.Support;

namespace StatefulManifests.Rules.Reliability;

/// <summary>
/// SM2010: a name over 52 characters passes validation, but the controller-revision-hash label
/// (<c>&lt;name&gt;-&lt;hash up to 10 chars&gt;</c>) then exceeds 63 characters and every pod creation fails (reference §A.2).
/// </summary>
internal sealed class NameTooLongRule : WorkloadRule
{
    internal const int MaxNameLength = 52;

    // apimachinery's name generator keeps at most 58 characters of generateName and appends 5 random ones.
    private const int GeneratedPrefixMaxLength = 58;
    private const int GeneratedSuffixLength = 5;

    public override RuleDescriptor Descriptor => RuleCatalog.NameTooLongForPods;

    public override IEnumerable<Finding> Check(WorkloadContext workload)
    {
        var meta = workload.StatefulSet.Metadata;
        if (meta?.Name is { Length: > 0 } name)
        {
            if (name.Length > MaxNameLength)
            {
                yield return Descriptor.At(Paths.Name, name, name.Length);
            }
        }
        else if (meta?.GenerateName is { Length: > 0 } prefix)
        {
            // The server generates the name: the prefix (cut to 58 characters) plus 5 random characters.
            var generated = Math.Min(prefix.Length, GeneratedPrefixMaxLength) + GeneratedSuffixLength;
            if (generated > MaxNameLength)
            {
                yield return Descriptor.At(Paths.Metadata.Child("generateName"), prefix, generated);
            }
        }
    }
}

/// <summary>
/// SM2011: a selector label that looks like a version (key mentions "version", chart or revision-hash keys, or a
/// value such as <c>v1</c>, <c>1.2.3</c>, <c>redis-4.12.0</c>). The selector is immutable, so the next upgrade
/// must delete and recreate the StatefulSet.
/// </summary>
internal sealed class VersionLabelInSelectorRule : WorkloadRule
{
    private static readonly Regex VersionValue = new(
        @"^v\d+([.\-+_].*)?$|^\d+(\.\d+)+([.\-+_].*)?$|[\-_]v?\d+\.\d+(\.\d+)?([\-+][0-9A-Za-z.\-]*)?$",
        RegexOptions.CultureInvariant);

    private static readonly HashSet<string> VersionKeys = new(StringComparer.Ordinal)
    {
        "helm.sh/chart", "chart", "controller-revision-hash", "pod-template-hash",
    };

    public override RuleDescriptor Descriptor => RuleCatalog.VersionLabelInSelector;

    public override IEnumerable<Finding> Check(WorkloadContext workload)
    {
        var selector = workload.Spec.Selector;
        foreach (var pair in selector?.MatchLabels ?? ValueMap<string>.Empty)
        {
            if (IsVersionLike(pair.Key, [pair.Value]))
            {
                yield return Descriptor.At(Paths.Selector.Child("matchLabels").Key(pair.Key), pair.Key + "=" + pair.Value);
            }
        }

        var expressions = selector?.MatchExpressions ?? ValueList<LabelSelectorRequirement>.Empty;
        for (var i = 0; i < expressions.Count; i++)
        {
            if (IsVersionLike(expressions[i].Key ?? string.Empty, expressions[i].Values ?? ValueList<string>.Empty))
            {
                yield return Descriptor.At(Paths.Selector.Child("matchExpressions").Index(i), LabelSelectors.Describe(expressions[i]));
            }
        }
    }

    internal static bool IsVersionLike(string key, IEnumerable<string> values)
    {
        var name = key.Substring(key.LastIndexOf('/') + 1);
        return name.IndexOf("version", StringComparison.OrdinalIgnoreCase) >= 0
            || VersionKeys.Contains(key)
            || values.Any(v => VersionValue.IsMatch(v));
    }
}

/// <summary>
/// SM2012: OrderedReady + RollingUpdate and no readiness probe on any container. The controller's only health
/// signal is readiness: a broken-but-running revision rolls out everywhere, one that never gets Ready blocks the
/// rollout until the stuck pod is deleted by hand (reference §B.11).
/// </summary>
internal sealed class RolloutWithoutReadinessRule : WorkloadRule
{
    public override RuleDescriptor Descriptor => RuleCatalog.RolloutWithoutReadinessProbe;

    public override IEnumerable<Finding> Check(WorkloadContext workload)
    {
        if (workload.IsOrderedReady && workload.IsRollingUpdate && Probes.NoReadiness(workload))
        {
            yield return Descriptor.At(workload.Containers[0].Path.Child("readinessProbe"));
        }
    }
}

/// <summary>SM2013: whenScaled: Delete loses data on a quick scale-down/up (reference §B.9).</summary>
internal sealed class WhenScaledDeleteRule : WorkloadRule
{
    public override RuleDescriptor Descriptor => RuleCatalog.WhenScaledDelete;

    public override IEnumerable<Finding> Check(WorkloadContext workload)
    {
        if (workload.Spec.PersistentVolumeClaimRetentionPolicy?.WhenScaled?.Known == ClaimRetentionPolicy.Delete
            && workload.Spec.VolumeClaimTemplates is { Count: > 0 })
        {
            yield return Descriptor.At(Paths.RetentionPolicy.Child("whenScaled")) with { Replacement = nameof(ClaimRetentionPolicy.Retain) };
        }
    }
}

/// <summary>SM2014: maxUnavailable is silently dropped while the target's MaxUnavailableStatefulSet gate is off (reference §A.3, §B.13).</summary>
internal sealed class MaxUnavailableRule : WorkloadRule
{
    public override RuleDescriptor Descriptor => RuleCatalog.MaxUnavailableFeatureGated;

    public override IEnumerable<Finding> Check(WorkloadContext workload)
    {
        // The gate of the target decides: with it on the field is kept (and validated), with it off it is dropped.
        var gates = workload.Target.FeatureGates;
        if (workload.Spec.UpdateStrategy?.RollingUpdate?.MaxUnavailable is not null && !gates.MaxUnavailableStatefulSet)
        {
            var where = gates.Equals(Reconciliation.FeatureGates.For(workload.Target.Version))
                ? "by default in Kubernetes " + workload.Target.Version
                : "in the target (" + workload.Target + ")";
            yield return Descriptor.At(Paths.RollingUpdate.Child("maxUnavailable"), where);
        }
    }
}

/// <summary>SM2015: a partition at or above replicas leaves no pod to update (partition is an index from ordinals.start, reference §B.6).</summary>
internal sealed class PartitionRule : WorkloadRule
{
    public override RuleDescriptor Descriptor => RuleCatalog.PartitionBlocksUpdate;

    public override IEnumerable<Finding> Check(WorkloadContext workload)
    {
        if (workload.IsRollingUpdate
            && workload.Spec.UpdateStrategy?.RollingUpdate?.Partition is { } partition
            && partition > 0
            && workload.Replicas > 0
            && partition >= workload.Replicas)
        {
            yield return Descriptor.At(Paths.RollingUpdate.Child("partition"), partition, workload.Replicas);
        }
    }
}
