using System.Text.Json.Nodes;

namespace StatefulManifests.Tests.Support;

/// <summary>
/// Small helpers over the Kubernetes swagger 2.0 document (<c>../shared/k8s-api/openapi/v2/swagger.json</c>) shared by
/// the discovery and OpenAPI v3 derivations in <see cref="KubernetesApiData"/>.
/// </summary>
public static class SwaggerJson
{
    /// <summary>The HTTP methods a swagger 2.0 path item may hold.</summary>
    public static readonly IReadOnlySet<string> Methods = new HashSet<string>(StringComparer.Ordinal)
    {
        "get", "put", "post", "delete", "options", "head", "patch",
    };

    /// <summary>The URL prefix of a group-version's paths, e.g. <c>/apis/batch/v1/</c> (core <c>v1</c> is <c>/api/v1/</c>).</summary>
    public static string PathPrefix(string groupVersion) =>
        groupVersion.Contains('/', StringComparison.Ordinal) ? "/apis/" + groupVersion + "/" : "/api/" + groupVersion + "/";

    /// <summary>The swagger paths of one group-version, in the document's order.</summary>
    public static IEnumerable<(string Path, JsonObject Item)> PathsOf(JsonObject swagger, string groupVersion)
    {
        var prefix = PathPrefix(groupVersion);
        foreach (var (path, item) in swagger["paths"]?.AsObject() ?? [])
        {
            if (path.StartsWith(prefix, StringComparison.Ordinal) && item is JsonObject obj)
            {
                yield return (path, obj);
            }
        }
    }

    /// <summary>
    /// A deep copy of <paramref name="node"/> with every swagger <c>#/definitions/</c> reference pointed at OpenAPI 3's
    /// <c>#/components/schemas/</c> (the definitions keep their names, so nothing else changes).
    /// </summary>
    public static JsonNode? RewriteRefs(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject obj:
                var copy = new JsonObject();
                foreach (var (key, value) in obj)
                {
                    if (key == "$ref" && value is JsonValue v && v.TryGetValue<string>(out var target)
                        && target.StartsWith("#/definitions/", StringComparison.Ordinal))
                    {
                        copy[key] = "#/components/schemas/" + target["#/definitions/".Length..];
                    }
                    else
                    {
                        copy[key] = RewriteRefs(value);
                    }
                }

                return copy;
            case JsonArray array:
                return new JsonArray([.. array.Select(RewriteRefs)]);
            default:
                return node?.DeepClone();
        }
    }

    /// <summary>Every string value of a <c>$ref</c> key anywhere under <paramref name="node"/>.</summary>
    public static IEnumerable<string> Refs(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var (key, value) in obj)
                {
                    if (key == "$ref" && value is JsonValue v && v.TryGetValue<string>(out var target))
                    {
                        yield return target;
                    }
                    else
                    {
                        foreach (var r in Refs(value))
                        {
                            yield return r;
                        }
                    }
                }

                break;
            case JsonArray array:
                foreach (var r in array.SelectMany(Refs))
                {
                    yield return r;
                }

                break;
        }
    }

    /// <summary>The strings of a JSON array, or <paramref name="fallback"/> when the node is not an array.</summary>
    public static IReadOnlyList<string> Strings(JsonNode? node, params string[] fallback) =>
        node is JsonArray array ? [.. array.Select(n => n!.GetValue<string>())] : fallback;
}
