using StatefulManifests.Model;

namespace StatefulManifests.Generators.Emission;

/// <summary>C# source that recreates a <see cref="RawValue"/> (a patch value) with its public factories.</summary>
internal static class RawValueLiteral
{
    private const string Type = "global::StatefulManifests.Model.RawValue";

    /// <summary>The expression for <paramref name="value"/>; <c>null</c> for no value.</summary>
    public static string Of(RawValue? value) => value switch
    {
        null => "null",
        { Kind: RawValueKind.Null } => Type + ".Null",
        { Kind: RawValueKind.String } => Type + ".String(" + CSharpLiteral.Of(value.Scalar ?? string.Empty) + ")",
        { Kind: RawValueKind.Boolean } => Type + ".Boolean(" + (value.Scalar == "true" ? "true" : "false") + ")",
        { Kind: RawValueKind.Number } => Type + ".Number(" + CSharpLiteral.Of(value.Scalar ?? "0") + ")",
        { Kind: RawValueKind.List } => Type + ".FromList(new " + Type + "[] { " + string.Join(", ", (value.List ?? ValueList<RawValue>.Empty).Select(Of)) + " })",
        { Kind: RawValueKind.Map } => Type + ".FromMap(new global::System.Collections.Generic.KeyValuePair<string, " + Type + ">[] { " + string.Join(", ", (value.Map ?? ValueMap<RawValue>.Empty).Select(e =>
            "new global::System.Collections.Generic.KeyValuePair<string, " + Type + ">(" + CSharpLiteral.Of(e.Key) + ", " + Of(e.Value) + ")")) + " })",
        _ => throw new ArgumentOutOfRangeException(nameof(value), value.Kind, "unknown raw value kind"),
    };
}
