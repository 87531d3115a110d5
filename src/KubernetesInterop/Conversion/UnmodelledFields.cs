using System.Text.Json.Nodes;
using StatefulManifests.Model;

namespace StatefulManifests.KubernetesClient.Conversion;

/// <summary>
/// Finds the fields a client object sets that the model has no property for (the client follows a newer Kubernetes
/// schema than the model) and turns each into an escape-hatch <c>add</c> patch, so the workload still renders them.
/// Works on the client's own JSON: what the object says against what the model's conversion says back.
/// </summary>
internal static class UnmodelledFields
{
    /// <summary>The patches that restore every field of <paramref name="original"/> missing from <paramref name="viaModel"/>.</summary>
    public static IEnumerable<ManifestPatch> Patches(WorkloadDocument target, object original, object viaModel)
    {
        var before = JsonNode.Parse(k8s.KubernetesJson.Serialize(original));
        var after = JsonNode.Parse(k8s.KubernetesJson.Serialize(viaModel));
        var patches = new List<ManifestPatch>();
        Compare(target, before, after, string.Empty, patches);
        return patches;
    }

    private static void Compare(WorkloadDocument target, JsonNode? before, JsonNode? after, string pointer, List<ManifestPatch> patches)
    {
        switch (before, after)
        {
            case (JsonObject b, JsonObject a):
                foreach (var (key, value) in b)
                {
                    var child = pointer + "/" + key.Replace("~", "~0", StringComparison.Ordinal).Replace("/", "~1", StringComparison.Ordinal);
                    if (a.TryGetPropertyValue(key, out var other))
                    {
                        Compare(target, value, other, child, patches);
                    }
                    else if (value is not null)
                    {
                        patches.Add(new ManifestPatch(target, PatchOperation.Add, child, RawJson.FromObject(value)));
                    }
                }

                break;
            case (JsonArray b, JsonArray a) when b.Count == a.Count:
                for (var i = 0; i < b.Count; i++)
                {
                    Compare(target, b[i], a[i], pointer + "/" + i.ToString(System.Globalization.CultureInfo.InvariantCulture), patches);
                }

                break;
        }
    }
}
