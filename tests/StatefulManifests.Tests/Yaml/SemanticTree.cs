using System.Globalization;
using System.Numerics;
using System.Text.Json;
using System.Text.RegularExpressions;
using StatefulManifests.Model;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace StatefulManifests.Tests.Yaml;

/// <summary>
/// A test oracle independent of the reader under test: YAML (through YamlDotNet's parser) or JSON turned into a
/// normalised JSON-like tree, so that two manifests can be compared for meaning. Maps are unordered (sorted
/// dictionaries), a null map value counts as absent (Kubernetes omits empty optional fields), plain scalars take
/// their YAML 1.1 type (as kubectl reads them: <c>0755</c> is 493, <c>yes</c> is true), numbers compare by value, and
/// resource quantities compare by value too (<c>0.5</c> equals <c>500m</c>).
/// </summary>
internal static class SemanticTree
{
    private static readonly HashSet<string> QuantityMaps = new(StringComparer.Ordinal) { "requests", "limits", "overhead", "capacity", "allocatedResources", "allocatable", "hard", "used" };
    private static readonly HashSet<string> QuantityFields = new(StringComparer.Ordinal) { "sizeLimit", "divisor" };

    private static readonly Regex Decimal = new(@"^[-+]?(0|[1-9][0-9_]*)\z");
    private static readonly Regex Octal = new(@"^([-+]?)0o?([0-7_]+)\z");
    private static readonly Regex Hex = new(@"^([-+]?)0x([0-9a-fA-F_]+)\z");
    private static readonly Regex Binary = new(@"^([-+]?)0b([01_]+)\z");
    private static readonly Regex Float = new(@"^[-+]?(\.[0-9]+|[0-9][0-9_]*(\.[0-9_]*)?)([eE][-+]?[0-9]+)?\z");

    /// <summary>A duplicate key found while loading: the value kubectl drops and the one it keeps.</summary>
    public sealed record Duplicate(string Path, object? Lost, object? Kept);

    /// <summary>The documents of a YAML stream (empty documents skipped); duplicates keep the last value.</summary>
    public static List<object?> FromYaml(string yaml, List<Duplicate>? duplicates = null)
    {
        var parser = new Parser(new StringReader(yaml));
        var documents = new List<object?>();
        parser.Consume<StreamStart>();
        while (parser.TryConsume<DocumentStart>(out _))
        {
            var anchors = new Dictionary<string, object?>(StringComparer.Ordinal);
            var root = Read(parser, anchors, string.Empty, duplicates);
            parser.Consume<DocumentEnd>();
            if (root is not null)
            {
                documents.Add(Normalize(root, null));
            }
        }

        return documents;
    }

    /// <summary>A JSON value (as kubectl prints objects) in the same normalised form.</summary>
    public static object? FromJson(JsonElement json) => Normalize(FromJsonRaw(json), null);

    /// <summary>Where two trees differ, as readable paths; empty when they mean the same.</summary>
    public static List<string> Differences(object? expected, object? actual, string path = "")
    {
        var differences = new List<string>();
        switch (expected, actual)
        {
            case (SortedDictionary<string, object?> a, SortedDictionary<string, object?> b):
                foreach (var key in a.Keys.Union(b.Keys).OrderBy(k => k, StringComparer.Ordinal))
                {
                    var child = path + "." + key;
                    if (!a.TryGetValue(key, out var av))
                    {
                        differences.Add(child + ": added " + Show(b[key]));
                    }
                    else if (!b.TryGetValue(key, out var bv))
                    {
                        differences.Add(child + ": dropped " + Show(av));
                    }
                    else
                    {
                        differences.AddRange(Differences(av, bv, child));
                    }
                }

                break;
            case (List<object?> a, List<object?> b):
                if (a.Count != b.Count)
                {
                    differences.Add(path + ": " + a.Count + " items became " + b.Count);
                }

                for (var i = 0; i < Math.Min(a.Count, b.Count); i++)
                {
                    differences.AddRange(Differences(a[i], b[i], path + "[" + i + "]"));
                }

                break;
            default:
                if (!Equals(expected, actual))
                {
                    differences.Add(path + ": " + Show(expected) + " became " + Show(actual));
                }

                break;
        }

        return differences;
    }

    private static string Show(object? value) => value switch
    {
        null => "null",
        string s => JsonSerializer.Serialize(s),
        SortedDictionary<string, object?> => "{...}",
        List<object?> => "[...]",
        _ => Convert.ToString(value, CultureInfo.InvariantCulture) + " (" + value.GetType().Name + ")",
    };

    private static object? Read(IParser parser, Dictionary<string, object?> anchors, string path, List<Duplicate>? duplicates)
    {
        if (parser.TryConsume<AnchorAlias>(out var alias))
        {
            return anchors[alias.Value.Value];
        }

        object? value;
        AnchorName anchor;
        if (parser.TryConsume<Scalar>(out var scalar))
        {
            anchor = scalar.Anchor;
            value = scalar.Style == ScalarStyle.Plain && scalar.Tag.IsEmpty ? Resolve(scalar.Value) : scalar.Value;
        }
        else if (parser.TryConsume<SequenceStart>(out var sequenceStart))
        {
            anchor = sequenceStart.Anchor;
            var list = new List<object?>();
            while (!parser.TryConsume<SequenceEnd>(out _))
            {
                list.Add(Read(parser, anchors, path + "[" + list.Count + "]", duplicates));
            }

            value = list;
        }
        else
        {
            anchor = parser.Consume<MappingStart>().Anchor;
            var map = new Dictionary<string, object?>(StringComparer.Ordinal);
            while (!parser.TryConsume<MappingEnd>(out _))
            {
                var key = Read(parser, anchors, path, duplicates);
                var keyText = key switch
                {
                    bool b => b ? "true" : "false",
                    BigInteger i => i.ToString(CultureInfo.InvariantCulture),
                    _ => Convert.ToString(key, CultureInfo.InvariantCulture)!,
                };
                var item = Read(parser, anchors, path + "." + keyText, duplicates);
                if (map.TryGetValue(keyText, out var lost))
                {
                    duplicates?.Add(new Duplicate(path + "." + keyText, Normalize(lost, keyText), Normalize(item, keyText)));
                }

                map[keyText] = item;
            }

            value = map;
        }

        if (!anchor.IsEmpty)
        {
            anchors[anchor.Value] = value;
        }

        return value;
    }

    /// <summary>YAML 1.1 plain scalars as kubectl reads them (only the forms manifests use; the rest stay strings).</summary>
    private static object? Resolve(string text)
    {
        switch (text)
        {
            case "" or "~" or "null" or "Null" or "NULL":
                return null;
            case "y" or "Y" or "yes" or "Yes" or "YES" or "true" or "True" or "TRUE" or "on" or "On" or "ON":
                return true;
            case "n" or "N" or "no" or "No" or "NO" or "false" or "False" or "FALSE" or "off" or "Off" or "OFF":
                return false;
        }

        var plain = text.Replace("_", string.Empty);
        if (Decimal.IsMatch(text))
        {
            return BigInteger.Parse(plain, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
        }

        foreach (var (regex, radix) in new[] { (Octal, 8), (Hex, 16), (Binary, 2) })
        {
            if (regex.Match(text) is { Success: true } m)
            {
                var digits = m.Groups[2].Value.Replace("_", string.Empty);
                var value = digits.Aggregate(BigInteger.Zero, (acc, c) => (acc * radix) + Convert.ToInt32(c.ToString(), 16));
                return m.Groups[1].Value == "-" ? -value : value;
            }
        }

        return Float.IsMatch(text) ? double.Parse(plain, NumberStyles.Float, CultureInfo.InvariantCulture) : text;
    }

    private static object? FromJsonRaw(JsonElement json) => json.ValueKind switch
    {
        JsonValueKind.Object => json.EnumerateObject().ToDictionary(p => p.Name, p => FromJsonRaw(p.Value), StringComparer.Ordinal),
        JsonValueKind.Array => json.EnumerateArray().Select(FromJsonRaw).ToList(),
        JsonValueKind.String => json.GetString(),
        JsonValueKind.Number => json.TryGetInt64(out var l) ? new BigInteger(l) : json.GetDouble(),
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        _ => null,
    };

    /// <summary>Sorted maps without nulls; numbers as doubles when whole numbers would not do; quantities canonical.</summary>
    private static object? Normalize(object? value, string? key)
    {
        switch (value)
        {
            case Dictionary<string, object?> map:
                var sorted = new SortedDictionary<string, object?>(StringComparer.Ordinal);
                foreach (var entry in map.Where(e => e.Value is not null))
                {
                    sorted[entry.Key] = key is not null && QuantityMaps.Contains(key) && entry.Value is not (Dictionary<string, object?> or List<object?>)
                        ? CanonicalQuantity(entry.Value)
                        : QuantityFields.Contains(entry.Key) ? CanonicalQuantity(entry.Value) : Normalize(entry.Value, entry.Key);
                }

                return sorted;
            case List<object?> list:
                return list.Select(item => Normalize(item, null)).ToList();
            case double d when d == Math.Floor(d) && Math.Abs(d) < 1e15:
                return new BigInteger(d); // 3.0 and 3 are the same JSON number to Kubernetes
            default:
                return value;
        }
    }

    private static object? CanonicalQuantity(object? value)
    {
        var text = value switch
        {
            double d => d.ToString("R", CultureInfo.InvariantCulture),
            _ => Convert.ToString(value, CultureInfo.InvariantCulture),
        };
        var quantity = Quantity.FromText(text?.Trim());
        return quantity.IsValid ? "quantity:" + quantity : text;
    }
}
