using System.Collections;
using System.Collections.Concurrent;
using System.Globalization;
using System.Reflection;
using StatefulManifests.Model;
using StatefulManifests.Yaml;

namespace StatefulManifests.Validation;

/// <summary>
/// Two rules that hold for every string of every object, so they live once, generically, instead of in each rule
/// file: a list item or map value may not be null (a DSL call such as <c>Command("sh", null!)</c> or a YAML file
/// with <c>command: [sh, null]</c> records it; kubectl would send an empty string or drop it), and no string, map
/// key included, may hold an unpaired UTF-16 surrogate (<c>"\uD800"</c>): .NET strings can, Unicode text cannot,
/// so writing it would silently turn it into U+FFFD.
/// </summary>
/// <remarks>
/// The walk follows the model records by reflection. The YAML key of a property is its name with a lower-case first
/// letter, except that <c>tools/ModelGen</c> appends <c>Value</c> to a property named like its record
/// (<c>ContainerPort.ContainerPortValue</c> is <c>containerPort</c>); only settable (init) properties are fields,
/// so hand-written computed members are skipped. Accessors are cached per type.
/// </remarks>
internal static class TextValueRules
{
    private static readonly ConcurrentDictionary<Type, Field[]> Fields = new();

    private const string NullItemDetail = "a list item or map value must not be null";

    /// <summary>
    /// True when a list item or map value beneath <paramref name="model"/> is null: the YAML writer cannot write such
    /// a model (validation reports it instead), so code that renders a model that may be invalid asks first.
    /// </summary>
    public static bool HoldsNullItems(object model) => FirstNullItem(model) is not null;

    /// <summary>The path of the first null list item or map value beneath <paramref name="model"/>, or null.</summary>
    public static FieldPath? FirstNullItem(object model)
    {
        var errors = new ValidationErrors();
        Walk(model, FieldPath.Document, errors);
        return errors.ToList().FirstOrDefault(e => e.Type == FieldErrorType.Required && e.Detail == NullItemDetail)?.Path;
    }

    /// <summary>Checks every string beneath <paramref name="model"/> (a model record) into <paramref name="errors"/>.</summary>
    public static void Validate(object? model, FieldPath path, ValidationErrors errors) => Walk(model, path, errors);

    private static void Walk(object? value, FieldPath path, ValidationErrors errors)
    {
        switch (value)
        {
            case null:
                return;
            case string text:
                CheckText(text, path, errors);
                return;
            case IntOrString intOrString:
                CheckText(intOrString.StringValue, path, errors);
                return;
            case RawValue raw:
                WalkRaw(raw, path, errors);
                return;
        }

        var type = value.GetType();
        if (IsGeneric(type, typeof(EnumValue<>)))
        {
            CheckText(value.ToString(), path, errors);
        }
        else if (IsGeneric(type, typeof(ValueMap<>)))
        {
            foreach (var entry in ((IEnumerable)value).Cast<object>())
            {
                var entryType = entry.GetType();
                var key = (string)entryType.GetProperty("Key")!.GetValue(entry, null)!;
                var item = entryType.GetProperty("Value")!.GetValue(entry, null);
                WalkItem(item, path.Key(key), errors, key);
            }
        }
        else if (IsGeneric(type, typeof(ValueList<>)))
        {
            var i = 0;
            foreach (var item in (IEnumerable)value)
            {
                WalkItem(item, path.Index(i++), errors, key: null);
            }
        }
        else if (type.Namespace == typeof(StatefulSet).Namespace && type.IsClass)
        {
            foreach (var field in Fields.GetOrAdd(type, FieldsOf))
            {
                Walk(field.Property.GetValue(value, null), path.Child(field.Key), errors);
            }
        }
    }

    private static void WalkItem(object? item, FieldPath path, ValidationErrors errors, string? key)
    {
        if (key is not null && Utf16Text.IndexOfLoneSurrogate(key) is var at and >= 0)
        {
            errors.Invalid(path, key, LoneSurrogateDetail("key", key, at));
        }

        if (item is null)
        {
            errors.Required(path, NullItemDetail);
            return;
        }

        Walk(item, path, errors);
    }

    private static void WalkRaw(RawValue raw, FieldPath path, ValidationErrors errors)
    {
        switch (raw.Kind)
        {
            case RawValueKind.String:
                CheckText(raw.Scalar, path, errors);
                break;
            case RawValueKind.List:
                for (var i = 0; i < raw.List!.Count; i++)
                {
                    WalkRaw(raw.List[i], path.Index(i), errors);
                }

                break;
            case RawValueKind.Map:
                foreach (var entry in raw.Map!)
                {
                    if (Utf16Text.IndexOfLoneSurrogate(entry.Key) is var at and >= 0)
                    {
                        errors.Invalid(path.Key(entry.Key), entry.Key, LoneSurrogateDetail("key", entry.Key, at));
                    }

                    WalkRaw(entry.Value, path.Key(entry.Key), errors);
                }

                break;
        }
    }

    private static void CheckText(string? text, FieldPath path, ValidationErrors errors)
    {
        if (text is not null && Utf16Text.IndexOfLoneSurrogate(text) is var at and >= 0)
        {
            errors.Invalid(path, text, LoneSurrogateDetail("value", text, at));
        }
    }

    private static string LoneSurrogateDetail(string what, string text, int at) =>
        "the " + what + " holds an unpaired UTF-16 surrogate (\\u" + ((int)text[at]).ToString("X4", CultureInfo.InvariantCulture)
        + " at index " + at.ToString(CultureInfo.InvariantCulture) + "), which is not Unicode text and would be written as U+FFFD";

    private static bool IsGeneric(Type type, Type definition) => type.IsGenericType && type.GetGenericTypeDefinition() == definition;

    private static Field[] FieldsOf(Type type) =>
        type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.CanRead && p.CanWrite && p.GetIndexParameters().Length == 0)
            .OrderBy(p => p.MetadataToken)
            .Select(p => new Field(p, KeyOf(type, p)))
            .ToArray();

    private static string KeyOf(Type record, PropertyInfo property)
    {
        var name = property.Name == record.Name + "Value" ? record.Name : property.Name;
        return char.ToLowerInvariant(name[0]) + name.Substring(1);
    }

    private sealed record Field(PropertyInfo Property, string Key);
}
