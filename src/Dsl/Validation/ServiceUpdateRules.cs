using StatefulManifests.Model;

namespace StatefulManifests.Validation;

/// <summary>
/// A Service update, in the API server's order: the registry first keeps what it allocated when the update leaves it
/// out (<c>patchAllocatedValues</c>: an empty <c>clusterIP</c>/<c>clusterIPs</c> gets the stored one, so a headless
/// Service stays headless), then <c>ValidateServiceUpdate</c> (pkg/apis/core/validation/validation.go): metadata
/// update rules, cluster IPs may not change once set (<c>validateUpgradeDowngradeClusterIPs</c>),
/// <c>loadBalancerClass</c> may not change while the type stays LoadBalancer, and the full create validation of the
/// result (a type change that keeps <c>clusterIP: None</c> on a NodePort or LoadBalancer is rejected there).
/// </summary>
/// <remarks>
/// Not modelled: the IP-family upgrade/downgrade rules, which depend on the families the server allocated (a
/// manifest rarely states them), and the type-dependent fields the registry clears on a change to ExternalName.
/// </remarks>
internal static class ServiceUpdateRules
{
    private const string ChangedOnceSet = "may not change once set";

    /// <summary>Validates <paramref name="updated"/> as an update of <paramref name="stored"/>.</summary>
    public static void Validate(Service updated, Service stored, ValidationErrors errors)
    {
        var service = PatchAllocatedValues(updated, stored);
        ObjectMetaUpdateRules.Validate(service.Metadata, stored.Metadata, errors);
        var spec = service.Spec ?? new ServiceSpec();
        var storedSpec = stored.Spec ?? new ServiceSpec();
        ValidateClusterIps(spec, storedSpec, errors);
        if (IsType(spec, ServiceType.LoadBalancer) && IsType(storedSpec, ServiceType.LoadBalancer)
            && !string.Equals(spec.LoadBalancerClass, storedSpec.LoadBalancerClass, StringComparison.Ordinal))
        {
            errors.Invalid(FieldPath.Root("spec").Child("loadBalancerClass"), spec.LoadBalancerClass, ChangedOnceSet);
        }

        ServiceRules.Validate(service, errors);
    }

    /// <summary>
    /// The Service as the registry validates it: <c>patchAllocatedValues</c> (stored cluster IPs kept when the update
    /// omits them), then <c>normalizeClusterIPs</c> (a changed <c>clusterIP</c> with unchanged <c>clusterIPs</c> becomes
    /// the new list; a cleared one with unchanged <c>clusterIPs</c> clears the list).
    /// </summary>
    public static Service PatchAllocatedValues(Service updated, Service stored)
    {
        var spec = updated.Spec ?? new ServiceSpec();
        var storedSpec = stored.Spec ?? new ServiceSpec();
        if (IsType(spec, ServiceType.ExternalName) || IsType(storedSpec, ServiceType.ExternalName))
        {
            return updated;
        }

        var storedIps = ClusterIps(storedSpec);
        var clusterIp = string.IsNullOrEmpty(spec.ClusterIP) ? storedSpec.ClusterIP : spec.ClusterIP;
        var clusterIps = spec.ClusterIPs is { Count: > 0 } ? spec.ClusterIPs : storedIps.Count > 0 ? storedIps : spec.ClusterIPs;
        if (!string.Equals(clusterIp ?? string.Empty, storedSpec.ClusterIP ?? string.Empty, StringComparison.Ordinal)
            && Equals(clusterIps ?? ValueList<string>.Empty, storedIps))
        {
            clusterIps = string.IsNullOrEmpty(clusterIp) ? null : new[] { clusterIp! }.ToValueList();
        }

        var patched = spec with { ClusterIP = clusterIp, ClusterIPs = clusterIps };
        return patched == spec ? updated : updated with { Spec = patched };
    }

    private static void ValidateClusterIps(ServiceSpec spec, ServiceSpec stored, ValidationErrors errors)
    {
        if (IsType(spec, ServiceType.ExternalName) || IsType(stored, ServiceType.ExternalName))
        {
            return;
        }

        var ips = ClusterIps(spec);
        var storedIps = ClusterIps(stored);
        if (IsHeadless(spec) && IsHeadless(stored))
        {
            return;
        }

        var path = FieldPath.Root("spec").Child("clusterIPs");
        if (storedIps.Count == ips.Count)
        {
            for (var i = 0; i < storedIps.Count; i++)
            {
                if (storedIps[i] != ips[i])
                {
                    errors.Invalid(path.Index(i), ips, ChangedOnceSet);
                }
            }
        }
        else if (storedIps.Count > ips.Count)
        {
            if (ips.Count == 0)
            {
                errors.Invalid(path.Index(0), ips, "primary clusterIP can not be unset");
            }
            else if (ips[0] != storedIps[0])
            {
                errors.Invalid(path.Index(0), ips, ChangedOnceSet);
            }

            if (ips.Count == 1 && ValueRules.Wire(spec.IpFamilyPolicy) != nameof(IpFamilyPolicy.SingleStack))
            {
                errors.Invalid(path.Index(0), ips, "`ipFamilyPolicy` must be set to 'SingleStack' when releasing the secondary clusterIP");
            }
        }
        else if (storedIps.Count > 0 && ips[0] != storedIps[0])
        {
            errors.Invalid(path.Index(0), ips, ChangedOnceSet);
        }
    }

    // The strategy's NormalizeClusterIPs: clusterIPs defaults to [clusterIP].
    private static ValueList<string> ClusterIps(ServiceSpec spec) =>
        spec.ClusterIPs is { Count: > 0 } list ? list
        : string.IsNullOrEmpty(spec.ClusterIP) ? ValueList<string>.Empty
        : new[] { spec.ClusterIP! }.ToValueList();

    private static bool IsHeadless(ServiceSpec spec) => spec.ClusterIP == "None" || ClusterIps(spec) is { Count: 1 } ips && ips[0] == "None";

    private static bool IsType(ServiceSpec spec, ServiceType type) =>
        (ValueRules.Wire(spec.Type) is null ? ServiceType.ClusterIP : spec.Type!.Value.Known) == type && (spec.Type?.IsKnown ?? true);
}
