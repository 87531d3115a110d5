using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;
using StatefulManifests.Generators.Planning.Plan;

namespace StatefulManifests.Generators.Planning.Lowering;

/// <summary>Why part of the code cannot be evaluated at compile time, and exactly where.</summary>
/// <param name="Tree">The file.</param>
/// <param name="Span">The node that is not supported.</param>
/// <param name="Subject">The node's source text (shortened), as messages quote it.</param>
/// <param name="Reason">What it is and what to do instead, in one clause.</param>
internal sealed record PlanFailure(SyntaxTree Tree, TextSpan Span, string Subject, string Reason)
{
    /// <summary>The node's location.</summary>
    public Location Location => Location.Create(Tree, Span);

    /// <summary>The whole message: subject and reason.</summary>
    public string Message => Subject + ": " + Reason;
}

/// <summary>A node's place in source: its file and span (a <see cref="Location"/> is made from it only when reported).</summary>
/// <param name="Tree">The file.</param>
/// <param name="Span">The span.</param>
internal readonly record struct SourceSpan(SyntaxTree Tree, TextSpan Span)
{
    /// <summary>The location.</summary>
    public Location Location => Location.Create(Tree, Span);
}

/// <summary>
/// The result of lowering one member of the user's code (a method, accessor, constructor or initializer) with the
/// lambdas and local functions inside it: the unit the plan cache keeps per version of the member's file. It names the
/// members it calls and the user types it uses by key, never by symbol, so a cached unit keeps no compilation alive.
/// </summary>
/// <param name="Key">The member's function key.</param>
/// <param name="Functions">The member's function first, then its lambdas and local functions.</param>
/// <param name="Locations">Per function key, the source span of each node id (default for nodes with no syntax of their own).</param>
/// <param name="Failures">Every unsupported shape found, in source order.</param>
/// <param name="Callees">The members it calls or reads, as documentation IDs, to lower next.</param>
/// <param name="Types">The user types whose values it can create or test, as documentation IDs.</param>
/// <param name="DispatchKeys">The virtual and interface slots it calls through (their implementations are lowered too).</param>
/// <param name="Trees">The files it was lowered from.</param>
internal sealed record LoweredUnit(
    string Key,
    ImmutableArray<FunctionPlan> Functions,
    ImmutableDictionary<string, ImmutableArray<SourceSpan>> Locations,
    ImmutableArray<PlanFailure> Failures,
    ImmutableArray<string> Callees,
    ImmutableArray<string> Types,
    ImmutableArray<string> DispatchKeys,
    ImmutableArray<SyntaxTree> Trees);

/// <summary>
/// The result of lowering a whole declaration: the equatable <see cref="WorkloadPlan"/> (the only part that may flow
/// into the generator's cached models) and, for the analyzers, the source span of every node and every failure.
/// </summary>
/// <param name="Plan">The plan; meaningful only when <see cref="Failures"/> is empty.</param>
/// <param name="Locations">Per function key, the source span of each node id.</param>
/// <param name="Failures">Every unsupported shape found in the declaration and everything it reaches.</param>
/// <param name="Dependencies">The files the plan depends on (see <see cref="Caching.PlanCache"/>).</param>
internal sealed record LoweredProgram(
    WorkloadPlan Plan,
    ImmutableDictionary<string, ImmutableArray<SourceSpan>> Locations,
    ImmutableArray<PlanFailure> Failures,
    ImmutableArray<SyntaxTree> Dependencies)
{
    /// <summary>True when the plan can be executed.</summary>
    public bool Succeeded => Failures.IsEmpty;

    /// <summary>The location of node <paramref name="node"/> of function <paramref name="function"/>, when it has one.</summary>
    public Location? LocationOf(string function, int node) =>
        Locations.TryGetValue(function, out var spans) && node >= 0 && node < spans.Length && spans[node].Tree is not null
            ? spans[node].Location
            : null;
}
