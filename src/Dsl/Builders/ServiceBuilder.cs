using StatefulManifests.Model;

namespace StatefulManifests;

/// <summary>
/// Customises the governing headless Service the workload generates. By default it is named after
/// <c>spec.serviceName</c>, lives in the StatefulSet's namespace, is headless (<c>clusterIP: None</c>), carries
/// and selects the selector labels, and publishes every port of the containers and sidecars (name, <c>port</c> = containerPort,
/// <c>targetPort</c> = the port's name or number, <c>protocol</c> when not TCP). What you set here is laid over
/// those defaults when the workload is built.
/// </summary>
public sealed class ServiceBuilder : ModelBuilder<ServiceBuilder, Service>
{
    private readonly bool derivePorts;
    private readonly ValueList<string> excludedPorts;
    private readonly ValueList<Func<Service, Service>> modifications;

    private ServiceBuilder(Service overlay, ValueList<LocalOrigin> origins, bool derivePorts, ValueList<string> excludedPorts, ValueList<Func<Service, Service>> modifications)
        : base(overlay, origins)
    {
        this.derivePorts = derivePorts;
        this.excludedPorts = excludedPorts;
        this.modifications = modifications;
    }

    /// <summary>The customisations of a workload that has not called <c>Service(...)</c>.</summary>
    internal static ServiceBuilder Default { get; } = new(
        new Service { Metadata = new ObjectMeta(), Spec = new ServiceSpec() },
        ValueList<LocalOrigin>.Empty,
        derivePorts: true,
        ValueList<string>.Empty,
        ValueList<Func<Service, Service>>.Empty);

    /// <summary>Adds <c>metadata.labels</c> (default: the selector labels).</summary>
    public ServiceBuilder Labels(params (string Key, string Value)[] labels) =>
        Set(RelativePath.Of("metadata", "labels"), s => s with { Metadata = s.Metadata! with { Labels = ModelLists.SetPairs(s.Metadata!.Labels, labels) } });

    /// <summary>Adds <c>metadata.annotations</c> (default: none).</summary>
    public ServiceBuilder Annotations(params (string Key, string Value)[] annotations) =>
        Set(RelativePath.Of("metadata", "annotations"), s => s with { Metadata = s.Metadata! with { Annotations = ModelLists.SetPairs(s.Metadata!.Annotations, annotations) } });

    /// <summary>
    /// Sets <c>spec.publishNotReadyAddresses</c> (default when called: true): DNS records exist before pods are ready,
    /// which peer discovery during bootstrap (ZooKeeper, etcd, Cassandra seeds) usually needs.
    /// </summary>
    public ServiceBuilder PublishNotReadyAddresses(bool value = true) => SetSpec("publishNotReadyAddresses", s => s with { PublishNotReadyAddresses = value });

    /// <summary>Adds a port to <c>spec.ports</c> after the ones derived from containers (<c>targetPort</c>: a number, or unset to mean <paramref name="port"/>).</summary>
    /// <param name="name">The port <c>name</c> (required when the Service has several ports).</param>
    /// <param name="port">The <c>port</c>.</param>
    /// <param name="targetPort">The <c>targetPort</c> number (default: unset, the same as <paramref name="port"/>).</param>
    /// <param name="protocol">The <c>protocol</c> (default: unset, TCP).</param>
    /// <param name="appProtocol">The <c>appProtocol</c> (default: unset).</param>
    public ServiceBuilder Port(string name, int port, int? targetPort = null, Protocol? protocol = null, string? appProtocol = null) =>
        AddPort(new ServicePort { Name = name, Port = port, TargetPort = ModelLists.Optional(targetPort), Protocol = Wire(protocol), AppProtocol = appProtocol });

    /// <summary>Adds a port to <c>spec.ports</c> whose <c>targetPort</c> is a named container port.</summary>
    /// <param name="name">The port <c>name</c>.</param>
    /// <param name="port">The <c>port</c>.</param>
    /// <param name="targetPort">The <c>targetPort</c>: a container port name.</param>
    /// <param name="protocol">The <c>protocol</c> (default: unset, TCP).</param>
    /// <param name="appProtocol">The <c>appProtocol</c> (default: unset).</param>
    public ServiceBuilder Port(string name, int port, string targetPort, Protocol? protocol = null, string? appProtocol = null) =>
        AddPort(new ServicePort { Name = name, Port = port, TargetPort = targetPort, Protocol = Wire(protocol), AppProtocol = appProtocol });

    /// <summary>Adds an unnamed port to <c>spec.ports</c> (valid only when it is the Service's only port).</summary>
    /// <param name="port">The <c>port</c>.</param>
    /// <param name="targetPort">The <c>targetPort</c> number (default: unset, the same as <paramref name="port"/>).</param>
    /// <param name="protocol">The <c>protocol</c> (default: unset, TCP).</param>
    /// <param name="appProtocol">The <c>appProtocol</c> (default: unset).</param>
    public ServiceBuilder Port(int port, int? targetPort = null, Protocol? protocol = null, string? appProtocol = null) =>
        AddPort(new ServicePort { Port = port, TargetPort = ModelLists.Optional(targetPort), Protocol = Wire(protocol), AppProtocol = appProtocol });

    /// <summary>Publishes no container port automatically: <c>spec.ports</c> holds only the ports added with <c>Port</c>.</summary>
    public ServiceBuilder WithoutContainerPorts() => With(Model, Record(RelativePath.Of("spec", "ports")), false, excludedPorts, modifications);

    /// <summary>Leaves the container port named <paramref name="name"/> out of the derived <c>spec.ports</c>.</summary>
    public ServiceBuilder ExcludePort(string name) => With(Model, Record(RelativePath.Of("spec", "ports")), derivePorts, excludedPorts.Add(name), modifications);

    /// <summary>
    /// Sets <c>spec.clusterIP</c> (default <c>None</c>, headless). A governing Service with a cluster IP gives the pods
    /// no stable per-pod DNS names; kube-score flags it.
    /// </summary>
    public ServiceBuilder ClusterIP(string clusterIP) => SetSpec("clusterIP", s => s with { ClusterIP = clusterIP });

    /// <summary>Sets <c>spec.type</c> (default: unset, ClusterIP).</summary>
    public ServiceBuilder Type(ServiceType type) => SetSpec("type", s => s with { Type = type });

    /// <summary>Sets <c>spec.sessionAffinity</c> (default: unset, None).</summary>
    public ServiceBuilder SessionAffinity(SessionAffinity affinity) => SetSpec("sessionAffinity", s => s with { SessionAffinity = affinity });

    /// <summary>Replaces <c>spec.selector</c> (default: the workload's selector labels).</summary>
    public ServiceBuilder Selector(params (string Key, string Value)[] selector) => SetSpec("selector", s => s with { Selector = ModelLists.SetPairs(null, selector) });

    /// <summary>
    /// Model-level escape hatch: applies <paramref name="update"/> to the finished Service, after every default and
    /// customisation. Compile-time evaluation may not support arbitrary lambdas.
    /// </summary>
    public ServiceBuilder Modify(Func<Service, Service> update) =>
        With(Model, Record(RelativePath.Here), derivePorts, excludedPorts, modifications.Add(update ?? throw new ArgumentNullException(nameof(update))));

    /// <summary>Builds the Service for a workload: the defaults, then these customisations, then <see cref="Modify"/> functions.</summary>
    internal Service Complete(string name, string? @namespace, ValueMap<string> selectorLabels, IEnumerable<Container> containers)
    {
        var spec = Model.Spec!;
        var ports = (derivePorts ? DerivedPorts(containers) : Enumerable.Empty<ServicePort>()).Concat(spec.Ports ?? ValueList<ServicePort>.Empty).ToValueList();
        var service = new Service
        {
            Metadata = Model.Metadata! with
            {
                Name = name,
                Namespace = @namespace,
                Labels = selectorLabels.SetItems(Model.Metadata!.Labels ?? ValueMap<string>.Empty),
            },
            Spec = spec with
            {
                ClusterIP = spec.ClusterIP ?? "None",
                Selector = spec.Selector ?? selectorLabels,
                Ports = ports.Count == 0 ? null : ports,
            },
        };
        return modifications.Aggregate(service, (s, modify) => modify(s) ?? throw new InvalidOperationException("a Service Modify function returned null"));
    }

    private protected override ServiceBuilder With(Service model, ValueList<LocalOrigin> origins) => With(model, origins, derivePorts, excludedPorts, modifications);

    private static ServiceBuilder With(Service model, ValueList<LocalOrigin> origins, bool derive, ValueList<string> excluded, ValueList<Func<Service, Service>> modify) =>
        new(model, origins, derive, excluded, modify);

    private static EnumValue<Protocol>? Wire(Protocol? protocol) => protocol is { } p ? p : null;

    private IEnumerable<ServicePort> DerivedPorts(IEnumerable<Container> containers) =>
        from container in containers
        from port in container.Ports ?? ValueList<ContainerPort>.Empty
        where port.Name is null || !excludedPorts.Contains(port.Name)
        select new ServicePort
        {
            Name = port.Name,
            Port = port.ContainerPortValue,
            TargetPort = port.Name is { } named ? named : port.ContainerPortValue is { } number ? number : null,
            Protocol = port.Protocol is { } p && p != Protocol.TCP ? p : null,
        };

    private ValueList<LocalOrigin> Record(RelativePath path) => Origins.Add(new LocalOrigin(path, DslCallSite.Current));

    private ServiceBuilder AddPort(ServicePort port) =>
        Set(RelativePath.Of("spec", "ports"), s => s with { Spec = s.Spec! with { Ports = ModelLists.Append(s.Spec!.Ports, port) } });

    private ServiceBuilder SetSpec(string field, Func<ServiceSpec, ServiceSpec> update) =>
        Set(RelativePath.Of("spec", field), s => s with { Spec = update(s.Spec!) });
}
