using StatefulManifests.Generators.Helpers;

namespace StatefulManifests.Generators.Planning.Plan;

/// <summary>Something a value can be stored in: the left side of an assignment, an <c>out</c> argument, a pattern variable.</summary>
/// <param name="Id">The node's number within its function.</param>
internal abstract record TargetNode(int Id);

/// <summary>A local, parameter or temporary.</summary>
internal sealed record VariableTarget(int Id, int Depth, int Slot) : TargetNode(Id);

/// <summary>A field (or auto-property storage) of a user object.</summary>
internal sealed record FieldTarget(int Id, ExpressionNode Instance, string Field) : TargetNode(Id);

/// <summary>A user property with a setter body: assigning calls <paramref name="Setter"/>.</summary>
internal sealed record UserPropertyTarget(int Id, ExpressionNode? Instance, string Setter, string? Getter) : TargetNode(Id);

/// <summary>An element of an array.</summary>
internal sealed record ArrayElementTarget(int Id, ExpressionNode Array, ExpressionNode Index) : TargetNode(Id);

/// <summary>
/// A property or indexer of a framework or DSL object (<c>list[i]</c>, <c>dictionary[key]</c>, an init-only model
/// property in an object initializer or <c>with</c>).
/// </summary>
internal sealed record ExternalPropertyTarget(int Id, ExpressionNode? Instance, EquatableArray<ExpressionNode> Arguments, MethodRef? Getter, MethodRef Setter) : TargetNode(Id);

/// <summary>A discard (<c>_</c>).</summary>
internal sealed record DiscardTarget(int Id) : TargetNode(Id);

/// <summary>A nested deconstruction target (<c>var ((a, b), c) = ...</c>).</summary>
internal sealed record DeconstructTarget(int Id, EquatableArray<TargetNode> Targets, DeconstructPlan How) : TargetNode(Id);
