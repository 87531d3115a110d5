using StatefulManifests.Model;

namespace StatefulManifests.Validation;

/// <summary>
/// A NetworkPolicy on create (<c>ValidateNetworkPolicySpec</c>): the pod selector, known policy types (at most
/// both), and each rule's ports (a known protocol; a port number or name; an end port only after a numeric port,
/// not below it) and peers (exactly one kind of peer unless selectors combine; selectors; an ipBlock's cidr
/// and except, each except a strict subset of the cidr, via <see cref="Networking.IpBlockRules"/>).
/// </summary>
internal static class NetworkPolicyRules
{
    /// <summary>Validates <paramref name="policy"/>'s spec into <paramref name="errors"/>.</summary>
    public static void Validate(NetworkPolicy policy, ValidationErrors errors)
    {
        var spec = policy.Spec ?? new NetworkPolicySpec();
        var path = FieldPath.Root("spec");
        LabelSelectorRules.Validate(spec.PodSelector, path.Child("podSelector"), errors);

        var types = spec.PolicyTypes ?? ValueList<EnumValue<PolicyType>>.Empty;
        for (var i = 0; i < types.Count; i++)
        {
            if (types[i] is { IsKnown: false } unknown)
            {
                errors.NotSupported(path.Child("policyTypes").Index(i), unknown.Value, ValueRules.Declared<PolicyType>());
            }
        }

        if (types.Count > 2)
        {
            errors.Invalid(path.Child("policyTypes"), types, "may not specify more than two policyTypes");
        }

        var ingress = spec.Ingress ?? ValueList<NetworkPolicyIngressRule>.Empty;
        for (var i = 0; i < ingress.Count; i++)
        {
            var rule = FieldPath.Root("spec").Child("ingress").Index(i);
            ValidatePorts(ingress[i]?.Ports, rule.Child("ports"), errors);
            ValidatePeers(ingress[i]?.From, rule.Child("from"), errors);
        }

        var egress = spec.Egress ?? ValueList<NetworkPolicyEgressRule>.Empty;
        for (var i = 0; i < egress.Count; i++)
        {
            var rule = FieldPath.Root("spec").Child("egress").Index(i);
            ValidatePorts(egress[i]?.Ports, rule.Child("ports"), errors);
            ValidatePeers(egress[i]?.To, rule.Child("to"), errors);
        }
    }

    private static void ValidatePorts(ValueList<NetworkPolicyPort>? ports, FieldPath path, ValidationErrors errors)
    {
        for (var i = 0; i < (ports?.Count ?? 0); i++)
        {
            var port = ports![i] ?? new NetworkPolicyPort();
            var at = path.Index(i);
            ValueRules.KnownOrDefaulted(errors, at.Child("protocol"), port.Protocol, ValueRules.Sorted<Protocol>());
            if (port.Port is { } value)
            {
                if (!value.IsString)
                {
                    errors.Invalid(at.Child("port"), value.IntValue, NameRules.IsPortNumber(value.IntValue));
                }
                else
                {
                    errors.Invalid(at.Child("port"), value.StringValue, NameRules.IsPortName(value.StringValue ?? string.Empty));
                }
            }

            if (port.EndPort is { } end)
            {
                if (port.Port is not { IsString: false } start)
                {
                    errors.Invalid(at.Child("endPort"), end, "may not be specified when `port` is non-numeric");
                }
                else if (end < start.IntValue)
                {
                    errors.Invalid(at.Child("endPort"), end, "must be greater than or equal to `port`");
                }
            }
        }
    }

    private static void ValidatePeers(ValueList<NetworkPolicyPeer>? peers, FieldPath path, ValidationErrors errors)
    {
        for (var i = 0; i < (peers?.Count ?? 0); i++)
        {
            var peer = peers![i] ?? new NetworkPolicyPeer();
            var at = path.Index(i);
            var set = (peer.PodSelector is null ? 0 : 1) + (peer.NamespaceSelector is null ? 0 : 1) + (peer.IpBlock is null ? 0 : 1);
            if (set == 0)
            {
                errors.Required(at, "must specify a peer");
            }
            else if (peer.IpBlock is not null && set > 1)
            {
                errors.Forbidden(at, "may not specify both ipBlock and another peer");
            }

            if (peer.PodSelector is not null)
            {
                LabelSelectorRules.Validate(peer.PodSelector, at.Child("podSelector"), errors);
            }

            if (peer.NamespaceSelector is not null)
            {
                LabelSelectorRules.Validate(peer.NamespaceSelector, at.Child("namespaceSelector"), errors);
            }

            if (peer.IpBlock is { } block)
            {
                foreach (var error in Networking.IpBlockRules.Validate(block.Cidr, block.Except?.ToList(), at.Child("ipBlock")))
                {
                    errors.Add(error);
                }
            }
        }
    }
}
