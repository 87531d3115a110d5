using System.Text.Json.Nodes;

namespace StatefulManifests.Tests.Support;

/// <summary>
/// The data directory kubectl-validate serves (<c>K8S_API_DIR</c>) for tests: a copy of <c>../shared/k8s-api</c>
/// plus discovery and OpenAPI v3 documents for the group-versions of owned objects that the shared data only
/// holds in swagger.json (NetworkPolicy, HorizontalPodAutoscaler, CronJob). Built once per test process in a
/// temporary directory and derived from swagger.json's own paths and definitions, so nothing from ../shared is
/// committed to the repository and ../shared itself is never written.
/// </summary>
public static class KubernetesApiData
{
    /// <summary>The group-versions derived from swagger.json when ../shared has no documents of its own for them.</summary>
    public static readonly IReadOnlyList<string> DerivedGroupVersions = ["networking.k8s.io/v1", "autoscaling/v2", "batch/v1"];

    private static readonly Lazy<string?> Built = new(Build, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>The generated data directory, or null when ../shared/k8s-api (with swagger.json) is not there.</summary>
    public static string? DataDirectory => Built.Value;

    private static string? Build()
    {
        if (SharedFiles.SharedRoot is not { } shared)
        {
            return null;
        }

        var source = Path.Combine(shared, "k8s-api");
        var swaggerFile = Path.Combine(source, "openapi", "v2", "swagger.json");
        if (!Directory.Exists(Path.Combine(source, "discovery")) || !Directory.Exists(Path.Combine(source, "openapi", "v3")) || !File.Exists(swaggerFile))
        {
            return null;
        }

        var target = Path.Combine(Path.GetTempPath(), "statefulmanifests-k8s-api-" + Environment.ProcessId + "-" + Guid.NewGuid().ToString("N"));
        AppDomain.CurrentDomain.ProcessExit += (_, _) => TryDelete(target);
        var discovery = Directory.CreateDirectory(Path.Combine(target, "discovery")).FullName;
        var v3 = Directory.CreateDirectory(Path.Combine(target, "openapi", "v3")).FullName;
        var v2 = Directory.CreateDirectory(Path.Combine(target, "openapi", "v2")).FullName;
        CopyJson(Path.Combine(source, "discovery"), discovery);
        CopyJson(Path.Combine(source, "openapi", "v3"), v3);
        File.Copy(swaggerFile, Path.Combine(v2, "swagger.json"));

        var swagger = JsonNode.Parse(File.ReadAllText(swaggerFile))!.AsObject();
        var apisFile = Path.Combine(discovery, "apis.json");
        var apis = File.Exists(apisFile) ? JsonNode.Parse(File.ReadAllText(apisFile))!.AsObject() : new JsonObject
        {
            ["kind"] = "APIGroupList",
            ["apiVersion"] = "v1",
            ["groups"] = new JsonArray(),
        };
        foreach (var groupVersion in DerivedGroupVersions)
        {
            // The file names follow the script's convention: apis__GROUP__VERSION.json, apis__GROUP__VERSION_openapi.json.
            var stem = "apis__" + groupVersion.Replace("/", "__", StringComparison.Ordinal);
            DiscoveryFromSwagger.AddToGroupList(apis, groupVersion);
            WriteUnlessShared(Path.Combine(discovery, stem + ".json"), () => DiscoveryFromSwagger.ResourceList(swagger, groupVersion));
            WriteUnlessShared(Path.Combine(v3, stem + "_openapi.json"), () => OpenApiV3FromSwagger.Document(swagger, groupVersion));
        }

        File.WriteAllText(apisFile, apis.ToJsonString());
        return target;
    }

    private static void CopyJson(string from, string to)
    {
        foreach (var file in Directory.EnumerateFiles(from, "*.json"))
        {
            File.Copy(file, Path.Combine(to, Path.GetFileName(file)));
        }
    }

    // Documents ../shared already has win: the derivation only fills gaps.
    private static void WriteUnlessShared(string file, Func<JsonObject> derive)
    {
        if (!File.Exists(file))
        {
            File.WriteAllText(file, derive().ToJsonString());
        }
    }

    private static void TryDelete(string directory)
    {
        try
        {
            Directory.Delete(directory, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temporary directory is harmless; never fail the test run over it.
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
