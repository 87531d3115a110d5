using System.Globalization;
using StatefulManifests.Model;
using StatefulManifests.Validation;

namespace StatefulManifests.Yaml;

/// <summary>
/// Reads <see cref="YNode"/> trees into model records, collecting every problem (wrong shape, unknown field,
/// duplicate key) as a <see cref="FieldError"/> with its position instead of stopping at the first.
/// The per-type methods are generated (<c>Generated/*Readers.g.cs</c>).
/// </summary>
internal sealed partial class ModelReader(string sourceName)
{
    private readonly List<FieldError> errors = [];
    private YScalar? currentKey;

    public List<FieldError> Errors => errors;

    public string SourceName => sourceName;

    public void Error(YNode? at, FieldError error) =>
        errors.Add(at is null || at.Line == 0 ? error : error with { Position = new SourcePosition(sourceName, at.Line, at.Column) });

    /// <summary>The entries of a mapping; a duplicate key is reported and the last value wins, as in kubectl.</summary>
    internal IEnumerable<(string Key, YNode Value)> Entries(YNode node, FieldPath path)
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

        var lastIndex = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < mapping.Entries.Count; i++)
        {
            lastIndex[mapping.Entries[i].Key.Value] = i;
        }

        for (var i = 0; i < mapping.Entries.Count; i++)
        {
            var entry = mapping.Entries[i];
            if (lastIndex[entry.Key.Value] != i)
            {
                Error(entry.Key, new FieldError(
                    FieldErrorType.Duplicate,
                    path.Child(entry.Key.Value),
                    entry.Key.Value,
                    "duplicate key in the YAML; kubectl silently keeps only the last value, so this one would be lost"));
                continue;
            }

            currentKey = entry.Key;
            yield return (entry.Key.Value, entry.Value);
        }
    }

    internal void UnknownField(string key, FieldPath path) =>
        Error(currentKey, FieldError.Invalid(path.Child(key), key, "unknown field (not part of the Kubernetes API schema this model follows)"));

    private static string Describe(YNode node) => node switch
    {
        YScalar s => s.Value,
        YSequence => "a list",
        _ => "an object",
    };

    private static bool IsNull(YNode node) => node is YScalar { IsNull: true };

    private string? Scalar(YNode node, FieldPath path, string expected)
    {
        if (node is YScalar scalar)
        {
            return scalar.Value;
        }

        Error(node, FieldError.Invalid(path, Describe(node), "expected " + expected));
        return null;
    }

    internal string? Str(YNode node, FieldPath path) => IsNull(node) ? null : Scalar(node, path, "a string");

    // A null list item or map value decodes as "" (the zero value), as Go's JSON decoding does.
    internal string StrItem(YNode node, FieldPath path) => Str(node, path) ?? string.Empty;

    internal int? Int(YNode node, FieldPath path)
    {
        if (IsNull(node))
        {
            return null;
        }

        var text = Scalar(node, path, "an integer");
        if (text is null)
        {
            return null;
        }

        if (node is YScalar { Style: YScalarStyle.Plain } && int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value))
        {
            return value;
        }

        Error(node, FieldError.Invalid(path, text, "expected a 32-bit integer"));
        return null;
    }

    internal int IntItem(YNode node, FieldPath path) => Int(node, path) ?? 0;

    internal long? Long(YNode node, FieldPath path)
    {
        if (IsNull(node))
        {
            return null;
        }

        var text = Scalar(node, path, "an integer");
        if (text is null)
        {
            return null;
        }

        if (node is YScalar { Style: YScalarStyle.Plain } && long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value))
        {
            return value;
        }

        Error(node, FieldError.Invalid(path, text, "expected a 64-bit integer"));
        return null;
    }

    internal long LongItem(YNode node, FieldPath path) => Long(node, path) ?? 0;

    internal double? Double(YNode node, FieldPath path)
    {
        if (IsNull(node))
        {
            return null;
        }

        var text = Scalar(node, path, "a number");
        if (text is null)
        {
            return null;
        }

        if (node is YScalar { Style: YScalarStyle.Plain } && double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
        {
            return value;
        }

        Error(node, FieldError.Invalid(path, text, "expected a number"));
        return null;
    }

    internal double DoubleItem(YNode node, FieldPath path) => Double(node, path) ?? 0;

    internal bool? Bool(YNode node, FieldPath path)
    {
        if (IsNull(node))
        {
            return null;
        }

        var text = Scalar(node, path, "a boolean");
        if (text is null)
        {
            return null;
        }

        if (node is YScalar { Style: YScalarStyle.Plain })
        {
            switch (text)
            {
                case "true" or "True" or "TRUE" or "yes" or "Yes" or "YES" or "on" or "On" or "ON":
                    return true;
                case "false" or "False" or "FALSE" or "no" or "No" or "NO" or "off" or "Off" or "OFF":
                    return false;
            }
        }

        Error(node, FieldError.Invalid(path, text, "expected a boolean (true or false)"));
        return null;
    }

    internal bool BoolItem(YNode node, FieldPath path) => Bool(node, path) ?? false;

    // An unparsable quantity is kept (Quantity carries its error) so validation reports it with its path.
    internal Model.Quantity? Quantity(YNode node, FieldPath path) =>
        IsNull(node) ? null : Scalar(node, path, "a quantity") is { } text ? Model.Quantity.FromText(text) : null;

    internal Model.Quantity QuantityItem(YNode node, FieldPath path) => Quantity(node, path) ?? Model.Quantity.FromText(string.Empty);

    internal Model.IntOrString? IntOrString(YNode node, FieldPath path)
    {
        if (IsNull(node))
        {
            return null;
        }

        var text = Scalar(node, path, "an integer or a string");
        if (text is null)
        {
            return null;
        }

        if (node is YScalar { Style: YScalarStyle.Plain } && Scalars.IsInteger(text)
            && int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number))
        {
            return Model.IntOrString.FromInt(number);
        }

        return Model.IntOrString.FromString(text);
    }

    internal Model.IntOrString IntOrStringItem(YNode node, FieldPath path) => IntOrString(node, path) ?? Model.IntOrString.FromString(string.Empty);

    internal EnumValue<T>? Enum<T>(YNode node, FieldPath path)
        where T : struct, System.Enum => Str(node, path) is { } text ? new EnumValue<T>(text) : null;

    internal EnumValue<T> EnumItem<T>(YNode node, FieldPath path)
        where T : struct, System.Enum => new(StrItem(node, path));

    internal RawValue? Raw(YNode node, FieldPath path) => RawItem(node, path);

    internal RawValue RawItem(YNode node, FieldPath path)
    {
        switch (node)
        {
            case YScalar { IsNull: true }:
                return RawValue.Null;
            case YScalar { Style: YScalarStyle.Plain } s when s.Value is "true" or "false":
                return RawValue.Boolean(s.Value == "true");
            case YScalar { Style: YScalarStyle.Plain } s when double.TryParse(s.Value, NumberStyles.Float, CultureInfo.InvariantCulture, out _):
                return RawValue.Number(s.Value);
            case YScalar s:
                return RawValue.String(s.Value);
            case YSequence seq:
                return RawValue.FromList(seq.Items.Select((item, i) => RawItem(item, path.Index(i))));
            default:
                return RawValue.FromMap(Entries(node, path).Select(e => new KeyValuePair<string, RawValue>(e.Key, RawItem(e.Value, path.Key(e.Key)))).ToList());
        }
    }

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

        return Entries(node, path).Select(e => new KeyValuePair<string, T>(e.Key, item(e.Value, path.Key(e.Key)))).ToList().ToValueMap();
    }
}
