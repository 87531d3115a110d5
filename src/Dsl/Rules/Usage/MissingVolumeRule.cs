using StatefulManifests.Model;

namespace StatefulManifests.Rules.Usage;

/// <summary>
/// SM0004: a volumeMount or volumeDevice naming neither a pod volume nor a volume claim template. The API server
/// rejects it with NotFound (the finding replaces that error); in the DSL it usually means a typo in
/// <c>.Mount("name", …)</c> or a forgotten <c>.VolumeClaim(…)</c>.
/// </summary>
internal sealed class MissingVolumeRule : WorkloadRule
{
    public override RuleDescriptor Descriptor => RuleCatalog.MountOfMissingVolume;

    public override IEnumerable<Finding> Check(WorkloadContext workload)
    {
        var declared = (workload.Spec.VolumeClaimTemplates ?? ValueList<PersistentVolumeClaim>.Empty).Select(c => c.Metadata?.Name)
            .Concat((workload.Pod.Volumes ?? ValueList<Volume>.Empty).Select(v => v.Name))
            .Where(n => !string.IsNullOrEmpty(n))
            .Select(n => n!)
            .Distinct(StringComparer.Ordinal)
            .ToList();
        var known = new HashSet<string>(declared, StringComparer.Ordinal);
        var existing = declared.Count == 0 ? "none is declared" : "declared: " + string.Join(", ", declared);

        foreach (var site in workload.AllContainers)
        {
            var mounts = site.Container.VolumeMounts ?? ValueList<VolumeMount>.Empty;
            for (var i = 0; i < mounts.Count; i++)
            {
                if (mounts[i].Name is { Length: > 0 } name && !known.Contains(name))
                {
                    yield return Descriptor.At(site.Path.Child("volumeMounts").Index(i).Child("name"), "volumeMount", name, existing);
                }
            }

            var devices = site.Container.VolumeDevices ?? ValueList<VolumeDevice>.Empty;
            for (var i = 0; i < devices.Count; i++)
            {
                if (devices[i].Name is { Length: > 0 } name && !known.Contains(name))
                {
                    yield return Descriptor.At(site.Path.Child("volumeDevices").Index(i).Child("name"), "volumeDevice", name, existing);
                }
            }
        }
    }
}
