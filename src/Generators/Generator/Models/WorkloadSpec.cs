using StatefulManifests.Generators.Helpers;
using StatefulManifests.Generators.Planning.Plan;

namespace StatefulManifests.Generators.Models;

/// <summary>One YAML document of a workload's stream.</summary>
/// <param name="Kind">The document's kind (<c>Service</c>, <c>StatefulSet</c>, <c>PodDisruptionBudget</c>).</param>
/// <param name="Yaml">The document's text, exactly as it appears in the stream.</param>
internal sealed record DocumentSpec(string Kind, string Yaml);

/// <summary>An escape-hatch patch of the workload, as C# source that recreates it.</summary>
/// <param name="Target">The <c>WorkloadDocument</c> member patched.</param>
/// <param name="Operation">The <c>PatchOperation</c> member.</param>
/// <param name="Path">The JSON pointer.</param>
/// <param name="ValueExpression">A C# expression creating the patch's <c>RawValue</c>, or <c>null</c>.</param>
internal sealed record PatchSpec(string Target, string Operation, string Path, string ValueExpression);

/// <summary>A named container port.</summary>
/// <param name="Container">The container that declares it.</param>
/// <param name="Name">The port name.</param>
/// <param name="Number">The container port number.</param>
/// <param name="Protocol">TCP, UDP or SCTP.</param>
internal sealed record PortSpec(string Container, string Name, int Number, string Protocol);

/// <summary>The stable identities Kubernetes derives from a StatefulSet, as the generated code exposes them.</summary>
/// <param name="Name">The StatefulSet's name (pods are <c>&lt;name&gt;-&lt;ordinal&gt;</c>).</param>
/// <param name="Namespace">The namespace, or null when the manifest leaves it to <c>kubectl apply</c>.</param>
/// <param name="ServiceName">The governing Service (<c>spec.serviceName</c>), or null.</param>
/// <param name="Replicas">Replicas (Kubernetes' default 1 when unset).</param>
/// <param name="OrdinalsStart">The first ordinal (<c>spec.ordinals.start</c>, default 0).</param>
/// <param name="ClaimTemplates">The volume claim template names.</param>
/// <param name="Containers">The containers' names.</param>
/// <param name="InitContainers">The init containers' names.</param>
/// <param name="Ports">The named container ports.</param>
/// <param name="Owned">The names of the objects the workload owns beside the set, its Service and budget.</param>
internal sealed record IdentitySpec(
    string Name,
    string? Namespace,
    string? ServiceName,
    int Replicas,
    int OrdinalsStart,
    EquatableArray<string> ClaimTemplates,
    EquatableArray<string> Containers,
    EquatableArray<string> InitContainers,
    EquatableArray<PortSpec> Ports,
    OwnedIdentitySpec Owned);

/// <summary>
/// One workload the compile-time evaluation produced, as plain data. Equal specs produce equal source, so the output
/// step is skipped when an edit did not change the evaluated workload.
/// </summary>
/// <param name="Environment">The environment it was evaluated for, or null.</param>
/// <param name="FileName">The file the build writes the YAML to (<c>web.yaml</c>).</param>
/// <param name="IsValid">False when the workload has validation errors: the analyzers report them, the build writes no file, and the YAML is rendered unvalidated so the companion class still compiles.</param>
/// <param name="Yaml">The whole YAML stream.</param>
/// <param name="Documents">The stream's documents.</param>
/// <param name="Identity">Pod, claim, container and port names.</param>
/// <param name="ModelYaml">The unpatched documents' YAML when the workload has patches (else null: the stream is the model).</param>
/// <param name="Patches">The workload's patches.</param>
internal sealed record WorkloadSpec(
    string? Environment,
    string FileName,
    bool IsValid,
    string Yaml,
    EquatableArray<DocumentSpec> Documents,
    IdentitySpec Identity,
    string? ModelYaml,
    EquatableArray<PatchSpec> Patches)
{
    /// <summary>The path of the manifest under the output folder (<c>prod/web.yaml</c> with an environment).</summary>
    public string RelativePath => Shared.ManifestPaths.RelativePath(Environment, FileName);
}

/// <summary>
/// What the generator emits for one declaration: its workloads (one per builder and environment), or — when the
/// compiler cannot evaluate it — why, so the companion class is generated from run-time members and the build
/// evaluates the declaration by running it.
/// </summary>
/// <param name="Declaration">Where the declaration is.</param>
/// <param name="Form">How the declaration returns and takes an environment; null when the member is no valid declaration (nothing is generated).</param>
/// <param name="NotEvaluable">Why the compiler cannot evaluate it (the analyzers report where), or null.</param>
/// <param name="RunAtBuild">True when the build should evaluate it by running it (not when the compile-time evaluation showed it throws).</param>
/// <param name="Environments">The project's environments the declaration was evaluated for (empty: none).</param>
/// <param name="Workloads">The evaluated workloads.</param>
internal sealed record DeclarationSpec(
    DeclarationInfo Declaration,
    DeclarationShape? Form,
    string? NotEvaluable,
    bool RunAtBuild,
    EquatableArray<string> Environments,
    EquatableArray<WorkloadSpec> Workloads);

/// <summary>How a declaration returns and takes an environment (known even when its body cannot be evaluated).</summary>
/// <param name="Result">One builder or a sequence.</param>
/// <param name="Environment">How it takes an environment.</param>
/// <param name="EnvironmentType">The enum parameter's C# type, fully qualified, for <see cref="EnvironmentParameter.Enum"/>.</param>
/// <param name="EnvironmentMembers">That enum's member names, to call the declaration for each environment.</param>
internal sealed record DeclarationShape(DeclarationResult Result, EnvironmentParameter Environment, string? EnvironmentType, EquatableArray<string> EnvironmentMembers);

/// <summary>The generator's input from the transform step: the declaration, its form and its equatable evaluation plan.</summary>
/// <param name="Declaration">Where the workload is declared.</param>
/// <param name="Form">Its form, or null when it is not a valid workload declaration (nothing is generated).</param>
/// <param name="Plan">The plan, or null when lowering failed.</param>
/// <param name="Failure">Why there is no plan, or null.</param>
internal sealed record WorkloadDeclaration(DeclarationInfo Declaration, DeclarationShape? Form, WorkloadPlan? Plan, string? Failure);

/// <summary>Project-wide settings the generated code depends on.</summary>
/// <param name="ClusterDomain">The cluster DNS domain for pod FQDNs (MSBuild <c>StatefulManifestsClusterDomain</c>).</param>
/// <param name="SupportsNullable">Whether the project's C# version understands <c>#nullable</c>.</param>
/// <param name="Environments">The environments declarations are evaluated for (MSBuild <c>StatefulManifestsEnvironments</c>).</param>
/// <param name="Target">The cluster the manifests are checked for (MSBuild <c>StatefulManifestsKubernetesVersion</c>, <c>StatefulManifestsFeatureGates</c>).</param>
internal sealed record GeneratorOptions(string ClusterDomain, bool SupportsNullable, EquatableArray<string> Environments, Versions.TargetCluster Target)
{
    /// <summary>The default cluster domain.</summary>
    public const string DefaultClusterDomain = "cluster.local";
}
