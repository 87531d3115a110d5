using StatefulManifests.Model;

namespace StatefulManifests.Validation;

/// <summary>
/// Downward-API references (<c>fieldRef</c>, <c>resourceFieldRef</c>) shared by environment variables and
/// downwardAPI volume files, and the relative-path rules of files written into volumes.
/// </summary>
internal static class DownwardApiRules
{
    /// <summary>The pod fields an environment variable may reference.</summary>
    public static readonly IReadOnlyList<string> EnvFieldPaths =
    [
        "metadata.name", "metadata.namespace", "metadata.uid", "spec.nodeName", "spec.serviceAccountName",
        "status.hostIP", "status.hostIPs", "status.podIP", "status.podIPs",
    ];

    /// <summary>The pod fields a downwardAPI volume file may reference.</summary>
    public static readonly IReadOnlyList<string> VolumeFieldPaths =
        ["metadata.annotations", "metadata.labels", "metadata.name", "metadata.namespace", "metadata.uid"];

    // Every field label the v1 Pod's downward-API conversion knows (the allowed lists above are subsets).
    private static readonly HashSet<string> KnownFieldLabels = new(StringComparer.Ordinal)
    {
        "metadata.annotations", "metadata.labels", "metadata.name", "metadata.namespace", "metadata.uid",
        "spec.nodeName", "spec.restartPolicy", "spec.serviceAccountName", "spec.schedulerName",
        "status.phase", "status.hostIP", "status.hostIPs", "status.podIP", "status.podIPs",
    };

    private static readonly IReadOnlyList<string> ContainerResources =
        ["limits.cpu", "limits.ephemeral-storage", "limits.memory", "requests.cpu", "requests.ephemeral-storage", "requests.memory"];

    private static readonly HashSet<string> CpuDivisors = new(StringComparer.Ordinal) { "1m", "1" };

    private static readonly HashSet<string> ByteDivisors = new(StringComparer.Ordinal)
    {
        "1", "1k", "1M", "1G", "1T", "1P", "1E", "1Ki", "1Mi", "1Gi", "1Ti", "1Pi", "1Ei",
    };

    /// <summary>
    /// <c>validateObjectFieldSelector</c>: a v1 field path the pod supports and that is allowed here; subscripts
    /// (<c>metadata.labels['app']</c>) only on labels and annotations. A missing <c>apiVersion</c> defaults to v1.
    /// </summary>
    public static void ValidateFieldRef(ObjectFieldSelector selector, IReadOnlyList<string> allowed, FieldPath path, ValidationErrors errors)
    {
        var apiVersion = string.IsNullOrEmpty(selector.ApiVersion) ? "v1" : selector.ApiVersion!;
        var fieldPath = selector.FieldPath ?? string.Empty;
        if (fieldPath.Length == 0)
        {
            errors.Required(path.Child("fieldPath"));
            return;
        }

        var subscripted = SplitSubscript(fieldPath, out var field, out var subscript);
        string? conversionError = null;
        if (apiVersion != "v1")
        {
            conversionError = "unsupported pod version: " + apiVersion;
        }
        else if (subscripted && field != "metadata.annotations" && field != "metadata.labels")
        {
            conversionError = "field label does not support subscript: " + fieldPath;
        }
        else if (!subscripted && !KnownFieldLabels.Contains(fieldPath) && fieldPath != "spec.host")
        {
            conversionError = "field label not supported: " + fieldPath;
        }

        if (conversionError is not null)
        {
            errors.Invalid(path.Child("fieldPath"), fieldPath, "error converting fieldPath: " + conversionError);
            return;
        }

        if (subscripted)
        {
            var key = field == "metadata.annotations" ? subscript.ToLowerInvariant() : subscript;
            errors.Invalid(path, key, NameRules.IsQualifiedName(key));
        }
        else
        {
            var internalPath = fieldPath == "spec.host" ? "spec.nodeName" : fieldPath;
            if (!allowed.Contains(internalPath, StringComparer.Ordinal))
            {
                errors.NotSupported(path.Child("fieldPath"), internalPath, allowed.OrderBy(p => p, StringComparer.Ordinal));
            }
        }
    }

    /// <summary>
    /// <c>validateContainerResourceFieldSelector</c>: a supported resource (hugepages too) and a divisor suited to
    /// it. In a volume the container name is required.
    /// </summary>
    public static void ValidateResourceFieldRef(ResourceFieldSelector selector, bool inVolume, FieldPath path, ValidationErrors errors)
    {
        var resource = selector.Resource ?? string.Empty;
        if (inVolume && string.IsNullOrEmpty(selector.ContainerName))
        {
            errors.Required(path.Child("containerName"));
        }
        else if (resource.Length == 0)
        {
            errors.Required(path.Child("resource"));
        }
        else if (!ContainerResources.Contains(resource, StringComparer.Ordinal)
            && !resource.StartsWith("requests.hugepages-", StringComparison.Ordinal)
            && !resource.StartsWith("limits.hugepages-", StringComparison.Ordinal))
        {
            errors.NotSupported(path.Child("resource"), resource, ContainerResources);
        }

        if (!ValueRules.ValidQuantity(errors, path.Child("divisor"), selector.Divisor) || selector.Divisor!.Value.Value == 0)
        {
            return;
        }

        var divisor = selector.Divisor.Value.ToString();
        var (allowed, what) = resource switch
        {
            "limits.cpu" or "requests.cpu" => (CpuDivisors, "1m and 1 are supported with the cpu resource"),
            "limits.memory" or "requests.memory" => (ByteDivisors, "1, 1k, 1M, 1G, 1T, 1P, 1E, 1Ki, 1Mi, 1Gi, 1Ti, 1Pi, 1Ei are supported with the memory resource"),
            "limits.ephemeral-storage" or "requests.ephemeral-storage" => (ByteDivisors, "1, 1k, 1M, 1G, 1T, 1P, 1E, 1Ki, 1Mi, 1Gi, 1Ti, 1Pi, 1Ei are supported with the local ephemeral storage resource"),
            _ when resource.StartsWith("requests.hugepages-", StringComparison.Ordinal) || resource.StartsWith("limits.hugepages-", StringComparison.Ordinal)
                => (ByteDivisors, "1, 1k, 1M, 1G, 1T, 1P, 1E, 1Ki, 1Mi, 1Gi, 1Ti, 1Pi, 1Ei are supported with the hugepages resource"),
            _ => ((HashSet<string>?)null, string.Empty),
        };

        if (allowed is not null && !allowed.Contains(divisor))
        {
            errors.Invalid(path.Child("divisor"), resource, "only divisor's values " + what);
        }
    }

    /// <summary>
    /// <c>ValidateLocalNonReservedPath</c>: a relative path without <c>..</c> elements that does not start with
    /// <c>..</c> (files projected into a volume).
    /// </summary>
    public static void ValidateLocalNonReservedPath(string value, FieldPath path, ValidationErrors errors)
    {
        ValidateLocalDescendingPath(value, path, errors);
        if (value.StartsWith("..", StringComparison.Ordinal) && !value.StartsWith("../", StringComparison.Ordinal))
        {
            errors.Invalid(path, value, "must not start with '..'");
        }
    }

    /// <summary><c>validateLocalDescendingPath</c>: relative, and no <c>..</c> element.</summary>
    public static void ValidateLocalDescendingPath(string value, FieldPath path, ValidationErrors errors)
    {
        if (value.StartsWith("/", StringComparison.Ordinal))
        {
            errors.Invalid(path, value, "must be a relative path");
        }

        ValidateNoBacksteps(value, path, errors);
    }

    /// <summary><c>validatePathNoBacksteps</c>: no <c>..</c> element (one error however many there are).</summary>
    public static void ValidateNoBacksteps(string value, FieldPath path, ValidationErrors errors)
    {
        if (value.Split('/').Contains("..", StringComparer.Ordinal))
        {
            errors.Invalid(path, value, "must not contain '..'");
        }
    }

    /// <summary>A file mode in a volume: 0 to 0777.</summary>
    public static void ValidateFileMode(int? mode, FieldPath path, ValidationErrors errors)
    {
        if (mode is < 0 or > 511)
        {
            errors.Invalid(path, mode.Value, "must be a number between 0 and 0777 (octal), both inclusive");
        }
    }

    private static bool SplitSubscript(string fieldPath, out string field, out string subscript)
    {
        field = fieldPath;
        subscript = string.Empty;
        if (!fieldPath.EndsWith("']", StringComparison.Ordinal))
        {
            return false;
        }

        var trimmed = fieldPath.Substring(0, fieldPath.Length - 2);
        var open = trimmed.IndexOf("['", StringComparison.Ordinal);
        if (open <= 0)
        {
            return false;
        }

        field = trimmed.Substring(0, open);
        subscript = trimmed.Substring(open + 2);
        return true;
    }
}
