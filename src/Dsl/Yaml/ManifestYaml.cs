using StatefulManifests.Model;
using StatefulManifests.Validation;

namespace StatefulManifests.Yaml;

/// <summary>The outcome of reading a manifest: every document read, and every problem found on the way.</summary>
/// <param name="Documents">The documents, in stream order.</param>
/// <param name="Errors">Syntax, shape and unknown-field errors, each with its field path and line/column.</param>
public sealed record ManifestReadResult(IReadOnlyList<IKubernetesObject> Documents, IReadOnlyList<FieldError> Errors)
{
    /// <summary>The StatefulSets among the documents.</summary>
    public IEnumerable<StatefulSet> StatefulSets => Documents.OfType<StatefulSet>();

    /// <summary>The Services among the documents.</summary>
    public IEnumerable<Service> Services => Documents.OfType<Service>();

    /// <summary>The PodDisruptionBudgets among the documents.</summary>
    public IEnumerable<PodDisruptionBudget> PodDisruptionBudgets => Documents.OfType<PodDisruptionBudget>();
}

/// <summary>
/// Reads and writes Kubernetes manifests. Output is deterministic (same model, same bytes, in any culture):
/// keys in conventional order (apiVersion, kind, metadata, spec, status; name first), maps sorted by key,
/// strings quoted wherever a YAML 1.1 or 1.2 reader would take them for something else.
/// </summary>
public static partial class ManifestYaml
{
    /// <summary>Writes objects as one multi-document YAML stream, in the order given.</summary>
    public static string Write(IEnumerable<IKubernetesObject> objects) => YamlText.Write(objects.Select(ToNode));

    /// <summary>Writes objects as one multi-document YAML stream, in the order given.</summary>
    public static string Write(params IKubernetesObject[] objects) => Write((IEnumerable<IKubernetesObject>)objects);

    /// <summary>Reads every document of a YAML stream; never throws on bad input.</summary>
    /// <param name="yaml">The YAML text.</param>
    /// <param name="sourceName">The file name used in error positions.</param>
    public static ManifestReadResult Read(string yaml, string sourceName = "manifest.yaml")
    {
        var reader = new ModelReader(sourceName);
        var documents = new List<IKubernetesObject>();
        foreach (var node in YamlLoader.Load(yaml, sourceName, reader.Errors))
        {
            documents.Add(ReadDocument(reader, node));
        }

        return new ManifestReadResult(documents, reader.Errors);
    }

    private static IKubernetesObject ReadDocument(ModelReader reader, YNode node)
    {
        string? apiVersion = null, kind = null;
        if (node is YMapping mapping)
        {
            foreach (var entry in mapping.Entries)
            {
                if (entry.Value is YScalar scalar)
                {
                    apiVersion = entry.Key.Value == "apiVersion" ? scalar.Value : apiVersion;
                    kind = entry.Key.Value == "kind" ? scalar.Value : kind;
                }
            }
        }

        switch ((apiVersion, kind))
        {
            case ("apps/v1", "StatefulSet"):
                return reader.ReadStatefulSet(node, FieldPath.Document);
            case ("v1", "Service"):
                return reader.ReadService(node, FieldPath.Document);
            case ("policy/v1", "PodDisruptionBudget"):
                return reader.ReadPodDisruptionBudget(node, FieldPath.Document);
        }

        if (kind is "StatefulSet" or "PodDisruptionBudget" || kind is "Service" && apiVersion != "v1")
        {
            var served = kind == "StatefulSet" ? "apps/v1" : kind == "Service" ? "v1" : "policy/v1";
            reader.Error(node, FieldError.Invalid(
                FieldPath.Root("apiVersion"),
                apiVersion,
                "no longer served by Kubernetes for kind " + kind + "; use " + served));
        }

        return new UnmodelledObject(reader.RawItem(node, FieldPath.Document));
    }

    private static YNode ToNode(IKubernetesObject obj) => obj switch
    {
        StatefulSet s => ModelWriter.WriteStatefulSet(s),
        Service s => ModelWriter.WriteService(s),
        PodDisruptionBudget p => ModelWriter.WritePodDisruptionBudget(p),
        UnmodelledObject u => ModelWriter.RawNode(u.Content),
        _ => throw new ArgumentException("cannot write objects of type " + obj.GetType().Name, nameof(obj)),
    };
}
