using StatefulManifests.Model;

namespace StatefulManifests;

/// <summary>List and map helpers the builders share.</summary>
internal static class ModelLists
{
    /// <summary>
    /// Finds the item that <paramref name="matches"/> (or appends a new one) and replaces it with
    /// <paramref name="update"/>(existing or null). Returns the new list and the item's index.
    /// </summary>
    public static ValueList<T> Upsert<T>(ValueList<T>? list, Func<T, bool> matches, Func<T?, T> update, out int index)
        where T : class
    {
        var items = list ?? ValueList<T>.Empty;
        for (var i = 0; i < items.Count; i++)
        {
            if (matches(items[i]))
            {
                index = i;
                return items.SetItem(i, update(items[i]));
            }
        }

        index = items.Count;
        return items.Add(update(null));
    }

    /// <summary>The index of the first item that <paramref name="matches"/>, or -1.</summary>
    public static int FindIndex<T>(ValueList<T>? list, Func<T, bool> matches)
    {
        for (var i = 0; i < (list?.Count ?? 0); i++)
        {
            if (matches(list![i]))
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>Appends an item to a possibly absent list.</summary>
    public static ValueList<T> Append<T>(ValueList<T>? list, T item) => (list ?? ValueList<T>.Empty).Add(item);

    /// <summary>The index the next appended item will get.</summary>
    public static int NextIndex<T>(ValueList<T>? list) => list?.Count ?? 0;

    /// <summary>Sets key/value pairs on a possibly absent map (later pairs win).</summary>
    public static ValueMap<string> SetPairs(ValueMap<string>? map, (string Key, string Value)[] pairs)
    {
        if (pairs is null)
        {
            throw new ArgumentNullException(nameof(pairs));
        }

        return (map ?? ValueMap<string>.Empty).SetItems(pairs.Select(p => new KeyValuePair<string, string>(p.Key, p.Value)));
    }

    /// <summary>An optional integer as an optional IntOrString.</summary>
    public static IntOrString? Optional(int? value) => value is { } v ? IntOrString.FromInt(v) : default(IntOrString?);

    /// <summary>An optional string as an optional IntOrString.</summary>
    public static IntOrString? Optional(string? value) => value is { } v ? IntOrString.FromString(v) : default(IntOrString?);

    /// <summary>A list of strings from a params array (null stays an empty list).</summary>
    public static ValueList<string> Strings(string[]? items) => (items ?? []).ToValueList();

    /// <summary>Sets one quantity of a resource list; a null quantity text leaves the resource alone.</summary>
    public static ValueMap<Quantity>? SetQuantity(ValueMap<Quantity>? map, string resource, string? quantity) =>
        quantity is null ? map : (map ?? ValueMap<Quantity>.Empty).SetItem(resource, Quantity.FromText(quantity));
}
