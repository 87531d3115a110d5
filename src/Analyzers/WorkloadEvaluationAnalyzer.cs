using System.Collections.Concurrent;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using StatefulManifests.Generators.Evaluation;
using StatefulManifests.Generators.Planning;

namespace StatefulManifests.Analyzers;

/// <summary>
/// Reports, for each <c>[StatefulWorkload]</c> declaration, what the generator's evaluation and the DSL's rule
/// catalogue find: every unsupported shape on its exact node (SM0001), every finding of the catalogue (API
/// validation, reliability, security, best practice, duplicate and missing names) on the call or argument that set
/// the field, enclosing types that must be partial (SM0005), and workload names declared twice in the compilation
/// (SM0002). Uses the generator's evaluator and the DSL's linter; no rule is decided here.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class WorkloadEvaluationAnalyzer : DiagnosticAnalyzer
{
    /// <inheritdoc />
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = DiagnosticDescriptors.Supported.ToImmutableArray();

    /// <inheritdoc />
    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterCompilationStartAction(start =>
        {
            if (start.Compilation.GetTypeByMetadataName("StatefulManifests.StatefulWorkloadAttribute") is not { } attribute)
            {
                return;
            }

            // A shared member used by several workloads would report the same problem once per workload.
            var reported = new ConcurrentDictionary<(Location, string), bool>();
            var names = new WorkloadNames();
            start.RegisterSyntaxNodeAction(
                node => AnalyzeDeclaration(node, attribute, reported, names),
                SyntaxKind.PropertyDeclaration,
                SyntaxKind.MethodDeclaration);
            start.RegisterCompilationEndAction(end => names.ReportDuplicates(end.ReportDiagnostic));
        });
    }

    private static void AnalyzeDeclaration(SyntaxNodeAnalysisContext context, INamedTypeSymbol attribute, ConcurrentDictionary<(Location, string), bool> reported, WorkloadNames names)
    {
        if (context.SemanticModel.GetDeclaredSymbol(context.Node, context.CancellationToken) is not { } member
            || !member.GetAttributes().Any(a => SymbolEqualityComparer.Default.Equals(a.AttributeClass, attribute)))
        {
            return;
        }

        var fallback = Identifier(context.Node);
        void Report(DiagnosticDescriptor descriptor, Location? location, object?[] arguments, ImmutableDictionary<string, string?>? properties = null)
        {
            var at = location ?? fallback;
            if (reported.TryAdd((at, descriptor.Id + "|" + string.Join("|", arguments)), true))
            {
                context.ReportDiagnostic(Diagnostic.Create(descriptor, at, FixProperties.OnlyWhereFixable(properties, at), arguments));
            }
        }

        try
        {
            ReportPartial(member, (d, l, a) => Report(d, l, a));
            var lowered = PlanBuilder.Lower(member, context.SemanticModel, recordLocations: true, context.CancellationToken);
            foreach (var failure in lowered.Failures)
            {
                Report(DiagnosticDescriptors.CannotEvaluate, failure.Location, [failure.Subject, failure.Reason]);
            }

            if (!lowered.Succeeded)
            {
                return;
            }

            var evaluated = WorkloadEvaluator.Evaluate(lowered.Root, context.CancellationToken);
            if (evaluated.Failure is { } failed)
            {
                var at = LocationOf(lowered, failed.NodeId);
                Report(DiagnosticDescriptors.CannotEvaluate, at, [Quote(at) ?? member.Name, failed.Message]);
                return;
            }

            foreach (var problem in WorkloadProblems.Of(evaluated))
            {
                Report(problem.Descriptor, problem.NodeId is { } id ? LocationOf(lowered, id) : null, problem.Arguments, problem.Properties);
            }

            if (evaluated.Workload?.StatefulSet.Metadata is { Name: { } name } metadata)
            {
                var at = WorkloadProblems.NameArgument(evaluated) is { } nameNode ? LocationOf(lowered, nameNode) : null;
                names.Add(new DeclaredWorkload(metadata.Namespace ?? string.Empty, name, at ?? fallback, fallback, member.ToDisplayString(SymbolDisplayFormat.CSharpShortErrorMessageFormat)));
            }
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            Report(DiagnosticDescriptors.CannotEvaluate, null, [member.Name, "the evaluator failed unexpectedly: " + e.GetType().Name + ": " + e.Message]);
        }
    }

    private static void ReportPartial(ISymbol member, Action<DiagnosticDescriptor, Location?, object?[]> report)
    {
        for (var type = member.ContainingType; type is not null; type = type.ContainingType)
        {
            var declarations = type.DeclaringSyntaxReferences.Select(r => r.GetSyntax()).OfType<TypeDeclarationSyntax>().ToList();
            if (declarations.Count > 0 && !declarations.Any(d => d.Modifiers.Any(SyntaxKind.PartialKeyword)))
            {
                report(DiagnosticDescriptors.NotPartial, declarations[0].Identifier.GetLocation(), [member.Name, type.Name, member.Name + "Manifest"]);
            }
        }
    }

    private static Location? LocationOf(LoweredPlan lowered, int nodeId) =>
        nodeId >= 0 && nodeId < lowered.Locations.Length ? lowered.Locations[nodeId] : null;

    private static string? Quote(Location? location)
    {
        var text = location?.SourceTree?.GetText().ToString(location.SourceSpan);
        return text is null ? null : text.Length > 60 ? text.Substring(0, 57) + "..." : text;
    }

    private static Location Identifier(SyntaxNode declaration) => declaration switch
    {
        PropertyDeclarationSyntax p => p.Identifier.GetLocation(),
        MethodDeclarationSyntax m => m.Identifier.GetLocation(),
        _ => declaration.GetLocation(),
    };
}
