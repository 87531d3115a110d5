using StatefulManifests.Generators.Helpers;

namespace StatefulManifests.Generators.Planning.Plan;

/// <summary>A pattern (<c>is</c>, switch arms and case labels), matched against one input value.</summary>
/// <param name="Id">The node's number within its function.</param>
internal abstract record PatternNode(int Id);

/// <summary>A constant: matches when the input equals it (numerically for numbers, by value for enums).</summary>
internal sealed record ConstantPattern(int Id, ExpressionNode Value) : PatternNode(Id);

/// <summary><c>&lt; value</c>, <c>&gt;= value</c> ...</summary>
internal sealed record RelationalPattern(int Id, OperatorKind Operation, ExpressionNode Value) : PatternNode(Id);

/// <summary>A type test (<c>is T</c>, <c>T x</c>, <c>var x</c> when <paramref name="Type"/> is null), optionally storing the input.</summary>
internal sealed record DeclarationPattern(int Id, TypeRef? Type, TargetNode? Variable, bool MatchesNull) : PatternNode(Id);

/// <summary><c>left and right</c>, <c>left or right</c>.</summary>
internal sealed record BinaryPattern(int Id, bool IsAnd, PatternNode Left, PatternNode Right) : PatternNode(Id);

/// <summary><c>not pattern</c>.</summary>
internal sealed record NotPattern(int Id, PatternNode Pattern) : PatternNode(Id);

/// <summary><c>_</c>.</summary>
internal sealed record DiscardPattern(int Id) : PatternNode(Id);

/// <summary>
/// A positional and/or property pattern (<c>(a, > 3)</c>, <c>Tenant { Size: "large" }</c>): an optional type test,
/// then the parts. The input is kept in <paramref name="Slot"/>; property members read it from there.
/// </summary>
internal sealed record RecursivePattern(
    int Id,
    TypeRef? Type,
    int Slot,
    DeconstructPlan? Deconstruction,
    EquatableArray<PatternNode> Positional,
    EquatableArray<PropertySubpattern> Properties,
    TargetNode? Variable) : PatternNode(Id);

/// <summary>One <c>Member: pattern</c> of a property pattern; <paramref name="Member"/> reads the member from the pattern's slot.</summary>
internal sealed record PropertySubpattern(ExpressionNode Member, PatternNode Pattern);
