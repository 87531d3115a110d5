using System.Collections;

namespace StatefulManifests.Model;

/// <summary>
/// An immutable string-keyed map with value equality, kept sorted by key (ordinal) so that iteration and
/// rendering are deterministic. Kubernetes maps (labels, annotations, resource lists) are unordered, so
/// sorting loses nothing.
/// </summary>
/// <typeparam name="TValue">The value type.</typeparam>
public sealed class ValueMap<TValue> : IReadOnlyDictionary<string, TValue>, IEquatable<ValueMap<TValue>>
{
    private readonly KeyValuePair<string, TValue>[] entries;
    private int hash;

    /// <summary>The empty map.</summary>
    public static ValueMap<TValue> Empty { get; } = new(Array.Empty<KeyValuePair<string, TValue>>());

    private ValueMap(KeyValuePair<string, TValue>[] sortedEntries) => entries = sortedEntries;

    /// <summary>Creates a map; a later duplicate key replaces the earlier one.</summary>
    public static ValueMap<TValue> From(IEnumerable<KeyValuePair<string, TValue>> pairs)
    {
        var dict = new Dictionary<string, TValue>(StringComparer.Ordinal);
        foreach (var pair in pairs)
        {
            dict[pair.Key] = pair.Value;
        }

        if (dict.Count == 0)
        {
            return Empty;
        }

        var sorted = dict.ToArray();
        Array.Sort(sorted, (a, b) => string.CompareOrdinal(a.Key, b.Key));
        return new ValueMap<TValue>(sorted);
    }

    /// <inheritdoc />
    public int Count => entries.Length;

    /// <inheritdoc />
    public IEnumerable<string> Keys => entries.Select(e => e.Key);

    /// <inheritdoc />
    public IEnumerable<TValue> Values => entries.Select(e => e.Value);

    /// <inheritdoc />
    public TValue this[string key] => TryGetValue(key, out var value) ? value : throw new KeyNotFoundException(key);

    /// <inheritdoc />
    public bool ContainsKey(string key) => IndexOf(key) >= 0;

    /// <inheritdoc />
    public bool TryGetValue(string key, out TValue value)
    {
        var index = IndexOf(key);
        if (index >= 0)
        {
            value = entries[index].Value;
            return true;
        }

        value = default!;
        return false;
    }

    /// <summary>Returns a new map with <paramref name="key"/> set to <paramref name="value"/>.</summary>
    public ValueMap<TValue> SetItem(string key, TValue value) => From(entries.Where(e => e.Key != key).Append(new KeyValuePair<string, TValue>(key, value)));

    /// <summary>Returns a new map with every pair of <paramref name="other"/> set (other wins on conflicts).</summary>
    public ValueMap<TValue> SetItems(IEnumerable<KeyValuePair<string, TValue>> other) => From(entries.Concat(other));

    /// <summary>Returns a new map without <paramref name="key"/>.</summary>
    public ValueMap<TValue> Remove(string key) => From(entries.Where(e => e.Key != key));

    private int IndexOf(string key)
    {
        int lo = 0, hi = entries.Length - 1;
        while (lo <= hi)
        {
            var mid = (lo + hi) >> 1;
            var cmp = string.CompareOrdinal(entries[mid].Key, key);
            if (cmp == 0)
            {
                return mid;
            }

            if (cmp < 0)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid - 1;
            }
        }

        return -1;
    }

    /// <inheritdoc />
    public IEnumerator<KeyValuePair<string, TValue>> GetEnumerator() => ((IEnumerable<KeyValuePair<string, TValue>>)entries).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    /// <inheritdoc />
    public bool Equals(ValueMap<TValue>? other)
    {
        if (other is null)
        {
            return false;
        }

        if (ReferenceEquals(this, other))
        {
            return true;
        }

        if (entries.Length != other.entries.Length)
        {
            return false;
        }

        var comparer = EqualityComparer<TValue>.Default;
        for (var i = 0; i < entries.Length; i++)
        {
            if (entries[i].Key != other.entries[i].Key || !comparer.Equals(entries[i].Value, other.entries[i].Value))
            {
                return false;
            }
        }

        return true;
    }

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as ValueMap<TValue>);

    /// <inheritdoc />
    public override int GetHashCode()
    {
        if (hash == 0)
        {
            var h = 19;
            var comparer = EqualityComparer<TValue>.Default;
            foreach (var entry in entries)
            {
                h = HashCodes.Combine(h, StringComparer.Ordinal.GetHashCode(entry.Key));
                h = HashCodes.Combine(h, entry.Value is null ? 0 : comparer.GetHashCode(entry.Value));
            }

            hash = h == 0 ? 1 : h;
        }

        return hash;
    }

    /// <summary>Value equality.</summary>
    public static bool operator ==(ValueMap<TValue>? left, ValueMap<TValue>? right) => left is null ? right is null : left.Equals(right);

    /// <summary>Value inequality.</summary>
    public static bool operator !=(ValueMap<TValue>? left, ValueMap<TValue>? right) => !(left == right);

    /// <inheritdoc />
    public override string ToString() => "{" + string.Join(", ", entries.Select(e => e.Key + ": " + e.Value)) + "}";
}

/// <summary>Factory methods for <see cref="ValueMap{TValue}"/>.</summary>
public static class ValueMap
{
    /// <summary>Creates a map from key/value pairs.</summary>
    public static ValueMap<TValue> Of<TValue>(params (string Key, TValue Value)[] pairs) =>
        ValueMap<TValue>.From(pairs.Select(p => new KeyValuePair<string, TValue>(p.Key, p.Value)));

    /// <summary>Creates a map from any sequence of pairs.</summary>
    public static ValueMap<TValue> ToValueMap<TValue>(this IEnumerable<KeyValuePair<string, TValue>> pairs) => ValueMap<TValue>.From(pairs);
}
