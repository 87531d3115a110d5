using StatefulManifests.Generators.Emission;
using StatefulManifests.Generators.Evaluation;
using StatefulManifests.Generators.Helpers;
using StatefulManifests.Generators.Models;
using StatefulManifests.Generators.Planning.Plan;
using StatefulManifests.Generators.Shared;
using StatefulManifests.Model;
using StatefulManifests.Yaml;

namespace StatefulManifests.Generators.Pipeline;

/// <summary>Turns an evaluated workload into the generator's equatable <see cref="WorkloadSpec"/>.</summary>
internal static class WorkloadSpecFactory
{
    /// <summary>
    /// The spec of one evaluated workload. An invalid one keeps its identities and an unvalidated rendering, so the
    /// companion class still compiles and code using it gets no errors of its own; the build writes no file for it.
    /// </summary>
    public static WorkloadSpec Create(DeclarationInfo declaration, DeclarationShape shape, string? environment, EvaluatedWorkload evaluated)
    {
        var workload = evaluated.Workload;
        var yaml = evaluated.Yaml ?? ManifestYaml.Write(workload.Applied().Documents);
        return new WorkloadSpec(
            environment,
            ManifestPaths.FileName(workload.Name, declaration.FileNameOverride, shape.Result == DeclarationResult.Sequence),
            evaluated.Yaml is not null,
            yaml,
            SplitDocuments(yaml),
            IdentityOf(workload),
            workload.Patches.Count == 0 ? null : ManifestYaml.Write(workload.Documents),
            workload.Patches.Select(p => new PatchSpec(p.Target.ToString(), p.Operation.ToString(), p.Path, RawValueLiteral.Of(p.Value))).ToEquatableArray());
    }

    /// <summary>The documents of a stream, split at the <c>---</c> lines the writer puts between them.</summary>
    internal static EquatableArray<DocumentSpec> SplitDocuments(string yaml)
    {
        var documents = new List<DocumentSpec>();
        var start = 0;
        while (true)
        {
            // A document ends with its last line's "\n"; the next one starts after the "---\n" line.
            var separator = yaml.IndexOf("\n---\n", start, StringComparison.Ordinal);
            var text = separator < 0 ? yaml.Substring(start) : yaml.Substring(start, separator + 1 - start);
            documents.Add(new DocumentSpec(KindOf(text), text));
            if (separator < 0)
            {
                break;
            }

            start = separator + 5;
        }

        return documents.ToEquatableArray();
    }

    private static string KindOf(string document)
    {
        foreach (var line in document.Split('\n'))
        {
            if (line.StartsWith("kind: ", StringComparison.Ordinal))
            {
                return line.Substring(6).Trim();
            }
        }

        return "Document";
    }

    private static IdentitySpec IdentityOf(StatefulWorkload workload)
    {
        var statefulSet = workload.StatefulSet;
        var spec = statefulSet.Spec;
        var pod = spec?.Template?.Spec;
        var containers = pod?.Containers ?? ValueList<Container>.Empty;
        return new IdentitySpec(
            statefulSet.Metadata?.Name ?? string.Empty,
            statefulSet.Metadata?.Namespace,
            spec?.ServiceName,
            spec?.Replicas ?? 1,
            spec?.Ordinals?.Start ?? 0,
            Names(spec?.VolumeClaimTemplates?.Select(c => c.Metadata?.Name)),
            Names(containers.Select(c => c.Name)),
            Names(pod?.InitContainers?.Select(c => c.Name)),
            containers
                .SelectMany(c => (c.Ports ?? ValueList<ContainerPort>.Empty).Select(p => (Container: c.Name ?? string.Empty, Port: p)))
                .Where(x => !string.IsNullOrEmpty(x.Port.Name) && x.Port.ContainerPortValue is not null)
                .Select(x => new PortSpec(x.Container, x.Port.Name!, x.Port.ContainerPortValue!.Value, x.Port.Protocol?.Value ?? "TCP"))
                .ToEquatableArray(),
            OwnedIdentityFactory.Create(workload));
    }

    private static EquatableArray<string> Names(IEnumerable<string?>? names) =>
        (names ?? []).Where(n => !string.IsNullOrEmpty(n)).Select(n => n!).ToEquatableArray();
}
