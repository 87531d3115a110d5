using StatefulManifests.Model;
using StatefulManifests.Validation;
using StatefulManifests.Yaml;

namespace StatefulManifests;

/// <summary>
/// Applies <see cref="ManifestPatch"/> operations to a rendered document tree (in place), with RFC 6902 semantics:
/// every parent must exist; <c>add</c> sets a map key or inserts at a list index (<c>-</c> appends);
/// <c>replace</c> and <c>remove</c> need an existing target. A patch that cannot apply becomes a
/// <see cref="FieldError"/> (never an exception) and leaves the document as it was.
/// </summary>
internal static class YNodePatcher
{
    /// <summary>Applies one patch; returns the (possibly new) document root and null, or the unchanged root and an error.</summary>
    public static YNode Apply(YNode document, ManifestPatch patch, out FieldError? error)
    {
        error = null;
        if (!JsonPointer.TryParse(patch.Path, out var tokens, out var syntax))
        {
            error = Error(FieldErrorType.Invalid, FieldPath.Document, patch, syntax);
            return document;
        }

        if (tokens.Count == 0)
        {
            return ApplyToRoot(document, patch, out error);
        }

        var parent = document;
        for (var i = 0; i < tokens.Count - 1; i++)
        {
            var child = Child(parent, tokens[i]);
            if (child is null)
            {
                error = Error(FieldErrorType.NotFound, JsonPointer.ToFieldPath(tokens.Take(i + 1)), patch, "\"" + JsonPointer.Prefix(tokens, i + 1) + "\" does not exist in the rendered " + patch.Target);
                return document;
            }

            parent = child;
        }

        var detail = parent switch
        {
            YMapping map => ApplyToMapping(map, tokens[tokens.Count - 1], patch),
            YSequence seq => ApplyToSequence(seq, tokens[tokens.Count - 1], patch),
            _ => "\"" + JsonPointer.Prefix(tokens, tokens.Count - 1) + "\" is a scalar and has no children",
        };
        if (detail is not null)
        {
            error = Error(FieldErrorType.NotFound, JsonPointer.ToFieldPath(tokens), patch, detail);
        }

        return document;
    }

    private static YNode ApplyToRoot(YNode document, ManifestPatch patch, out FieldError? error)
    {
        error = null;
        if (patch.Operation == PatchOperation.Remove)
        {
            error = Error(FieldErrorType.Invalid, FieldPath.Document, patch, "the whole document cannot be removed; use WithoutService() or omit the DisruptionBudget instead");
            return document;
        }

        return ModelWriter.RawNode(patch.Value!);
    }

    private static YNode? Child(YNode node, string token) => node switch
    {
        YMapping map => map.Entries.LastOrDefault(e => e.Key.Value == token).Value,
        YSequence seq => JsonPointer.TryIndex(token, out var index) && index < seq.Items.Count ? seq.Items[index] : null,
        _ => null,
    };

    private static string? ApplyToMapping(YMapping map, string key, ManifestPatch patch)
    {
        var index = map.Entries.FindLastIndex(e => e.Key.Value == key);
        switch (patch.Operation)
        {
            case PatchOperation.Add when index >= 0:
            case PatchOperation.Replace when index >= 0:
                map.Entries[index] = new KeyValuePair<YScalar, YNode>(map.Entries[index].Key, ModelWriter.RawNode(patch.Value!));
                return null;
            case PatchOperation.Add:
                map.Add(key, ModelWriter.RawNode(patch.Value!));
                return null;
            case PatchOperation.Remove when index >= 0:
                map.Entries.RemoveAt(index);
                return null;
            default:
                return "\"" + patch.Path + "\" does not exist in the rendered " + patch.Target + " (" + OperationName(patch) + " needs an existing value; use add to create one)";
        }
    }

    private static string? ApplyToSequence(YSequence seq, string token, ManifestPatch patch)
    {
        if (patch.Operation == PatchOperation.Add && token == "-")
        {
            seq.Items.Add(ModelWriter.RawNode(patch.Value!));
            return null;
        }

        if (!JsonPointer.TryIndex(token, out var index))
        {
            return "\"" + token + "\" is not a list index (use 0, 1, ... or \"-\" to append)";
        }

        var limit = patch.Operation == PatchOperation.Add ? seq.Items.Count : seq.Items.Count - 1;
        if (index > limit)
        {
            return "index " + token + " is out of range: the list has " + seq.Items.Count.ToString(System.Globalization.CultureInfo.InvariantCulture) + " items";
        }

        switch (patch.Operation)
        {
            case PatchOperation.Add:
                seq.Items.Insert(index, ModelWriter.RawNode(patch.Value!));
                break;
            case PatchOperation.Replace:
                seq.Items[index] = ModelWriter.RawNode(patch.Value!);
                break;
            default:
                seq.Items.RemoveAt(index);
                break;
        }

        return null;
    }

    private static string OperationName(ManifestPatch patch) => patch.Operation == PatchOperation.Replace ? "replace" : patch.Operation == PatchOperation.Remove ? "remove" : "add";

    private static FieldError Error(FieldErrorType type, FieldPath path, ManifestPatch patch, string detail) =>
        new(type, path, patch.Path, "json patch " + OperationName(patch) + ": " + detail);
}
