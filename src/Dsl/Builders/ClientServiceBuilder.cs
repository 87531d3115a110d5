using StatefulManifests.Model;

namespace StatefulManifests;

/// <summary>
/// Customises a client Service (<see cref="StatefulSetBuilder.ClientService(string?, Func{ClientServiceBuilder, ClientServiceBuilder}?)"/>)
/// or the per-ordinal Services (<see cref="StatefulSetBuilder.PerOrdinalServices(Func{ClientServiceBuilder, ClientServiceBuilder}?)"/>).
/// By default a client Service is a ClusterIP Service (a virtual IP that load-balances over the ready pods, unlike
/// the headless governing Service), lives in the set's namespace, carries and selects the selector labels, and
/// publishes every container port of the pods as the governing Service does. Choosing ports with
/// <see cref="Port(string)"/> publishes only those.
/// </summary>
public sealed class ClientServiceBuilder : ModelBuilder<ClientServiceBuilder, Service>
{
    private readonly ValueList<string> containerPorts;

    private ClientServiceBuilder(Service overlay, ValueList<LocalOrigin> origins, ValueList<string> containerPorts)
        : base(overlay, origins) => this.containerPorts = containerPorts;

    /// <summary>A builder with no customisation.</summary>
    internal static ClientServiceBuilder Default { get; } = new(
        new Service { Metadata = new ObjectMeta(), Spec = new ServiceSpec() }, ValueList<LocalOrigin>.Empty, ValueList<string>.Empty);

    /// <summary>
    /// Publishes the container port named <paramref name="containerPortName"/> (<c>port</c> = its containerPort,
    /// <c>targetPort</c> = its name). Once a port is chosen, only the chosen ports are published. A name no container
    /// declares gives a port without a number, which validation reports at this call.
    /// </summary>
    /// <param name="containerPortName">A container port's <c>name</c>, e.g. <c>"postgres"</c>.</param>
    public ClientServiceBuilder Port(string containerPortName) =>
        new(Model, Origins.Add(new LocalOrigin(RelativePath.Of("spec", "ports").Index(containerPorts.Count), DslCallSite.Current)), containerPorts.Add(containerPortName));

    /// <summary>Adds a port whose <c>targetPort</c> is a named container port, published on another number.</summary>
    /// <param name="name">The port <c>name</c>.</param>
    /// <param name="port">The <c>port</c> clients connect to.</param>
    /// <param name="targetPort">The container port name traffic goes to.</param>
    /// <param name="protocol">The <c>protocol</c> (default: unset, TCP).</param>
    public ClientServiceBuilder Port(string name, int port, string targetPort, Protocol? protocol = null) =>
        Set(RelativePath.Of("spec", "ports"), s => s with
        {
            Spec = s.Spec! with { Ports = ModelLists.Append(s.Spec!.Ports, new ServicePort { Name = name, Port = port, TargetPort = targetPort, Protocol = protocol is { } p ? p : null }) },
        });

    /// <summary>
    /// Sets <c>spec.type</c> (default: unset, ClusterIP). <c>LoadBalancer</c> and <c>NodePort</c> make the database
    /// reachable from outside the cluster, which the linter warns about (SM3030).
    /// </summary>
    public ClientServiceBuilder Type(ServiceType type) => Set(RelativePath.Of("spec", "type"), s => s with { Spec = s.Spec! with { Type = type } });

    /// <summary>Sets <c>spec.sessionAffinity</c> (default: unset, None).</summary>
    public ClientServiceBuilder SessionAffinity(SessionAffinity affinity) =>
        Set(RelativePath.Of("spec", "sessionAffinity"), s => s with { Spec = s.Spec! with { SessionAffinity = affinity } });

    /// <summary>Adds <c>metadata.labels</c> (default: the selector labels).</summary>
    public ClientServiceBuilder Labels(params (string Key, string Value)[] labels) =>
        Set(RelativePath.Of("metadata", "labels"), s => s with { Metadata = s.Metadata! with { Labels = ModelLists.SetPairs(s.Metadata!.Labels, labels) } });

    /// <summary>Adds <c>metadata.annotations</c> (default: none), e.g. a cloud load balancer's settings.</summary>
    public ClientServiceBuilder Annotations(params (string Key, string Value)[] annotations) =>
        Set(RelativePath.Of("metadata", "annotations"), s => s with { Metadata = s.Metadata! with { Annotations = ModelLists.SetPairs(s.Metadata!.Annotations, annotations) } });

    /// <summary>
    /// The Service for the finished set: named <paramref name="name"/>, selecting <paramref name="selector"/>
    /// (the selector labels, or one pod's name label for a per-ordinal Service).
    /// </summary>
    internal Service Complete(string name, OwnedContext context, ValueMap<string> selector, IReadOnlyList<Container> containers)
    {
        var declared = containers.SelectMany(c => c.Ports ?? ValueList<ContainerPort>.Empty).ToList();
        var chosen = containerPorts.Count == 0 && Model.Spec!.Ports is null
            ? declared.Select(Published)
            : containerPorts.Select(n => declared.FirstOrDefault(p => p.Name == n) is { } found ? Published(found) : new ServicePort { Name = n, TargetPort = n });
        var ports = chosen.Concat(Model.Spec!.Ports ?? ValueList<ServicePort>.Empty).ToValueList();
        return new Service
        {
            ApiVersion = "v1",
            Kind = "Service",
            Metadata = context.InNamespace(Model.Metadata! with
            {
                Name = name,
                Labels = context.SelectorLabels.SetItems(Model.Metadata!.Labels ?? ValueMap<string>.Empty),
            }),
            Spec = Model.Spec! with { Selector = selector, Ports = ports.Count == 0 ? null : ports },
        };
    }

    private protected override ClientServiceBuilder With(Service model, ValueList<LocalOrigin> origins) => new(model, origins, containerPorts);

    private static ServicePort Published(ContainerPort port) => new()
    {
        Name = port.Name,
        Port = port.ContainerPortValue,
        TargetPort = port.Name is { } named ? named : port.ContainerPortValue is { } number ? number : null,
        Protocol = port.Protocol is { } p && p != Protocol.TCP ? p : null,
    };
}
