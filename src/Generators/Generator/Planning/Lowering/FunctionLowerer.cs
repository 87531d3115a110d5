using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;
using Microsoft.CodeAnalysis.Text;
using StatefulManifests.Generators.Planning.Plan;

namespace StatefulManifests.Generators.Planning.Lowering;

/// <summary>
/// Lowers one member of the user's code — its IOperation tree — into <see cref="FunctionPlan"/>s: the member itself
/// and the lambdas and local functions inside it. It checks every node against the evaluable subset of C# and
/// collects every unsupported node (not just the first) with its exact location. It never executes anything. The
/// shapes live in partial files: statements, expressions, operators, references (variables, fields, properties),
/// calls, objects (creation, collections, tuples, <c>with</c>), patterns, lambdas, and member bodies.
/// </summary>
internal sealed partial class FunctionLowerer
{
    /// <summary>Node budget per member: a larger one is refused rather than slowing the IDE.</summary>
    internal const int MaxNodes = 50_000;

    /// <summary>Nesting budget: keeps lowering and execution far from the end of the compiler thread's stack.</summary>
    internal const int MaxDepth = 200;

    private readonly Compilation compilation;
    private readonly CancellationToken cancellationToken;
    private readonly Dictionary<SyntaxTree, SemanticModel> models = [];
    private readonly List<FunctionPlan> functions = [];
    private readonly Dictionary<string, ImmutableArray<SourceSpan>> locations = new(StringComparer.Ordinal);
    private readonly List<PlanFailure> failures = [];
    private readonly HashSet<string> callees = new(StringComparer.Ordinal);
    private readonly HashSet<string> types = new(StringComparer.Ordinal);
    private readonly HashSet<SyntaxTree> trees = [];
    private FunctionState state = null!;
    private int nodeCount;
    private int depth;
    private bool reportedBudget;

    private FunctionLowerer(Compilation compilation, CancellationToken cancellationToken)
    {
        this.compilation = compilation;
        this.cancellationToken = cancellationToken;
    }

    /// <summary>Lowers <paramref name="member"/> (a method, accessor, constructor, or a field/property with an initializer).</summary>
    public static LoweredUnit Lower(ISymbol member, Compilation compilation, CancellationToken cancellationToken)
    {
        var lowerer = new FunctionLowerer(compilation, cancellationToken);
        var key = FunctionKeys.Of(member);
        lowerer.LowerMember(member, key);
        var ordered = lowerer.failures
            .OrderBy(f => f.Tree.FilePath, StringComparer.Ordinal)
            .ThenBy(f => f.Span.Start)
            .ToImmutableArray();
        return new LoweredUnit(
            key,
            lowerer.functions.ToImmutableArray(),
            lowerer.locations.ToImmutableDictionary(StringComparer.Ordinal),
            ordered,
            lowerer.callees.OrderBy(c => c, StringComparer.Ordinal).ToImmutableArray(),
            lowerer.types.OrderBy(c => c, StringComparer.Ordinal).ToImmutableArray(),
            lowerer.dispatchKeys.OrderBy(c => c, StringComparer.Ordinal).ToImmutableArray(),
            lowerer.trees.ToImmutableArray());
    }

    /// <summary>The function being lowered: its key, the spans of its nodes so far, its innermost frame scope.</summary>
    private sealed class FunctionState(string key, string displayName, FrameScope scope, FunctionState? parent)
    {
        public string Key { get; } = key;

        public string DisplayName { get; } = displayName;

        public List<SourceSpan> Spans { get; } = [];

        public FrameScope Scope { get; set; } = scope;

        public FunctionState? Parent { get; } = parent;

        /// <summary>How many loops enclose the current node within this function (blocks in loops get fresh frames).</summary>
        public int LoopDepth { get; set; }

        public bool IsIterator { get; set; }

        public int NestedCount { get; set; }
    }

    /// <summary>Lowers a function body in a new <see cref="FunctionState"/>, then records the finished plan.</summary>
    private FunctionPlan LowerFunction(string key, string displayName, IEnumerable<IParameterSymbol> parameters, bool hasThis, bool isIterator, Func<BlockNode> body)
    {
        var outer = state;
        var scope = new FrameScope(outer?.Scope, isFunction: true, hasThis);
        state = new FunctionState(key, displayName, scope, outer) { IsIterator = isIterator };
        try
        {
            var parameterCount = 0;
            foreach (var parameter in parameters)
            {
                scope.Declare(parameter);
                parameterCount++;
            }

            var block = body();
            var plan = new FunctionPlan(key, displayName, parameterCount, scope.Size, isIterator, block);
            functions.Add(plan);
            locations[key] = state.Spans.ToImmutableArray();
            return plan;
        }
        finally
        {
            state = outer!;
        }
    }

    /// <summary>A key for a lambda or local function nested in the current function.</summary>
    private string NestedKey(string kind) => state.Key + "#" + kind + (state.NestedCount++).ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>
    /// Allocates the next node id and remembers where the node is in source: written code, or an implicit conversion
    /// of written code (<c>RunAsUser(1000)</c> widens the literal to <c>long?</c>; the conversion is where a problem
    /// with the value is reported). Other implicit nodes, such as an omitted optional argument, have no location.
    /// </summary>
    private int NewId(IOperation? operation)
    {
        var written = operation is { IsImplicit: false } or IConversionOperation { IsImplicit: true, Operand.IsImplicit: false };
        state.Spans.Add(written ? SpanOf(operation!.Syntax) : default);
        return state.Spans.Count - 1;
    }

    /// <summary>A node id with no syntax of its own (an omitted argument, a compiler-generated step).</summary>
    private int Implicit()
    {
        state.Spans.Add(default);
        return state.Spans.Count - 1;
    }

    /// <summary>A node id located at <paramref name="syntax"/>.</summary>
    private int NewId(SyntaxNode syntax)
    {
        state.Spans.Add(SpanOf(syntax));
        return state.Spans.Count - 1;
    }

    /// <summary>
    /// Where diagnostics point: for a call in a fluent chain, just the method name and its arguments
    /// (<c>Replicas(-1)</c>), not the whole chain before it.
    /// </summary>
    internal static TextSpan DiagnosticSpan(SyntaxNode syntax) =>
        syntax is InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax access } invocation
            ? TextSpan.FromBounds(access.Name.SpanStart, invocation.Span.End)
            : syntax.Span;

    private static SourceSpan SpanOf(SyntaxNode syntax) => new(syntax.SyntaxTree, DiagnosticSpan(syntax));

    private ExpressionNode Fail(IOperation operation, string reason) => Fail(operation.Syntax, reason);

    private ExpressionNode Fail(SyntaxNode syntax, string reason)
    {
        Record(syntax, reason);
        return new ConstantNode(NewId(syntax), null, null);
    }

    private StatementNode FailStatement(SyntaxNode syntax, string reason)
    {
        Record(syntax, reason);
        return new ExpressionStatementNode(NewId(syntax), new ConstantNode(NewId(syntax), null, null));
    }

    private void Record(SyntaxNode syntax, string reason)
    {
        var text = syntax.ToString().Replace("\r", string.Empty).Replace("\n", " ");
        while (text.Contains("  "))
        {
            text = text.Replace("  ", " ");
        }

        if (text.Length > 60)
        {
            text = text.Substring(0, 57) + "...";
        }

        failures.Add(new PlanFailure(syntax.SyntaxTree, syntax.Span, text, reason));
    }

    /// <summary>Enters one level of nesting; false (after reporting once) when a budget is exceeded.</summary>
    private bool Enter(SyntaxNode syntax)
    {
        cancellationToken.ThrowIfCancellationRequested();
        if (++nodeCount <= MaxNodes && depth < MaxDepth)
        {
            depth++;
            return true;
        }

        if (!reportedBudget)
        {
            reportedBudget = true;
            Record(syntax, depth >= MaxDepth
                ? "the code nests more than " + MaxDepth + " levels deep"
                : "the member has more than " + MaxNodes + " parts");
        }

        return false;
    }

    private void Leave() => depth--;

    /// <summary>The semantic model of a tree, created once per lowering.</summary>
    private SemanticModel ModelFor(SyntaxTree tree)
    {
        if (!models.TryGetValue(tree, out var model))
        {
            model = compilation.GetSemanticModel(tree);
            models[tree] = model;
        }

        trees.Add(tree);
        return model;
    }

    /// <summary>True when <paramref name="symbol"/> is declared in the user's compilation.</summary>
    private bool IsUser(ISymbol? symbol) => TypeRefs.IsUser(symbol, compilation);

    /// <summary>Notes that the plan can create or test values of a user type (so its plan is built).</summary>
    private void UseType(ITypeSymbol? type)
    {
        if (type is INamedTypeSymbol named && IsUser(named) && !named.IsAnonymousType)
        {
            types.Add(FunctionKeys.Of(named.OriginalDefinition));
        }
    }

    /// <summary>Notes a user member the plan calls, so the program lowers it next.</summary>
    private string Call(ISymbol member)
    {
        var key = FunctionKeys.Of(member);
        callees.Add(key);
        return key;
    }

    /// <summary>The type reference of a value, or null when values of the type cannot exist at compile time.</summary>
    private TypeRef? TypeOf(ITypeSymbol? type)
    {
        var reference = TypeRefs.From(type);
        if (reference is not null)
        {
            UseType(type);
        }

        return reference;
    }

    private static string UnavailableType(ITypeSymbol? type) =>
        "values of type '" + (type?.ToDisplayString() ?? "?") + "' cannot be created at compile time (only this project's, the DSL's and the base library's types can)";
}
