using System.Collections.Immutable;
using Microsoft.CodeAnalysis;

namespace StatefulManifests.Generators.Planning;

/// <summary>Why part of a declaration cannot be evaluated, and exactly where.</summary>
/// <param name="Location">The node that is not supported.</param>
/// <param name="Subject">The node's source text (shortened), as messages quote it.</param>
/// <param name="Reason">What is wrong and what is supported instead.</param>
internal sealed record PlanFailure(Location Location, string Subject, string Reason)
{
    /// <summary>The whole message: subject and reason.</summary>
    public string Message => Subject + ": " + Reason;
}

/// <summary>
/// The result of lowering one declaration: the plan (equatable, cacheable) and, for the analyzers, the source
/// location of every plan node (by <see cref="PlanNode.Id"/>) and every failure. Only <see cref="Root"/> may
/// flow into the generator's cached models.
/// </summary>
/// <param name="Root">The plan; meaningful only when <see cref="Failures"/> is empty.</param>
/// <param name="Locations">Source location per node id; null for nodes with no syntax (default arguments).</param>
/// <param name="Failures">Every unsupported shape found, in source order.</param>
/// <param name="Dependencies">The syntax trees whose members the plan's value depends on (see <see cref="PlanCache"/>).</param>
internal sealed record LoweredPlan(PlanNode Root, ImmutableArray<Location?> Locations, ImmutableArray<PlanFailure> Failures, ImmutableArray<SyntaxTree> Dependencies)
{
    /// <summary>True when the plan can be executed.</summary>
    public bool Succeeded => Failures.IsEmpty;
}
