using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using StatefulManifests.Generators.Emission;
using StatefulManifests.Generators.Evaluation;
using StatefulManifests.Generators.Helpers;
using StatefulManifests.Generators.Models;
using StatefulManifests.Generators.Planning.Caching;
using StatefulManifests.Generators.Planning.Lowering;
using StatefulManifests.Generators.Planning.Plan;

namespace StatefulManifests.Generators.Pipeline;

/// <summary>
/// The generator's step functions. Each is the boundary with the compiler: it catches every exception except
/// cancellation and turns it into a failed model, so the generator never throws into the compiler.
/// </summary>
internal static class WorkloadPipeline
{
    /// <summary>The transform: cheap, and re-run for every workload on every edit, so it only lowers to a plan (cached).</summary>
    public static WorkloadDeclaration ReadDeclaration(GeneratorAttributeSyntaxContext context, PlanCache cache, CancellationToken cancellationToken)
    {
        var declaration = DeclarationReader.Read(context.TargetSymbol, context.Attributes.FirstOrDefault(), cancellationToken);
        try
        {
            var form = DeclarationForm.Of(context.TargetSymbol, context.SemanticModel.Compilation, cancellationToken);
            var shape = form.Entry is null ? null : ShapeOf(form);
            var lowered = cache.GetOrLower(context.TargetSymbol, context.TargetNode, context.SemanticModel.Compilation, cancellationToken);
            return lowered.Succeeded
                ? new WorkloadDeclaration(declaration, shape, lowered.Plan, null)
                : new WorkloadDeclaration(declaration, shape, null, lowered.Failures[0].Message);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            return new WorkloadDeclaration(declaration, null, null, "the evaluator failed: " + e.GetType().Name + ": " + e.Message);
        }
    }

    private static DeclarationShape ShapeOf(DeclarationForm form) => new(
        form.Result,
        form.Environment,
        form.EnvironmentType?.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat),
        form.EnvironmentType?.GetMembers().OfType<IFieldSymbol>().Where(f => f.IsConst).Select(f => f.Name).ToEquatableArray() ?? EquatableArray<string>.Empty);

    /// <summary>Evaluation: runs only when a declaration's plan (or the project's environments or target cluster) changed.</summary>
    public static DeclarationSpec Evaluate((WorkloadDeclaration Declaration, (EquatableArray<string> Environments, Versions.TargetCluster Target) Settings) input, CancellationToken cancellationToken)
    {
        var (declaration, (environments, target)) = input;
        var shape = declaration.Form;
        if (declaration.Plan is not { } plan || shape is null)
        {
            return new DeclarationSpec(declaration.Declaration, shape, declaration.Failure ?? "no plan", declaration.Form is not null, environments, EquatableArray<WorkloadSpec>.Empty);
        }

        try
        {
            // A declaration is evaluated once per environment the project lists (an environment-free one gives the same
            // workloads for each, written to every environment's folder), or once when the project lists none.
            var targets = environments.Count == 0 ? [null] : environments.Select(e => (string?)e).ToList();
            var workloads = new List<WorkloadSpec>();
            foreach (var environment in targets)
            {
                var argument = plan.Environment == EnvironmentParameter.None ? null : environment;
                var evaluated = WorkloadEvaluator.Evaluate(plan, argument, target, cancellationToken);
                if (evaluated.Failure is { } failure)
                {
                    return new DeclarationSpec(declaration.Declaration, shape, failure.Message, failure.IsLimitation, environments, EquatableArray<WorkloadSpec>.Empty);
                }

                workloads.AddRange(evaluated.Workloads.Select(w => WorkloadSpecFactory.Create(declaration.Declaration, shape, environment, w)));
            }

            return new DeclarationSpec(declaration.Declaration, shape, null, false, environments, workloads.ToEquatableArray());
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            return new DeclarationSpec(declaration.Declaration, shape, "the evaluator failed: " + e.GetType().Name + ": " + e.Message, declaration.Form is not null, environments, EquatableArray<WorkloadSpec>.Empty);
        }
    }

    /// <summary>The project settings the generated code depends on.</summary>
    public static GeneratorOptions ReadOptions((AnalyzerConfigOptionsProvider Config, ParseOptions Parse) input, CancellationToken cancellationToken)
    {
        _ = cancellationToken;
        var options = input.Config.GlobalOptions;
        var domain = ProjectOptions.Property(options, ProjectOptions.ClusterDomainProperty)?.Trim().Trim('.');
        var supportsNullable = input.Parse is not CSharpParseOptions csharp || csharp.LanguageVersion >= LanguageVersion.CSharp8;
        return new GeneratorOptions(
            string.IsNullOrEmpty(domain) ? GeneratorOptions.DefaultClusterDomain : domain!,
            supportsNullable,
            ProjectOptions.Environments(ProjectOptions.EnvironmentsValue(options)),
            ProjectOptions.Target(options).Target);
    }

    /// <summary>The output step: one source file per declaration.</summary>
    public static void Emit(SourceProductionContext context, (DeclarationSpec Spec, GeneratorOptions Options) input)
    {
        var (spec, options) = input;
        if (spec.Form is null)
        {
            // Not a declaration the generator can describe (the analyzers say why): no companion to generate.
            return;
        }

        string source;
        try
        {
            source = DeclarationEmitter.Emit(spec, options);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            source = "// <auto-generated/>\n#error StatefulManifests could not generate code for " + spec.Declaration.DisplayName + ": " + e.GetType().Name + " " + e.Message.Replace('\n', ' ') + "\n";
        }

        context.AddSource(spec.Declaration.HintName, source);
    }
}
