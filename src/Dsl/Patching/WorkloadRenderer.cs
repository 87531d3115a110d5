using StatefulManifests.Model;
using StatefulManifests.Validation;
using StatefulManifests.Yaml;

namespace StatefulManifests;

/// <summary>
/// Renders a workload's documents to YAML trees and applies its patches, collecting every patch that fails.
/// Unpatched documents go through exactly the writer <see cref="ManifestYaml.Write(IKubernetesObject[])"/> uses,
/// so patching nothing changes no byte.
/// </summary>
internal sealed class WorkloadRenderer
{
    private readonly List<(WorkloadDocument Kind, YNode Node)> documents = [];
    private readonly StatefulWorkload workload;

    private WorkloadRenderer(StatefulWorkload workload)
    {
        this.workload = workload;
        foreach (var document in workload.Documents)
        {
            var kind = ReferenceEquals(document, workload.StatefulSet) ? WorkloadDocument.StatefulSet
                : ReferenceEquals(document, workload.Service) ? WorkloadDocument.Service
                : ReferenceEquals(document, workload.DisruptionBudget) ? WorkloadDocument.DisruptionBudget
                : WorkloadDocument.Owned;
            documents.Add((kind, ManifestYaml.ToNode(document)));
        }

        foreach (var patch in workload.Patches)
        {
            Apply(patch);
        }
    }

    /// <summary>Every patch that could not be applied.</summary>
    public List<FieldError> Errors { get; } = [];

    /// <summary>Renders and patches <paramref name="workload"/>.</summary>
    public static WorkloadRenderer Render(StatefulWorkload workload) => new(workload);

    /// <summary>
    /// The patched documents read back into the model — what the emitted YAML says, for validation, linting and
    /// simulation. Fields a patch added that the model lacks are not in it (they stay in the YAML); a value of the
    /// wrong shape (a patch writing text where a number belongs) is added to <paramref name="errors"/>.
    /// </summary>
    public StatefulWorkload ReadBack(List<FieldError> errors)
    {
        var reader = new ModelReader(workload.Name, reportUnknownFields: false);
        var statefulSet = workload.StatefulSet;
        Service? service = null;
        PodDisruptionBudget? budget = null;
        foreach (var (kind, node) in documents)
        {
            // A patch may replace a whole document with another kind of object: then there is no such companion.
            // Owned objects are not patched: they are taken as they are.
            if (kind == WorkloadDocument.Owned || !IsKind(node, kind))
            {
                continue;
            }

            var before = reader.Errors.Count;
            switch (kind)
            {
                case WorkloadDocument.StatefulSet:
                    statefulSet = reader.ReadStatefulSet(node, FieldPath.Document);
                    break;
                case WorkloadDocument.Service:
                    service = reader.ReadService(node, FieldPath.Document);
                    break;
                default:
                    budget = reader.ReadPodDisruptionBudget(node, FieldPath.Document);
                    break;
            }

            errors.AddRange(reader.Errors.Skip(before).Select(e => e with { Object = ObjectOf(kind) }));
        }

        return new StatefulWorkload(statefulSet, service, budget, ValueList<ManifestPatch>.Empty)
        {
            Declaration = workload.Declaration,
            Owned = workload.Owned,
        };
    }

    /// <summary>The patched YAML stream.</summary>
    public string ToYaml() => YamlText.Write(documents.Select(d => d.Node));

    private void Apply(ManifestPatch patch)
    {
        var index = patch.Target == WorkloadDocument.Owned ? -1 : documents.FindIndex(d => d.Kind == patch.Target);
        if (index < 0)
        {
            Errors.Add(new FieldError(
                FieldErrorType.NotFound,
                JsonPointer.ToFieldPath(patch.Path),
                patch.Path,
                "json patch: the workload renders no " + patch.Target + " to patch") { Object = ObjectOf(patch.Target) });
            return;
        }

        var patched = YNodePatcher.Apply(documents[index].Node, patch, out var error);
        documents[index] = (patch.Target, patched);
        if (error is not null)
        {
            Errors.Add(error with { Object = ObjectOf(patch.Target) });
        }
    }

    private static bool IsKind(YNode node, WorkloadDocument document) =>
        node is YMapping mapping
        && mapping.Entries.LastOrDefault(e => e.Key.Value == "kind").Value is YScalar { IsNull: false } kind
        && kind.Value == document switch
        {
            WorkloadDocument.StatefulSet => "StatefulSet",
            WorkloadDocument.Service => "Service",
            _ => "PodDisruptionBudget",
        };

    // Names the companion object an error is about the way WorkloadValidator does (Service "nginx"), so patch errors
    // map to the same document as validation errors; null for the StatefulSet, whose paths need no object.
    private string? ObjectOf(WorkloadDocument target)
    {
        var (kind, name) = target switch
        {
            WorkloadDocument.Service => ("Service", workload.Service?.Metadata?.Name),
            WorkloadDocument.DisruptionBudget => ("PodDisruptionBudget", workload.DisruptionBudget?.Metadata?.Name),
            _ => (null, null),
        };
        return kind is null ? null : string.IsNullOrEmpty(name) ? kind : kind + " \"" + name + "\"";
    }
}
