using StatefulManifests.Generators.Helpers;

namespace StatefulManifests.Generators.Planning.Plan;

/// <summary>A statement of a plan (function bodies, lambda blocks, loop bodies, initializers).</summary>
/// <param name="Id">The node's number within its function.</param>
internal abstract record StatementNode(int Id);

/// <summary>
/// A block. When it declares locals that a lambda captures, it runs in a frame of its own
/// (<paramref name="FrameSize"/> slots), created each time the block is entered, as C# gives each entry fresh variables.
/// </summary>
internal sealed record BlockNode(int Id, EquatableArray<StatementNode> Statements, int FrameSize) : StatementNode(Id);

/// <summary>An expression evaluated for its effect.</summary>
internal sealed record ExpressionStatementNode(int Id, ExpressionNode Expression) : StatementNode(Id);

/// <summary><c>return</c> (with a value, or from a void method or constructor).</summary>
internal sealed record ReturnNode(int Id, ExpressionNode? Value) : StatementNode(Id);

/// <summary><c>yield return value</c>, or <c>yield break</c> when <paramref name="Value"/> is null.</summary>
internal sealed record YieldNode(int Id, ExpressionNode? Value) : StatementNode(Id);

/// <summary><c>if</c> / <c>else</c>.</summary>
internal sealed record IfNode(int Id, ExpressionNode Condition, StatementNode Then, StatementNode? Else) : StatementNode(Id);

/// <summary><c>while</c> (<paramref name="ConditionFirst"/>) or <c>do ... while</c>.</summary>
internal sealed record WhileNode(int Id, ExpressionNode Condition, StatementNode Body, bool ConditionFirst) : StatementNode(Id);

/// <summary><c>for (before; condition; after) body</c>.</summary>
internal sealed record ForNode(int Id, EquatableArray<StatementNode> Before, ExpressionNode? Condition, EquatableArray<StatementNode> After, StatementNode Body) : StatementNode(Id);

/// <summary>
/// <c>foreach</c> over any sequence. Each item is converted to the iteration variable's type and stored in
/// <paramref name="Variable"/> (or split by <paramref name="Deconstruction"/>). When the body's lambdas capture the
/// iteration variable, each iteration runs in a fresh frame of <paramref name="FrameSize"/> slots.
/// </summary>
internal sealed record ForEachNode(int Id, ExpressionNode Collection, TargetNode? Variable, DeconstructNode? Deconstruction, TypeRef? ItemType, StatementNode Body, int FrameSize) : StatementNode(Id);

/// <summary><c>break</c>.</summary>
internal sealed record BreakNode(int Id) : StatementNode(Id);

/// <summary><c>continue</c>.</summary>
internal sealed record ContinueNode(int Id) : StatementNode(Id);

/// <summary>A switch statement: the first section with a matching label runs (a <c>break</c> leaves the switch).</summary>
internal sealed record SwitchNode(int Id, ExpressionNode Value, EquatableArray<SwitchSection> Sections) : StatementNode(Id);

/// <summary>One section of a switch statement: its labels and its statements.</summary>
internal sealed record SwitchSection(EquatableArray<SwitchLabel> Labels, EquatableArray<StatementNode> Body);

/// <summary>A case label (<c>case pattern when guard:</c>), or <c>default:</c> when <paramref name="Pattern"/> is null.</summary>
internal sealed record SwitchLabel(PatternNode? Pattern, ExpressionNode? Guard);

/// <summary>A local function: its closure over the current frame is stored in <paramref name="Slot"/> when the block is entered.</summary>
internal sealed record LocalFunctionNode(int Id, int Slot, string Function) : StatementNode(Id);

/// <summary>Stores a default value in a declared but unassigned local (so a loop re-entering a scope starts clean).</summary>
internal sealed record DeclareNode(int Id, int Slot, TypeRef? Type) : StatementNode(Id);
