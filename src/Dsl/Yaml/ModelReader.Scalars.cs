using System.Globalization;
using StatefulManifests.Model;
using StatefulManifests.Validation;

namespace StatefulManifests.Yaml;

/// <summary>
/// Scalar fields, read as kubectl reads them: plain scalars take their YAML 1.1 type (<c>0755</c> is 493,
/// <c>yes</c> is true), and a value of the wrong type (a number where a string belongs, a quoted number where an
/// integer belongs) is reported, as the API server would reject it, while its text is kept.
/// </summary>
internal sealed partial class ModelReader
{
    internal string? Str(YNode node, FieldPath path)
    {
        if (ScalarOf(node, path, "a string") is not { } scalar || scalar.Resolved.Kind == PlainKind.Null)
        {
            return null;
        }

        if (scalar.Resolved.Kind != PlainKind.String)
        {
            Error(node, FieldError.Invalid(path, scalar.Value, "expected a string, but kubectl reads this unquoted value as "
                + KindName(scalar.Resolved.Kind) + "; quote it"));
        }

        return scalar.Value;
    }

    // A null list item or map value decodes as "" (the zero value), as Go's JSON decoding does.
    internal string StrItem(YNode node, FieldPath path) => Str(node, path) ?? string.Empty;

    internal int? Int(YNode node, FieldPath path) => (int?)Integer(node, path, int.MinValue, int.MaxValue, "a 32-bit integer");

    internal int IntItem(YNode node, FieldPath path) => Int(node, path) ?? 0;

    internal long? Long(YNode node, FieldPath path) => Integer(node, path, long.MinValue, long.MaxValue, "a 64-bit integer");

    internal long LongItem(YNode node, FieldPath path) => Long(node, path) ?? 0;

    internal double? Double(YNode node, FieldPath path)
    {
        if (ScalarOf(node, path, "a number") is not { } scalar || scalar.Resolved.Kind == PlainKind.Null)
        {
            return null;
        }

        if (scalar.Resolved is { Kind: PlainKind.Int or PlainKind.Float, JsonNumber: { } number })
        {
            return double.Parse(number, NumberStyles.Float, CultureInfo.InvariantCulture);
        }

        Error(node, FieldError.Invalid(path, scalar.Value, "expected a number, got " + KindName(scalar.Resolved.Kind)));
        return null;
    }

    internal double DoubleItem(YNode node, FieldPath path) => Double(node, path) ?? 0;

    internal bool? Bool(YNode node, FieldPath path)
    {
        if (ScalarOf(node, path, "a boolean") is not { } scalar || scalar.Resolved.Kind == PlainKind.Null)
        {
            return null;
        }

        if (scalar.Resolved.Kind == PlainKind.Bool)
        {
            return scalar.Resolved.Boolean;
        }

        Error(node, FieldError.Invalid(path, scalar.Value, "expected a boolean (true or false), got " + KindName(scalar.Resolved.Kind)));
        return null;
    }

    internal bool BoolItem(YNode node, FieldPath path) => Bool(node, path) ?? false;

    /// <summary>
    /// A quantity may be written as a string or a number (<c>cpu: 0.5</c>, <c>memory: 1Gi</c>), as Kubernetes'
    /// decoder accepts both. An unparsable one is kept (Quantity carries its error) so validation reports it with
    /// its path.
    /// </summary>
    internal Model.Quantity? Quantity(YNode node, FieldPath path)
    {
        if (ScalarOf(node, path, "a quantity") is not { } scalar || scalar.Resolved.Kind == PlainKind.Null)
        {
            return null;
        }

        switch (scalar.Resolved)
        {
            case { Kind: PlainKind.String }:
                return Model.Quantity.FromText(scalar.Value.Trim()); // the JSON decoder trims spaces before parsing
            case { Kind: PlainKind.Int or PlainKind.Float, JsonNumber: { } number }:
                return Model.Quantity.FromText(number);
            default:
                Error(node, FieldError.Invalid(path, scalar.Value, "expected a quantity such as 500m or 1Gi, got " + KindName(scalar.Resolved.Kind)));
                return Model.Quantity.FromText(scalar.Value);
        }
    }

    internal Model.Quantity QuantityItem(YNode node, FieldPath path) => Quantity(node, path) ?? Model.Quantity.FromText(string.Empty);

    /// <summary>An unquoted integer is an int; any string (quoted, or plain text such as <c>http</c>) is a string.</summary>
    internal Model.IntOrString? IntOrString(YNode node, FieldPath path)
    {
        if (ScalarOf(node, path, "an integer or a string") is not { } scalar || scalar.Resolved.Kind == PlainKind.Null)
        {
            return null;
        }

        switch (scalar.Resolved)
        {
            case { Kind: PlainKind.String }:
                return Model.IntOrString.FromString(scalar.Value);
            case { Kind: PlainKind.Int or PlainKind.Float, JsonNumber: { } number }
                when int.TryParse(number, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value):
                return Model.IntOrString.FromInt(value);
            default:
                Error(node, FieldError.Invalid(path, scalar.Value, "expected a 32-bit integer or a string, got " + KindName(scalar.Resolved.Kind)
                    + (scalar.Resolved.Kind == PlainKind.String ? string.Empty : "; quote it if text was meant")));
                return Model.IntOrString.FromString(scalar.Value);
        }
    }

    internal Model.IntOrString IntOrStringItem(YNode node, FieldPath path) => IntOrString(node, path) ?? Model.IntOrString.FromString(string.Empty);

    internal EnumValue<T>? Enum<T>(YNode node, FieldPath path)
        where T : struct, System.Enum => Str(node, path) is { } text ? new EnumValue<T>(text) : null;

    internal EnumValue<T> EnumItem<T>(YNode node, FieldPath path)
        where T : struct, System.Enum => new(StrItem(node, path));

    private static string KindName(PlainKind kind) => kind switch
    {
        PlainKind.Null => "null",
        PlainKind.Bool => "a boolean",
        PlainKind.Int => "an integer",
        PlainKind.Float => "a number",
        _ => "a string",
    };

    private YScalar? ScalarOf(YNode node, FieldPath path, string expected)
    {
        if (node is YScalar scalar)
        {
            return scalar;
        }

        Error(node, FieldError.Invalid(path, Describe(node), "expected " + expected));
        return null;
    }

    /// <summary>
    /// An integer field: YAML 1.1 integers in any base, and floats with an integral value (kubectl sends 3.0 as 3);
    /// a quoted number is a string to Kubernetes and is rejected.
    /// </summary>
    private long? Integer(YNode node, FieldPath path, long min, long max, string expected)
    {
        if (ScalarOf(node, path, expected) is not { } scalar || scalar.Resolved.Kind == PlainKind.Null)
        {
            return null;
        }

        if (scalar.Resolved is { Kind: PlainKind.Int or PlainKind.Float, JsonNumber: { } number }
            && long.TryParse(number, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value)
            && value >= min && value <= max)
        {
            return value;
        }

        var got = scalar.Resolved.Kind is PlainKind.Int or PlainKind.Float ? "out of range or not whole" : KindName(scalar.Resolved.Kind);
        Error(node, FieldError.Invalid(path, scalar.Value, "expected " + expected + ", got " + got));
        return null;
    }
}
