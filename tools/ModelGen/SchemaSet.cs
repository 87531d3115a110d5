using System.Text.Json;

namespace ModelGen;

/// <summary>
/// All component schemas of the OpenAPI v3 documents, by full name, completed by the definitions of the v2 swagger
/// document beside them (<c>../v2/swagger.json</c>) for groups the v3 set does not carry (networking, autoscaling, batch).
/// </summary>
internal sealed class SchemaSet
{
    private readonly Dictionary<string, JsonElement> byName = new(StringComparer.Ordinal);

    public static SchemaSet Load(string dir)
    {
        var set = new SchemaSet();
        foreach (var file in Directory.GetFiles(dir, "*_openapi.json").OrderBy(f => f, StringComparer.Ordinal))
        {
            using var doc = JsonDocument.Parse(File.ReadAllBytes(file));
            foreach (var schema in doc.RootElement.GetProperty("components").GetProperty("schemas").EnumerateObject())
            {
                set.byName.TryAdd(schema.Name, schema.Value.Clone());
            }
        }

        var swagger = Path.Combine(dir, "..", "v2", "swagger.json");
        if (File.Exists(swagger))
        {
            using var doc = JsonDocument.Parse(File.ReadAllBytes(swagger));
            foreach (var schema in doc.RootElement.GetProperty("definitions").EnumerateObject())
            {
                set.byName.TryAdd(schema.Name, schema.Value.Clone());
            }
        }

        return set;
    }

    public JsonElement this[string name] => byName[name];

    public static string ShortName(string fullName) => fullName.Substring(fullName.LastIndexOf('.') + 1);

    public static string? RefOf(JsonElement schema)
    {
        if (schema.TryGetProperty("$ref", out var r))
        {
            return r.GetString()!.Split('/').Last();
        }

        if (schema.TryGetProperty("allOf", out var all) && all.GetArrayLength() == 1)
        {
            return RefOf(all[0]);
        }

        return null;
    }

    /// <summary>Every object schema reachable from the roots, in name order.</summary>
    public List<string> Closure(IEnumerable<string> roots)
    {
        var seen = new SortedSet<string>(StringComparer.Ordinal);
        var todo = new Stack<string>(roots);
        while (todo.Count > 0)
        {
            var name = todo.Pop();
            if (!seen.Add(name))
            {
                continue;
            }

            Visit(byName[name]);
        }

        return seen.Where(n => TypeMap.IsModelled(n, byName[n])).ToList();

        void Visit(JsonElement e)
        {
            switch (e.ValueKind)
            {
                case JsonValueKind.Object:
                    foreach (var p in e.EnumerateObject())
                    {
                        if (p.Name == "$ref")
                        {
                            todo.Push(p.Value.GetString()!.Split('/').Last());
                        }
                        else
                        {
                            Visit(p.Value);
                        }
                    }

                    break;
                case JsonValueKind.Array:
                    foreach (var item in e.EnumerateArray())
                    {
                        Visit(item);
                    }

                    break;
            }
        }
    }
}
