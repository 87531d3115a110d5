using StatefulManifests.Model;

namespace StatefulManifests.Import;

/// <summary>Model values as DSL arguments.</summary>
internal static class ImportValues
{
    /// <summary>The value, or <see cref="DslArg.Default"/> when it is null (an optional parameter left out).</summary>
    public static object Opt(object? value) => value ?? DslArg.Default;

    /// <summary>A known enum member as the DSL's enum (boxed), or null when unset; <paramref name="known"/> is false for a value the DSL's enum lacks.</summary>
    public static object? Enum<T>(EnumValue<T>? value, out bool known)
        where T : struct, System.Enum
    {
        known = value is null || value.Value.IsKnown;
        return value?.Known;
    }

    /// <summary>Map entries as the <c>params (string Key, string Value)[]</c> of the DSL, in document order.</summary>
    public static (string, string)[] Pairs(IEnumerable<KeyValuePair<string, string>>? map) =>
        (map ?? []).Select(e => (e.Key, e.Value)).ToArray();

    /// <summary>True when the map has entries.</summary>
    public static bool Any<T>(IReadOnlyCollection<T>? items) => items is { Count: > 0 };

    /// <summary>An int-or-string as the DSL overload's argument (int or string).</summary>
    public static object IntOrText(IntOrString value) => value.IsString ? value.StringValue! : value.IntValue;
}
