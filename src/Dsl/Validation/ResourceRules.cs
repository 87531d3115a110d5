using StatefulManifests.Model;

namespace StatefulManifests.Validation;

/// <summary>
/// Resource requirements (<c>validateResourceRequirements</c>): resource names, quantities that parse and are
/// not negative, requests not above limits (equal for resources that cannot be overcommitted: hugepages and
/// extended resources), and claims that name a pod resource claim.
/// </summary>
internal static class ResourceRules
{
    private static readonly HashSet<string> StandardResources = new(StringComparer.Ordinal)
    {
        "cpu", "memory", "ephemeral-storage", "storage", "pods", "services", "replicationcontrollers", "resourcequotas",
        "secrets", "configmaps", "persistentvolumeclaims", "services.nodeports", "services.loadbalancers",
        "requests.cpu", "requests.memory", "requests.storage", "requests.ephemeral-storage",
        "limits.cpu", "limits.memory", "limits.ephemeral-storage",
    };

    private static readonly HashSet<string> StandardContainerResources = new(StringComparer.Ordinal) { "cpu", "memory", "ephemeral-storage" };

    /// <summary>A container's <c>resources</c>.</summary>
    public static void ValidateContainer(ResourceRequirements? resources, PodContext pod, FieldPath path)
    {
        if (resources is null)
        {
            return;
        }

        Validate(resources.Limits, resources.Requests, path, pod.Errors, podLevel: false);
        ValidateClaims(resources.Claims, pod.ResourceClaimNames, path.Child("claims"), pod.Errors);
    }

    /// <summary>Pod-level <c>spec.resources</c> (PodLevelResources, on by default since v1.34).</summary>
    public static void ValidatePod(ResourceRequirements? resources, FieldPath path, ValidationErrors errors)
    {
        if (resources is null)
        {
            return;
        }

        if (resources.Claims is not null)
        {
            errors.Forbidden(path.Child("claims"), "claims may not be set for Resources at pod-level");
        }

        Validate(resources.Limits, resources.Requests, path, errors, podLevel: true);
    }

    /// <summary><c>spec.overhead</c>, validated like container limits (at <c>overhead.limits[...]</c>, as Kubernetes does).</summary>
    public static void ValidateOverhead(ValueMap<Quantity>? overhead, FieldPath path, ValidationErrors errors)
    {
        if (overhead is not null)
        {
            Validate(overhead, null, path, errors, podLevel: false);
        }
    }

    private static void Validate(ValueMap<Quantity>? limits, ValueMap<Quantity>? requests, FieldPath path, ValidationErrors errors, bool podLevel)
    {
        var limitsPath = path.Child("limits");
        var requestsPath = path.Child("requests");
        var hasCpuOrMemory = false;
        var hasHugePages = false;
        limits ??= ValueMap<Quantity>.Empty;
        foreach (var entry in limits.OrderBy(e => e.Key, StringComparer.Ordinal))
        {
            var entryPath = limitsPath.Key(entry.Key);
            ValidateName(entry.Key, entryPath, errors, podLevel);
            if (ValueRules.ValidQuantity(errors, entryPath, entry.Value))
            {
                ValidateQuantity(entry.Key, entry.Value, entryPath, errors);
            }

            hasHugePages |= IsHugePages(entry.Key);
            hasCpuOrMemory |= entry.Key is "cpu" or "memory";
        }

        foreach (var entry in (requests ?? ValueMap<Quantity>.Empty).OrderBy(e => e.Key, StringComparer.Ordinal))
        {
            var entryPath = requestsPath.Key(entry.Key);
            ValidateName(entry.Key, entryPath, errors, podLevel);
            var request = entry.Value;
            if (ValueRules.ValidQuantity(errors, entryPath, request))
            {
                ValidateQuantity(entry.Key, request, entryPath, errors);
            }

            var overcommit = IsNative(entry.Key) && !IsHugePages(entry.Key);
            if (limits.TryGetValue(entry.Key, out var limit))
            {
                // Kubernetes reports these at resources.requests, without the resource name.
                if (request.IsValid && limit.IsValid && !overcommit && request != limit)
                {
                    errors.Invalid(requestsPath, request.ToString(), "must be equal to " + entry.Key + " limit of " + limit);
                }
                else if (request.IsValid && limit.IsValid && request > limit)
                {
                    errors.Invalid(requestsPath, request.ToString(), "must be less than or equal to " + entry.Key + " limit of " + limit);
                }
            }
            else if (!overcommit)
            {
                errors.Required(limitsPath, "Limit must be set for non overcommitable resources");
            }

            hasHugePages |= IsHugePages(entry.Key);
            hasCpuOrMemory |= entry.Key is "cpu" or "memory";
        }

        if (hasHugePages && !hasCpuOrMemory)
        {
            errors.Forbidden(path, "HugePages require cpu or memory");
        }
    }

    private static void ValidateName(string name, FieldPath path, ValidationErrors errors, bool podLevel)
    {
        var qualified = NameRules.IsQualifiedName(name);
        errors.Invalid(path, name, qualified);
        var unprefixed = name.IndexOf('/') < 0;
        if (qualified.Count == 0 && unprefixed && !StandardResources.Contains(name) && !IsHugePages(name) && !name.StartsWith("requests.hugepages-", StringComparison.Ordinal))
        {
            errors.Invalid(path, name, "must be a standard resource type or fully qualified");
        }

        if (podLevel)
        {
            if (name is not ("cpu" or "memory") && !IsHugePages(name))
            {
                errors.NotSupported(path, name, ["cpu", "hugepages-", "memory"]);
            }
        }
        else if (unprefixed)
        {
            if (!StandardContainerResources.Contains(name) && !IsHugePages(name))
            {
                errors.Invalid(path, name, "must be a standard resource for containers");
            }
        }
        else if (!IsNative(name) && !IsExtended(name))
        {
            errors.Invalid(path, name, "doesn't follow extended resource name standard");
        }
    }

    private static void ValidateQuantity(string name, Quantity quantity, FieldPath path, ValidationErrors errors)
    {
        if (quantity.Value < 0)
        {
            errors.Invalid(path, quantity.ToString(), ValueRules.NegativeMessage);
        }

        if (IsExtended(name) && decimal.Truncate(quantity.Value) != quantity.Value)
        {
            errors.Invalid(path, quantity, "must be an integer");
        }

        if (IsHugePages(name) && !HugePageValueDivisible(name, quantity))
        {
            errors.Invalid(path, quantity.ToString(), quantity + " is not positive integer multiple of " + name);
        }
    }

    private static void ValidateClaims(ValueList<ResourceClaim>? claims, IReadOnlyCollection<string> podClaimNames, FieldPath path, ValidationErrors errors)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var list = claims ?? ValueList<ResourceClaim>.Empty;
        for (var i = 0; i < list.Count; i++)
        {
            var claim = list[i] ?? new ResourceClaim();
            var name = claim.Name ?? string.Empty;
            if (name.Length == 0)
            {
                errors.Required(path.Index(i));
                continue;
            }

            if (seen.Contains(name))
            {
                // Every request of that claim is already referenced.
                errors.Duplicate(path.Index(i), name);
            }
            else
            {
                var key = name;
                if (!string.IsNullOrEmpty(claim.Request))
                {
                    errors.Invalid(path.Index(i).Child("request"), claim.Request, NameRules.IsDns1123Label(claim.Request!));
                    key += "/" + claim.Request;
                }

                if (seen.Contains(key))
                {
                    errors.Duplicate(path.Index(i), key);
                }
                else if (string.IsNullOrEmpty(claim.Request) && seen.Any(k => k.StartsWith(name + "/", StringComparison.Ordinal)))
                {
                    // The whole claim overlaps a request of it referenced before.
                    errors.Duplicate(path.Index(i), name);
                }

                seen.Add(key);
            }

            if (!podClaimNames.Contains(name))
            {
                var known = podClaimNames.OrderBy(n => n, StringComparer.Ordinal).ToArray();
                errors.NotFound(
                    path.Index(i),
                    name,
                    "must be one of the names in pod.spec.resourceClaims" + (known.Length == 0 ? " which is empty" : ": " + string.Join(", ", known)));
            }
        }
    }

    private static bool IsHugePages(string name) => name.StartsWith("hugepages-", StringComparison.Ordinal);

    /// <summary>Native resources have no domain or a kubernetes.io one.</summary>
    private static bool IsNative(string name) => name.IndexOf('/') < 0 || name.IndexOf("kubernetes.io/", StringComparison.Ordinal) >= 0;

    /// <summary>Extended resources: a foreign domain, and <c>requests.&lt;name&gt;</c> still a qualified name.</summary>
    private static bool IsExtended(string name) =>
        !IsNative(name) && !name.StartsWith("requests.", StringComparison.Ordinal) && NameRules.IsQualifiedName("requests." + name).Count == 0;

    private static bool HugePageValueDivisible(string name, Quantity quantity)
    {
        var pageSize = Quantity.FromText(name.Substring("hugepages-".Length));
        if (!pageSize.IsValid || pageSize.Value <= 0 || decimal.Truncate(pageSize.Value) != pageSize.Value)
        {
            return false;
        }

        return decimal.Ceiling(quantity.Value) % pageSize.Value == 0;
    }
}
