using System.Collections;
using System.Collections.Concurrent;
using System.Reflection;
using StatefulManifests.Model;
using StatefulManifests.Validation;

namespace StatefulManifests.KubernetesClient.Conversion;

/// <summary>Converts one non-null value; <paramref name="path"/> names it for <see cref="ConversionErrors"/>.</summary>
internal delegate object? ValueConverter(object value, FieldPath path, ConversionErrors errors);

/// <summary>
/// Builds (once per pair of types) the converters between a model type and the client's type for the same field:
/// records field by field through <see cref="FieldMap"/>, lists and maps item by item, and the scalars of
/// <see cref="Scalars"/>. Null stays null and empty stays empty in both directions, so nothing set is dropped and
/// nothing unset appears.
/// </summary>
internal static class Converters
{
    private static readonly ConcurrentDictionary<(Type, Type), ValueConverter> ToClientCache = new();
    private static readonly ConcurrentDictionary<(Type, Type), ValueConverter> ToModelCache = new();
    private static readonly MethodInfo ToValueList = typeof(ValueList).GetMethod(nameof(ValueList.ToValueList))!;

    /// <summary>The converter from a value of model type <paramref name="model"/> to client type <paramref name="client"/>.</summary>
    public static ValueConverter ToClient(Type model, Type client) => ToClientCache.GetOrAdd((model, client), key => BuildToClient(key.Item1, key.Item2));

    /// <summary>The converter from a value of client type <paramref name="client"/> to model type <paramref name="model"/>.</summary>
    public static ValueConverter ToModel(Type client, Type model) => ToModelCache.GetOrAdd((client, model), key => BuildToModel(key.Item1, key.Item2));

    private static Type Bare(Type type) => Nullable.GetUnderlyingType(type) ?? type;

    private static ValueConverter BuildToClient(Type modelType, Type clientType)
    {
        var model = Bare(modelType);
        var client = Bare(clientType);
        if (FieldMap.IsRecordPair(model, client))
        {
            return RecordToClient(FieldMap.For(model, client));
        }

        if (model.IsGenericType && model.GetGenericTypeDefinition() == typeof(ValueList<>))
        {
            var item = ToClient(model.GetGenericArguments()[0], ItemType(client, typeof(IList<>)));
            var listType = typeof(List<>).MakeGenericType(ItemType(client, typeof(IList<>)));
            return (value, path, errors) =>
            {
                var list = (IList)Activator.CreateInstance(listType)!;
                var i = 0;
                foreach (var entry in (IEnumerable)value)
                {
                    list.Add(entry is null ? null : item(entry, path.Index(i), errors));
                    i++;
                }

                return list;
            };
        }

        if (model.IsGenericType && model.GetGenericTypeDefinition() == typeof(ValueMap<>))
        {
            var clientValue = client.GetGenericArguments()[1];
            var item = ToClient(model.GetGenericArguments()[0], clientValue);
            var dictionaryType = typeof(Dictionary<,>).MakeGenericType(typeof(string), clientValue);
            return (value, path, errors) =>
            {
                var dictionary = (IDictionary)Activator.CreateInstance(dictionaryType, StringComparer.Ordinal)!;
                foreach (var key in ((IEnumerable)value).Cast<object>().Select(Key))
                {
                    var entry = Entry(value, key);
                    dictionary.Add(key, entry is null ? null : item(entry, path.Key(key), errors));
                }

                return dictionary;
            };
        }

        return Scalars.ToClient(model, client) ?? throw Unsupported(model, client);
    }

    private static ValueConverter BuildToModel(Type clientType, Type modelType)
    {
        var model = Bare(modelType);
        var client = Bare(clientType);
        if (FieldMap.IsRecordPair(model, client))
        {
            return RecordToModel(FieldMap.For(model, client));
        }

        if (model.IsGenericType && model.GetGenericTypeDefinition() == typeof(ValueList<>))
        {
            var modelItem = model.GetGenericArguments()[0];
            var item = ToModel(ItemType(client, typeof(IList<>)), modelItem);
            var toList = ToValueList.MakeGenericMethod(modelItem);
            return (value, path, errors) =>
            {
                var source = ((IEnumerable)value).Cast<object?>().ToList();
                var array = Array.CreateInstance(modelItem, source.Count);
                for (var i = 0; i < source.Count; i++)
                {
                    array.SetValue(source[i] is { } entry ? item(entry, path.Index(i), errors) : null, i);
                }

                return toList.Invoke(null, [array]);
            };
        }

        if (model.IsGenericType && model.GetGenericTypeDefinition() == typeof(ValueMap<>))
        {
            var modelValue = model.GetGenericArguments()[0];
            var item = ToModel(client.GetGenericArguments()[1], modelValue);
            var pairType = typeof(KeyValuePair<,>).MakeGenericType(typeof(string), modelValue);
            var from = typeof(ValueMap<>).MakeGenericType(modelValue).GetMethod("From")!;
            return (value, path, errors) =>
            {
                var pairs = Array.CreateInstance(pairType, ((ICollection)value).Count);
                var i = 0;
                foreach (DictionaryEntry entry in (IDictionary)value)
                {
                    var key = (string)entry.Key;
                    pairs.SetValue(Activator.CreateInstance(pairType, key, entry.Value is { } v ? item(v, path.Key(key), errors) : null), i++);
                }

                return from.Invoke(null, [pairs]);
            };
        }

        return Scalars.ToModel(client, model) ?? throw Unsupported(model, client);
    }

    private static ValueConverter RecordToClient(FieldMap map)
    {
        var fields = map.Fields.Select(f => (f, Convert: ToClient(f.Model.PropertyType, f.Client.PropertyType))).ToList();
        return (value, path, errors) =>
        {
            var result = Activator.CreateInstance(map.ClientType)!;
            foreach (var (field, convert) in fields)
            {
                if (field.Model.GetValue(value) is { } v)
                {
                    field.Client.SetValue(result, convert(v, path.Child(field.Json), errors));
                }
            }

            return result;
        };
    }

    private static ValueConverter RecordToModel(FieldMap map)
    {
        var fields = map.Fields.Select(f => (f, Convert: ToModel(f.Client.PropertyType, f.Model.PropertyType))).ToList();
        return (value, path, errors) =>
        {
            var result = Activator.CreateInstance(map.ModelType)!;
            foreach (var (field, convert) in fields)
            {
                // Every field is set, null included: the model's defaults (apiVersion, kind) must not invent values.
                var v = field.Client.GetValue(value);
                field.Model.SetValue(result, v is null ? null : convert(v, path.Child(field.Json), errors));
            }

            return result;
        };
    }

    private static Type ItemType(Type client, Type generic) =>
        client.IsGenericType ? client.GetGenericArguments()[0]
        : client.GetInterfaces().First(i => i.IsGenericType && i.GetGenericTypeDefinition() == generic).GetGenericArguments()[0];

    private static string Key(object pair) => (string)pair.GetType().GetProperty("Key")!.GetValue(pair)!;

    private static object? Entry(object map, string key) => map.GetType().GetProperty("Item")!.GetValue(map, [key]);

    private static NotSupportedException Unsupported(Type model, Type client) =>
        new($"no conversion between model type {model} and client type {client}");
}
