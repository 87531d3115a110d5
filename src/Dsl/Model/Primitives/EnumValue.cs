using System.Reflection;

namespace StatefulManifests.Model;

/// <summary>
/// The value of a Kubernetes field whose legal values form a closed set (<typeparamref name="TEnum"/>),
/// stored as the string Kubernetes sees. Builders only ever produce known values; the YAML reader keeps
/// whatever a manifest says (like the API server's decoder), so the validator can report an unknown value
/// as <c>Unsupported value</c> instead of the reader losing it.
/// </summary>
/// <typeparam name="TEnum">The C# enum naming the known values; member names are the wire values.</typeparam>
public readonly struct EnumValue<TEnum> : IEquatable<EnumValue<TEnum>>
    where TEnum : struct, Enum
{
    private readonly string? value;

    /// <summary>Wraps a raw wire value (which may be unknown).</summary>
    public EnumValue(string value) => this.value = value ?? throw new ArgumentNullException(nameof(value));

    /// <summary>The wire value, exactly as Kubernetes sees it.</summary>
    public string Value => value ?? string.Empty;

    /// <summary>The known member, or null when the wire value is not one of <typeparamref name="TEnum"/>'s.</summary>
    public TEnum? Known => EnumWireNames<TEnum>.TryParse(Value, out var known) ? known : null;

    /// <summary>True when the wire value is one of the supported values.</summary>
    public bool IsKnown => Known.HasValue;

    /// <summary>The supported wire values, in declaration order.</summary>
    public static IReadOnlyList<string> SupportedValues => EnumWireNames<TEnum>.Names;

    /// <summary>Wraps a known member.</summary>
    public static implicit operator EnumValue<TEnum>(TEnum known) => new(EnumWireNames<TEnum>.ToWire(known));

    /// <inheritdoc />
    public bool Equals(EnumValue<TEnum> other) => string.Equals(Value, other.Value, StringComparison.Ordinal);

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is EnumValue<TEnum> other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(Value);

    /// <summary>Equality on the wire value.</summary>
    public static bool operator ==(EnumValue<TEnum> left, EnumValue<TEnum> right) => left.Equals(right);

    /// <summary>Inequality on the wire value.</summary>
    public static bool operator !=(EnumValue<TEnum> left, EnumValue<TEnum> right) => !left.Equals(right);

    /// <inheritdoc />
    public override string ToString() => Value;
}

/// <summary>Gives an enum member a wire value different from its C# name.</summary>
[AttributeUsage(AttributeTargets.Field)]
public sealed class WireNameAttribute : Attribute
{
    /// <summary>Creates the attribute.</summary>
    public WireNameAttribute(string name) => Name = name;

    /// <summary>The value Kubernetes uses.</summary>
    public string Name { get; }

    /// <summary>The wire value of an enum member's field: its <see cref="WireNameAttribute"/>, else its C# name.</summary>
    internal static string Of(FieldInfo member) => member.GetCustomAttribute<WireNameAttribute>()?.Name ?? member.Name;
}

/// <summary>Maps enum members to and from Kubernetes wire values (computed once per enum type).</summary>
public static class EnumWireNames<TEnum>
    where TEnum : struct, Enum
{
    private static readonly Dictionary<string, TEnum> ByName = new(StringComparer.Ordinal);
    private static readonly Dictionary<TEnum, string> ByValue = new();

    static EnumWireNames()
    {
        var names = new List<string>();
        foreach (var field in typeof(TEnum).GetFields(BindingFlags.Public | BindingFlags.Static).OrderBy(f => f.MetadataToken))
        {
            var member = (TEnum)field.GetValue(null)!;
            var wire = WireNameAttribute.Of(field);
            ByName[wire] = member;
            ByValue[member] = wire;
            names.Add(wire);
        }

        Names = names;
    }

    /// <summary>All wire values, in declaration order.</summary>
    public static IReadOnlyList<string> Names { get; }

    /// <summary>The wire value of a member.</summary>
    public static string ToWire(TEnum member) =>
        ByValue.TryGetValue(member, out var wire) ? wire : throw new ArgumentOutOfRangeException(nameof(member), member, "not a member of " + typeof(TEnum).Name);

    /// <summary>Parses a wire value (case-sensitive, as Kubernetes is).</summary>
    public static bool TryParse(string wire, out TEnum member) => ByName.TryGetValue(wire, out member);
}
