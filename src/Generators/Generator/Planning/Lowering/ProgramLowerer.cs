using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using StatefulManifests.Generators.Helpers;
using StatefulManifests.Generators.Planning.Caching;
using StatefulManifests.Generators.Planning.Plan;

namespace StatefulManifests.Generators.Planning.Lowering;

/// <summary>
/// Lowers a <c>[StatefulWorkload]</c> declaration to its whole <see cref="WorkloadPlan"/>: the declaration's own
/// function, then — breadth first — every member it calls or reads, every user type it creates, and the
/// implementations of the virtual slots it calls through. Members come from the <see cref="UnitCache"/>, so a helper
/// shared by many workloads is lowered once per version of its file.
/// </summary>
internal static class ProgramLowerer
{
    /// <summary>Functions one plan may contain; beyond it the declaration is refused rather than slowing the IDE.</summary>
    internal const int MaxFunctions = 5_000;

    /// <summary>Lowers the declaration <paramref name="declaration"/>.</summary>
    public static LoweredProgram Lower(ISymbol declaration, Compilation compilation, CancellationToken cancellationToken)
    {
        var form = DeclarationForm.Of(declaration, compilation, cancellationToken);
        if (form.Entry is not { } entry)
        {
            var at = form.ProblemAt ?? declaration.DeclaringSyntaxReferences.First().GetSyntax(cancellationToken);
            var failure = new PlanFailure(at.SyntaxTree, at.Span, Shorten(at.ToString()), form.Problem ?? "not a workload declaration");
            var empty = new WorkloadPlan(string.Empty, form.Result, form.Environment, null, EquatableArray<FunctionPlan>.Empty, EquatableArray<UserTypePlan>.Empty);
            return new LoweredProgram(empty, ImmutableDictionary<string, ImmutableArray<SourceSpan>>.Empty, [failure], [at.SyntaxTree]);
        }

        var walk = new Walk(compilation, cancellationToken);
        var entryUnit = walk.Add(entry);
        if (form.EnvironmentType is { } environmentType)
        {
            walk.AddType(FunctionKeys.Of(environmentType));
        }

        walk.Run();
        var plan = new WorkloadPlan(
            entryUnit.Key,
            form.Result,
            form.Environment,
            form.EnvironmentType is null ? null : TypeRefs.UserKey(form.EnvironmentType),
            walk.Units.SelectMany(u => u.Functions).ToEquatableArray(),
            walk.Types.OrderBy(t => t.Key, StringComparer.Ordinal).ToEquatableArray());
        return new LoweredProgram(plan, walk.Locations(), walk.Failures(), walk.Units.SelectMany(u => u.Trees).Distinct().ToImmutableArray());
    }

    private static string Shorten(string text)
    {
        text = text.Replace("\r", string.Empty).Replace("\n", " ");
        return text.Length > 60 ? text.Substring(0, 57) + "..." : text;
    }

    /// <summary>The breadth-first walk over units, types and dispatch slots.</summary>
    private sealed class Walk(Compilation compilation, CancellationToken cancellationToken)
    {
        private readonly HashSet<string> seenFunctions = new(StringComparer.Ordinal);
        private readonly HashSet<string> seenTypes = new(StringComparer.Ordinal);
        private readonly HashSet<string> dispatchKeys = new(StringComparer.Ordinal);
        private readonly Queue<string> pendingFunctions = new();
        private readonly Queue<string> pendingTypes = new();
        private readonly List<PlanFailure> extraFailures = [];

        public List<LoweredUnit> Units { get; } = [];

        public List<UserTypePlan> Types { get; } = [];

        public LoweredUnit Add(ISymbol member)
        {
            seenFunctions.Add(FunctionKeys.Of(member));
            var unit = UnitCache.GetOrLower(member, compilation, cancellationToken);
            Accept(unit);
            return unit;
        }

        public void AddType(string key)
        {
            if (seenTypes.Add(key))
            {
                pendingTypes.Enqueue(key);
            }
        }

        public void Run()
        {
            while (pendingFunctions.Count > 0 || pendingTypes.Count > 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
                while (pendingTypes.Count > 0)
                {
                    AcceptType(pendingTypes.Dequeue());
                }

                if (pendingFunctions.Count == 0)
                {
                    break;
                }

                if (Units.Count >= MaxFunctions)
                {
                    extraFailures.Add(Budget());
                    return;
                }

                var key = pendingFunctions.Dequeue();
                if (FunctionKeys.Resolve(key, compilation) is { } symbol)
                {
                    Accept(UnitCache.GetOrLower(symbol, compilation, cancellationToken));
                }
            }
        }

        private PlanFailure Budget()
        {
            var tree = Units[0].Trees.First();
            return new PlanFailure(tree, default, "declaration", "the declaration reaches more than " + MaxFunctions + " functions");
        }

        private void Accept(LoweredUnit unit)
        {
            Units.Add(unit);
            foreach (var callee in unit.Callees)
            {
                if (seenFunctions.Add(callee))
                {
                    pendingFunctions.Enqueue(callee);
                }
            }

            foreach (var type in unit.Types)
            {
                AddType(type);
            }

            foreach (var key in unit.DispatchKeys)
            {
                if (dispatchKeys.Add(key))
                {
                    // A newly called slot: the types seen so far may implement it.
                    foreach (var plan in Types)
                    {
                        EnqueueImplementation(plan, key);
                    }
                }
            }
        }

        private void AcceptType(string key)
        {
            if (FunctionKeys.Resolve(key, compilation) is not INamedTypeSymbol type)
            {
                return;
            }

            var plan = UserTypes.Plan(type);
            Types.Add(plan);
            if (type.BaseType is { } baseType && TypeRefs.IsUser(baseType, compilation))
            {
                AddType(FunctionKeys.Of(baseType.OriginalDefinition));
            }

            foreach (var slot in dispatchKeys)
            {
                EnqueueImplementation(plan, slot);
            }

            foreach (var printed in plan.Printed)
            {
                // A record's ToString prints computed properties through their getters.
                if (printed.Getter is { } getter && seenFunctions.Add(getter))
                {
                    pendingFunctions.Enqueue(getter);
                }
            }
        }

        private void EnqueueImplementation(UserTypePlan plan, string slot)
        {
            foreach (var entry in plan.Dispatch)
            {
                if (entry.DispatchKey == slot && seenFunctions.Add(entry.Function))
                {
                    pendingFunctions.Enqueue(entry.Function);
                }
            }
        }

        public ImmutableDictionary<string, ImmutableArray<SourceSpan>> Locations()
        {
            var builder = ImmutableDictionary.CreateBuilder<string, ImmutableArray<SourceSpan>>(StringComparer.Ordinal);
            foreach (var unit in Units)
            {
                foreach (var pair in unit.Locations)
                {
                    builder[pair.Key] = pair.Value;
                }
            }

            return builder.ToImmutable();
        }

        public ImmutableArray<PlanFailure> Failures() =>
            Units.SelectMany(u => u.Failures).Concat(extraFailures)
                .Distinct()
                .OrderBy(f => f.Tree.FilePath, StringComparer.Ordinal)
                .ThenBy(f => f.Span.Start)
                .ToImmutableArray();
    }
}
