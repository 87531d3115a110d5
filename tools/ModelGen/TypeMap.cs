using System.Text.Json;

namespace ModelGen;

/// <summary>How one property maps to C#: its type and the codec calls that read and write it.</summary>
internal sealed record FieldType(string CSharp, string Write, string Read);

internal static class TypeMap
{
    /// <summary>Schemas that become primitives rather than generated records.</summary>
    private static readonly Dictionary<string, (string CSharp, string Suffix)> Primitives = new()
    {
        ["io.k8s.apimachinery.pkg.api.resource.Quantity"] = ("global::StatefulManifests.Model.Quantity", "Quantity"),
        ["io.k8s.apimachinery.pkg.util.intstr.IntOrString"] = ("global::StatefulManifests.Model.IntOrString", "IntOrString"),
        ["io.k8s.apimachinery.pkg.apis.meta.v1.Time"] = ("string", "Str"),
        ["io.k8s.apimachinery.pkg.apis.meta.v1.MicroTime"] = ("string", "Str"),
        ["io.k8s.apimachinery.pkg.apis.meta.v1.FieldsV1"] = ("global::StatefulManifests.Model.RawValue", "Raw"),
    };

    public static bool IsModelled(string name, JsonElement schema) => !Primitives.ContainsKey(name);

    /// <summary>The element type of a scalar or object schema: C# type and codec suffix (Str, Int, Obj...).</summary>
    private static (string CSharp, string Suffix, string? ObjectName) Element(JsonElement schema, string? enumName)
    {
        var reference = SchemaSet.RefOf(schema);
        if (reference is not null)
        {
            if (Primitives.TryGetValue(reference, out var p))
            {
                return (p.CSharp, p.Suffix, null);
            }

            var shortName = SchemaSet.ShortName(reference);
            return ("global::StatefulManifests.Model." + shortName, "Obj", shortName);
        }

        var type = schema.TryGetProperty("type", out var t) ? t.GetString() : null;
        var format = schema.TryGetProperty("format", out var f) ? f.GetString() : null;
        return type switch
        {
            "string" when enumName is not null => ($"global::StatefulManifests.Model.EnumValue<global::StatefulManifests.Model.{enumName}>", "Enum", null),
            "string" => ("string", "Str", null),
            "integer" when format == "int64" => ("long", "Long", null),
            "integer" => ("int", "Int", null),
            "boolean" => ("bool", "Bool", null),
            "number" => ("double", "Double", null),
            _ => throw new NotSupportedException($"schema type {type}/{format} is not mapped"),
        };
    }

    public static FieldType Map(string owner, string json, JsonElement schema)
    {
        Hints.Enums.TryGetValue(owner + "." + json, out var enumName);
        var type = schema.TryGetProperty("type", out var t) ? t.GetString() : null;
        if (type == "array")
        {
            var (cs, suffix, obj) = Element(schema.GetProperty("items"), enumName);
            var item = ItemCodec(cs, suffix, obj);
            return new FieldType(
                $"global::StatefulManifests.Model.ValueList<{cs}>?",
                $"List(m, \"{json}\", v.{{0}}, {item.Write});",
                $"List(value, path.Child(\"{json}\"), {item.Read})");
        }

        if (type == "object" && schema.TryGetProperty("additionalProperties", out var additional))
        {
            var (cs, suffix, obj) = Element(additional, enumName);
            var item = ItemCodec(cs, suffix, obj);
            return new FieldType(
                $"global::StatefulManifests.Model.ValueMap<{cs}>?",
                $"Map(m, \"{json}\", v.{{0}}, {item.Write});",
                $"Map(value, path.Child(\"{json}\"), {item.Read})");
        }

        var (elementType, elementSuffix, objectName) = Element(schema, enumName);
        if (objectName is not null)
        {
            return new FieldType(
                elementType + "?",
                $"Obj(m, \"{json}\", v.{{0}}, Write{objectName});",
                $"Obj(value, path.Child(\"{json}\"), Read{objectName})");
        }

        var generic = elementSuffix == "Enum" ? $"<global::StatefulManifests.Model.{enumName}>" : string.Empty;
        return new FieldType(
            elementType + "?",
            $"{elementSuffix}(m, \"{json}\", v.{{0}});",
            $"{elementSuffix}{generic}(value, path.Child(\"{json}\"))");
    }

    private static (string Write, string Read) ItemCodec(string cs, string suffix, string? objectName)
    {
        if (objectName is not null)
        {
            return ($"Write{objectName}", $"Read{objectName}");
        }

        if (suffix == "Enum")
        {
            var enumType = cs.Substring(cs.IndexOf('<') + 1).TrimEnd('>');
            return ($"EnumNode<{enumType}>", $"EnumItem<{enumType}>");
        }

        return ($"{suffix}Node", $"{suffix}Item");
    }
}
