using System.Collections.Concurrent;
using System.Reflection;
using System.Text.Json.Serialization;

namespace StatefulManifests.KubernetesClient.Conversion;

/// <summary>One field of a model record and the property of the client's class that has the same JSON key.</summary>
/// <param name="Json">The Kubernetes field name (the YAML/JSON key).</param>
/// <param name="Model">The property of the StatefulManifests model record.</param>
/// <param name="Client">The property of the <c>k8s.Models</c> class.</param>
internal sealed record FieldPair(string Json, PropertyInfo Model, PropertyInfo Client);

/// <summary>
/// Pairs a model record (<c>StatefulManifests.Model.X</c>) with the client's class (<c>k8s.Models.V1X</c>) field by
/// field, by JSON key. Both are generated from the same Kubernetes OpenAPI schema, so the pairing is mechanical; a
/// model field without a client counterpart is a hard error (<see cref="Unpaired"/>), never a silent loss.
/// </summary>
internal sealed class FieldMap
{
    private static readonly ConcurrentDictionary<(Type, Type), FieldMap> Cache = new();

    private FieldMap(Type model, Type client, IReadOnlyList<FieldPair> fields, IReadOnlyList<string> unpaired)
    {
        ModelType = model;
        ClientType = client;
        Fields = fields;
        Unpaired = unpaired;
    }

    /// <summary>The model record type.</summary>
    public Type ModelType { get; }

    /// <summary>The client class.</summary>
    public Type ClientType { get; }

    /// <summary>The paired fields, in the model's declaration order.</summary>
    public IReadOnlyList<FieldPair> Fields { get; }

    /// <summary>Model properties the client class has no field for (empty for the schema this build pairs).</summary>
    public IReadOnlyList<string> Unpaired { get; }

    /// <summary>
    /// True when <paramref name="model"/> is a model record and <paramref name="client"/> a client model class: a pair
    /// to map field by field. Which client class a model record pairs with comes from the field being converted (the
    /// client prefixes names that clash across groups, e.g. <c>Corev1ResourceClaim</c>), the roots from the API.
    /// </summary>
    public static bool IsRecordPair(Type model, Type client) =>
        model.Namespace == "StatefulManifests.Model" && model.IsClass && model.GetProperty("EqualityContract", BindingFlags.NonPublic | BindingFlags.Instance) is not null
        && client.Namespace == "k8s.Models" && client.IsClass;

    /// <summary>The field map of a pair (computed once per pair).</summary>
    public static FieldMap For(Type model, Type client) => Cache.GetOrAdd((model, client), key => Create(key.Item1, key.Item2));

    /// <summary>The JSON key of a client property (its <see cref="JsonPropertyNameAttribute"/>).</summary>
    public static string JsonName(PropertyInfo clientProperty) =>
        clientProperty.GetCustomAttribute<JsonPropertyNameAttribute>()?.Name ?? clientProperty.Name;

    // The model generator names a property after its key with the first letter upper-cased, and appends "Value" when
    // that would clash with the type's own name (C# forbids a member named like its type).
    private static string ModelJsonName(Type model, PropertyInfo property)
    {
        var name = property.Name == model.Name + "Value" ? model.Name : property.Name;
        return char.ToLowerInvariant(name[0]) + name.Substring(1);
    }

    private static FieldMap Create(Type model, Type client)
    {
        var byJson = client.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.CanWrite)
            .ToDictionary(JsonName, StringComparer.Ordinal);
        var fields = new List<FieldPair>();
        var unpaired = new List<string>();
        foreach (var property in model.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.CanWrite).OrderBy(p => p.MetadataToken))
        {
            var json = ModelJsonName(model, property);
            if (byJson.TryGetValue(json, out var match) || byJson.TryGetValue(property.Name, out match))
            {
                fields.Add(new FieldPair(json, property, match));
            }
            else
            {
                unpaired.Add(model.Name + "." + json);
            }
        }

        return new FieldMap(model, client, fields, unpaired);
    }
}
