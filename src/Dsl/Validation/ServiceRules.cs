using StatefulManifests.Model;

namespace StatefulManifests.Validation;

/// <summary>
/// The governing Service on create (<c>ValidateServiceCreate</c>, reference end of §C.1): name, ports (names,
/// ranges, uniqueness, target ports), the <c>clusterIP: None</c> rules that make it headless, selector labels,
/// and the type-dependent fields. Defaults are applied first: type ClusterIP, sessionAffinity None, protocol
/// TCP, targetPort = port, traffic policies Cluster.
/// </summary>
/// <remarks>
/// Service names are checked as DNS-1123 labels: v1.36 enables RelaxedServiceNameValidation (beta) by default,
/// which replaced the older DNS-1035 rule (no leading digit).
/// </remarks>
internal static class ServiceRules
{
    private const string None = "None";

    /// <summary>Validates <paramref name="service"/> into <paramref name="errors"/>.</summary>
    public static void Validate(Service service, ValidationErrors errors)
    {
        var metadata = FieldPath.Root("metadata");
        ObjectMetaRules.Validate(service.Metadata, NameRules.NameIsDnsLabel, metadata, errors);
        ValidateTopologyAnnotations(service.Metadata?.Annotations, metadata.Child("annotations"), errors);

        var spec = service.Spec ?? new ServiceSpec();
        var path = FieldPath.Root("spec");
        // An unset type is defaulted to ClusterIP; an unknown one is reported below and gets no type-specific checks.
        var type = ValueRules.Wire(spec.Type) is null ? ServiceType.ClusterIP : spec.Type!.Value.Known;
        var clusterIps = EffectiveClusterIps(spec);
        var headless = clusterIps.Count == 1 && clusterIps[0] == None;
        var ports = spec.Ports ?? ValueList<ServicePort>.Empty;

        if (ports.Count == 0 && !headless && type != ServiceType.ExternalName)
        {
            errors.Required(path.Child("ports"));
        }

        ValidateTypeSpecifics(spec, type, clusterIps, headless, path, errors);
        ValidatePorts(ports, path.Child("ports"), errors);
        ObjectMetaRules.ValidateLabels(spec.Selector, path.Child("selector"), errors);
        ValidateSessionAffinity(spec, path, errors);
        if (type != ServiceType.ExternalName)
        {
            ValidateClusterIps(spec, clusterIps, path, errors);
        }

        var externalIps = spec.ExternalIPs ?? ValueList<string>.Empty;
        for (var i = 0; i < externalIps.Count; i++)
        {
            errors.Invalid(path.Child("externalIPs").Index(i), externalIps[i] ?? string.Empty, NameRules.IsIPAddress(externalIps[i] ?? string.Empty));
        }

        ValueRules.KnownOrDefaulted(errors, path.Child("type"), spec.Type, ValueRules.Sorted<ServiceType>());
        ValidateNodePorts(ports, type, path.Child("ports"), errors);
        ValidateLoadBalancerFields(spec, type, path, errors);
        ValidateTrafficPolicies(spec, type, path, errors);
    }

    /// <summary>The strategy copies <c>clusterIP</c> into an empty <c>clusterIPs</c> before validating.</summary>
    private static IReadOnlyList<string> EffectiveClusterIps(ServiceSpec spec)
    {
        if (spec.ClusterIPs is { Count: > 0 } list)
        {
            return list.Select(ip => ip ?? string.Empty).ToArray();
        }

        return string.IsNullOrEmpty(spec.ClusterIP) ? [] : [spec.ClusterIP!];
    }

    private static void ValidateTopologyAnnotations(IReadOnlyDictionary<string, string>? annotations, FieldPath path, ValidationErrors errors)
    {
        const string Hints = "service.kubernetes.io/topology-aware-hints";
        const string Mode = "service.kubernetes.io/topology-mode";
        if (annotations is not null && annotations.TryGetValue(Hints, out var hints) && annotations.TryGetValue(Mode, out var mode) && hints != mode)
        {
            errors.Invalid(path.Key(Mode), mode ?? string.Empty, "must match annotations[" + Hints + "] when both are specified");
        }
    }

    private static void ValidateTypeSpecifics(ServiceSpec spec, ServiceType? type, IReadOnlyList<string> clusterIps, bool headless, FieldPath path, ValidationErrors errors)
    {
        switch (type)
        {
            case ServiceType.LoadBalancer:
            case ServiceType.NodePort:
                if (headless)
                {
                    errors.Invalid(path.Child("clusterIPs").Index(0), None, "may not be set to 'None' for " + type!.Value + " services");
                }

                break;
            case ServiceType.ExternalName:
                if (clusterIps.Count > 0)
                {
                    errors.Forbidden(path.Child("clusterIPs"), "may not be set for ExternalName services");
                }

                if (spec.IpFamilies is { Count: > 0 })
                {
                    errors.Forbidden(path.Child("ipFamilies"), "may not be set for ExternalName services");
                }

                if (spec.IpFamilyPolicy is not null)
                {
                    errors.Forbidden(path.Child("ipFamilyPolicy"), "may not be set for ExternalName services");
                }

                var name = spec.ExternalName ?? string.Empty;
                name = name.EndsWith(".", StringComparison.Ordinal) ? name.Substring(0, name.Length - 1) : name;
                if (name.Length == 0)
                {
                    errors.Required(path.Child("externalName"));
                }
                else
                {
                    errors.Invalid(path.Child("externalName"), name, NameRules.IsDns1123Subdomain(name));
                }

                break;
        }
    }

    private static void ValidatePorts(ValueList<ServicePort> ports, FieldPath path, ValidationErrors errors)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        var keys = new HashSet<(string Protocol, int Port)>();
        for (var i = 0; i < ports.Count; i++)
        {
            var port = ports[i] ?? new ServicePort();
            var portPath = path.Index(i);
            var name = port.Name ?? string.Empty;
            if (ports.Count > 1 && name.Length == 0)
            {
                // The API server says only "Required value"; the reason and the way out are what a user needs.
                errors.Required(portPath.Child("name"), "a Service with more than one port must name every port (EndpointSlices identify each port by its name); give this one a name (with the DSL, the container port's name becomes the Service port's: .Port(\"metrics\", 9090))");
            }
            else if (name.Length > 0)
            {
                errors.Invalid(portPath.Child("name"), name, NameRules.IsDns1123Label(name));
                if (!names.Add(name))
                {
                    errors.Duplicate(portPath.Child("name"), name);
                }
            }

            var number = port.Port ?? 0;
            errors.Invalid(portPath.Child("port"), number, NameRules.IsPortNumber(number));
            ValueRules.KnownOrDefaulted(errors, portPath.Child("protocol"), port.Protocol, ValueRules.Sorted<Protocol>());

            // An unset (or zero, or empty) targetPort is defaulted to the port.
            var target = port.TargetPort is { } t && !(t.IsString ? t.StringValue!.Length == 0 : t.IntValue == 0) ? t : IntOrString.FromInt(number);
            ProbeRules.ValidatePortNumberOrName(target, portPath.Child("targetPort"), errors);
            if (port.AppProtocol is not null)
            {
                errors.Invalid(portPath.Child("appProtocol"), port.AppProtocol, NameRules.IsQualifiedName(port.AppProtocol));
            }
        }

        // (protocol, port) pairs must be unique.
        for (var i = 0; i < ports.Count; i++)
        {
            var protocol = ValueRules.Wire(ports[i]?.Protocol) ?? "TCP";
            var number = ports[i]?.Port ?? 0;
            if (!keys.Add((protocol, number)))
            {
                errors.Duplicate(path.Index(i), new ServicePort { Protocol = new EnumValue<Protocol>(protocol), Port = number });
            }
        }
    }

    private static void ValidateSessionAffinity(ServiceSpec spec, FieldPath path, ValidationErrors errors)
    {
        ValueRules.KnownOrDefaulted(errors, path.Child("sessionAffinity"), spec.SessionAffinity, ValueRules.Sorted<SessionAffinity>());
        var configPath = path.Child("sessionAffinityConfig");
        if (spec.SessionAffinity?.Known == SessionAffinity.ClientIP)
        {
            // A missing config or timeout is defaulted to 10800 seconds.
            var timeout = spec.SessionAffinityConfig?.ClientIP?.TimeoutSeconds ?? 10800;
            if (timeout <= 0 || timeout > 86400)
            {
                errors.Invalid(configPath.Child("clientIP", "timeoutSeconds"), timeout, "must be greater than 0 and less than 86400");
            }
        }
        else if (spec.SessionAffinityConfig is not null)
        {
            errors.Forbidden(configPath, "must not be set when session affinity is None");
        }
    }

    private static void ValidateClusterIps(ServiceSpec spec, IReadOnlyList<string> clusterIps, FieldPath path, ValidationErrors errors)
    {
        var listPath = path.Child("clusterIPs");
        var given = spec.ClusterIPs ?? ValueList<string>.Empty;
        if (!string.IsNullOrEmpty(spec.ClusterIP))
        {
            if (given.Count > 0 && given[0] != spec.ClusterIP)
            {
                errors.Invalid(listPath, given, "first value must match `clusterIP`");
            }
        }
        else if (given.Count > 0)
        {
            errors.Invalid(listPath, given, "must be empty when `clusterIP` is not specified");
        }

        var families = spec.IpFamilies ?? ValueList<EnumValue<IpFamily>>.Empty;
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < families.Count; i++)
        {
            if (!families[i].IsKnown)
            {
                errors.NotSupported(path.Child("ipFamilies").Index(i), families[i].Value, ValueRules.Sorted<IpFamily>());
            }

            if (!seen.Add(families[i].Value))
            {
                errors.Duplicate(path.Child("ipFamilies").Index(i), families[i].Value);
            }
        }

        if (spec.IpFamilyPolicy is { IsKnown: false } policy)
        {
            errors.NotSupported(path.Child("ipFamilyPolicy"), policy.Value, ValueRules.Sorted<IpFamilyPolicy>());
        }

        for (var i = 0; i < clusterIps.Count; i++)
        {
            if (i == 0 && clusterIps[i] == None)
            {
                if (clusterIps.Count > 1)
                {
                    errors.Invalid(listPath, clusterIps, "'None' must be the first and only value");
                }

                continue;
            }

            errors.Invalid(listPath.Index(i), clusterIps[i], NameRules.IsIPAddress(clusterIps[i]));
        }

        if (clusterIps.Count > 2)
        {
            errors.Invalid(listPath, clusterIps, "may only hold up to 2 values");
        }
    }

    private static void ValidateNodePorts(ValueList<ServicePort> ports, ServiceType? type, FieldPath path, ValidationErrors errors)
    {
        var seen = new HashSet<(string Protocol, int NodePort)>();
        for (var i = 0; i < ports.Count; i++)
        {
            var nodePort = ports[i]?.NodePort ?? 0;
            if (nodePort == 0)
            {
                continue;
            }

            if (type == ServiceType.ClusterIP)
            {
                errors.Forbidden(path.Index(i).Child("nodePort"), "may not be used when `type` is 'ClusterIP'");
            }

            if (!seen.Add((ValueRules.Wire(ports[i]!.Protocol) ?? "TCP", nodePort)))
            {
                errors.Duplicate(path.Index(i).Child("nodePort"), nodePort);
            }
        }
    }

    private static void ValidateLoadBalancerFields(ServiceSpec spec, ServiceType? type, FieldPath path, ValidationErrors errors)
    {
        const string OnlyLoadBalancer = "may only be used when `type` is 'LoadBalancer'";
        var loadBalancer = type == ServiceType.LoadBalancer;
        if (spec.LoadBalancerSourceRanges is { Count: > 0 } && !loadBalancer)
        {
            // Kubernetes spells this path with a capital L.
            errors.Forbidden(path.Child("LoadBalancerSourceRanges"), OnlyLoadBalancer);
        }

        if (spec.AllocateLoadBalancerNodePorts is not null && !loadBalancer)
        {
            errors.Forbidden(path.Child("allocateLoadBalancerNodePorts"), OnlyLoadBalancer);
        }

        if (spec.LoadBalancerClass is not null)
        {
            if (loadBalancer)
            {
                errors.Invalid(path.Child("loadBalancerClass"), spec.LoadBalancerClass, NameRules.IsQualifiedName(spec.LoadBalancerClass));
            }
            else
            {
                errors.Forbidden(path.Child("loadBalancerClass"), OnlyLoadBalancer);
            }
        }
    }

    private static void ValidateTrafficPolicies(ServiceSpec spec, ServiceType? type, FieldPath path, ValidationErrors errors)
    {
        var externallyAccessible = type is ServiceType.LoadBalancer or ServiceType.NodePort
            || (type == ServiceType.ClusterIP && spec.ExternalIPs is { Count: > 0 });
        var external = ValueRules.Wire(spec.ExternalTrafficPolicy);
        if (!externallyAccessible)
        {
            if (external is not null)
            {
                errors.Invalid(path.Child("externalTrafficPolicy"), external, "may only be set for externally-accessible services");
            }
        }
        else
        {
            ValueRules.KnownOrDefaulted(errors, path.Child("externalTrafficPolicy"), spec.ExternalTrafficPolicy, ValueRules.Sorted<TrafficPolicy>());
        }

        var healthCheck = spec.HealthCheckNodePort ?? 0;
        var needsHealthCheck = type == ServiceType.LoadBalancer && spec.ExternalTrafficPolicy?.Known == TrafficPolicy.Local;
        if (!needsHealthCheck && healthCheck != 0)
        {
            errors.Invalid(path.Child("healthCheckNodePort"), healthCheck, "may only be set when `type` is 'LoadBalancer' and `externalTrafficPolicy` is 'Local'");
        }
        else if (needsHealthCheck && healthCheck != 0)
        {
            errors.Invalid(path.Child("healthCheckNodePort"), healthCheck, NameRules.IsPortNumber(healthCheck));
        }

        ValueRules.KnownOrDefaulted(errors, path.Child("internalTrafficPolicy"), spec.InternalTrafficPolicy, ValueRules.Sorted<TrafficPolicy>());
        if (spec.TrafficDistribution is { } distribution && distribution is not ("PreferClose" or "PreferSameZone" or "PreferSameNode"))
        {
            errors.NotSupported(path.Child("trafficDistribution"), distribution, ["PreferClose", "PreferSameZone", "PreferSameNode"]);
        }
    }
}
