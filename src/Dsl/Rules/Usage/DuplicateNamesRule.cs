using StatefulManifests.Model;
using StatefulManifests.Rules.Support;
using StatefulManifests.Validation;

namespace StatefulManifests.Rules.Usage;

/// <summary>
/// SM0003: names that must be unique and are not — containers (init and regular together), ports within a
/// container, pod volumes (the API server rejects these three; the finding replaces its Duplicate error at the same
/// path) and volume claim templates (accepted, but both collapse into one claim per pod, so one spec is lost).
/// </summary>
internal sealed class DuplicateNamesRule : WorkloadRule
{
    public override RuleDescriptor Descriptor => RuleCatalog.DuplicateName;

    public override IEnumerable<Finding> Check(WorkloadContext workload)
    {
        var findings = new List<Finding>();
        var containerNames = new Dictionary<string, FieldPath>(StringComparer.Ordinal);
        foreach (var site in workload.AllContainers)
        {
            Track("container", site.Name, site.Path, site.Path.Child("name"), containerNames, findings, string.Empty);
            var ports = site.Container.Ports ?? ValueList<ContainerPort>.Empty;
            var portNames = new Dictionary<string, FieldPath>(StringComparer.Ordinal);
            for (var i = 0; i < ports.Count; i++)
            {
                var path = site.Path.Child("ports").Index(i);
                Track("port", ports[i].Name, path, path.Child("name"), portNames, findings, string.Empty);
            }
        }

        var volumes = workload.Pod.Volumes ?? ValueList<Volume>.Empty;
        var volumeNames = new Dictionary<string, FieldPath>(StringComparer.Ordinal);
        for (var i = 0; i < volumes.Count; i++)
        {
            var path = Paths.Volumes.Index(i);
            Track("volume", volumes[i].Name, path, path.Child("name"), volumeNames, findings, string.Empty);
        }

        var claims = workload.Spec.VolumeClaimTemplates ?? ValueList<PersistentVolumeClaim>.Empty;
        var claimNames = new Dictionary<string, FieldPath>(StringComparer.Ordinal);
        for (var i = 0; i < claims.Count; i++)
        {
            var path = Paths.ClaimTemplates.Index(i);
            Track("volume claim template", claims[i].Metadata?.Name, path, path.Child("metadata", "name"), claimNames, findings, "; both collapse into one claim per pod and one spec is lost");
        }

        return findings;
    }

    // Records the first owner of a name; reports every later one at its name field.
    private void Track(string kind, string? name, FieldPath owner, FieldPath namePath, Dictionary<string, FieldPath> seen, List<Finding> findings, string consequence)
    {
        if (string.IsNullOrEmpty(name))
        {
            return;
        }

        if (seen.TryGetValue(name!, out var first))
        {
            findings.Add(Descriptor.At(namePath, kind, name, "is already used by " + first + consequence));
        }
        else
        {
            seen.Add(name!, owner);
        }
    }
}
