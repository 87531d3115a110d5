using StatefulManifests.Generators.Helpers;

namespace StatefulManifests.Generators.Planning.Plan;

// The expression nodes of an evaluation plan: the deterministic subset of C# that workload declarations are written
// in, lowered from Roslyn's IOperation tree into equatable data (no symbols, syntax or locations). Equal plans
// evaluate to equal results, which is what lets the generator skip evaluation when an edit changed nothing that
// matters. Every node has an Id, unique within its function, which the analyzers map to a source location.
// Variables are addressed lexically: Depth frames up the closure chain, then Slot within that frame.

/// <summary>An expression of a plan.</summary>
/// <param name="Id">The node's number within its function.</param>
internal abstract record ExpressionNode(int Id);

/// <summary>A compile-time constant (literal, <c>const</c>, <c>nameof</c>, enum member), of <paramref name="Type"/>.</summary>
/// <param name="Id">The node's number.</param>
/// <param name="Type">The type the value takes (an enum, <c>int?</c>, a user enum ...), or null for a typeless <c>null</c>.</param>
/// <param name="Value">The constant as Roslyn folds it (string, bool, char, a number, or null).</param>
internal sealed record ConstantNode(int Id, TypeRef? Type, object? Value) : ExpressionNode(Id);

/// <summary>Reads a local, parameter or temporary.</summary>
/// <param name="Id">The node's number.</param>
/// <param name="Depth">How many frames up the closure chain the variable lives.</param>
/// <param name="Slot">Its slot in that frame.</param>
internal sealed record VariableNode(int Id, int Depth, int Slot) : ExpressionNode(Id);

/// <summary><c>this</c> in an instance member of a user type (also inside its lambdas).</summary>
/// <param name="Id">The node's number.</param>
/// <param name="Depth">How many frames up the closure chain the instance member's frame is.</param>
internal sealed record ThisNode(int Id, int Depth) : ExpressionNode(Id);

/// <summary><c>target = value</c>; its value is the value assigned.</summary>
internal sealed record AssignNode(int Id, TargetNode Target, ExpressionNode Value) : ExpressionNode(Id);

/// <summary><c>target op= value</c> (the target is evaluated once).</summary>
internal sealed record CompoundAssignNode(int Id, TargetNode Target, OperatorPlan Operator, ExpressionNode Value) : ExpressionNode(Id);

/// <summary><c>target ??= value</c>.</summary>
internal sealed record CoalesceAssignNode(int Id, TargetNode Target, ExpressionNode Value) : ExpressionNode(Id);

/// <summary><c>++x</c>, <c>x++</c>, <c>--x</c>, <c>x--</c>.</summary>
internal sealed record IncrementNode(int Id, TargetNode Target, OperatorPlan Operator, bool Postfix) : ExpressionNode(Id);

/// <summary>A binary operator (arithmetic, comparison, logic, string concatenation of two values).</summary>
internal sealed record BinaryNode(int Id, OperatorPlan Operator, ExpressionNode Left, ExpressionNode Right) : ExpressionNode(Id);

/// <summary>A unary operator.</summary>
internal sealed record UnaryNode(int Id, OperatorPlan Operator, ExpressionNode Operand) : ExpressionNode(Id);

/// <summary><c>condition ? whenTrue : whenFalse</c>.</summary>
internal sealed record ConditionalNode(int Id, ExpressionNode Condition, ExpressionNode WhenTrue, ExpressionNode WhenFalse) : ExpressionNode(Id);

/// <summary><c>value ?? whenNull</c>.</summary>
internal sealed record CoalesceNode(int Id, ExpressionNode Value, ExpressionNode WhenNull) : ExpressionNode(Id);

/// <summary><c>operand?.rest</c>: <paramref name="WhenNotNull"/> reads the operand from <paramref name="Slot"/> of the current frame.</summary>
internal sealed record ConditionalAccessNode(int Id, ExpressionNode Operand, int Slot, ExpressionNode WhenNotNull) : ExpressionNode(Id);

/// <summary>A conversion, as C# performs it (see <see cref="ConversionKind"/>).</summary>
/// <param name="Id">The node's number.</param>
/// <param name="Operand">The value converted.</param>
/// <param name="Target">The type converted to.</param>
/// <param name="Kind">What the conversion does.</param>
/// <param name="Checked">Whether a numeric conversion is checked (overflow throws).</param>
/// <param name="Operator">A DSL or framework conversion operator, when user-defined there.</param>
/// <param name="UserOperator">A conversion operator declared in the user's code (function key).</param>
internal sealed record ConversionNode(int Id, ExpressionNode Operand, TypeRef Target, ConversionKind Kind, bool Checked, MethodRef? Operator, string? UserOperator) : ExpressionNode(Id);

/// <summary><c>value is pattern</c>.</summary>
internal sealed record IsPatternNode(int Id, ExpressionNode Value, PatternNode Pattern) : ExpressionNode(Id);

/// <summary>A switch expression: the arms are tried in order against the value.</summary>
internal sealed record SwitchExpressionNode(int Id, ExpressionNode Value, EquatableArray<SwitchArm> Arms) : ExpressionNode(Id);

/// <summary>One arm of a switch expression.</summary>
internal sealed record SwitchArm(PatternNode Pattern, ExpressionNode? Guard, ExpressionNode Value);

/// <summary>A call of a DSL or allowed framework method, constructor-free (property getters included).</summary>
/// <param name="Id">The node's number.</param>
/// <param name="Method">The method.</param>
/// <param name="Receiver">The instance, or null for a static (or extension) method.</param>
/// <param name="Arguments">One node per parameter, defaults and <c>params</c> arrays filled in; <see cref="OutArgumentNode"/> for <c>out</c>.</param>
/// <param name="IsDsl">True for a DSL method: it runs with a call-site token so its fields can be traced back here.</param>
internal sealed record CallNode(int Id, MethodRef Method, ExpressionNode? Receiver, EquatableArray<ExpressionNode> Arguments, bool IsDsl) : ExpressionNode(Id);

/// <summary>An <c>out</c> or <c>ref</c> argument of a framework call: the variable receives the value after the call.</summary>
internal sealed record OutArgumentNode(int Id, TargetNode Target) : ExpressionNode(Id);

/// <summary>A call of a method (or accessor, or operator) declared in the user's code.</summary>
/// <param name="Id">The node's number.</param>
/// <param name="Function">The function key of the statically bound method.</param>
/// <param name="Receiver">The instance (a user object), or null for a static method.</param>
/// <param name="Arguments">One node per parameter, defaults and <c>params</c> arrays filled in.</param>
/// <param name="DispatchKey">For virtual and interface calls: the slot looked up on the receiver's runtime type; else null.</param>
internal sealed record UserCallNode(int Id, string Function, ExpressionNode? Receiver, EquatableArray<ExpressionNode> Arguments, string? DispatchKey) : ExpressionNode(Id);

/// <summary>A call of a local function whose closure is in a variable.</summary>
internal sealed record LocalFunctionCallNode(int Id, int Depth, int Slot, EquatableArray<ExpressionNode> Arguments) : ExpressionNode(Id);

/// <summary>Invokes a delegate value.</summary>
internal sealed record DelegateInvokeNode(int Id, ExpressionNode Target, EquatableArray<ExpressionNode> Arguments) : ExpressionNode(Id);

/// <summary>A lambda: a real delegate of <paramref name="DelegateType"/> running <paramref name="Function"/> over the current frame.</summary>
internal sealed record LambdaNode(int Id, TypeRef DelegateType, string Function) : ExpressionNode(Id);

/// <summary>A method group turned into a delegate: a user function, or a DSL/framework method.</summary>
internal sealed record MethodGroupNode(int Id, TypeRef DelegateType, string? Function, MethodRef? Method, ExpressionNode? Receiver) : ExpressionNode(Id);

/// <summary>
/// <c>new T(...) { ... }</c> of a framework, DSL or user type. The new object is in <paramref name="Slot"/> while the
/// initializer statements run.
/// </summary>
/// <param name="Id">The node's number.</param>
/// <param name="Type">The type created.</param>
/// <param name="Constructor">The constructor of a framework or DSL type (null for a value type's default).</param>
/// <param name="UserConstructor">The constructor of a user type (function key), or null for one without a body.</param>
/// <param name="Arguments">Constructor arguments.</param>
/// <param name="Slot">Where the object is while <paramref name="Initializers"/> run.</param>
/// <param name="Initializers">Object and collection initializer statements.</param>
internal sealed record NewObjectNode(int Id, TypeRef Type, MethodRef? Constructor, string? UserConstructor, EquatableArray<ExpressionNode> Arguments, int Slot, EquatableArray<StatementNode> Initializers) : ExpressionNode(Id);

/// <summary><c>operand with { ... }</c>: a user record copied, or a DSL record cloned through its compiler-generated clone method.</summary>
internal sealed record WithNode(int Id, ExpressionNode Operand, MethodRef? CloneMethod, int Slot, EquatableArray<StatementNode> Initializers) : ExpressionNode(Id);

/// <summary>A one-dimensional array with its elements.</summary>
internal sealed record ArrayNode(int Id, TypeRef ElementType, EquatableArray<ExpressionNode> Items) : ExpressionNode(Id);

/// <summary><c>new T[size]</c>.</summary>
internal sealed record SizedArrayNode(int Id, TypeRef ElementType, ExpressionNode Size) : ExpressionNode(Id);

/// <summary>A collection expression <c>[a, ..b]</c>, created as <paramref name="Type"/> (see <see cref="CollectionShape"/>).</summary>
internal sealed record CollectionNode(int Id, CollectionShape Shape, TypeRef Type, TypeRef ElementType, MethodRef? Add, EquatableArray<CollectionElement> Elements) : ExpressionNode(Id);

/// <summary>An element of a collection expression, or a spread (<c>..values</c>).</summary>
internal sealed record CollectionElement(ExpressionNode Value, bool Spread);

/// <summary>A tuple literal, created as its <c>ValueTuple</c> type.</summary>
internal sealed record TupleNode(int Id, TypeRef TupleType, EquatableArray<ExpressionNode> Items) : ExpressionNode(Id);

/// <summary>String concatenation or interpolation: the parts' invariant-culture text joined.</summary>
internal sealed record ConcatNode(int Id, EquatableArray<ExpressionNode> Parts) : ExpressionNode(Id);

/// <summary>An interpolation hole with alignment and format string, formatted with the invariant culture.</summary>
internal sealed record FormatNode(int Id, ExpressionNode Value, int? Alignment, string? Format) : ExpressionNode(Id);

/// <summary>Reads a field of a user object (fields and auto-property storage, by name).</summary>
internal sealed record FieldNode(int Id, ExpressionNode Instance, string Field) : ExpressionNode(Id);

/// <summary>Reads element <paramref name="Index"/> (0-based) of a tuple.</summary>
internal sealed record TupleItemNode(int Id, ExpressionNode Instance, int Index) : ExpressionNode(Id);

/// <summary>Reads a field of a framework or DSL type (<c>TimeSpan.Zero</c>, <c>string.Empty</c>).</summary>
internal sealed record ExternalFieldNode(int Id, TypeRef Type, string Field, ExpressionNode? Instance) : ExpressionNode(Id);

/// <summary>A user <c>static readonly</c> field or static get-only property: its initializer, run once per evaluation.</summary>
internal sealed record StaticValueNode(int Id, string Initializer) : ExpressionNode(Id);

/// <summary><c>array[i]</c>.</summary>
internal sealed record ArrayElementNode(int Id, ExpressionNode Array, ExpressionNode Index) : ExpressionNode(Id);

/// <summary><c>default(T)</c>.</summary>
internal sealed record DefaultNode(int Id, TypeRef? Type) : ExpressionNode(Id);

/// <summary><c>throw</c>: evaluation stops with the exception's message, reported on this node.</summary>
internal sealed record ThrowNode(int Id, string ExceptionType, ExpressionNode? Message) : ExpressionNode(Id);

/// <summary><c>var (a, b) = value</c> or <c>(a, b) = value</c>.</summary>
internal sealed record DeconstructNode(int Id, EquatableArray<TargetNode> Targets, ExpressionNode Value, DeconstructPlan How) : ExpressionNode(Id);

/// <summary>An anonymous object <c>new { A = 1 }</c>: a user object of a synthetic type with the given fields.</summary>
internal sealed record AnonymousObjectNode(int Id, EquatableArray<string> Fields, EquatableArray<ExpressionNode> Values) : ExpressionNode(Id);

/// <summary>How a value is split into parts by a deconstruction or positional pattern.</summary>
/// <param name="Kind">Tuple items, a user record's positional properties, or a framework <c>Deconstruct</c> method.</param>
/// <param name="Method">The framework method, for <see cref="DeconstructKind.Method"/>.</param>
/// <param name="Function">The user <c>Deconstruct</c> method, for <see cref="DeconstructKind.UserMethod"/>.</param>
internal sealed record DeconstructPlan(DeconstructKind Kind, MethodRef? Method, string? Function);

/// <summary>The ways a value is deconstructed.</summary>
internal enum DeconstructKind
{
    /// <summary>A ValueTuple's items.</summary>
    Tuple,

    /// <summary>A user record's positional properties (its compiler-generated Deconstruct).</summary>
    UserRecord,

    /// <summary>A user-declared <c>Deconstruct</c> method.</summary>
    UserMethod,

    /// <summary>A framework <c>Deconstruct</c> method (<c>KeyValuePair</c>).</summary>
    Method,
}

/// <summary>What a conversion does at run time.</summary>
internal enum ConversionKind
{
    /// <summary>Nothing: identity, boxing, an implicit reference conversion.</summary>
    Identity,

    /// <summary>An explicit reference conversion (a downcast): a type check.</summary>
    Downcast,

    /// <summary>Numeric, enum, char and nullable conversions, checked or not.</summary>
    Value,

    /// <summary>A user-defined conversion operator (<see cref="ConversionNode.Operator"/> or <see cref="ConversionNode.UserOperator"/>).</summary>
    UserDefined,

    /// <summary>A tuple or other value converted element by element to a framework or DSL type.</summary>
    Structural,
}

/// <summary>How a collection expression's value is created.</summary>
internal enum CollectionShape
{
    /// <summary>An array (also for IEnumerable/IReadOnlyList/IReadOnlyCollection targets).</summary>
    Array,

    /// <summary>A <c>List&lt;T&gt;</c> (also for IList/ICollection targets).</summary>
    List,

    /// <summary>A type with a parameterless constructor and an <c>Add</c> method (HashSet, Dictionary of pairs ...).</summary>
    Added,
}

/// <summary>A generic <c>Enum</c> helper on a user enum (<c>Enum.GetValues&lt;Env&gt;()</c>), which the interpreter implements.</summary>
internal sealed record UserEnumHelperNode(int Id, string Method, string EnumType, EquatableArray<ExpressionNode> Arguments) : ExpressionNode(Id);
