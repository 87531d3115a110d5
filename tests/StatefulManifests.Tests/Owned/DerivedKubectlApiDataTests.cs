using System.Text.Json.Nodes;
using StatefulManifests.Tests.Support;
using Xunit.Abstractions;

namespace StatefulManifests.Tests.Owned;

/// <summary>
/// The derivation behind <see cref="KubernetesApiData"/>, checked against the real documents ../shared does have:
/// deriving apps/v1 (and policy/v1) from swagger.json must give what the shipped discovery and OpenAPI v3 documents
/// say about resources, operations and schemas. Skipped with a printed reason when ../shared/k8s-api is absent.
/// </summary>
public sealed class DerivedKubectlApiDataTests(ITestOutputHelper output)
{
    [Theory]
    [InlineData("apps/v1")]
    [InlineData("policy/v1")]
    [InlineData("rbac.authorization.k8s.io/v1")]
    public void Derived_resource_list_matches_the_shipped_discovery_document(string groupVersion)
    {
        if (Load(groupVersion) is not { } data)
        {
            return;
        }

        var derived = DiscoveryFromSwagger.ResourceList(data.Swagger, groupVersion);
        var expected = Resources(data.Discovery);
        Assert.NotEmpty(expected);
        Assert.Equal(expected, Resources(derived));
        output.WriteLine($"{expected.Count} resources match, e.g. {expected[^1]}");
    }

    [Theory]
    [InlineData("apps/v1")]
    [InlineData("policy/v1")]
    [InlineData("rbac.authorization.k8s.io/v1")]
    public void Derived_openapi_v3_document_matches_the_shipped_one(string groupVersion)
    {
        if (Load(groupVersion) is not { } data)
        {
            return;
        }

        var derived = OpenApiV3FromSwagger.Document(data.Swagger, groupVersion);
        Assert.Equal(data.OpenApi["openapi"]!.GetValue<string>(), derived["openapi"]!.GetValue<string>());
        var operations = Operations(data.OpenApi);
        var schemas = SchemaNames(data.OpenApi);
        Assert.NotEmpty(operations);
        Assert.Equal(operations, Operations(derived));
        Assert.Equal(schemas, SchemaNames(derived));
        output.WriteLine($"{operations.Count} operations and {schemas.Count} schemas match, e.g. {operations.First(o => o.Contains(" | patch | ", StringComparison.Ordinal))}");
        Assert.DoesNotContain(SwaggerJson.Refs(derived), r => r.StartsWith("#/definitions/", StringComparison.Ordinal) || r.StartsWith("#/parameters/", StringComparison.Ordinal));
    }

    [Fact]
    public void Generated_directory_serves_every_derived_group_version()
    {
        if (SharedFiles.Missing(KubernetesApiData.DataDirectory, output, "the Kubernetes API data (../shared/k8s-api with openapi/v2/swagger.json)"))
        {
            return;
        }

        var dir = KubernetesApiData.DataDirectory!;
        var apis = JsonNode.Parse(File.ReadAllText(Path.Combine(dir, "discovery", "apis.json")))!;
        var listed = apis["groups"]!.AsArray().SelectMany(g => g!["versions"]!.AsArray().Select(v => v!["groupVersion"]!.GetValue<string>())).ToHashSet();
        foreach (var groupVersion in KubernetesApiData.DerivedGroupVersions)
        {
            var stem = "apis__" + groupVersion.Replace("/", "__", StringComparison.Ordinal);
            Assert.Contains(groupVersion, listed);
            Assert.True(File.Exists(Path.Combine(dir, "discovery", stem + ".json")), stem + ".json");
            var v3 = JsonNode.Parse(File.ReadAllText(Path.Combine(dir, "openapi", "v3", stem + "_openapi.json")))!;
            Assert.Contains(v3["paths"]!.AsObject(), p => p.Value?["patch"]?["x-kubernetes-group-version-kind"] is not null);
        }

        // The shared data is copied, never modified in place.
        Assert.False(dir.StartsWith(SharedFiles.SharedRoot!, StringComparison.Ordinal));
    }

    // name → kind, group/version (when given), scope and verbs; "watch" is left out because the shipped discovery
    // documents omit it although swagger.json has the watch paths.
    private static List<string> Resources(JsonObject list) =>
        [.. list["resources"]!.AsArray().Select(r => string.Join(
                " ",
                r!["name"]!.GetValue<string>(),
                r["kind"]!.GetValue<string>(),
                r["group"]?.GetValue<string>() + "/" + r["version"]?.GetValue<string>(),
                r["namespaced"]!.GetValue<bool>() ? "namespaced" : "cluster",
                string.Join(",", r["verbs"]!.AsArray().Select(v => v!.GetValue<string>()).Where(v => v != "watch").Order(StringComparer.Ordinal))))
            .Order(StringComparer.Ordinal)];

    // path + method → action, kind, parameter names, request and response media types.
    private static List<string> Operations(JsonObject doc)
    {
        var result = new List<string>();
        foreach (var (path, item) in doc["paths"]!.AsObject())
        {
            var pathParameters = Names(item!["parameters"]);
            foreach (var (method, op) in item.AsObject().Where(p => SwaggerJson.Methods.Contains(p.Key)))
            {
                result.Add(string.Join(
                    " | ",
                    path,
                    method,
                    pathParameters,
                    op!["x-kubernetes-action"]?.GetValue<string>(),
                    op["x-kubernetes-group-version-kind"]?.ToJsonString(),
                    Names(op["parameters"]),
                    Keys(op["requestBody"]?["content"]),
                    string.Join(";", op["responses"]!.AsObject().Select(r => r.Key + "=" + Keys(r.Value!["content"])))));
            }
        }

        result.Sort(StringComparer.Ordinal);
        return result;
    }

    private static string Names(JsonNode? parameters) =>
        parameters is JsonArray a ? string.Join(",", a.Select(p => p!["in"] + ":" + p["name"] + ":" + p["schema"]?["type"])) : string.Empty;

    private static string Keys(JsonNode? node) =>
        node is JsonObject o ? string.Join(",", o.Select(p => p.Key).Order(StringComparer.Ordinal)) : string.Empty;

    private static List<string> SchemaNames(JsonObject doc) =>
        [.. doc["components"]!["schemas"]!.AsObject().Select(p => p.Key).Order(StringComparer.Ordinal)];

    private (JsonObject Swagger, JsonObject Discovery, JsonObject OpenApi)? Load(string groupVersion)
    {
        var dir = SharedFiles.SharedRoot is { } r ? Path.Combine(r, "k8s-api") : null;
        var stem = "apis__" + groupVersion.Replace("/", "__", StringComparison.Ordinal);
        string[] files = dir is null ? [] : [
            Path.Combine(dir, "openapi", "v2", "swagger.json"),
            Path.Combine(dir, "discovery", stem + ".json"),
            Path.Combine(dir, "openapi", "v3", stem + "_openapi.json")];
        if (SharedFiles.Missing(files.Length > 0 && files.All(File.Exists) ? files : null, output, "the Kubernetes API documents of " + groupVersion))
        {
            return null;
        }

        var parsed = files.Select(f => JsonNode.Parse(File.ReadAllText(f))!.AsObject()).ToArray();
        return (parsed[0], parsed[1], parsed[2]);
    }
}
