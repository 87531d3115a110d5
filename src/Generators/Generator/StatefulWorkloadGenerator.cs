using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using StatefulManifests.Generators.Pipeline;
using StatefulManifests.Generators.Planning.Caching;

namespace StatefulManifests.Generators;

/// <summary>
/// The incremental generator for <c>[StatefulWorkload]</c> declarations. Pipeline: find the attributed members
/// (transform: lower each to an equatable plan) → evaluate changed plans by executing the DSL → emit one file per
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
        var environments = options.Select(static (o, _) => (o.Environments, o.Target));
        var specs = declarations
            .Combine(environments)
            .Select(WorkloadPipeline.Evaluate)
            .WithTrackingName(TrackingNames.Specs);

        context.RegisterSourceOutput(specs.Combine(options), WorkloadPipeline.Emit);
    }
}
