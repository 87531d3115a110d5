using StatefulManifests.Model;

namespace StatefulManifests.Validation;

/// <summary>
/// Object metadata on create (apimachinery's <c>ValidateObjectMeta</c>): name or generateName, namespace, labels,
/// annotations, owner references and finalizers; plus the label and annotation map checks every object and
/// template shares.
/// </summary>
internal static class ObjectMetaRules
{
    /// <summary>The total size of all annotation keys and values (256 KiB).</summary>
    public const int TotalAnnotationSizeLimit = 256 * 1024;

    private static readonly string[] StandardFinalizers = ["kubernetes", "orphan", "foregroundDeletion"];

    /// <summary>
    /// Validates the metadata of a namespaced object.
    /// </summary>
    /// <param name="meta">The metadata (null is validated as empty).</param>
    /// <param name="nameRule">How this kind's names are checked (<see cref="NameRules.NameIsDnsLabel"/> ...).</param>
    /// <param name="path">Usually <c>metadata</c>.</param>
    /// <param name="errors">The collector.</param>
    /// <remarks>
    /// An empty namespace is not reported: a manifest's namespace is filled in by the client (kubectl's context or
    /// <c>-n</c>) before the request reaches the API server, so only a namespace that is set but malformed is wrong.
    /// A missing name is not reported when <c>generateName</c> is set: the server generates the name first.
    /// </remarks>
    public static void Validate(ObjectMeta? meta, Func<string, bool, IReadOnlyList<string>> nameRule, FieldPath path, ValidationErrors errors)
    {
        meta ??= new ObjectMeta();
        var generateName = meta.GenerateName ?? string.Empty;
        if (generateName.Length > 0)
        {
            errors.Invalid(path.Child("generateName"), generateName, nameRule(generateName, true));
        }

        var name = meta.Name ?? string.Empty;
        if (name.Length > 0)
        {
            errors.Invalid(path.Child("name"), name, nameRule(name, false));
        }
        else if (generateName.Length == 0)
        {
            errors.Required(path.Child("name"), "name or generateName is required");
        }

        if (!string.IsNullOrEmpty(meta.Namespace))
        {
            errors.Invalid(path.Child("namespace"), meta.Namespace, NameRules.NameIsDnsLabel(meta.Namespace!, false));
        }

        ValidateContent(meta, path, errors);
    }

    /// <summary>
    /// Validates the metadata of a cluster-scoped object (a PersistentVolume): as <see cref="Validate"/>, but a
    /// namespace is forbidden (<c>ValidateObjectMeta</c> with <c>requiresNamespace: false</c>).
    /// </summary>
    public static void ValidateClusterScoped(ObjectMeta? meta, Func<string, bool, IReadOnlyList<string>> nameRule, FieldPath path, ValidationErrors errors)
    {
        if (!string.IsNullOrEmpty(meta?.Namespace))
        {
            errors.Forbidden(path.Child("namespace"), "not allowed on this type");
            meta = meta! with { Namespace = null };
        }

        Validate(meta, nameRule, path, errors);
    }

    /// <summary>
    /// What an update checks of the metadata besides immutability (apimachinery's
    /// <c>ValidateObjectMetaAccessorUpdate</c>): the same content rules as on create, but not the name, which was
    /// accepted when the object was created and is never re-validated.
    /// </summary>
    public static void ValidateContent(ObjectMeta meta, FieldPath path, ValidationErrors errors)
    {
        ValueRules.NonNegative(errors, path.Child("generation"), meta.Generation);
        ValidateLabels(meta.Labels, path.Child("labels"), errors);
        ValidateAnnotations(meta.Annotations, path.Child("annotations"), errors);
        ValidateOwnerReferences(meta.OwnerReferences, path.Child("ownerReferences"), errors);
        ValidateFinalizers(meta.Finalizers, path.Child("finalizers"), errors);
    }

    /// <summary>
    /// Label keys must be qualified names and values valid label values. As in Kubernetes, errors carry the
    /// path of the whole map and the offending key or value.
    /// </summary>
    public static void ValidateLabels(IReadOnlyDictionary<string, string>? labels, FieldPath path, ValidationErrors errors)
    {
        if (labels is null)
        {
            return;
        }

        foreach (var entry in labels.OrderBy(e => e.Key, StringComparer.Ordinal))
        {
            ValidateLabelName(entry.Key, path, errors);
            var value = entry.Value ?? string.Empty;
            errors.Invalid(path, value, NameRules.IsLabelValue(value));
        }
    }

    /// <summary>A label key (or any other qualified name: selector key, topology key, toleration key).</summary>
    public static void ValidateLabelName(string? name, FieldPath path, ValidationErrors errors)
    {
        name ??= string.Empty;
        errors.Invalid(path, name, NameRules.IsLabelKey(name));
    }

    /// <summary>
    /// Annotation keys are qualified names compared case-insensitively; keys and values together may not exceed
    /// 256 KiB.
    /// </summary>
    public static void ValidateAnnotations(IReadOnlyDictionary<string, string>? annotations, FieldPath path, ValidationErrors errors)
    {
        if (annotations is null)
        {
            return;
        }

        long size = 0;
        foreach (var entry in annotations.OrderBy(e => e.Key, StringComparer.Ordinal))
        {
            errors.Invalid(path, entry.Key, NameRules.IsQualifiedName(entry.Key.ToLowerInvariant()));
            size += NameRules.ByteLength(entry.Key) + NameRules.ByteLength(entry.Value ?? string.Empty);
        }

        if (size > TotalAnnotationSizeLimit)
        {
            errors.TooLong(path, TotalAnnotationSizeLimit);
        }
    }

    private static void ValidateOwnerReferences(ValueList<OwnerReference>? references, FieldPath path, ValidationErrors errors)
    {
        if (references is null)
        {
            return;
        }

        string? firstController = null;
        foreach (var reference in references)
        {
            var r = reference ?? new OwnerReference();
            var apiVersion = r.ApiVersion ?? string.Empty;
            var version = apiVersion.Substring(apiVersion.LastIndexOf('/') + 1);

            // Kubernetes reports these at the list's path, without an index.
            if (version.Length == 0)
            {
                errors.Invalid(path.Child("apiVersion"), apiVersion, "version must not be empty");
            }

            if (string.IsNullOrEmpty(r.Kind))
            {
                errors.Invalid(path.Child("kind"), r.Kind ?? string.Empty, "must not be empty");
            }

            if (string.IsNullOrEmpty(r.Name))
            {
                errors.Invalid(path.Child("name"), r.Name ?? string.Empty, "must not be empty");
            }

            if (string.IsNullOrEmpty(r.Uid))
            {
                errors.Invalid(path.Child("uid"), r.Uid ?? string.Empty, "must not be empty");
            }

            if (apiVersion == "v1" && r.Kind == "Event")
            {
                errors.Invalid(path, "/v1, Kind=Event", "/v1, Kind=Event is disallowed from being an owner");
            }

            if (r.Controller == true)
            {
                var current = r.Kind + "/" + r.Name;
                if (firstController is null)
                {
                    firstController = current;
                }
                else
                {
                    errors.Invalid(
                        path,
                        references.Select(x => x?.Kind + "/" + x?.Name).ToValueList(),
                        "Only one reference can have Controller set to true. Found \"true\" in references for " + firstController + " and " + current);
                }
            }
        }
    }

    private static void ValidateFinalizers(ValueList<string>? finalizers, FieldPath path, ValidationErrors errors)
    {
        if (finalizers is null)
        {
            return;
        }

        for (var i = 0; i < finalizers.Count; i++)
        {
            var finalizer = finalizers[i] ?? string.Empty;
            errors.Invalid(path, finalizer, NameRules.IsQualifiedName(finalizer));

            // The core API also wants unprefixed finalizers to be one of the standard ones.
            if (finalizer.IndexOf('/') < 0 && !StandardFinalizers.Contains(finalizer, StringComparer.Ordinal))
            {
                errors.Invalid(path.Index(i), finalizer, "name is neither a standard finalizer name nor is it fully qualified");
            }
        }

        if (finalizers.Contains("orphan") && finalizers.Contains("foregroundDeletion"))
        {
            errors.Invalid(path, finalizers, "finalizer orphan and foregroundDeletion cannot be both set");
        }
    }
}
