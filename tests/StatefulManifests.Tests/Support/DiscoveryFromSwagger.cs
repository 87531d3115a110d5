using System.Text.Json.Nodes;

namespace StatefulManifests.Tests.Support;

/// <summary>
/// Derives a legacy discovery <c>APIResourceList</c> (what <c>/apis/GROUP/VERSION</c> answers) from the swagger 2.0
/// paths of that group-version. kubectl only needs it to map a kind to its resource, scope and verbs.
/// </summary>
public static class DiscoveryFromSwagger
{
    // swagger's x-kubernetes-action → the discovery verb it implies ("watchlist" is the deprecated /watch/ collection).
    private static readonly Dictionary<string, string> VerbOfAction = new(StringComparer.Ordinal)
    {
        ["get"] = "get",
        ["list"] = "list",
        ["post"] = "create",
        ["put"] = "update",
        ["patch"] = "patch",
        ["delete"] = "delete",
        ["deletecollection"] = "deletecollection",
        ["watch"] = "watch",
        ["watchlist"] = "watch",
    };

    /// <summary>The resource list of <paramref name="groupVersion"/> as the swagger paths describe it.</summary>
    public static JsonObject ResourceList(JsonObject swagger, string groupVersion)
    {
        var resources = new SortedDictionary<string, Resource>(StringComparer.Ordinal);
        var prefix = SwaggerJson.PathPrefix(groupVersion);
        foreach (var (path, item) in SwaggerJson.PathsOf(swagger, groupVersion))
        {
            var segments = path[prefix.Length..].Split('/', StringSplitOptions.RemoveEmptyEntries).ToList();
            if (segments.FirstOrDefault() == "watch")
            {
                segments.RemoveAt(0);
            }

            // "namespaces/{namespace}/x" is a namespaced resource x; the cluster-wide list of x is the same resource.
            var namespaced = segments.Count >= 2 && segments[0] == "namespaces" && segments[1] == "{namespace}";
            if (namespaced)
            {
                segments.RemoveRange(0, 2);
            }

            if (segments.Count == 0)
            {
                continue;
            }

            var name = segments.Count >= 3 && segments[1] == "{name}" ? segments[0] + "/" + segments[2] : segments[0];
            if (!resources.TryGetValue(name, out var resource))
            {
                resources[name] = resource = new Resource(name);
            }

            resource.Namespaced |= namespaced;
            foreach (var (method, op) in item)
            {
                if (!SwaggerJson.Methods.Contains(method) || op is not JsonObject operation)
                {
                    continue;
                }

                if (operation["x-kubernetes-action"]?.GetValue<string>() is { } action && VerbOfAction.TryGetValue(action, out var verb))
                {
                    resource.Verbs.Add(verb);
                }

                resource.Kind ??= operation["x-kubernetes-group-version-kind"]?.AsObject();
            }
        }

        var list = new JsonArray();
        foreach (var resource in resources.Values.Where(r => r.Kind is not null))
        {
            list.Add(resource.ToJson(groupVersion));
        }

        return new JsonObject
        {
            ["apiVersion"] = "v1",
            ["groupVersion"] = groupVersion,
            ["kind"] = "APIResourceList",
            ["resources"] = list,
        };
    }

    /// <summary>
    /// Makes the <c>/apis</c> group list (<c>APIGroupList</c>) name <paramref name="groupVersion"/>: adds the group or
    /// the version when missing; leaves an existing entry (and its preferred version) alone.
    /// </summary>
    public static void AddToGroupList(JsonObject apis, string groupVersion)
    {
        var slash = groupVersion.IndexOf('/', StringComparison.Ordinal);
        var (group, version) = (groupVersion[..slash], groupVersion[(slash + 1)..]);
        var groups = apis["groups"] as JsonArray ?? [];
        apis["groups"] = groups;
        var entry = groups.OfType<JsonObject>().FirstOrDefault(g => g["name"]?.GetValue<string>() == group);
        JsonObject VersionNode() => new() { ["groupVersion"] = groupVersion, ["version"] = version };
        if (entry is null)
        {
            groups.Add(new JsonObject
            {
                ["name"] = group,
                ["preferredVersion"] = VersionNode(),
                ["versions"] = new JsonArray(VersionNode()),
            });
            return;
        }

        var versions = entry["versions"] as JsonArray ?? [];
        entry["versions"] = versions;
        if (!versions.OfType<JsonObject>().Any(v => v["groupVersion"]?.GetValue<string>() == groupVersion))
        {
            versions.Add(VersionNode());
        }
    }

    private sealed class Resource(string name)
    {
        public bool Namespaced { get; set; }

        public SortedSet<string> Verbs { get; } = new(StringComparer.Ordinal);

        public JsonObject? Kind { get; set; }

        public JsonObject ToJson(string groupVersion)
        {
            var kind = Kind!["kind"]!.GetValue<string>();
            var group = Kind["group"]?.GetValue<string>() ?? string.Empty;
            var version = Kind["version"]!.GetValue<string>();
            var json = new JsonObject
            {
                ["kind"] = kind,
                ["name"] = name,
                ["namespaced"] = Namespaced,
                // Real discovery gives subresources an empty singular name.
                ["singularName"] = name.Contains('/', StringComparison.Ordinal) ? string.Empty : kind.ToLowerInvariant(),
                ["verbs"] = new JsonArray([.. Verbs.Select(v => (JsonNode)v)]),
            };

            // A subresource of another kind's group (e.g. .../scale is autoscaling/v1 Scale) says so, as discovery does.
            var own = group.Length == 0 ? version : group + "/" + version;
            if (own != groupVersion)
            {
                json["group"] = group;
                json["version"] = version;
            }

            return json;
        }
    }
}
