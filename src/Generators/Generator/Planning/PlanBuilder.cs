using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;
using Microsoft.CodeAnalysis.Text;

namespace StatefulManifests.Generators.Planning;

/// <summary>
/// Lowers the IOperation tree of a <c>[StatefulWorkload]</c> declaration into an equatable plan, checking every
/// node against the closed set of supported shapes (see <see cref="SupportedShapes"/>). It never executes anything;
/// it collects every unsupported node (not just the first) with its exact location. The shapes live in partial
/// files: values (constants, conversions, strings, arrays, tuples), calls, lambdas, and shared members.
/// </summary>
internal sealed partial class PlanBuilder
{
    /// <summary>Node budget: a declaration larger than this is refused rather than slowing the IDE.</summary>
    internal const int MaxNodes = 20_000;

    /// <summary>Nesting budget: keeps lowering and execution far from the end of the compiler thread's stack.</summary>
    internal const int MaxDepth = 200;

    private readonly Compilation compilation;
    private readonly CancellationToken cancellationToken;
    private readonly bool recordLocations;
    private readonly List<Location?> locations = [];
    private readonly List<PlanFailure> failures = [];
    private readonly Dictionary<SyntaxTree, SemanticModel> models = [];
    private readonly Dictionary<IParameterSymbol, int> slots = new(SymbolEqualityComparer.Default);
    private readonly List<ISymbol> inProgress = [];
    private readonly HashSet<SyntaxTree> dependencies = [];
    private int nodeCount;
    private int depth;
    private int nextSlot;
    private bool reportedBudget;

    private PlanBuilder(SemanticModel model, bool recordLocations, CancellationToken cancellationToken)
    {
        compilation = model.Compilation;
        models[model.SyntaxTree] = model;
        this.recordLocations = recordLocations;
        this.cancellationToken = cancellationToken;
    }

    /// <summary>Lowers the value of a workload declaration (a static property or parameterless static method).</summary>
    /// <param name="declaration">The attributed member.</param>
    /// <param name="model">A semantic model of the member's syntax tree.</param>
    /// <param name="recordLocations">Whether to keep every node's location (analyzers); the generator needs none.</param>
    /// <param name="cancellationToken">Cancellation.</param>
    public static LoweredPlan Lower(ISymbol declaration, SemanticModel model, bool recordLocations, CancellationToken cancellationToken)
    {
        var builder = new PlanBuilder(model, recordLocations, cancellationToken);
        var root = IsBuilderType(declaration)
            ? builder.LowerMember(declaration, referenceSite: null)
            : builder.Fail(
                declaration.DeclaringSyntaxReferences.First().GetSyntax(cancellationToken) switch
                {
                    PropertyDeclarationSyntax p => p.Type,
                    MethodDeclarationSyntax m => m.ReturnType,
                    var other => other,
                },
                "a [StatefulWorkload] member must be a static property or parameterless static method of type StatefulManifests.StatefulSetBuilder");
        var ordered = builder.failures
            .OrderBy(f => f.Location.SourceTree?.FilePath, StringComparer.Ordinal)
            .ThenBy(f => f.Location.SourceSpan.Start)
            .ToImmutableArray();
        return new LoweredPlan(root, builder.locations.ToImmutableArray(), ordered, builder.dependencies.ToImmutableArray());
    }

    /// <summary>True when the member's type is the DSL's StatefulSetBuilder.</summary>
    private static bool IsBuilderType(ISymbol member)
    {
        var type = member switch
        {
            IPropertySymbol p => p.Type,
            IMethodSymbol m => m.ReturnType,
            _ => null,
        };
        return type is { Name: "StatefulSetBuilder", ContainingNamespace: { Name: "StatefulManifests", ContainingNamespace.IsGlobalNamespace: true } } && TypeRefs.IsDsl(type);
    }

    private PlanNode Lower(IOperation? operation)
    {
        cancellationToken.ThrowIfCancellationRequested();
        if (operation is null)
        {
            return new UnsupportedNode(NewId(null));
        }

        if (++nodeCount > MaxNodes || depth >= MaxDepth)
        {
            return OverBudget(operation);
        }

        depth++;
        try
        {
            return LowerShape(operation);
        }
        finally
        {
            depth--;
        }
    }

    private PlanNode LowerShape(IOperation operation)
    {
        if (operation.ConstantValue.HasValue)
        {
            return LowerConstant(operation);
        }

        return operation switch
        {
            IConversionOperation conversion => LowerConversion(conversion),
            IInvocationOperation invocation => LowerInvocation(invocation),
            IPropertyReferenceOperation property => LowerProperty(property),
            IFieldReferenceOperation field => LowerField(field),
            IDelegateCreationOperation creation => LowerDelegate(creation, creation.Target, creation.Type),
            IParameterReferenceOperation parameter => LowerParameter(parameter),
            IArrayCreationOperation array => LowerArray(array),
            ICollectionExpressionOperation collection => LowerCollection(collection),
            ITupleOperation tuple => LowerTuple(tuple),
            IInterpolatedStringOperation interpolation => LowerInterpolation(interpolation),
            IBinaryOperation { OperatorKind: BinaryOperatorKind.Add, Type.SpecialType: SpecialType.System_String } concat => LowerConcatenation(concat),
            IDefaultValueOperation defaultValue => LowerDefault(defaultValue),
            _ => Fail(operation, Describe(operation) + " is not evaluated at compile time"),
        };
    }

    /// <summary>A short description of an unsupported operation for messages.</summary>
    private static string Describe(IOperation operation) => operation switch
    {
        ILocalReferenceOperation local => "the local '" + local.Local.Name + "' is not const, so it",
        IObjectCreationOperation creation => "creating an object (new " + creation.Type?.Name + "(...))",
        IConditionalOperation => "a conditional expression (?:)",
        ISwitchExpressionOperation => "a switch expression",
        IBinaryOperation => "an operator on values that are not constants",
        IUnaryOperation => "an operator on a value that is not a constant",
        IInstanceReferenceOperation => "'this'",
        IInvalidOperation => "code that does not compile",
        IAwaitOperation => "await",
        _ => "this expression (" + operation.Kind + ")",
    };

    /// <summary>
    /// Allocates the next node id and remembers where the node is in source: written code, or an implicit conversion
    /// of written code (<c>RunAsUser(1000)</c> widens the literal to <c>long?</c>; the conversion is where a problem
    /// with the value is reported). Other implicit nodes, such as an omitted optional argument, have no location.
    /// </summary>
    private int NewId(IOperation? operation)
    {
        var written = operation is { IsImplicit: false } or IConversionOperation { IsImplicit: true, Operand.IsImplicit: false };
        locations.Add(recordLocations && written ? LocationOf(operation!.Syntax) : null);
        return locations.Count - 1;
    }

    /// <summary>
    /// The location diagnostics point at: for a call in a fluent chain, just the method name and its arguments
    /// (<c>Replicas(-1)</c>), not the whole chain before it.
    /// </summary>
    internal static Location LocationOf(SyntaxNode syntax)
    {
        if (syntax is InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax access } invocation)
        {
            return Location.Create(syntax.SyntaxTree, TextSpan.FromBounds(access.Name.SpanStart, invocation.Span.End));
        }

        return syntax.GetLocation();
    }

    private PlanNode Fail(IOperation operation, string reason) => Fail(operation.Syntax, reason);

    private PlanNode Fail(SyntaxNode syntax, string reason)
    {
        var text = syntax.ToString();
        if (text.Length > 60)
        {
            text = text.Substring(0, 57) + "...";
        }

        failures.Add(new PlanFailure(syntax.GetLocation(), text.Replace("\r", string.Empty).Replace("\n", " "), reason + ". " + SupportedShapes.Sentence.TrimEnd('.')));
        locations.Add(recordLocations ? LocationOf(syntax) : null);
        return new UnsupportedNode(locations.Count - 1);
    }

    private PlanNode OverBudget(IOperation operation)
    {
        if (reportedBudget)
        {
            return new UnsupportedNode(NewId(null));
        }

        reportedBudget = true;
        return Fail(operation, depth >= MaxDepth
            ? "the declaration nests more than " + MaxDepth + " levels deep"
            : "the declaration has more than " + MaxNodes + " parts");
    }

    /// <summary>The semantic model of a tree, created once per lowering.</summary>
    private SemanticModel ModelFor(SyntaxTree tree)
    {
        if (!models.TryGetValue(tree, out var model))
        {
            // Shared members may live in other files; the evaluator needs their bodies' operations too.
            model = compilation.GetSemanticModel(tree);
            models[tree] = model;
        }

        return model;
    }
}
