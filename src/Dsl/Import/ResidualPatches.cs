using StatefulManifests.Model;
using StatefulManifests.Yaml;

namespace StatefulManifests.Import;

/// <summary>One difference between what the fluent calls render and the original document.</summary>
/// <param name="Operation">What the patch must do.</param>
/// <param name="Pointer">The JSON pointer (RFC 6901) of the field.</param>
/// <param name="Field">The field path for humans (<c>spec.template.spec.hostAliases</c>).</param>
/// <param name="Value">The original value for add and replace.</param>
internal sealed record Difference(PatchOperation Operation, string Pointer, string Field, YNode? Value);

/// <summary>
/// Compares two rendered documents (both written by the model's own writer, so spelling and key order cannot differ,
/// only data) and lists the smallest patches that turn the first into the second: a missing key is added, an extra
/// one removed, a different scalar replaced; lists of the same length are compared item by item (so a patch lands
/// on <c>containers/0/lifecycle</c>, not on the whole list), lists of different lengths replaced whole. An empty
/// list and an absent one are the same data: Kubernetes' API types serialise both as absent (<c>omitempty</c>), so
/// <c>volumes: []</c> needs no patch.
/// </summary>
internal static class ResidualPatches
{
    /// <summary>The differences turning <paramref name="actual"/> into <paramref name="expected"/>, in document order.</summary>
    public static List<Difference> Compare(YNode actual, YNode expected)
    {
        var differences = new List<Difference>();
        Compare(actual, expected, string.Empty, string.Empty, differences);
        return differences;
    }

    /// <summary>True when the two trees hold the same data.</summary>
    public static bool Same(YNode? a, YNode? b) => a is null || b is null ? a is null && b is null : Compare(a, b).Count == 0;

    /// <summary>The node at <paramref name="keys"/> (map keys only), or null when absent.</summary>
    public static YNode? At(YNode? node, params string[] keys)
    {
        foreach (var key in keys)
        {
            node = node is YMapping mapping ? mapping.Entries.LastOrDefault(e => e.Key.Value == key).Value : null;
        }

        return node;
    }

    /// <summary>A written value as the escape hatch's <see cref="RawValue"/>.</summary>
    public static RawValue ToRaw(YNode node) => node switch
    {
        YScalar { Style: YScalarStyle.Plain } s => s.Resolved.Kind switch
        {
            PlainKind.Null => RawValue.Null,
            PlainKind.Bool => RawValue.Boolean(s.Value == "true"),
            PlainKind.Int or PlainKind.Float => RawValue.Number(s.Value),
            _ => RawValue.String(s.Value),
        },
        YScalar s => RawValue.String(s.Value),
        YSequence seq => RawValue.FromList(seq.Items.Select(ToRaw)),
        _ => RawValue.FromMap(((YMapping)node).Entries.Select(e => new KeyValuePair<string, RawValue>(e.Key.Value, ToRaw(e.Value))).ToList()),
    };

    private static void Compare(YNode actual, YNode expected, string pointer, string field, List<Difference> differences)
    {
        switch (actual, expected)
        {
            case (YMapping a, YMapping e):
                foreach (var (key, value) in e.Entries)
                {
                    var childPointer = pointer + "/" + Escape(key.Value);
                    var childField = Child(field, key.Value);
                    var match = a.Entries.FirstOrDefault(x => x.Key.Value == key.Value).Value;
                    if (match is null && value is YSequence { Items.Count: 0 })
                    {
                        continue;
                    }

                    if (match is null)
                    {
                        differences.Add(new Difference(PatchOperation.Add, childPointer, childField, value));
                    }
                    else
                    {
                        Compare(match, value, childPointer, childField, differences);
                    }
                }

                foreach (var (key, _) in a.Entries.Where(x => x.Value is not YSequence { Items.Count: 0 } && !e.Entries.Any(y => y.Key.Value == x.Key.Value)))
                {
                    differences.Add(new Difference(PatchOperation.Remove, pointer + "/" + Escape(key.Value), Child(field, key.Value), null));
                }

                break;
            case (YSequence a, YSequence e) when a.Items.Count == e.Items.Count:
                for (var i = 0; i < a.Items.Count; i++)
                {
                    Compare(a.Items[i], e.Items[i], pointer + "/" + i, field + "[" + i + "]", differences);
                }

                break;
            case (YScalar a, YScalar e) when a.Value == e.Value && Kind(a) == Kind(e):
                break;
            default:
                differences.Add(new Difference(PatchOperation.Replace, pointer, field, expected));
                break;
        }
    }

    private static PlainKind Kind(YScalar scalar) => scalar.Style == YScalarStyle.Plain ? scalar.Resolved.Kind : PlainKind.String;

    private static string Escape(string key) => key.Replace("~", "~0").Replace("/", "~1");

    private static string Child(string field, string key)
    {
        var simple = key.Length > 0 && char.IsLetter(key[0]) && key.All(char.IsLetterOrDigit);
        return simple ? (field.Length == 0 ? key : field + "." + key) : field + "[" + key + "]";
    }
}
