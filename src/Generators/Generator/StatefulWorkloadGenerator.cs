using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using StatefulManifests.Generators.Baseline;
using StatefulManifests.Generators.Emission;
using StatefulManifests.Generators.Helpers;
using StatefulManifests.Generators.Models;
using StatefulManifests.Generators.Pipeline;
using StatefulManifests.Generators.Planning.Caching;

namespace StatefulManifests.Generators;

/// <summary>
/// The incremental generator for <c>[StatefulWorkload]</c> declarations. Pipeline: find the attributed members
/// (transform: lower each to an equatable plan) → evaluate changed plans by executing the DSL (a declaration
/// that reads project files again, with the texts of exactly those <c>AdditionalFiles</c>) → emit one file per
/// workload with its YAML, typed identities and model. Cached models hold only equatable data, so an edit that
/// changes no plan re-runs nothing after the transform.
/// </summary>
[Generator(LanguageNames.CSharp)]
public sealed class StatefulWorkloadGenerator : IIncrementalGenerator
{
    /// <inheritdoc />
    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        // Plans survive between runs of this generator instance; see PlanCache for when one is reused.
        var cache = new PlanCache();
        var declarations = context.SyntaxProvider
            .ForAttributeWithMetadataName(
                DeclarationReader.AttributeName,
                static (node, _) => node is PropertyDeclarationSyntax or MethodDeclarationSyntax,
                (syntax, cancellationToken) => WorkloadPipeline.ReadDeclaration(syntax, cache, cancellationToken))
            .WithTrackingName(TrackingNames.Declarations);

        var options = context.AnalyzerConfigOptionsProvider
            .Combine(context.ParseOptionsProvider)
            .Select(WorkloadPipeline.ReadOptions)
            .WithTrackingName(TrackingNames.Options);

        // Evaluation sees only the environments and the target cluster: an edit to another option re-evaluates nothing.
        var environments = options.Select(static (o, _) => new EvaluationSettings(o.Environments, o.Target));
        var evaluations = declarations
            .Combine(environments)
            .Select(WorkloadPipeline.Evaluate)
            .WithTrackingName(TrackingNames.Evaluations);

        // A declaration reading project files (ConfigMapBuilder.File) is evaluated again with their AdditionalFiles
        // texts; pairing it with only the texts it read keeps an edit to one file from re-evaluating the others.
        var projectFiles = context.AdditionalTextsProvider
            .Collect()
            .Combine(context.AnalyzerConfigOptionsProvider)
            .Select(static (input, _) => ProjectFileIndex.Create(input.Left, input.Right.GlobalOptions));
        var specs = evaluations
            .Combine(projectFiles)
            .Select(WorkloadPipeline.ReadFiles)
            .WithTrackingName(TrackingNames.FileInputs)
            .Select(WorkloadPipeline.EvaluateWithFiles)
            .WithTrackingName(TrackingNames.Specs);

        context.RegisterSourceOutput(specs.Combine(options), WorkloadPipeline.Emit);

        // The baseline check (MSBuild StatefulManifestsBaseline): each released file is read on its own step, so an edit
        // to one re-reads only it; a declaration is compared again only when its workloads or the released files change.
        var baselineFiles = context.AdditionalTextsProvider
            .Combine(context.AnalyzerConfigOptionsProvider)
            .Select(static (input, _) => (File: input.Left, RelativePath: BaselineReader.RelativePathOf(input.Left, input.Right)))
            .Where(static f => f.RelativePath is not null)
            .Select(static (f, cancellationToken) => BaselineReader.Read(f.File, f.RelativePath!, cancellationToken))
            .WithTrackingName(TrackingNames.BaselineFiles);
        context.RegisterSourceOutput(baselineFiles, BaselineDiagnostics.ReportFile);

        var baseline = baselineFiles.Collect().Select(static (files, _) => files.OrderBy(f => f.Path, StringComparer.Ordinal).ToEquatableArray());
        var compared = specs.Combine(baseline).Where(static input => input.Right.Count > 0);
        var findings = compared
            .Select(static (input, cancellationToken) => BaselineCheck.Check(input.Left, input.Right, cancellationToken))
            .Where(static f => f.Findings.Count > 0)
            .WithTrackingName(TrackingNames.BaselineFindings);
        var sites = context.SyntaxProvider
            .ForAttributeWithMetadataName(
                DeclarationReader.AttributeName,
                static (node, _) => node is PropertyDeclarationSyntax or MethodDeclarationSyntax,
                BaselineCheck.Site)
            .Collect()
            .Select(static (sites, _) => sites.ToEquatableArray());
        context.RegisterSourceOutput(findings.Combine(sites), BaselineDiagnostics.Report);

        // The rollout plan of each changed workload: its own step, so a plan is simulated again only when its
        // declaration's workloads, the released files or the target cluster change.
        var plans = compared
            .Combine(environments)
            .Select(static (input, cancellationToken) => BaselinePlan.Plan(input.Left.Left, input.Left.Right, input.Right.Target, cancellationToken))
            .Where(static p => p.Plans.Count > 0)
            .WithTrackingName(TrackingNames.BaselinePlans);
        context.RegisterSourceOutput(plans, PlanEmitter.Emit);
    }
}
