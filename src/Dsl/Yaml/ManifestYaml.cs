using StatefulManifests.Model;
using StatefulManifests.Validation;

namespace StatefulManifests.Yaml;

/// <summary>The outcome of reading a manifest: every document read, and every problem found on the way.</summary>
/// <param name="Documents">The documents, in stream order.</param>
/// <param name="Errors">
/// Syntax, shape, type, duplicate-key, unknown-field and API-version errors, each with its field path and line/column.
/// </param>
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
    /// <remarks>
    /// The objects need not be valid, but they must be writable: a null object, or a null list item or map value
    /// inside one (which YAML for Kubernetes cannot express), is an <see cref="ArgumentException"/> naming the
    /// object and the field path. <c>Validate()</c> reports the same as a validation error.
    /// </remarks>
    /// <exception cref="ArgumentNullException"><paramref name="objects"/> is null.</exception>
    /// <exception cref="ArgumentException">An object is null or holds a null item.</exception>
    public static string Write(IEnumerable<IKubernetesObject> objects)
    {
        if (objects is null)
        {
            throw new ArgumentNullException(nameof(objects));
        }

        var nodes = new List<YNode>();
        var index = 0;
        foreach (var obj in objects)
        {
            nodes.Add(ToWritableNode(obj, index++));
        }

        return YamlText.Write(nodes);
    }

    /// <summary>Writes objects as one multi-document YAML stream, in the order given.</summary>
    public static string Write(params IKubernetesObject[] objects) => Write((IEnumerable<IKubernetesObject>)objects);

    /// <summary>
    /// The reader's limits, each reported as an error at its position instead of followed: text over this many
    /// UTF-16 characters (files over this many bytes) is not read; also more than <see cref="MaxDocuments"/> documents,
    /// nesting deeper than 256 levels, and more than 1,000,000 nodes once aliases and merge keys are expanded.
    /// </summary>
    public const int MaxTextLength = YamlLoader.MaxTextLength;

    /// <summary>Most documents read from one stream.</summary>
    public const int MaxDocuments = YamlLoader.MaxDocuments;

    /// <summary>
    /// Reads every document of a YAML stream as kubectl reads it (YAML 1.1: <c>0755</c> is 493, <c>yes</c> is true,
    /// a duplicate key keeps its last value) and reports everything kubectl or the API server would reject, or would
    /// silently lose, with field path and position. Never throws on bad input; values of the wrong type are
    /// reported and kept as text.
    /// </summary>
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

    /// <summary>
    /// Types a document by apiVersion and kind: the workload's kinds and those a workload owns (ConfigMap,
    /// ServiceAccount, PersistentVolume(Claim), Role(Binding), NetworkPolicy, HorizontalPodAutoscaler, CronJob).
    /// StatefulSets, PodDisruptionBudgets and CronJobs of removed API versions (apps/v1beta1 and apps/v1beta2, removed
    /// in Kubernetes 1.16; policy/v1beta1 and batch/v1beta1, removed in 1.25) are read into the same model, keeping
    /// their apiVersion, and reported (autoscaling/v2beta* HPAs, whose shape differs, are reported and kept whole); documents of other kinds (including custom resources that
    /// happen to be called StatefulSet or Service in another group) are kept whole as <see cref="UnmodelledObject"/>.
    /// </summary>
    private static IKubernetesObject ReadDocument(ModelReader reader, YNode node)
    {
        if (node is not YMapping mapping)
        {
            reader.Error(node, FieldError.Invalid(FieldPath.Document, node is YSequence ? "a list" : ((YScalar)node).Value, "a manifest document must be an object"));
            return new UnmodelledObject(reader.RawItem(node, FieldPath.Document));
        }

        var apiVersion = TopLevelString(mapping, "apiVersion");
        var kind = TopLevelString(mapping, "kind");
        switch (kind, apiVersion)
        {
            case ("StatefulSet", "apps/v1"):
                return reader.ReadStatefulSet(node, FieldPath.Document);
            case ("StatefulSet", "apps/v1beta1" or "apps/v1beta2"):
                NoLongerServed(reader, mapping, apiVersion, kind, "apps/v1", "1.16");
                return reader.ReadStatefulSet(node, FieldPath.Document);
            case ("Service", "v1"):
                return reader.ReadService(node, FieldPath.Document);
            case ("PodDisruptionBudget", "policy/v1"):
                return reader.ReadPodDisruptionBudget(node, FieldPath.Document);
            case ("PodDisruptionBudget", "policy/v1beta1"):
                NoLongerServed(reader, mapping, apiVersion, kind, "policy/v1", "1.25");
                return reader.ReadPodDisruptionBudget(node, FieldPath.Document);
            case ("ConfigMap", "v1"):
                return reader.ReadConfigMap(node, FieldPath.Document);
            case ("ServiceAccount", "v1"):
                return reader.ReadServiceAccount(node, FieldPath.Document);
            case ("PersistentVolume", "v1"):
                return reader.ReadPersistentVolume(node, FieldPath.Document);
            case ("PersistentVolumeClaim", "v1"):
                return reader.ReadPersistentVolumeClaim(node, FieldPath.Document);
            case ("Role", "rbac.authorization.k8s.io/v1"):
                return reader.ReadRole(node, FieldPath.Document);
            case ("RoleBinding", "rbac.authorization.k8s.io/v1"):
                return reader.ReadRoleBinding(node, FieldPath.Document);
            case ("NetworkPolicy", "networking.k8s.io/v1"):
                return reader.ReadNetworkPolicy(node, FieldPath.Document);
            case ("HorizontalPodAutoscaler", "autoscaling/v2"):
                return reader.ReadHorizontalPodAutoscaler(node, FieldPath.Document);
            case ("HorizontalPodAutoscaler", "autoscaling/v2beta1" or "autoscaling/v2beta2"):
                NoLongerServed(reader, mapping, apiVersion, kind, "autoscaling/v2", apiVersion == "autoscaling/v2beta1" ? "1.25" : "1.26");
                return new UnmodelledObject(reader.RawItem(node, FieldPath.Document));
            case ("CronJob", "batch/v1"):
                return reader.ReadCronJob(node, FieldPath.Document);
            case ("CronJob", "batch/v1beta1"):
                NoLongerServed(reader, mapping, apiVersion, kind, "batch/v1", "1.25");
                return reader.ReadCronJob(node, FieldPath.Document);
        }

        // kubectl refuses documents without these ("apiVersion not set", "Object 'Kind' is missing").
        if (string.IsNullOrEmpty(apiVersion))
        {
            reader.Error(node, FieldError.Required(FieldPath.Root("apiVersion"), "every manifest document needs an apiVersion"));
        }

        if (string.IsNullOrEmpty(kind))
        {
            reader.Error(node, FieldError.Required(FieldPath.Root("kind"), "every manifest document needs a kind"));
        }

        return new UnmodelledObject(reader.RawItem(node, FieldPath.Document));
    }

    private static void NoLongerServed(ModelReader reader, YMapping node, string? apiVersion, string? kind, string served, string removedIn) =>
        reader.Error(node.Entries.Last(e => e.Key.Value == "apiVersion").Value, FieldError.Invalid(
            FieldPath.Root("apiVersion"),
            apiVersion,
            apiVersion + " " + kind + " is no longer served by Kubernetes (removed in " + removedIn + "); use " + served));

    private static string? TopLevelString(YMapping mapping, string key) =>
        mapping.Entries.LastOrDefault(e => e.Key.Value == key).Value is YScalar { IsNull: false } scalar ? scalar.Value : null;

    private static YNode ToWritableNode(IKubernetesObject? obj, int index)
    {
        var where = "objects[" + index.ToString(System.Globalization.CultureInfo.InvariantCulture) + "]";
        if (obj is null)
        {
            throw new ArgumentException(where + " is null: there is nothing to write", "objects");
        }

        if (obj is not UnmodelledObject && TextValueRules.FirstNullItem(obj) is { } path)
        {
            throw new ArgumentException(
                where + " (" + obj.Kind + " " + Utf16Text.EscapeLoneSurrogates(obj.Metadata?.Name ?? "<unnamed>") + "): " + path
                + ": a list item or map value is null, which YAML for Kubernetes cannot express; Validate() lists every such field",
                "objects");
        }

        return ToNode(obj);
    }

    internal static YNode ToNode(IKubernetesObject obj) => obj switch
    {
        StatefulSet s => ModelWriter.WriteStatefulSet(s),
        Service s => ModelWriter.WriteService(s),
        PodDisruptionBudget p => ModelWriter.WritePodDisruptionBudget(p),
        ConfigMap c => ModelWriter.WriteConfigMap(c),
        ServiceAccount a => ModelWriter.WriteServiceAccount(a),
        PersistentVolume v => ModelWriter.WritePersistentVolume(v),
        PersistentVolumeClaim c => ModelWriter.WritePersistentVolumeClaim(c),
        Role r => ModelWriter.WriteRole(r),
        RoleBinding b => ModelWriter.WriteRoleBinding(b),
        NetworkPolicy n => ModelWriter.WriteNetworkPolicy(n),
        HorizontalPodAutoscaler h => ModelWriter.WriteHorizontalPodAutoscaler(h),
        CronJob c => ModelWriter.WriteCronJob(c),
        UnmodelledObject u => ModelWriter.RawNode(u.Content),
        _ => throw new ArgumentException("cannot write objects of type " + obj.GetType().Name, nameof(obj)),
    };
}
