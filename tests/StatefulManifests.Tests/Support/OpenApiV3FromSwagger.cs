using System.Text.Json.Nodes;

namespace StatefulManifests.Tests.Support;

/// <summary>
/// Derives the OpenAPI v3 document of one group-version (what <c>/openapi/v3/apis/GROUP/VERSION</c> answers) from the
/// swagger 2.0 document: its paths, with every operation's x-kubernetes-group-version-kind (kubectl looks up the
/// kind's PATCH operation to decide whether to validate client-side), and the definitions those paths reach, as
/// <c>components/schemas</c>. The shape follows the real v3 documents (e.g. <c>apis__apps__v1_openapi.json</c>).
/// </summary>
public static class OpenApiV3FromSwagger
{
    /// <summary>The OpenAPI 3.0 document of <paramref name="groupVersion"/>.</summary>
    public static JsonObject Document(JsonObject swagger, string groupVersion)
    {
        var paths = new JsonObject();
        foreach (var (path, item) in SwaggerJson.PathsOf(swagger, groupVersion))
        {
            paths[path] = PathItem(swagger, item);
        }

        return new JsonObject
        {
            ["components"] = new JsonObject
            {
                ["schemas"] = SchemasReachedFrom(swagger, paths),
                ["securitySchemes"] = swagger["securityDefinitions"]?.DeepClone() ?? new JsonObject(),
            },
            ["info"] = swagger["info"]?.DeepClone() ?? new JsonObject { ["title"] = "Kubernetes", ["version"] = "unversioned" },
            ["openapi"] = "3.0.0",
            ["paths"] = paths,
        };
    }

    private static JsonObject PathItem(JsonObject swagger, JsonObject item)
    {
        var converted = new JsonObject();
        foreach (var (key, value) in item)
        {
            if (key == "parameters" && value is JsonArray parameters)
            {
                converted[key] = new JsonArray([.. parameters.Select(p => Resolve(swagger, p)).Where(p => !IsBody(p)).Select(Parameter)]);
            }
            else if (SwaggerJson.Methods.Contains(key) && value is JsonObject operation)
            {
                converted[key] = Operation(swagger, operation);
            }
            else
            {
                converted[key] = SwaggerJson.RewriteRefs(value);
            }
        }

        return converted;
    }

    private static JsonObject Operation(JsonObject swagger, JsonObject operation)
    {
        // OpenAPI 3 moves consumes/produces into per-media-type content; the scheme list has no counterpart.
        var consumes = SwaggerJson.Strings(operation["consumes"], "*/*");
        var produces = SwaggerJson.Strings(operation["produces"], "application/json");
        var converted = new JsonObject();
        foreach (var (key, value) in operation)
        {
            switch (key)
            {
                case "consumes" or "produces" or "schemes":
                    break;
                case "parameters" when value is JsonArray parameters:
                    var resolved = parameters.Select(p => Resolve(swagger, p)).ToList();
                    converted[key] = new JsonArray([.. resolved.Where(p => !IsBody(p)).Select(Parameter)]);
                    if (resolved.FirstOrDefault(IsBody) is { } body)
                    {
                        var requestBody = new JsonObject { ["content"] = Content(consumes, body["schema"]) };
                        if (body["required"] is { } required)
                        {
                            requestBody["required"] = required.DeepClone();
                        }

                        converted["requestBody"] = requestBody;
                    }

                    break;
                case "responses" when value is JsonObject responses:
                    var convertedResponses = new JsonObject();
                    foreach (var (code, response) in responses)
                    {
                        convertedResponses[code] = Response(produces, response!.AsObject());
                    }

                    converted[key] = convertedResponses;
                    break;
                default:
                    converted[key] = SwaggerJson.RewriteRefs(value);
                    break;
            }
        }

        return converted;
    }

    private static JsonObject Response(IReadOnlyList<string> produces, JsonObject response)
    {
        var converted = new JsonObject();
        foreach (var (key, value) in response)
        {
            if (key == "schema")
            {
                converted["content"] = Content(produces, value);
            }
            else
            {
                converted[key] = SwaggerJson.RewriteRefs(value);
            }
        }

        return converted;
    }

    private static JsonObject Content(IReadOnlyList<string> mediaTypes, JsonNode? schema)
    {
        var content = new JsonObject();
        foreach (var mediaType in mediaTypes.Order(StringComparer.Ordinal))
        {
            content[mediaType] = new JsonObject { ["schema"] = SwaggerJson.RewriteRefs(schema) };
        }

        return content;
    }

    // A swagger 2.0 non-body parameter keeps its type facets beside its name; OpenAPI 3 nests them in "schema".
    private static JsonNode Parameter(JsonObject parameter)
    {
        var converted = new JsonObject();
        var schema = new JsonObject();
        foreach (var (key, value) in parameter)
        {
            var target = key is "name" or "in" or "description" or "required" or "allowEmptyValue" || key.StartsWith("x-", StringComparison.Ordinal)
                ? converted
                : schema;
            target[key] = SwaggerJson.RewriteRefs(value);
        }

        converted["schema"] = schema;
        return converted;
    }

    // The real v3 documents inline shared parameters, so "#/parameters/NAME" references are resolved here.
    private static JsonObject Resolve(JsonObject swagger, JsonNode? parameter)
    {
        var obj = parameter!.AsObject();
        if (obj["$ref"]?.GetValue<string>() is { } target && target.StartsWith("#/parameters/", StringComparison.Ordinal))
        {
            return swagger["parameters"]![target["#/parameters/".Length..]]!.AsObject();
        }

        return obj;
    }

    private static bool IsBody(JsonObject parameter) => parameter["in"]?.GetValue<string>() == "body";

    // Only the definitions the paths reach (transitively), sorted by name like the real documents.
    private static JsonObject SchemasReachedFrom(JsonObject swagger, JsonObject paths)
    {
        const string Prefix = "#/components/schemas/";
        var definitions = swagger["definitions"]!.AsObject();
        var reached = new SortedDictionary<string, JsonNode?>(StringComparer.Ordinal);
        var pending = new Queue<string>(SwaggerJson.Refs(paths).Where(r => r.StartsWith(Prefix, StringComparison.Ordinal)).Select(r => r[Prefix.Length..]));
        while (pending.TryDequeue(out var name))
        {
            if (reached.ContainsKey(name) || definitions[name] is not { } definition)
            {
                continue;
            }

            var schema = SwaggerJson.RewriteRefs(definition);
            reached[name] = schema;
            foreach (var r in SwaggerJson.Refs(schema).Where(r => r.StartsWith(Prefix, StringComparison.Ordinal)))
            {
                pending.Enqueue(r[Prefix.Length..]);
            }
        }

        var schemas = new JsonObject();
        foreach (var (name, schema) in reached)
        {
            schemas[name] = schema;
        }

        return schemas;
    }
}
