using StatefulManifests.Model;

namespace StatefulManifests.Validation;

/// <summary>
/// The pod spec of the template (<c>ValidatePodSpec</c>, applied to StatefulSet templates on create since
/// v1.34): volumes, containers, pod-level fields and scheduling. Fields the API server defaults (restartPolicy,
/// dnsPolicy, terminationGracePeriodSeconds ...) are only reported when set to something unsupported.
/// </summary>
internal static class PodSpecRules
{
    /// <summary>terminationGracePeriodSeconds when unset.</summary>
    public const long DefaultTerminationGracePeriodSeconds = 30;

    private const int MaxDnsNameservers = 3;
    private const int MaxDnsSearchPaths = 32;
    private const int MaxDnsSearchListChars = 2048;

    /// <summary>Validates a pod spec at <paramref name="path"/> (<c>spec.template.spec</c>).</summary>
    /// <param name="spec">The spec (null is validated as empty).</param>
    /// <param name="claimVolumes">The claim-template volumes the StatefulSet adds to every pod.</param>
    /// <param name="path">Where the spec is.</param>
    /// <param name="errors">The collector.</param>
    public static void Validate(PodSpec? spec, IReadOnlyList<ClaimVolume> claimVolumes, FieldPath path, ValidationErrors errors)
    {
        spec ??= new PodSpec();
        var volumes = VolumeRules.Validate(spec.Volumes, claimVolumes, path.Child("volumes"), errors);
        var claimNames = ValidateResourceClaims(spec.ResourceClaims, path.Child("resourceClaims"), errors);
        var pod = new PodContext(errors, volumes, claimNames, spec.TerminationGracePeriodSeconds ?? DefaultTerminationGracePeriodSeconds, spec.HostUsers ?? true);

        ContainerRules.ValidateContainers(spec.Containers, pod, path.Child("containers"));
        ContainerRules.ValidateInitContainers(spec.InitContainers, spec.Containers, pod, path.Child("initContainers"));
        ContainerRules.ValidateEphemeralContainers(spec, pod, path.Child("ephemeralContainers"));
        ResourceRules.ValidatePod(spec.Resources, path.Child("resources"), errors);
        ValidateHostNetworkPorts(spec, path, errors);

        ValueRules.KnownOrDefaulted(errors, path.Child("restartPolicy"), spec.RestartPolicy, ValueRules.Declared<RestartPolicy>());
        ValueRules.KnownOrDefaulted(errors, path.Child("dnsPolicy"), spec.DnsPolicy, ["ClusterFirstWithHostNet", "ClusterFirst", "Default", "None"]);
        ObjectMetaRules.ValidateLabels(spec.NodeSelector, path.Child("nodeSelector"), errors);
        SecurityContextRules.ValidatePod(spec, path.Child("securityContext"), errors);
        SchedulingRules.ValidateAffinity(spec.Affinity, path.Child("affinity"), errors);
        ValidateDnsConfig(spec, path.Child("dnsConfig"), errors);
        ValidateReadinessGates(spec.ReadinessGates, path.Child("readinessGates"), errors);
        ValidateSchedulingGates(spec.SchedulingGates, path.Child("schedulingGates"), errors);
        SchedulingRules.ValidateTopologySpreadConstraints(spec.TopologySpreadConstraints, path.Child("topologySpreadConstraints"), errors);

        if (spec.HostUsers == false)
        {
            // Kubernetes spells these paths with capitals.
            if (spec.HostPID == true)
            {
                errors.Forbidden(path.Child("HostPID"), "when `hostUsers` is false");
            }

            if (spec.HostIPC == true)
            {
                errors.Forbidden(path.Child("HostIPC"), "when `hostUsers` is false");
            }
        }

        ValidateSubdomainName(spec.ServiceAccountName, path.Child("serviceAccountName"), errors);
        ValidateSubdomainName(spec.NodeName, path.Child("nodeName"), errors);
        if (spec.ActiveDeadlineSeconds is { } deadline && (deadline < 1 || deadline > int.MaxValue))
        {
            errors.Invalid(path.Child("activeDeadlineSeconds"), deadline, NameRules.InclusiveRangeError(1, int.MaxValue));
        }

        // hostname and subdomain are not checked: the StatefulSet controller overwrites both.
        SchedulingRules.ValidateTolerations(spec.Tolerations, path.Child("tolerations"), errors);
        ValidateHostAliases(spec.HostAliases, path.Child("hostAliases"), errors);
        ValidateSubdomainName(spec.PriorityClassName, path.Child("priorityClassName"), errors);
        if (spec.RuntimeClassName is not null)
        {
            errors.Invalid(path.Child("runtimeClassName"), spec.RuntimeClassName, NameRules.NameIsDnsSubdomain(spec.RuntimeClassName, false));
        }

        ValidatePreemptionPolicy(spec.PreemptionPolicy, path.Child("preemptionPolicy"), errors);
        ResourceRules.ValidateOverhead(spec.Overhead, path.Child("overhead"), errors);
        ValidateOs(spec, path, errors);
    }

    private static IReadOnlyCollection<string> ValidateResourceClaims(ValueList<PodResourceClaim>? claims, FieldPath path, ValidationErrors errors)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        var list = claims ?? ValueList<PodResourceClaim>.Empty;
        for (var i = 0; i < list.Count; i++)
        {
            var claim = list[i] ?? new PodResourceClaim();
            var claimPath = path.Index(i);
            var name = claim.Name ?? string.Empty;
            if (name.Length == 0)
            {
                errors.Required(claimPath.Child("name"));
            }
            else if (names.Contains(name))
            {
                errors.Duplicate(claimPath.Child("name"), name);
            }
            else
            {
                errors.Invalid(claimPath.Child("name"), name, NameRules.IsDns1123Label(name));
                names.Add(name);
            }

            if (claim.ResourceClaimName is not null && claim.ResourceClaimTemplateName is not null)
            {
                errors.Invalid(claimPath, claim, "at most one of `resourceClaimName` or `resourceClaimTemplateName` may be specified");
            }

            if (claim.ResourceClaimName is null && claim.ResourceClaimTemplateName is null)
            {
                errors.Invalid(claimPath, claim, "must specify one of: `resourceClaimName`, `resourceClaimTemplateName`");
            }

            if (claim.ResourceClaimName is not null)
            {
                errors.Invalid(claimPath.Child("resourceClaimName"), claim.ResourceClaimName, NameRules.NameIsDnsSubdomain(claim.ResourceClaimName, false));
            }

            if (claim.ResourceClaimTemplateName is not null)
            {
                errors.Invalid(claimPath.Child("resourceClaimTemplateName"), claim.ResourceClaimTemplateName, NameRules.NameIsDnsSubdomain(claim.ResourceClaimTemplateName, false));
            }
        }

        return names;
    }

    private static void ValidateHostNetworkPorts(PodSpec spec, FieldPath path, ValidationErrors errors)
    {
        if (spec.HostNetwork != true)
        {
            return;
        }

        // In a template an unset hostPort is fine (it is defaulted on the pod); any other value must match.
        var containers = spec.Containers ?? ValueList<Container>.Empty;
        for (var i = 0; i < containers.Count; i++)
        {
            var ports = containers[i]?.Ports ?? ValueList<ContainerPort>.Empty;
            for (var j = 0; j < ports.Count; j++)
            {
                var hostPort = ports[j]?.HostPort ?? 0;
                if (hostPort != 0 && hostPort != (ports[j]?.ContainerPortValue ?? 0))
                {
                    errors.Invalid(path.Child("containers").Index(i).Child("ports").Index(j).Child("hostPort"), hostPort, "must match `containerPort` when `hostNetwork` is true");
                }
            }
        }
    }

    private static void ValidateDnsConfig(PodSpec spec, FieldPath path, ValidationErrors errors)
    {
        var config = spec.DnsConfig;
        if (spec.DnsPolicy?.Known == DnsPolicy.None)
        {
            if (config is null)
            {
                errors.Required(path, "must provide `dnsConfig` when `dnsPolicy` is None");
                return;
            }

            if ((config.Nameservers?.Count ?? 0) == 0)
            {
                errors.Required(path.Child("nameservers"), "must provide at least one DNS nameserver when `dnsPolicy` is None");
                return;
            }
        }

        if (config is null)
        {
            return;
        }

        var nameservers = config.Nameservers ?? ValueList<string>.Empty;
        if (nameservers.Count > MaxDnsNameservers)
        {
            errors.Invalid(path.Child("nameservers"), nameservers, "must not have more than 3 nameservers");
        }

        for (var i = 0; i < nameservers.Count; i++)
        {
            errors.Invalid(path.Child("nameservers").Index(i), nameservers[i] ?? string.Empty, NameRules.IsIPAddress(nameservers[i] ?? string.Empty));
        }

        var searches = config.Searches ?? ValueList<string>.Empty;
        if (searches.Count > MaxDnsSearchPaths)
        {
            errors.Invalid(path.Child("searches"), searches, "must not have more than 32 search paths");
        }

        if (string.Join(" ", searches).Length > MaxDnsSearchListChars)
        {
            errors.Invalid(path.Child("searches"), searches, "must not have more than 2048 characters (including spaces) in the search list");
        }

        for (var i = 0; i < searches.Count; i++)
        {
            // Relaxed DNS search validation (GA in v1.34): "." alone is allowed, underscores are allowed.
            var search = searches[i] ?? string.Empty;
            if (search != ".")
            {
                search = search.EndsWith(".", StringComparison.Ordinal) ? search.Substring(0, search.Length - 1) : search;
                errors.Invalid(path.Child("searches").Index(i), search, NameRules.IsDns1123SubdomainWithUnderscore(search));
            }
        }

        var options = config.Options ?? ValueList<PodDNSConfigOption>.Empty;
        for (var i = 0; i < options.Count; i++)
        {
            if (string.IsNullOrEmpty(options[i]?.Name))
            {
                errors.Required(path.Child("options").Index(i), "must not be empty");
            }
        }
    }

    private static void ValidateReadinessGates(ValueList<PodReadinessGate>? gates, FieldPath path, ValidationErrors errors)
    {
        var list = gates ?? ValueList<PodReadinessGate>.Empty;
        for (var i = 0; i < list.Count; i++)
        {
            var condition = list[i]?.ConditionType ?? string.Empty;
            errors.Invalid(path.Index(i).Child("conditionType"), condition, NameRules.IsQualifiedName(condition));
        }
    }

    private static void ValidateSchedulingGates(ValueList<PodSchedulingGate>? gates, FieldPath path, ValidationErrors errors)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var list = gates ?? ValueList<PodSchedulingGate>.Empty;
        for (var i = 0; i < list.Count; i++)
        {
            var name = list[i]?.Name ?? string.Empty;
            errors.Invalid(path.Index(i), name, NameRules.IsQualifiedName(name));
            if (!seen.Add(name))
            {
                errors.Duplicate(path.Index(i), name);
            }
        }
    }

    private static void ValidateHostAliases(ValueList<HostAlias>? aliases, FieldPath path, ValidationErrors errors)
    {
        var list = aliases ?? ValueList<HostAlias>.Empty;
        for (var i = 0; i < list.Count; i++)
        {
            var alias = list[i] ?? new HostAlias();
            var ip = alias.Ip ?? string.Empty;
            errors.Invalid(path.Index(i).Child("ip"), ip, NameRules.IsIPAddress(ip));
            var hostnames = alias.Hostnames ?? ValueList<string>.Empty;
            for (var j = 0; j < hostnames.Count; j++)
            {
                var hostname = hostnames[j] ?? string.Empty;
                errors.Invalid(path.Index(i).Child("hostnames").Index(j), hostname, NameRules.IsDns1123Subdomain(hostname));
            }
        }
    }

    private static void ValidatePreemptionPolicy(EnumValue<PreemptionPolicy>? policy, FieldPath path, ValidationErrors errors)
    {
        if (policy is not { } value)
        {
            return;
        }

        if (value.Value.Length == 0)
        {
            errors.Required(path);
        }
        else if (!value.IsKnown)
        {
            errors.NotSupported(path, value.Value, ValueRules.Declared<PreemptionPolicy>());
        }
    }

    private static void ValidateOs(PodSpec spec, FieldPath path, ValidationErrors errors)
    {
        if (spec.Os is null)
        {
            return;
        }

        var name = spec.Os.Name ?? string.Empty;
        if (name.Length == 0)
        {
            errors.Required(path.Child("os", "name"));
        }
        else if (name is not ("linux" or "windows"))
        {
            errors.NotSupported(path.Child("os", "name"), name, ["linux", "windows"]);
        }
        else if (name == "linux")
        {
            // Windows options make no sense on a Linux pod.
            if (spec.SecurityContext?.WindowsOptions is not null)
            {
                errors.Forbidden(path.Child("securityContext", "windowsOptions"), "windows options cannot be set for a linux pod");
            }

            foreach (var (list, key) in new[] { (spec.InitContainers, "initContainers"), (spec.Containers, "containers") })
            {
                var containers = list ?? ValueList<Container>.Empty;
                for (var i = 0; i < containers.Count; i++)
                {
                    if (containers[i]?.SecurityContext?.WindowsOptions is not null)
                    {
                        errors.Forbidden(path.Child(key).Index(i).Child("securityContext", "windowsOptions"), "windows options cannot be set for a linux pod");
                    }
                }
            }
        }
    }

    private static void ValidateSubdomainName(string? name, FieldPath path, ValidationErrors errors)
    {
        if (!string.IsNullOrEmpty(name))
        {
            errors.Invalid(path, name, NameRules.NameIsDnsSubdomain(name!, false));
        }
    }
}
