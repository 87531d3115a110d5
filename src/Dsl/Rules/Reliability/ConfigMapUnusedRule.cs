using StatefulManifests.Validation;
using StatefulManifests.Model;
using StatefulManifests.Rules.Support;

namespace StatefulManifests.Rules.Reliability;

/// <summary>
/// SM2030: a ConfigMap of the workload that reaches no container: a pod volume projects it but no container mounts
/// the volume, or nothing in the pods refers to it at all. The configuration is shipped and never read.
/// </summary>
internal sealed class ConfigMapUnusedRule : WorkloadRule
{
    public override RuleDescriptor Descriptor => RuleCatalog.ConfigMapUnused;

    public override IEnumerable<Finding> Check(WorkloadContext workload)
    {
        var used = ConfigMapUse.Reaching(workload);
        var volumes = workload.Pod.Volumes ?? ValueList<Volume>.Empty;
        foreach (var configMap in workload.OwnedOf<ConfigMap>())
        {
            if (configMap.Metadata?.Name is not { Length: > 0 } name || used.Contains(name))
            {
                continue;
            }

            var index = ModelLists.FindIndex(volumes, v => v is not null && ConfigMapUse.Projected(v).Contains(name));
            yield return index >= 0
                ? Descriptor.At(Paths.Volumes.Index(index), name, "the pod volume \"" + volumes[index].Name + "\" projects it, but no container mounts that volume")
                : Descriptor.InOwned(configMap, FieldPath.Document, name, "no volume, envFrom or configMapKeyRef of the pods refers to it");
        }
    }
}
