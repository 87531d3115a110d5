using StatefulManifests.Generators.Evaluation;
using StatefulManifests.Generators.Models;
using StatefulManifests.Generators.Planning.Plan;
using StatefulManifests.Generators.Shared;

namespace StatefulManifests.Generators.Emission;

/// <summary>
/// The companion class of a declaration the compiler cannot evaluate: the same names as an evaluated one, computed at
/// run time from the declaration itself (it is ordinary C#), so code that uses <c>WebManifest.PodName(0)</c> or
/// <c>WebManifest.Yaml</c> keeps compiling while the build evaluates the declaration by running it. Typed members per
/// claim template or port (<c>Claims.Www</c>) need the compile-time evaluation and are not generated here; the
/// generic <c>ClaimName(template, ordinal)</c> is.
/// </summary>
internal static class FallbackEmitter
{
    private const string Dsl = "global::StatefulManifests.";

    /// <summary>Writes the class.</summary>
    public static void Emit(SourceWriter w, DeclarationSpec spec, GeneratorOptions options)
    {
        var declaration = spec.Declaration;
        var nullable = options.SupportsNullable ? "?" : string.Empty;
        w.Summary("The manifests of <see cref=\"" + declaration.MemberName + "\"/>, computed at run time: the compiler could not evaluate the declaration (" +
            IdentityEmitter.Xml(spec.NotEvaluable ?? string.Empty) + "), so the build evaluates it by running it.");
        w.Line(DeclarationEmitter.GeneratedCode);
        w.Line(declaration.Accessibility + " static partial class " + declaration.ClassName).Open();
        var perEnvironment = spec.Form!.Environment != EnvironmentParameter.None;
        if (!perEnvironment)
        {
            EmitGroup(w, spec, declaration.MemberReference, nullable, options);
        }
        else
        {
            var classes = Identifiers.Distinct(spec.Environments, "Workload", "Yaml");
            for (var i = 0; i < spec.Environments.Count; i++)
            {
                if (EnvironmentArgument(spec.Form!, spec.Environments[i]) is not { } argument)
                {
                    continue;
                }

                w.Summary("The workloads of <see cref=\"" + declaration.MemberName + "\"/> in the <c>" + IdentityEmitter.Xml(spec.Environments[i]) + "</c> environment.");
                w.Line("public static partial class " + classes[i]).Open();
                EmitGroup(w, spec, declaration.CallFor(argument), nullable, options);
                w.Close().Line();
            }
        }

        w.Close();
    }

    /// <summary>The C# argument that evaluates the declaration for an environment (a string literal or the enum member), or null.</summary>
    public static string? EnvironmentArgument(DeclarationShape shape, string environment) => shape.Environment switch
    {
        EnvironmentParameter.String => CSharpLiteral.Of(environment),
        EnvironmentParameter.Enum => shape.EnvironmentMembers.FirstOrDefault(m => EnvironmentNames.Match(m, environment)) is { } member ? shape.EnvironmentType + "." + member : null,
        _ => null,
    };

    private static void EmitGroup(SourceWriter w, DeclarationSpec spec, string call, string nullable, GeneratorOptions options)
    {
        if (spec.Form!.Result == DeclarationResult.Sequence)
        {
            w.Line("private static global::System.Collections.Generic.IReadOnlyList<" + Dsl + "StatefulWorkload>" + nullable + " workloads;").Line();
            w.Summary("The workloads the declaration returns, built at first access (as the build evaluates them).");
            w.Line("public static global::System.Collections.Generic.IReadOnlyList<" + Dsl + "StatefulWorkload> Workloads =>");
            w.Line("    workloads ?? (workloads = global::System.Linq.Enumerable.ToList(global::System.Linq.Enumerable.Select(" + call + ", builder => builder.Build())));").Line();
            return;
        }

        w.Line("private static " + Dsl + "StatefulWorkload" + nullable + " workload;").Line();
        w.Summary("The workload, built at first access from the declaration (the build evaluates it the same way).");
        w.Line("public static " + Dsl + "StatefulWorkload Workload => workload ?? (workload = " + call + ".Build());").Line();
        w.Summary("The whole YAML stream: what the build writes (throws <c>ManifestValidationException</c> listing every error when invalid).");
        w.Line("public static string Yaml => Workload.ToYaml();").Line();
        w.Summary("The StatefulSet's name (<c>metadata.name</c>).");
        w.Line("public static string Name => Workload.Name;").Line();
        w.Summary("The governing Service (<c>spec.serviceName</c>), or null.");
        w.Line("public static string" + nullable + " ServiceName => Workload.StatefulSet.Spec" + nullable + ".ServiceName;").Line();
        w.Summary("The number of replicas (Kubernetes' default 1 when unset).");
        w.Line("public static int Replicas => Workload.StatefulSet.Spec" + nullable + ".Replicas ?? 1;").Line();
        w.Summary("The first pod ordinal (<c>spec.ordinals.start</c>; default 0).");
        w.Line("public static int OrdinalsStart => Workload.StatefulSet.Spec" + nullable + ".Ordinals" + nullable + ".Start ?? 0;").Line();
        w.Summary("The cluster DNS domain used in DNS names (MSBuild property <c>StatefulManifestsClusterDomain</c>).");
        w.Line("public const string ClusterDomain = " + CSharpLiteral.Of(options.ClusterDomain) + ";").Line();
        w.Summary("The name of the pod with <paramref name=\"ordinal\"/>.");
        w.Line("/// <param name=\"ordinal\">The pod's ordinal, at least <see cref=\"OrdinalsStart\"/>.</param>");
        IdentityEmitter.EmitPodNameBody(w);
        w.Summary("The stable DNS name of the pod with <paramref name=\"ordinal\"/>: <c>&lt;pod&gt;.&lt;service&gt;.&lt;namespace&gt;.svc.&lt;cluster-domain&gt;</c>.");
        w.Line("/// <param name=\"ordinal\">The pod's ordinal.</param>");
        w.Line("/// <param name=\"namespace\">The namespace when the manifest sets none.</param>");
        w.Line("public static string PodFqdn(int ordinal, string @namespace = \"default\") =>");
        w.Line("    " + IdentityEmitter.Names + "PodFqdn(PodName(ordinal), ServiceName" + (nullable.Length > 0 ? "!" : string.Empty) + ", Workload.StatefulSet.Metadata" + nullable + ".Namespace ?? @namespace, ClusterDomain);").Line();
        w.Summary("The PersistentVolumeClaim the controller creates from claim template <paramref name=\"template\"/> for the pod with <paramref name=\"ordinal\"/>.");
        w.Line("/// <param name=\"template\">The claim template's name.</param>");
        w.Line("/// <param name=\"ordinal\">The pod's ordinal.</param>");
        IdentityEmitter.EmitClaimNameBody(w);
        w.Summary("A reconciliation model of this workload for rollout tests.");
        w.Line("public static " + Dsl + "Reconciliation.StatefulSetSimulation Simulate(" + Dsl + "Reconciliation.SimulationOptions" + nullable + " options = null) => Workload.Simulate(options);");
    }

    /// <summary>The request the build runs: the member, and one run per environment the declaration can be called for.</summary>
    public static FallbackRequest Request(DeclarationSpec spec)
    {
        var declaration = spec.Declaration;
        var runs = new List<FallbackRun>();
        if (spec.Environments.Count == 0)
        {
            runs.Add(new FallbackRun(null, null, false));
        }
        else
        {
            foreach (var environment in spec.Environments)
            {
                switch (spec.Form!.Environment)
                {
                    case EnvironmentParameter.None:
                        runs.Add(new FallbackRun(environment, null, false));
                        break;
                    case EnvironmentParameter.String:
                        runs.Add(new FallbackRun(environment, environment, false));
                        break;
                    default:
                        if (spec.Form!.EnvironmentMembers.FirstOrDefault(m => EnvironmentNames.Match(m, environment)) is { } member)
                        {
                            runs.Add(new FallbackRun(environment, member, true));
                        }

                        break;
                }
            }
        }

        return new FallbackRequest(declaration.DisplayName, declaration.TypeMetadataName, declaration.MemberName, declaration.IsMethod,
            spec.Form!.Result == DeclarationResult.Sequence, declaration.FileNameOverride, runs);
    }
}
