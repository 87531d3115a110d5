using StatefulManifests.Model;
using StatefulManifests.Validation;

namespace StatefulManifests;

/// <summary>The workload's identity: a ServiceAccount it owns and, for clustering, least-privilege peer discovery.</summary>
public sealed partial class StatefulSetBuilder
{
    /// <summary>The suffix of the Role and RoleBinding <see cref="PeerDiscovery"/> adds (<c>&lt;set&gt;-peer-discovery</c>).</summary>
    public const string PeerDiscoverySuffix = "-peer-discovery";

    /// <summary>
    /// Adds a ServiceAccount the workload owns, named <paramref name="name"/> (default: the set's name), and runs the
    /// pods as it (<c>serviceAccountName</c>). Its API token is not mounted unless <paramref name="automountToken"/>:
    /// <c>automountServiceAccountToken</c> is set on the ServiceAccount and on the pods, since a pod that never calls
    /// the API only exposes a credential by carrying one. <see cref="PeerDiscovery"/> turns it on for the pods.
    /// </summary>
    /// <param name="name">The ServiceAccount's name, or null for the set's name.</param>
    /// <param name="automountToken">Whether the pods get the API token mounted (default false).</param>
    public StatefulSetBuilder ServiceAccount(string? name = null, bool automountToken = false)
    {
        var account = name ?? draft.Name;
        var token = DslCallSite.Current;
        return AddOwned(
            OwnedObjects.Subject("ServiceAccount", account),
            context => new ServiceAccount
            {
                Metadata = context.InNamespace(new ObjectMeta { Name = account }),
                AutomountServiceAccountToken = automountToken,
            },
            alsoUpdate: d => d.WithPod(d.Pod with { ServiceAccountName = account, AutomountServiceAccountToken = automountToken }) with
            {
                Origins = d.Origins
                    .Add(new FieldOrigin(PodPath.Child("serviceAccountName"), token))
                    .Add(new FieldOrigin(PodPath.Child("automountServiceAccountToken"), token)),
            });
    }

    /// <summary>
    /// Lets the pods find their peers through the API, as clustering software does (Kubernetes discovery plugins of
    /// RabbitMQ, Hazelcast, Elasticsearch, etcd operators): a Role <c>&lt;set&gt;-peer-discovery</c> and a RoleBinding of it
    /// to the pods' ServiceAccount (the one <see cref="ServiceAccount"/> declared; one named after the set is added when
    /// none is), and the token mounted in the pods, since they call the API with it. Least privilege, in the namespace
    /// only, read only:
    /// <list type="bullet">
    /// <item><c>pods</c> — <c>get</c>, <c>list</c>, <c>watch</c>: a peer's ordinal, IP and readiness (list to find the
    /// peers, get to look one up, watch to follow them without polling).</item>
    /// <item><c>endpoints</c> and <c>discovery.k8s.io</c> <c>endpointslices</c> — <c>get</c>, <c>list</c>,
    /// <c>watch</c>: the ready addresses of the governing Service, the usual discovery source (endpointslices replace
    /// endpoints; libraries read either).</item>
    /// </list>
    /// Nothing writes, and nothing reads Secrets or ConfigMaps.
    /// </summary>
    public StatefulSetBuilder PeerDiscovery()
    {
        var builder = draft.Pod.ServiceAccountName is null ? ServiceAccount(automountToken: true) : this;
        var account = builder.draft.Pod.ServiceAccountName!;
        var name = draft.Name + PeerDiscoverySuffix;
        var token = DslCallSite.Current;
        return builder
            .AddOwned(OwnedObjects.Subject("Role", name), context => new Role
            {
                Metadata = context.InNamespace(new ObjectMeta { Name = name }),
                Rules = PeerDiscoveryRules,
            })
            .AddOwned(
                OwnedObjects.Subject("RoleBinding", name),
                context => new RoleBinding
                {
                    Metadata = context.InNamespace(new ObjectMeta { Name = name }),
                    RoleRef = new RoleRef { ApiGroup = RbacRules.Group, Kind = "Role", Name = name },
                    Subjects = ValueList.Of(new Subject { Kind = "ServiceAccount", Name = account, Namespace = context.Namespace }),
                },
                alsoUpdate: d => d.WithPod(d.Pod with { AutomountServiceAccountToken = true }) with
                {
                    Origins = d.Origins.Add(new FieldOrigin(PodPath.Child("automountServiceAccountToken"), token)),
                });
    }

    /// <summary>The rules of the <see cref="PeerDiscovery"/> Role: read-only pods, endpoints and endpointslices.</summary>
    public static ValueList<PolicyRule> PeerDiscoveryRules { get; } = ValueList.Of(
        new PolicyRule { ApiGroups = ValueList.Of(string.Empty), Resources = ValueList.Of("pods", "endpoints"), Verbs = ValueList.Of("get", "list", "watch") },
        new PolicyRule { ApiGroups = ValueList.Of("discovery.k8s.io"), Resources = ValueList.Of("endpointslices"), Verbs = ValueList.Of("get", "list", "watch") });
}
