using System.Collections;

namespace StatefulManifests.Model;

/// <summary>
/// An immutable list with value equality: two lists are equal when they hold equal items in the same order.
/// The model uses it for every Kubernetes list so that records compare by content (generators cache on that).
/// </summary>
/// <typeparam name="T">The item type.</typeparam>
public sealed class ValueList<T> : IReadOnlyList<T>, IEquatable<ValueList<T>>
{
    private readonly T[] items;
    private int hash;

    /// <summary>The empty list.</summary>
    public static ValueList<T> Empty { get; } = new(Array.Empty<T>());

    internal ValueList(T[] items) => this.items = items;

    /// <inheritdoc />
    public int Count => items.Length;

    /// <inheritdoc />
    public T this[int index] => items[index];

    /// <summary>Returns a new list with <paramref name="item"/> appended.</summary>
    public ValueList<T> Add(T item)
    {
        var copy = new T[items.Length + 1];
        Array.Copy(items, copy, items.Length);
        copy[items.Length] = item;
        return new ValueList<T>(copy);
    }

    /// <summary>Returns a new list with <paramref name="more"/> appended.</summary>
    public ValueList<T> AddRange(IEnumerable<T> more) => new(items.Concat(more).ToArray());

    /// <summary>Returns a new list with the item at <paramref name="index"/> replaced.</summary>
    public ValueList<T> SetItem(int index, T item)
    {
        var copy = (T[])items.Clone();
        copy[index] = item;
        return new ValueList<T>(copy);
    }

    /// <summary>Returns a new list without the items that match <paramref name="predicate"/>.</summary>
    public ValueList<T> RemoveAll(Func<T, bool> predicate) => new(items.Where(i => !predicate(i)).ToArray());

    /// <inheritdoc />
    public IEnumerator<T> GetEnumerator() => ((IEnumerable<T>)items).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => items.GetEnumerator();

    /// <inheritdoc />
    public bool Equals(ValueList<T>? other)
    {
        if (other is null)
        {
            return false;
        }

        if (ReferenceEquals(this, other))
        {
            return true;
        }

        if (items.Length != other.items.Length)
        {
            return false;
        }

        var comparer = EqualityComparer<T>.Default;
        for (var i = 0; i < items.Length; i++)
        {
            if (!comparer.Equals(items[i], other.items[i]))
            {
                return false;
            }
        }

        return true;
    }

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as ValueList<T>);

    /// <inheritdoc />
    public override int GetHashCode()
    {
        if (hash == 0)
        {
            var h = 17;
            var comparer = EqualityComparer<T>.Default;
            foreach (var item in items)
            {
                h = HashCodes.Combine(h, item is null ? 0 : comparer.GetHashCode(item));
            }

            hash = h == 0 ? 1 : h;
        }

        return hash;
    }

    /// <summary>Value equality.</summary>
    public static bool operator ==(ValueList<T>? left, ValueList<T>? right) => left is null ? right is null : left.Equals(right);

    /// <summary>Value inequality.</summary>
    public static bool operator !=(ValueList<T>? left, ValueList<T>? right) => !(left == right);

    /// <inheritdoc />
    public override string ToString() => "[" + string.Join(", ", items.Select(i => i?.ToString())) + "]";
}

/// <summary>Factory methods for <see cref="ValueList{T}"/>.</summary>
public static class ValueList
{
    /// <summary>Creates a list holding <paramref name="items"/>.</summary>
    public static ValueList<T> Of<T>(params T[] items) => items.Length == 0 ? ValueList<T>.Empty : new ValueList<T>((T[])items.Clone());

    /// <summary>Creates a list from any sequence.</summary>
    public static ValueList<T> ToValueList<T>(this IEnumerable<T> items)
    {
        var array = items.ToArray();
        return array.Length == 0 ? ValueList<T>.Empty : new ValueList<T>(array);
    }
}
