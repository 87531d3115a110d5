namespace StatefulManifests.Generators.Planning;

/// <summary>The wording every "cannot evaluate" message ends with, so each one says what would work instead.</summary>
internal static class SupportedShapes
{
    /// <summary>One sentence listing what compile-time evaluation supports.</summary>
    public const string Sentence =
        "Compile-time evaluation supports literals, const fields and locals, string interpolation and concatenation, " +
        "enum members, nameof, calls of StatefulManifests DSL methods, builder lambdas (c => c...), arrays, collection " +
        "expressions and tuples of such values, and static get-only properties, static readonly fields and parameterless " +
        "static methods of this project whose bodies use only these shapes.";
}
