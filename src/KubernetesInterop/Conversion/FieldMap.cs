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
    private static readonly ConcurrentDictionary<Type, FieldMap> Cache = new();
    private static readonly Assembly ClientModels = typeof(k8s.Models.V1StatefulSet).Assembly;

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

    /// <summary>The client class for a model record type, or null when <paramref name="model"/> is not a model record.</summary>
    public static Type? ClientTypeOf(Type model) =>
        model.Namespace == "StatefulManifests.Model" && model.IsClass ? ClientModels.GetType("k8s.Models.V1" + model.Name) : null;

    /// <summary>The field map of a model record type (computed once per type).</summary>
    public static FieldMap For(Type model) => Cache.GetOrAdd(model, Create);

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

    private static FieldMap Create(Type model)
    {
        var client = ClientTypeOf(model) ?? throw new ArgumentException("no k8s.Models class for " + model.FullName, nameof(model));
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
