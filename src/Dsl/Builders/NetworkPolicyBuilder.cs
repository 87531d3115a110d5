using StatefulManifests.Model;

namespace StatefulManifests;

/// <summary>
/// Configures the workload's NetworkPolicy (<see cref="StatefulSetBuilder.NetworkPolicy(Func{NetworkPolicyBuilder, NetworkPolicyBuilder}, string?)"/>).
/// The policy selects the set's pods (its selector labels) with <c>policyTypes: [Ingress]</c>, so every connection
/// into them is denied except what a rule admits: the peers (the set's own pods) on every declared container port,
/// and each group of clients added here on the client ports (default: every declared container port).
/// </summary>
public sealed class NetworkPolicyBuilder : INestedBuilder
{
    private NetworkPolicyBuilder(ValueList<NetworkPolicyPeer> clients, ValueList<string> clientPorts, bool restrictEgress, ValueList<LocalOrigin> origins)
    {
        Clients = clients;
        ClientPortNames = clientPorts;
        RestrictsEgress = restrictEgress;
        Origins = origins;
    }

    /// <summary>A policy admitting only the peers.</summary>
    internal static NetworkPolicyBuilder Default { get; } = new(ValueList<NetworkPolicyPeer>.Empty, ValueList<string>.Empty, false, ValueList<LocalOrigin>.Empty);

    /// <summary>The client peers, one ingress rule each, in the order added.</summary>
    internal ValueList<NetworkPolicyPeer> Clients { get; }

    /// <summary>The container port names clients may reach (empty: all).</summary>
    internal ValueList<string> ClientPortNames { get; }

    /// <summary>Whether egress is denied too, except to the peers and to cluster DNS.</summary>
    internal bool RestrictsEgress { get; }

    /// <summary>The calls so far, relative to the policy.</summary>
    internal ValueList<LocalOrigin> Origins { get; }

    ValueList<LocalOrigin> INestedBuilder.Origins => Origins;

    /// <summary>
    /// Admits pods carrying <paramref name="podLabels"/> in the set's namespace, e.g.
    /// <c>p.AllowClients(("app", "api"))</c>. No labels admits every pod of the namespace.
    /// </summary>
    /// <param name="podLabels">The client pods' labels.</param>
    public NetworkPolicyBuilder AllowClients(params (string Key, string Value)[] podLabels) =>
        AddClient(new NetworkPolicyPeer { PodSelector = Selector(podLabels) });

    /// <summary>
    /// Admits pods carrying <paramref name="podLabels"/> in the namespaces carrying <paramref name="namespaceLabels"/>
    /// (e.g. <c>("kubernetes.io/metadata.name", "shop")</c>); no pod labels admits every pod of those namespaces.
    /// </summary>
    /// <param name="namespaceLabels">The client namespaces' labels.</param>
    /// <param name="podLabels">The client pods' labels.</param>
    public NetworkPolicyBuilder AllowClientsInNamespaces((string Key, string Value)[] namespaceLabels, params (string Key, string Value)[] podLabels) =>
        AddClient(new NetworkPolicyPeer { NamespaceSelector = Selector(namespaceLabels), PodSelector = Selector(podLabels) });

    /// <summary>
    /// Admits clients from an IP range (an <c>ipBlock</c>: outside the cluster, or a node network), except the ranges
    /// in <paramref name="except"/>; validated as the API server does (each except inside the cidr).
    /// </summary>
    /// <param name="cidr">The range, e.g. <c>10.0.0.0/16</c>.</param>
    /// <param name="except">Ranges inside it that stay denied.</param>
    public NetworkPolicyBuilder AllowClientsFrom(string cidr, params string[] except) =>
        AddClient(new NetworkPolicyPeer { IpBlock = new IPBlock { Cidr = cidr, Except = except is { Length: > 0 } ? ValueList.Of(except) : null } });

    /// <summary>Limits the clients to the container ports named <paramref name="containerPortNames"/> (default: every declared port); peers keep every port.</summary>
    /// <param name="containerPortNames">Container port names, e.g. <c>"postgres"</c>.</param>
    public NetworkPolicyBuilder ClientPorts(params string[] containerPortNames) =>
        new(Clients, ClientPortNames.AddRange(containerPortNames ?? []), RestrictsEgress, Record(RelativePath.Of("spec", "ingress")));

    /// <summary>
    /// Adds <c>Egress</c> to the policy types: the pods may then connect only to their peers (on the declared ports)
    /// and to the cluster DNS (port 53, UDP and TCP, in any namespace), which they need to find each other.
    /// </summary>
    public NetworkPolicyBuilder RestrictEgress() => new(Clients, ClientPortNames, true, Record(RelativePath.Of("spec", "policyTypes")));

    /// <summary>The policy of the finished set.</summary>
    internal NetworkPolicy Complete(string name, OwnedContext context, IReadOnlyList<Container> containers)
    {
        var own = new LabelSelector { MatchLabels = context.SelectorLabels };
        var declared = containers.SelectMany(c => c.Ports ?? ValueList<ContainerPort>.Empty).ToList();
        var peerPorts = declared.Select(PolicyPort).ToValueList();
        var clientPorts = ClientPortNames.Count == 0
            ? peerPorts
            : ClientPortNames.Select(n => declared.FirstOrDefault(p => p.Name == n) is { } found ? PolicyPort(found) : new NetworkPolicyPort { Port = n }).ToValueList();
        var ingress = new List<NetworkPolicyIngressRule> { new() { From = ValueList.Of(new NetworkPolicyPeer { PodSelector = own }), Ports = Optional(peerPorts) } };
        ingress.AddRange(Clients.Select(c => new NetworkPolicyIngressRule { From = ValueList.Of(c), Ports = Optional(clientPorts) }));
        var types = RestrictsEgress ? ValueList.Of<EnumValue<PolicyType>>(PolicyType.Ingress, PolicyType.Egress) : ValueList.Of<EnumValue<PolicyType>>(PolicyType.Ingress);
        return new NetworkPolicy
        {
            ApiVersion = "networking.k8s.io/v1",
            Kind = "NetworkPolicy",
            Metadata = context.InNamespace(new ObjectMeta { Name = name, Labels = context.SelectorLabels }),
            Spec = new NetworkPolicySpec
            {
                PodSelector = own,
                PolicyTypes = types,
                Ingress = ValueList.Of(ingress.ToArray()),
                Egress = RestrictsEgress ? Egress(own, peerPorts) : null,
            },
        };
    }

    private static ValueList<NetworkPolicyEgressRule> Egress(LabelSelector own, ValueList<NetworkPolicyPort> peerPorts) => ValueList.Of(
        new NetworkPolicyEgressRule { To = ValueList.Of(new NetworkPolicyPeer { PodSelector = own }), Ports = Optional(peerPorts) },
        new NetworkPolicyEgressRule
        {
            // An empty namespace selector is every namespace: where the DNS pods run differs between clusters.
            To = ValueList.Of(new NetworkPolicyPeer { NamespaceSelector = new LabelSelector() }),
            Ports = ValueList.Of(
                new NetworkPolicyPort { Protocol = Protocol.UDP, Port = 53 },
                new NetworkPolicyPort { Protocol = Protocol.TCP, Port = 53 }),
        });

    // No ports in a rule means every port: a set without declared ports admits its peers on all of them.
    private static ValueList<NetworkPolicyPort>? Optional(ValueList<NetworkPolicyPort> ports) => ports.Count == 0 ? null : ports;

    private static NetworkPolicyPort PolicyPort(ContainerPort port) => new()
    {
        Protocol = port.Protocol is { } p && p != Protocol.TCP ? p : null,
        Port = port.Name is { } named ? named : port.ContainerPortValue is { } number ? number : null,
    };

    private static LabelSelector Selector((string Key, string Value)[]? labels) =>
        new() { MatchLabels = labels is { Length: > 0 } ? ModelLists.SetPairs(null, labels) : null };

    private NetworkPolicyBuilder AddClient(NetworkPolicyPeer peer) =>
        new(Clients.Add(peer), ClientPortNames, RestrictsEgress, Record(RelativePath.Of("spec", "ingress").Index(Clients.Count + 1)));

    private ValueList<LocalOrigin> Record(RelativePath path) => Origins.Add(new LocalOrigin(path, DslCallSite.Current));
}
