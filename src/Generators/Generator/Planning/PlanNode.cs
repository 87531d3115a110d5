using StatefulManifests.Generators.Helpers;

namespace StatefulManifests.Generators.Planning;

/// <summary>
/// One node of an evaluation plan: the supported shapes of a <c>[StatefulWorkload]</c> declaration, lowered from
/// Roslyn's IOperation tree into equatable data (no symbols, no syntax, no locations). Equal plans evaluate to equal
/// results, which is what lets the generator skip re-evaluation when an edit changed nothing that matters.
/// <see cref="Id"/> numbers nodes in lowering order; the analyzers keep a side table from id to source location.
/// </summary>
/// <param name="Id">The node's number within its plan.</param>
internal abstract record PlanNode(int Id);

/// <summary>A compile-time constant (literal, <c>const</c>, <c>nameof</c>, enum member), converted to <paramref name="Type"/>.</summary>
/// <param name="Id">The node's number.</param>
/// <param name="Type">The runtime type the value takes (an enum, <c>int?</c> ...), or null for a typeless <c>null</c>.</param>
/// <param name="Value">The constant as Roslyn folds it (string, bool, char, a number, or null).</param>
internal sealed record ConstantNode(int Id, TypeRef? Type, object? Value) : PlanNode(Id);

/// <summary>A call of a DSL method (instance, static or extension) or property getter, arguments in parameter order.</summary>
/// <param name="Id">The node's number.</param>
/// <param name="Method">The method to invoke.</param>
/// <param name="Receiver">The instance, or null for a static method.</param>
/// <param name="Arguments">One node per parameter, defaults and <c>params</c> arrays already filled in.</param>
internal sealed record CallNode(int Id, MethodRef Method, PlanNode? Receiver, EquatableArray<PlanNode> Arguments) : PlanNode(Id);

/// <summary>A conversion to <paramref name="Target"/>: numeric, nullable, boxing, or a DSL's user-defined operator.</summary>
/// <param name="Id">The node's number.</param>
/// <param name="Operand">The value converted.</param>
/// <param name="Target">The type converted to.</param>
/// <param name="Operator">The DSL conversion operator, when the conversion is user-defined.</param>
internal sealed record ConversionNode(int Id, PlanNode Operand, TypeRef Target, MethodRef? Operator) : PlanNode(Id);

/// <summary>A lambda or method group turned into a real delegate whose body is evaluated when the DSL calls it.</summary>
/// <param name="Id">The node's number.</param>
/// <param name="DelegateType">The delegate type the DSL expects (<c>Func&lt;ContainerBuilder, ContainerBuilder&gt;</c>).</param>
/// <param name="ParameterSlots">The environment slot each delegate parameter is bound to.</param>
/// <param name="Body">The returned expression.</param>
internal sealed record LambdaNode(int Id, TypeRef DelegateType, EquatableArray<int> ParameterSlots, PlanNode Body) : PlanNode(Id);

/// <summary>A reference to a lambda parameter bound in an enclosing <see cref="LambdaNode"/>.</summary>
/// <param name="Id">The node's number.</param>
/// <param name="Slot">The environment slot.</param>
internal sealed record ParameterNode(int Id, int Slot) : PlanNode(Id);

/// <summary>A one-dimensional array (array creation, <c>params</c>, collection expression).</summary>
/// <param name="Id">The node's number.</param>
/// <param name="ElementType">The element type.</param>
/// <param name="Items">The elements.</param>
internal sealed record ArrayNode(int Id, TypeRef ElementType, EquatableArray<PlanNode> Items) : PlanNode(Id);

/// <summary>A tuple literal, created as the <c>ValueTuple</c> type the DSL parameter expects.</summary>
/// <param name="Id">The node's number.</param>
/// <param name="TupleType">The constructed ValueTuple type.</param>
/// <param name="Items">The elements.</param>
internal sealed record TupleNode(int Id, TypeRef TupleType, EquatableArray<PlanNode> Items) : PlanNode(Id);

/// <summary>String concatenation or interpolation: the parts' invariant-culture text joined.</summary>
/// <param name="Id">The node's number.</param>
/// <param name="Parts">The parts, each a value or a <see cref="FormatNode"/>.</param>
internal sealed record ConcatNode(int Id, EquatableArray<PlanNode> Parts) : PlanNode(Id);

/// <summary>An interpolation hole with alignment and format string, formatted with the invariant culture.</summary>
/// <param name="Id">The node's number.</param>
/// <param name="Value">The value formatted.</param>
/// <param name="Alignment">The alignment, when given.</param>
/// <param name="Format">The format string, when given.</param>
internal sealed record FormatNode(int Id, PlanNode Value, int? Alignment, string? Format) : PlanNode(Id);

/// <summary>A placeholder for a node that could not be lowered; a plan containing one is never executed.</summary>
/// <param name="Id">The node's number.</param>
internal sealed record UnsupportedNode(int Id) : PlanNode(Id);
