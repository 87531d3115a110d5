using System.Collections.Concurrent;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using StatefulManifests.Generators.Evaluation;
using StatefulManifests.Generators.Pipeline;
using StatefulManifests.Generators.Planning.Lowering;
using StatefulManifests.Generators.Planning.Plan;
using StatefulManifests.Generators.Shared;

namespace StatefulManifests.Analyzers;

/// <summary>
/// Reports, for each <c>[StatefulWorkload]</c> declaration, what the generator's evaluation and the DSL's rule
/// catalogue find: a member that cannot be a declaration (SM0006); code the compile-time evaluator does not run, on
/// its exact node, as a note that the build evaluates it instead (SM0001); code that fails when run (SM0007) — the
/// project files it reads are the project's <c>AdditionalFiles</c>, as the generator sees them; the
/// project's environments not fitting the declaration (SM0008); a target Kubernetes version or feature gates the
/// project sets that cannot be read (SM1012, at compilation end); every finding of the catalogue (API validation,
/// reliability, security, best practice, duplicate and missing names) on the call or argument that caused it — for a
/// value passed into a helper, where the caller wrote it, with the helper's argument as an additional location;
/// enclosing types that must be partial (SM0005); and workload names declared twice (SM0002). It uses the generator's
/// evaluator and the DSL's linter; no rule is decided here.
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

            var listed = ProjectOptions.ListedEnvironments(ProjectOptions.EnvironmentsValue(start.Options.AnalyzerConfigOptionsProvider.GlobalOptions));
            var target = ProjectOptions.Target(start.Options.AnalyzerConfigOptionsProvider.GlobalOptions);
            var files = ProjectFileIndex.Create(start.Options.AdditionalFiles, start.Options.AnalyzerConfigOptionsProvider.GlobalOptions);

            // A shared member used by several workloads would report the same problem once per workload.
            var reported = new ConcurrentDictionary<(Location, string), bool>();
            var names = new WorkloadNames();
            start.RegisterSyntaxNodeAction(
                node => new DeclarationAnalysis(node, attribute, reported, names, listed, target.Target, files).Run(),
                SyntaxKind.PropertyDeclaration,
                SyntaxKind.MethodDeclaration);
            start.RegisterCompilationEndAction(end =>
            {
                names.ReportDuplicates(end.ReportDiagnostic);
                foreach (var (property, message) in target.Problems)
                {
                    end.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.InvalidTargetCluster, Location.None, property, message, target.Target));
                }
            });
        });
    }

    /// <summary>The analysis of one declaration.</summary>
    private sealed class DeclarationAnalysis(
        SyntaxNodeAnalysisContext context,
        INamedTypeSymbol attribute,
        ConcurrentDictionary<(Location, string), bool> reported,
        WorkloadNames names,
        IReadOnlyList<string> listed,
        Versions.TargetCluster target,
        ProjectFileIndex files)
    {
        private readonly IReadOnlyList<string> environments = listed.Where(ProjectOptions.IsValidEnvironment).ToList();
        private LoweredProgram? lowered;
        private Location fallback = context.Node.GetLocation();

        public void Run()
        {
            if (context.SemanticModel.GetDeclaredSymbol(context.Node, context.CancellationToken) is not { } member
                || !member.GetAttributes().Any(a => SymbolEqualityComparer.Default.Equals(a.AttributeClass, attribute)))
            {
                return;
            }

            fallback = Identifier(context.Node);
            try
            {
                ReportPartial(member);
                var form = DeclarationForm.Of(member, context.SemanticModel.Compilation, context.CancellationToken);
                if (form.Entry is null)
                {
                    var at = form.ProblemAt?.GetLocation() ?? fallback;
                    Report(DiagnosticDescriptors.NotAWorkloadDeclaration, at, [], [Quote(at) ?? member.Name, form.Problem]);
                    return;
                }

                lowered = ProgramLowerer.Lower(member, context.SemanticModel.Compilation, context.CancellationToken);
                foreach (var failure in lowered.Failures)
                {
                    Report(DiagnosticDescriptors.CannotEvaluate, failure.Location, [], [failure.Subject, failure.Reason]);
                }

                if (lowered.Succeeded && EnvironmentsFit(form, member))
                {
                    Evaluate(member, form);
                }
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                Report(DiagnosticDescriptors.CannotEvaluate, null, [], [member.Name, "the evaluator failed unexpectedly: " + e.GetType().Name + ": " + e.Message]);
            }
        }

        /// <summary>Whether the project's environments can be passed to the declaration; reports SM0008 where not.</summary>
        private bool EnvironmentsFit(DeclarationForm form, ISymbol member)
        {
            if (form.Environment == EnvironmentParameter.None)
            {
                return true;
            }

            var at = (context.Node as MethodDeclarationSyntax)?.ParameterList.GetLocation() ?? fallback;
            foreach (var invalid in listed.Where(e => !ProjectOptions.IsValidEnvironment(e)))
            {
                Report(DiagnosticDescriptors.EnvironmentMismatch, at, [], [member.Name,
                    "the environment '" + invalid + "' of " + ProjectOptions.EnvironmentsProperty + " is not a usable folder name (letters, digits, '-', '_' and '.'), so it is ignored"]);
            }

            if (environments.Count == 0)
            {
                Report(DiagnosticDescriptors.EnvironmentMismatch, at, [], [member.Name,
                    "the declaration takes an environment, but the project lists none; set the MSBuild property " + ProjectOptions.EnvironmentsProperty + " (for example dev;prod)"]);
                return false;
            }

            if (form.EnvironmentType is { } enumType)
            {
                var members = enumType.GetMembers().OfType<IFieldSymbol>().Where(f => f.IsConst).Select(f => f.Name).ToList();
                var missing = environments.Where(e => !members.Any(m => EnvironmentNames.Match(m, e))).ToList();
                if (missing.Count > 0)
                {
                    Report(DiagnosticDescriptors.EnvironmentMismatch, at, [], [member.Name,
                        "the environment" + (missing.Count > 1 ? "s " : " ") + string.Join(", ", missing.Select(m => "'" + m + "'")) + " of " + ProjectOptions.EnvironmentsProperty +
                        " match no member of " + enumType.Name + " (" + string.Join(", ", members) + "); add " + (missing.Count > 1 ? "members" : "a member") + " or rename the environment"]);
                    return false;
                }
            }

            return true;
        }

        private void Evaluate(ISymbol member, DeclarationForm form)
        {
            // An environment-free declaration is the same in every environment: evaluate it once.
            var runs = form.Environment == EnvironmentParameter.None || environments.Count == 0 ? [null] : environments.Select(e => (string?)e).ToList();
            foreach (var environment in runs)
            {
                var access = ProjectFileAccess.Direct(path => files.Read(path, context.CancellationToken));
                var evaluated = WorkloadEvaluator.Evaluate(lowered!.Plan, environment, target, access, context.CancellationToken);
                if (evaluated.Failure is { } failed)
                {
                    var at = LocationOf(failed.Node);
                    var descriptor = failed.IsLimitation ? DiagnosticDescriptors.CannotEvaluate : DiagnosticDescriptors.DeclarationThrows;
                    Report(descriptor, at, [], [Quote(at) ?? member.Name, InEnvironment(failed.Message, environment)]);
                    continue;
                }

                foreach (var workload in evaluated.Workloads)
                {
                    foreach (var problem in WorkloadProblems.Of(workload, target))
                    {
                        var (at, related) = Locations(problem.Site);
                        Report(problem.Descriptor, at, related, problem.Arguments, problem.Properties);
                    }

                    if (workload.Workload.StatefulSet.Metadata is { Name: { } name } metadata)
                    {
                        var nameAt = Locations(WorkloadProblems.NameArgument(workload)).Primary;
                        var fileName = ManifestPaths.FileName(name, DeclarationReader.FileNameOverride(AttributeOf(member)), form.Result == DeclarationResult.Sequence);
                        names.Add(new DeclaredWorkload(environment ?? string.Empty, metadata.Namespace ?? string.Empty, name, nameAt ?? fallback, fallback,
                            member.ToDisplayString(SymbolDisplayFormat.CSharpShortErrorMessageFormat), fileName));
                    }
                }
            }
        }

        private AttributeData? AttributeOf(ISymbol member) =>
            member.GetAttributes().FirstOrDefault(a => SymbolEqualityComparer.Default.Equals(a.AttributeClass, attribute));

        private static string InEnvironment(string message, string? environment) =>
            environment is null ? message : message + " (in environment '" + environment + "')";

        private (Location? Primary, IReadOnlyList<Location> Related) Locations(ProblemSite? site)
        {
            if (site is not { } known)
            {
                return (null, []);
            }

            var related = known.Related.Select(LocationOf).Where(l => l is not null).Select(l => l!).ToList();
            return (LocationOf(known.Primary), related);
        }

        private Location? LocationOf(SourceRef node) =>
            node.Function is { } function ? lowered?.LocationOf(function, node.Node) : null;

        private void Report(DiagnosticDescriptor descriptor, Location? location, IReadOnlyList<Location> related, object?[] arguments, ImmutableDictionary<string, string?>? properties = null)
        {
            var at = location ?? fallback;
            if (reported.TryAdd((at, descriptor.Id + "|" + string.Join("|", arguments)), true))
            {
                context.ReportDiagnostic(Diagnostic.Create(descriptor, at, related, FixProperties.OnlyWhereFixable(properties, at), arguments));
            }
        }

        private void ReportPartial(ISymbol member)
        {
            for (var type = member.ContainingType; type is not null; type = type.ContainingType)
            {
                var declarations = type.DeclaringSyntaxReferences.Select(r => r.GetSyntax()).OfType<TypeDeclarationSyntax>().ToList();
                if (declarations.Count > 0 && !declarations.Any(d => d.Modifiers.Any(SyntaxKind.PartialKeyword)))
                {
                    Report(DiagnosticDescriptors.NotPartial, declarations[0].Identifier.GetLocation(), [], [member.Name, type.Name, member.Name + "Manifest"]);
                }
            }
        }

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
}
