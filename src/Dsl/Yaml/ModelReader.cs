using StatefulManifests.Model;
using StatefulManifests.Validation;

namespace StatefulManifests.Yaml;

/// <summary>
/// Reads <see cref="YNode"/> trees into model records, collecting every problem (wrong shape, unknown field,
/// duplicate key, a value kubectl would reject) as a <see cref="FieldError"/> with its position instead of stopping at
/// the first. The per-type methods are generated (<c>Generated/*Readers.g.cs</c>); scalar conversions are in
/// <c>ModelReader.Scalars.cs</c>.
/// </summary>
/// <param name="sourceName">The file name used in error positions.</param>
/// <param name="reportUnknownFields">
/// False when reading a document a patch may have given fields the model lacks (the patch escape hatch's purpose):
/// they are dropped from the model without an error.
/// </param>
internal sealed partial class ModelReader(string sourceName, bool reportUnknownFields = true)
{
    private readonly List<FieldError> errors = [];
    private YScalar? currentKey;

    public List<FieldError> Errors => errors;

    public string SourceName => sourceName;

    public void Error(YNode? at, FieldError error) =>
        errors.Add(at is null || at.Line == 0 ? error : error with { Position = new SourcePosition(sourceName, at.Line, at.Column) });

    /// <summary>
    /// The entries of a mapping, keys read as kubectl reads them (<c>on:</c> is the key "true"). A duplicate key is
    /// reported and the last value wins, as in kubectl; values brought in by a merge key may be overridden silently.
    /// </summary>
    /// <param name="node">The mapping.</param>
    /// <param name="path">Its path.</param>
    /// <param name="mapKeys">True for a map (labels: paths <c>labels[app]</c>), false for an object (<c>spec.replicas</c>).</param>
    internal IEnumerable<(string Key, YNode Value)> Entries(YNode node, FieldPath path, bool mapKeys = false)
    {
        if (node is YScalar { IsNull: true })
        {
            yield break;
        }

        if (node is not YMapping mapping)
        {
            Error(node, FieldError.Invalid(path, Describe(node), "expected an object"));
            yield break;
        }

        var keys = mapping.Entries.Select(e => KeyText(e.Key, path)).ToList();
        var lastIndex = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < keys.Count; i++)
        {
            lastIndex[keys[i]] = i;
        }

        for (var i = 0; i < mapping.Entries.Count; i++)
        {
            var entry = mapping.Entries[i];
            var winner = lastIndex[keys[i]];
            if (winner != i)
            {
                if (!entry.Merged && !mapping.Entries[winner].Merged)
                {
                    Error(entry.Key, new FieldError(
                        FieldErrorType.Duplicate,
                        mapKeys ? path.Key(keys[i]) : path.Child(keys[i]),
                        keys[i],
                        "duplicate key in the YAML; kubectl silently keeps only the last value, so this one would be lost"));
                }

                continue;
            }

            currentKey = entry.Key;
            yield return (keys[i], entry.Value);
        }
    }

    internal void UnknownField(string key, FieldPath path)
    {
        if (reportUnknownFields)
        {
            Error(currentKey, FieldError.Invalid(path.Child(key), key, "unknown field (not part of the Kubernetes API schema this model follows)"));
        }
    }

    /// <summary>A key as sigs.k8s.io/yaml turns it into a JSON key: booleans and numbers become their text.</summary>
    private string KeyText(YScalar key, FieldPath path)
    {
        var resolved = key.Resolved;
        switch (resolved.Kind)
        {
            case PlainKind.Bool:
                return resolved.Boolean ? "true" : "false";
            case PlainKind.Int:
                return resolved.JsonNumber!;
            case PlainKind.Float:
                return GoJsonNumbers.FormatMapKey(resolved.Number);
            case PlainKind.Null:
                Error(key, FieldError.Invalid(path, key.Value, "a null map key is not allowed (kubectl: unsupported map key); quote it"));
                return key.Value;
            default:
                return key.Value;
        }
    }

    private static string Describe(YNode node) => node switch
    {
        YScalar s => s.Value,
        YSequence => "a list",
        _ => "an object",
    };

    internal T? Obj<T>(YNode node, FieldPath path, Func<YNode, FieldPath, T> read)
        where T : class => IsNull(node) ? null : read(node, path);

    internal ValueList<T>? List<T>(YNode node, FieldPath path, Func<YNode, FieldPath, T> item)
    {
        if (IsNull(node))
        {
            return null;
        }

        if (node is not YSequence seq)
        {
            Error(node, FieldError.Invalid(path, Describe(node), "expected a list"));
            return null;
        }

        return seq.Items.Select((x, i) => item(x, path.Index(i))).ToValueList();
    }

    internal ValueMap<T>? Map<T>(YNode node, FieldPath path, Func<YNode, FieldPath, T> item)
    {
        if (IsNull(node))
        {
            return null;
        }

        if (node is not YMapping)
        {
            Error(node, FieldError.Invalid(path, Describe(node), "expected a map"));
            return null;
        }

        return Entries(node, path, mapKeys: true).Select(e => new KeyValuePair<string, T>(e.Key, item(e.Value, path.Key(e.Key)))).ToList().ToValueMap();
    }

    internal RawValue? Raw(YNode node, FieldPath path) => RawItem(node, path);

    internal RawValue RawItem(YNode node, FieldPath path)
    {
        switch (node)
        {
            case YScalar scalar:
                var resolved = scalar.Resolved;
                switch (resolved.Kind)
                {
                    case PlainKind.Null:
                        return RawValue.Null;
                    case PlainKind.Bool:
                        return RawValue.Boolean(resolved.Boolean);
                    case PlainKind.Int or PlainKind.Float when resolved.JsonNumber is { } number:
                        return RawValue.Number(number);
                    case PlainKind.Float:
                        Error(node, FieldError.Invalid(path, scalar.Value, "JSON has no infinity or NaN, so kubectl cannot send this; quote it if text was meant"));
                        return RawValue.String(scalar.Value);
                    default:
                        return RawValue.String(scalar.Value);
                }

            case YSequence seq:
                return RawValue.FromList(seq.Items.Select((item, i) => RawItem(item, path.Index(i))));
            default:
                return RawValue.FromMap(Entries(node, path).Select(e => new KeyValuePair<string, RawValue>(e.Key, RawItem(e.Value, path.Key(e.Key)))).ToList());
        }
    }

    private static bool IsNull(YNode node) => node is YScalar { IsNull: true };
}
