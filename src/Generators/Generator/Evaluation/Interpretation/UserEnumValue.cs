using System.Globalization;

namespace StatefulManifests.Generators.Evaluation.Interpretation;

/// <summary>
/// A value of a user enum, which the evaluator never loads: the type and the underlying value. It prints, compares and
/// converts as the enum would (<c>ToString()</c> gives the member's name, or the flags' names, or the number).
/// </summary>
internal sealed class UserEnumValue : IFormattable, IComparable
{
    /// <summary>Creates a value.</summary>
    public UserEnumValue(UserType type, long value)
    {
        Type = type;
        Value = value;
    }

    /// <summary>The enum type.</summary>
    public UserType Type { get; }

    /// <summary>The underlying value.</summary>
    public long Value { get; }

    /// <inheritdoc />
    public override string ToString() => ToString(null, null);

    /// <inheritdoc />
    public string ToString(string? format, IFormatProvider? formatProvider)
    {
        if (format is "D" or "d")
        {
            return Value.ToString(CultureInfo.InvariantCulture);
        }

        foreach (var member in Type.Plan.EnumMembers)
        {
            if (member.Value == Value)
            {
                return member.Name;
            }
        }

        if (Type.Plan.IsFlags && Value != 0)
        {
            var names = new List<string>();
            var rest = Value;
            foreach (var member in Type.Plan.EnumMembers.OrderByDescending(m => m.Value))
            {
                if (member.Value != 0 && (rest & member.Value) == member.Value)
                {
                    names.Insert(0, member.Name);
                    rest &= ~member.Value;
                }
            }

            if (rest == 0)
            {
                return string.Join(", ", names);
            }
        }

        return Value.ToString(CultureInfo.InvariantCulture);
    }

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is UserEnumValue other && other.Type.Plan.Key == Type.Plan.Key && other.Value == Value;

    /// <inheritdoc />
    public override int GetHashCode() => Value.GetHashCode();

    /// <inheritdoc />
    public int CompareTo(object? obj) => obj is UserEnumValue other ? Value.CompareTo(other.Value) : 1;
}
