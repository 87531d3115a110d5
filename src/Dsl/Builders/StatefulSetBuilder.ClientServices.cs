using StatefulManifests.Model;
using StatefulManifests.Validation;

namespace StatefulManifests;

/// <summary>The Services clients connect through, beside the headless governing Service.</summary>
public sealed partial class StatefulSetBuilder
{
    /// <summary>The label the StatefulSet controller puts on each pod, holding the pod's name (<c>&lt;set&gt;-&lt;ordinal&gt;</c>).</summary>
    public const string PodNameLabel = "statefulset.kubernetes.io/pod-name";

    /// <summary>
    /// Adds a client Service (the Kubernetes docs' MySQL pattern: <c>mysql</c> headless for the peers,
    /// <c>mysql-read</c> for clients): a ClusterIP Service selecting the same pods as the set (its selector labels,
    /// as finished at <see cref="Build"/>), load-balancing over the ready ones, with the containers' ports unless
    /// <see cref="ClientServiceBuilder.Port(string)"/> chooses some:
    /// <c>.ClientService("db-read", s =&gt; s.Port("postgres"))</c>.
    /// </summary>
    /// <param name="name">The Service's name (default: <c>&lt;set&gt;-client</c>).</param>
    /// <param name="configure">Customises the Service (default: none).</param>
    public StatefulSetBuilder ClientService(string? name = null, Func<ClientServiceBuilder, ClientServiceBuilder>? configure = null)
    {
        var serviceName = string.IsNullOrEmpty(name) ? draft.Name + "-client" : name!;
        var built = Nested.Run(ClientServiceBuilder.Default, configure ?? (s => s));
        var subject = OwnedObjects.Subject("Service", serviceName);
        return AddOwned(
            subject,
            context => built.Complete(serviceName, context, context.SelectorLabels, PortPublishingContainers(context.StatefulSet.Spec?.Template?.Spec).ToList()),
            built.Origins.Select(o => o.Resolve(FieldPath.Document, WorkloadDocument.Owned)));
    }

    /// <summary>
    /// Adds one Service per pod, for clients that must reach one replica (a primary, a Kafka broker advertised by its
    /// own address): <c>&lt;set&gt;-&lt;ordinal&gt;</c> selecting <c>statefulset.kubernetes.io/pod-name:
    /// &lt;set&gt;-&lt;ordinal&gt;</c>, for the ordinals <c>spec.ordinals.start</c> up to start + replicas - 1 of the
    /// finished set (replicas unset: 1, the API default). The Services follow the manifest's replicas: scaling with
    /// <c>kubectl scale</c> or an autoscaler adds pods without a Service (and a scale-down leaves Services selecting
    /// nothing) until the manifest's replicas is changed and re-applied, and pruning the removed Services is left to
    /// the deploy tool (<c>kubectl apply --prune</c>, GitOps).
    /// </summary>
    /// <param name="configure">Customises every per-ordinal Service (default: ClusterIP, every container port).</param>
    public StatefulSetBuilder PerOrdinalServices(Func<ClientServiceBuilder, ClientServiceBuilder>? configure = null)
    {
        var built = Nested.Run(ClientServiceBuilder.Default, configure ?? (s => s));
        var first = draft.Name + "-" + (draft.Spec.Ordinals?.Start ?? 0).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var step = new OwnedStep(OwnedObjects.Subject("Service", first), _ => null)
        {
            CompleteAll = context => PerOrdinal(context, built),
        };

        // The call's origins name the first ordinal's Service, the one known when the call is made.
        return AddOwned(step, built.Origins.Select(o => o.Resolve(FieldPath.Document, WorkloadDocument.Owned)));
    }

    /// <summary>The names of the per-ordinal Services of <paramref name="statefulSet"/>, in ordinal order.</summary>
    internal static IEnumerable<string> PerOrdinalNames(StatefulSet statefulSet)
    {
        var start = statefulSet.Spec?.Ordinals?.Start ?? 0;
        var replicas = Math.Max(0, statefulSet.Spec?.Replicas ?? 1);
        var name = statefulSet.Metadata?.Name ?? string.Empty;
        return Enumerable.Range(start, replicas).Select(o => name + "-" + o.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    private static IEnumerable<IKubernetesObject> PerOrdinal(OwnedContext context, ClientServiceBuilder built)
    {
        var containers = PortPublishingContainers(context.StatefulSet.Spec?.Template?.Spec).ToList();
        return PerOrdinalNames(context.StatefulSet)
            .Select(pod => built.Complete(pod, context, ValueMap.Of((PodNameLabel, pod)), containers))
            .ToList();
    }

    /// <summary>
    /// Adds a NetworkPolicy selecting the set's pods: ingress is denied except from the peers (the set's own pods, on
    /// every declared container port) and from the clients <paramref name="configure"/> admits:
    /// <c>.NetworkPolicy(p =&gt; p.AllowClients(("app", "api")).ClientPorts("postgres"))</c>. Satisfies kube-score's
    /// pod-networkpolicy check.
    /// </summary>
    /// <param name="configure">The clients (default: none, only the peers).</param>
    /// <param name="name">The policy's name (default: the set's name).</param>
    public StatefulSetBuilder NetworkPolicy(Func<NetworkPolicyBuilder, NetworkPolicyBuilder>? configure = null, string? name = null)
    {
        var policyName = string.IsNullOrEmpty(name) ? draft.Name : name!;
        var built = Nested.Run(NetworkPolicyBuilder.Default, configure ?? (p => p));
        return AddOwned(
            OwnedObjects.Subject("NetworkPolicy", policyName),
            context => built.Complete(policyName, context, PortPublishingContainers(context.StatefulSet.Spec?.Template?.Spec).ToList()),
            built.Origins.Select(o => o.Resolve(FieldPath.Document, WorkloadDocument.Owned)));
    }
}
