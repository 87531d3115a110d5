namespace StatefulManifests.Yaml;

/// <summary>
/// A small YAML document tree with source positions. The model's codecs read and write it; YamlDotNet's parser
/// and emitter turn it into text and back. Our own tree (rather than YamlDotNet's representation model) lets the
/// reader keep going after a duplicate key, reporting it, as kubectl silently keeps the last value.
/// </summary>
internal abstract class YNode
{
    /// <summary>1-based line of the node's first character (0 for nodes built in memory).</summary>
    public int Line { get; init; }

    /// <summary>1-based column of the node's first character.</summary>
    public int Column { get; init; }
}

/// <summary>How a scalar was (or will be) written.</summary>
internal enum YScalarStyle
{
    /// <summary>Unquoted and untagged: subject to YAML's implicit typing (numbers, booleans, null).</summary>
    Plain,

    /// <summary>Double-quoted, single-quoted, folded, or tagged as a string: always a string.</summary>
    Quoted,

    /// <summary>A literal block (<c>|</c>) for multi-line text.</summary>
    Literal,
}

/// <summary>A scalar.</summary>
internal sealed class YScalar(string value, YScalarStyle style) : YNode
{
    private PlainValue? resolved;

    public string Value { get; } = value;

    public YScalarStyle Style { get; } = style;

    /// <summary>True for a plain scalar YAML reads as null (<c>~</c>, <c>null</c>, empty).</summary>
    public bool IsNull => Style == YScalarStyle.Plain && Resolved.Kind == PlainKind.Null;

    /// <summary>What the scalar means to kubectl's reader (strings for anything not plain).</summary>
    public PlainValue Resolved => resolved ??= Style == YScalarStyle.Plain ? PlainScalarResolver.Resolve(Value) : new PlainValue(PlainKind.String, false, null, 0);
}

/// <summary>A sequence.</summary>
internal sealed class YSequence : YNode
{
    public List<YNode> Items { get; } = [];
}

/// <summary>One key/value pair of a mapping.</summary>
/// <param name="Key">The key.</param>
/// <param name="Value">The value.</param>
/// <param name="Merged">True when the pair came from a merge key (<c>&lt;&lt;: *base</c>) rather than being written here.</param>
internal readonly record struct YEntry(YScalar Key, YNode Value, bool Merged = false)
{
    /// <summary>An entry written in place (code that builds trees with key/value pairs keeps working).</summary>
    public static implicit operator YEntry(KeyValuePair<YScalar, YNode> pair) => new(pair.Key, pair.Value);

    /// <summary>Key and value, as a key/value pair deconstructs.</summary>
    public void Deconstruct(out YScalar key, out YNode value)
    {
        key = Key;
        value = Value;
    }
}

/// <summary>A mapping; entries keep document order.</summary>
internal sealed class YMapping : YNode
{
    public List<YEntry> Entries { get; } = [];

    public void Add(string key, YNode value) => Entries.Add(new YEntry(Scalars.Key(key), value));
}
