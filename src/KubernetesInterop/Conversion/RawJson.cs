using System.Collections;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using StatefulManifests.Model;

namespace StatefulManifests.KubernetesClient.Conversion;

/// <summary>
/// Free-form data between the model's <see cref="RawValue"/> and what the client holds in <see cref="object"/>
/// fields (<c>fieldsV1</c>): a <see cref="JsonElement"/> after JSON, dictionaries and lists after YAML, or whatever a
/// program assigned. Numbers keep their text.
/// </summary>
internal static class RawJson
{
    /// <summary>
    /// The value as plain objects (string-keyed dictionaries, lists, strings, booleans, numbers), the shape both of
    /// the client's serializers write as the data itself (a <see cref="JsonElement"/> would come out of
    /// <c>KubernetesYaml</c> as its own properties).
    /// </summary>
    public static object? ToPlain(RawValue value) => value.Kind switch
    {
        RawValueKind.Null => null,
        RawValueKind.Boolean => value.Scalar == "true",
        RawValueKind.Number => Number(value.Scalar!),
        RawValueKind.String => value.Scalar,
        RawValueKind.List => value.List!.Select(ToPlain).ToList(),
        _ => value.Map!.ToDictionary(e => e.Key, e => ToPlain(e.Value), StringComparer.Ordinal),
    };

    /// <summary>A raw value from any object the client may hold.</summary>
    public static RawValue FromObject(object? value) => value switch
    {
        null => RawValue.Null,
        RawValue raw => raw,
        JsonElement element => FromElement(element),
        JsonNode node => FromElement(JsonSerializer.SerializeToElement(node)),
        string text => RawValue.String(text),
        bool flag => RawValue.Boolean(flag),
        IDictionary map => RawValue.FromMap(Entries(map).Select(e =>
            KeyValuePair.Create(Convert.ToString(e.Key, CultureInfo.InvariantCulture) ?? string.Empty, FromObject(e.Value)))),
        IEnumerable items => RawValue.FromList(items.Cast<object?>().Select(FromObject)),
        IFormattable number when IsNumber(number) => RawValue.Number(number.ToString(null, CultureInfo.InvariantCulture)),
        _ => FromElement(JsonSerializer.SerializeToElement(value, value.GetType())),
    };

    /// <summary>A raw value from a JSON element.</summary>
    public static RawValue FromElement(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Object => RawValue.FromMap(element.EnumerateObject().Select(p => KeyValuePair.Create(p.Name, FromElement(p.Value)))),
        JsonValueKind.Array => RawValue.FromList(element.EnumerateArray().Select(FromElement)),
        JsonValueKind.String => RawValue.String(element.GetString()!),
        JsonValueKind.Number => RawValue.Number(element.GetRawText()),
        JsonValueKind.True => RawValue.Boolean(true),
        JsonValueKind.False => RawValue.Boolean(false),
        _ => RawValue.Null,
    };

    // IDictionary's own enumerator gives DictionaryEntry; a generic dictionary's IEnumerable gives KeyValuePairs.
    private static IEnumerable<DictionaryEntry> Entries(IDictionary map)
    {
        var entries = map.GetEnumerator();
        while (entries.MoveNext())
        {
            yield return entries.Entry;
        }
    }

    private static object Number(string text) =>
        long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var integer) ? integer
        : decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var exact) && exact.ToString(CultureInfo.InvariantCulture) == text ? exact
        : double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture);

    private static bool IsNumber(object value) =>
        value is byte or sbyte or short or ushort or int or uint or long or ulong or float or double or decimal;
}
