using StatefulManifests.Generators.Helpers;

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
internal sealed record IdentitySpec(
    string Name,
    string? Namespace,
    string? ServiceName,
    int Replicas,
    int OrdinalsStart,
    EquatableArray<string> ClaimTemplates,
    EquatableArray<string> Containers,
    EquatableArray<string> InitContainers,
    EquatableArray<PortSpec> Ports);

/// <summary>
/// What the generator emits for one workload: the compile-time evaluation's result as plain data. Equal specs
/// produce equal source, so the output step is skipped when an edit did not change the evaluated workload.
/// </summary>
/// <param name="Declaration">Where the workload is declared.</param>
/// <param name="Failure">Why nothing is generated (evaluation failed; the analyzer reports where), or null.</param>
/// <param name="FileName">The file the build writes the YAML to (<c>web.yaml</c>).</param>
/// <param name="Yaml">The whole YAML stream.</param>
/// <param name="Documents">The stream's documents.</param>
/// <param name="Identity">Pod, claim, container and port names.</param>
/// <param name="ModelYaml">The unpatched documents' YAML when the workload has patches (else null: the stream is the model).</param>
/// <param name="Patches">The workload's patches.</param>
internal sealed record WorkloadSpec(
    DeclarationInfo Declaration,
    string? Failure,
    string FileName,
    string Yaml,
    EquatableArray<DocumentSpec> Documents,
    IdentitySpec? Identity,
    string? ModelYaml,
    EquatableArray<PatchSpec> Patches)
{
    /// <summary>A spec that generates nothing, for a declaration that could not be evaluated.</summary>
    public static WorkloadSpec Failed(DeclarationInfo declaration, string failure) =>
        new(declaration, failure, string.Empty, string.Empty, EquatableArray<DocumentSpec>.Empty, null, null, EquatableArray<PatchSpec>.Empty);
}

/// <summary>The generator's input from the transform step: the declaration and its equatable evaluation plan.</summary>
/// <param name="Declaration">Where the workload is declared.</param>
/// <param name="Plan">The plan, or null when lowering failed.</param>
/// <param name="Failure">Why there is no plan, or null.</param>
internal sealed record WorkloadDeclaration(DeclarationInfo Declaration, Planning.PlanNode? Plan, string? Failure);

/// <summary>Project-wide settings the generated code depends on.</summary>
/// <param name="ClusterDomain">The cluster DNS domain for pod FQDNs (MSBuild <c>StatefulManifestsClusterDomain</c>).</param>
/// <param name="SupportsNullable">Whether the project's C# version understands <c>#nullable</c>.</param>
internal sealed record GeneratorOptions(string ClusterDomain, bool SupportsNullable)
{
    /// <summary>The default cluster domain.</summary>
    public const string DefaultClusterDomain = "cluster.local";
}
