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

    /// <summary>
    /// The first evaluation: runs only when a declaration's plan (or the project's environments or target cluster)
    /// changed. It sees no project file; a declaration that reads one is finished by <see cref="EvaluateWithFiles"/>.
    /// </summary>
    public static FirstEvaluation Evaluate((WorkloadDeclaration Declaration, EvaluationSettings Settings) input, CancellationToken cancellationToken)
    {
        var (declaration, settings) = input;
        var files = ProjectFileAccess.Recording();
        var spec = EvaluateAll(declaration, settings, files, cancellationToken);
        return files.Requested.Count == 0
            ? new FirstEvaluation(declaration, settings, spec, EquatableArray<string>.Empty)
            : new FirstEvaluation(declaration, settings, null, files.Requested.ToEquatableArray());
    }

    /// <summary>
    /// Pairs a first evaluation with the texts of the files it read: cheap, and re-run for every declaration when a
    /// project file changes, so that the evaluation after it re-runs only where one of its own files changed.
    /// </summary>
    public static FileEvaluationInput ReadFiles((FirstEvaluation First, ProjectFileIndex Index) input, CancellationToken cancellationToken)
    {
        var (first, index) = input;
        try
        {
            return new FileEvaluationInput(first, index.Texts(first.FilesRead, cancellationToken).ToEquatableArray());
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // A file the compiler cannot read is one the declaration does not find; the DSL reports it at the call.
            return new FileEvaluationInput(first, first.FilesRead.Select(p => new ProjectFileText(p, null)).ToEquatableArray());
        }
    }

    /// <summary>The evaluation that finishes a declaration: the first one's spec, or a second run with the texts of its files.</summary>
    public static DeclarationSpec EvaluateWithFiles(FileEvaluationInput input, CancellationToken cancellationToken)
    {
        var (first, texts) = input;
        if (first.Spec is { } finished)
        {
            return finished;
        }

        var files = ProjectFileAccess.Of(texts);
        var spec = EvaluateAll(first.Declaration, first.Settings, files, cancellationToken);
        if (files.Unknown.Count == 0)
        {
            return spec;
        }

        // Which file it reads depends on another file's text: the compiler evaluates in two rounds only, the build can.
        return spec with
        {
            NotEvaluable = "the declaration reads the project file \"" + files.Unknown[0] + "\" only once it has read " +
                string.Join(", ", first.FilesRead.Select(p => "\"" + p + "\"")) + "; the compiler cannot follow that, the build evaluates it",
            RunAtBuild = true,
            Workloads = EquatableArray<WorkloadSpec>.Empty,
        };
    }

    private static DeclarationSpec EvaluateAll(WorkloadDeclaration declaration, EvaluationSettings settings, ProjectFileAccess files, CancellationToken cancellationToken)
    {
        var (environments, target) = settings;
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
                var evaluated = WorkloadEvaluator.Evaluate(plan, argument, target, files, cancellationToken);
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
