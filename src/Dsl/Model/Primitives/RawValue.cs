namespace StatefulManifests.Model;

/// <summary>The kind of a <see cref="RawValue"/>.</summary>
public enum RawValueKind
{
    /// <summary>JSON null.</summary>
    Null,

    /// <summary>A boolean.</summary>
    Boolean,

    /// <summary>A number, kept as its canonical text.</summary>
    Number,

    /// <summary>A string.</summary>
    String,

    /// <summary>A list.</summary>
    List,

    /// <summary>A map.</summary>
    Map,
}

/// <summary>
/// An untyped JSON-like value with value equality: used where Kubernetes itself holds free-form data
/// (<c>managedFields[].fieldsV1</c>) and for escape-hatch patches that set fields the model lacks.
/// </summary>
public sealed class RawValue : IEquatable<RawValue>
{
    private RawValue(RawValueKind kind, string? scalar, ValueList<RawValue>? list, ValueMap<RawValue>? map)
    {
        Kind = kind;
        Scalar = scalar;
        List = list;
        Map = map;
    }

    /// <summary>JSON null.</summary>
    public static RawValue Null { get; } = new(RawValueKind.Null, null, null, null);

    /// <summary>The kind of value.</summary>
    public RawValueKind Kind { get; }

    /// <summary>The text of a boolean (<c>true</c>/<c>false</c>), number or string.</summary>
    public string? Scalar { get; }

    /// <summary>The items of a list.</summary>
    public ValueList<RawValue>? List { get; }

    /// <summary>The entries of a map.</summary>
    public ValueMap<RawValue>? Map { get; }

    /// <summary>A string value.</summary>
    public static RawValue String(string value) => new(RawValueKind.String, value, null, null);

    /// <summary>A boolean value.</summary>
    public static RawValue Boolean(bool value) => new(RawValueKind.Boolean, value ? "true" : "false", null, null);

    /// <summary>A number value from its text (invariant culture, JSON syntax).</summary>
    public static RawValue Number(string text) => new(RawValueKind.Number, text, null, null);

    /// <summary>An integer value.</summary>
    public static RawValue Number(long value) => Number(value.ToString(System.Globalization.CultureInfo.InvariantCulture));

    /// <summary>A list value.</summary>
    public static RawValue FromList(IEnumerable<RawValue> items) => new(RawValueKind.List, null, items.ToValueList(), null);

    /// <summary>A map value.</summary>
    public static RawValue FromMap(IEnumerable<KeyValuePair<string, RawValue>> entries) => new(RawValueKind.Map, null, null, entries.ToValueMap());

    /// <inheritdoc />
    public bool Equals(RawValue? other) =>
        other is not null && Kind == other.Kind && Scalar == other.Scalar && Equals(List, other.List) && Equals(Map, other.Map);

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as RawValue);

    /// <inheritdoc />
    public override int GetHashCode()
    {
        var h = (int)Kind;
        h = HashCodes.Combine(h, Scalar is null ? 0 : StringComparer.Ordinal.GetHashCode(Scalar));
        h = HashCodes.Combine(h, List?.GetHashCode() ?? 0);
        return HashCodes.Combine(h, Map?.GetHashCode() ?? 0);
    }

    /// <inheritdoc />
    public override string ToString() => Kind switch
    {
        RawValueKind.Null => "null",
        RawValueKind.String => "\"" + Scalar + "\"",
        RawValueKind.List => List!.ToString(),
        RawValueKind.Map => Map!.ToString(),
        _ => Scalar!,
    };
}
