using System.Globalization;
using System.Text;

namespace StatefulManifests.Validation;

/// <summary>
/// A Kubernetes field path such as <c>spec.template.spec.containers[0].ports[1].name</c>, built the way
/// <c>k8s.io/apimachinery/pkg/util/validation/field.Path</c> builds it (children joined by dots, list indexes and
/// map keys in brackets). Immutable; equality is on the segments as given. <see cref="ToString"/> shows an unpaired
/// UTF-16 surrogate in a map key as <c>\uD800</c>, so a message naming the path is valid text.
/// </summary>
public sealed class FieldPath : IEquatable<FieldPath>
{
    private readonly FieldPath? parent;
    private readonly string segment;
    private readonly bool bracketed;
    private string? text;
    private string? display;

    private FieldPath(FieldPath? parent, string segment, bool bracketed)
    {
        this.parent = parent;
        this.segment = segment;
        this.bracketed = bracketed;
    }

    /// <summary>A root path (<c>metadata</c>, <c>spec</c>).</summary>
    public static FieldPath Root(string name) => new(null, name, false);

    /// <summary>The empty path, used for errors about a whole document.</summary>
    public static FieldPath Document { get; } = new(null, string.Empty, false);

    /// <summary>A child field (<c>spec</c> → <c>spec.replicas</c>).</summary>
    public FieldPath Child(string name) => segment.Length == 0 && parent is null ? Root(name) : new FieldPath(this, name, false);

    /// <summary>Several nested children (<c>Child("template", "spec")</c>).</summary>
    public FieldPath Child(params string[] names) => names.Aggregate(this, (p, n) => p.Child(n));

    /// <summary>A list element (<c>containers</c> → <c>containers[0]</c>).</summary>
    public FieldPath Index(int index) => new(this, index.ToString(CultureInfo.InvariantCulture), true);

    /// <summary>A map entry (<c>labels</c> → <c>labels[app]</c>).</summary>
    public FieldPath Key(string key) => new(this, key, true);

    /// <summary>The segments from the root down: a field name, or a list index or map key (bracketed).</summary>
    internal IReadOnlyList<(string Segment, bool Bracketed)> Segments()
    {
        var segments = new List<(string, bool)>();
        for (var p = this; p is not null; p = p.parent)
        {
            if (p.segment.Length > 0 || p.bracketed)
            {
                segments.Add((p.segment, p.bracketed));
            }
        }

        segments.Reverse();
        return segments;
    }

    /// <summary>The parent path, or null at a root.</summary>
    public FieldPath? Parent => parent;

    /// <summary>
    /// The last segment as given, unescaped: a field name (<c>name</c>), a list index (<c>0</c>) or a map key
    /// (<c>app</c>); <see cref="IsEntry"/> tells which kind.
    /// </summary>
    public string LastSegment => segment;

    /// <summary>True when the last segment is a list index or a map key (written in brackets).</summary>
    public bool IsEntry => bracketed;

    /// <summary>True when this path equals <paramref name="other"/> or lies beneath it.</summary>
    public bool IsWithin(FieldPath other)
    {
        for (var p = this; p is not null; p = p.parent)
        {
            if (p.Equals(other))
            {
                return true;
            }
        }

        return false;
    }

    /// <inheritdoc />
    public override string ToString() => display ??= Yaml.Utf16Text.EscapeLoneSurrogates(RawText);

    /// <summary>The path as written from its segments, unescaped: what equality compares.</summary>
    private string RawText
    {
        get
        {
            if (text is null)
            {
                var sb = new StringBuilder();
                Append(sb);
                text = sb.ToString();
            }

            return text;
        }
    }

    private void Append(StringBuilder sb)
    {
        parent?.Append(sb);
        if (bracketed)
        {
            sb.Append('[').Append(segment).Append(']');
        }
        else
        {
            if (sb.Length > 0)
            {
                sb.Append('.');
            }

            sb.Append(segment);
        }
    }

    /// <inheritdoc />
    public bool Equals(FieldPath? other) => other is not null && RawText == other.RawText;

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as FieldPath);

    /// <inheritdoc />
    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(RawText);
}
