using StatefulManifests.Model;
using StatefulManifests.Rules.Support;
using StatefulManifests.Validation;

namespace StatefulManifests.Rules.Usage;

/// <summary>
/// SM0003: names that must be unique and are not — containers (init and regular together), ports within a
/// container and across the pod, pod volumes, claim templates, and a pod volume named like a claim template.
/// The API server rejects the first three (the finding replaces its Duplicate error); the others it accepts
/// while silently collapsing or replacing something.
/// </summary>
internal sealed class DuplicateNamesRule : WorkloadRule
{
    public override RuleDescriptor Descriptor => RuleCatalog.DuplicateName;

    public override IEnumerable<Finding> Check(WorkloadContext workload)
    {
        var containerNames = new Dictionary<string, FieldPath>(StringComparer.Ordinal);
        var portNames = new Dictionary<string, (FieldPath Path, string Container)>(StringComparer.Ordinal);
        foreach (var site in workload.AllContainers)
        {
            var namePath = site.Path.Child("name");
            if (site.Name.Length > 0 && !containerNames.TryGetValue(site.Name, out _))
            {
                containerNames.Add(site.Name, site.Path);
            }
            else if (site.Name.Length > 0)
            {
                yield return Descriptor.At(namePath, "container", site.Name, "is already used by " + containerNames[site.Name]);
            }

            foreach (var finding in PortNames(site, portNames))
            {
                yield return finding;
            }
        }

        var claimNames = new Dictionary<string, FieldPath>(StringComparer.Ordinal);
        var claims = workload.Spec.VolumeClaimTemplates ?? ValueList<PersistentVolumeClaim>.Empty;
        for (var i = 0; i < claims.Count; i++)
        {
            var name = claims[i].Metadata?.Name ?? string.Empty;
            var path = Paths.ClaimTemplates.Index(i);
            if (name.Length == 0)
            {
                continue;
            }

            if (claimNames.TryGetValue(name, out var first))
            {
                yield return Descriptor.At(path.Child("metadata", "name"), "volume claim template", name, "is already used by " + first + "; both collapse into one claim per pod");
            }
            else
            {
                claimNames.Add(name, path);
            }
        }

        var volumeNames = new Dictionary<string, FieldPath>(StringComparer.Ordinal);
        var volumes = workload.Pod.Volumes ?? ValueList<Volume>.Empty;
        for (var i = 0; i < volumes.Count; i++)
        {
            var name = volumes[i].Name ?? string.Empty;
            var path = Paths.Volumes.Index(i);
            if (name.Length == 0)
            {
                continue;
            }

            if (volumeNames.TryGetValue(name, out var first))
            {
                yield return Descriptor.At(path.Child("name"), "volume", name, "is already used by " + first);
            }
            else if (claimNames.TryGetValue(name, out var claim))
            {
                volumeNames.Add(name, path);
                yield return Descriptor.At(path.Child("name"), "volume", name, "is also the name of the claim template " + claim + ", which replaces this volume in every pod");
            }
            else
            {
                volumeNames.Add(name, path);
            }
        }
    }

    // Port names are unique within a container (API rule) and, for a Service to target them by name without
    // ambiguity, across the pod.
    private IEnumerable<Finding> PortNames(ContainerSite site, Dictionary<string, (FieldPath Path, string Container)> podPortNames)
    {
        var ports = site.Container.Ports ?? ValueList<ContainerPort>.Empty;
        var own = new Dictionary<string, FieldPath>(StringComparer.Ordinal);
        for (var i = 0; i < ports.Count; i++)
        {
            var name = ports[i].Name ?? string.Empty;
            var path = site.Path.Child("ports").Index(i);
            if (name.Length == 0)
            {
                continue;
            }

            if (own.TryGetValue(name, out var first))
            {
                yield return Descriptor.At(path.Child("name"), "port", name, "is already used by " + first);
                continue;
            }

            own.Add(name, path);
            if (podPortNames.TryGetValue(name, out var other))
            {
                yield return Descriptor.At(path.Child("name"), "port", name, "is also declared by container \"" + other.Container + "\" (" + other.Path + "), so a Service targetPort of that name is ambiguous");
            }
            else
            {
                podPortNames.Add(name, (path, site.Name));
            }
        }
    }
}
