using StatefulManifests.Model;
using StatefulManifests.Validation;
using static StatefulManifests.Validation.FieldErrorType;

namespace StatefulManifests.Tests.Validation;

/// <summary>The governing (headless) Service, reference end of §C.1.</summary>
public sealed class ServiceRulesTests
{
    [Fact]
    public void TheHeadlessNginxServiceIsValid() => Expect.Valid(WorkloadValidator.ValidateService(Baseline.Nginx));

    [Fact]
    public void ServiceErrorsNameTheService()
    {
        var error = Expect.Only(
            WorkloadValidator.Validate(Baseline.Web, Baseline.WithServiceSpec(s => s with { Ports = ValueList.Of(new ServicePort { Name = "web", Port = 80, TargetPort = 70000 }) })),
            Invalid,
            "spec.ports[0].targetPort",
            "Invalid value: 70000: " + Messages.PortRange);
        Assert.Equal("Service \"nginx\"", error.Object);
        Assert.Equal("Service \"nginx\": spec.ports[0].targetPort: Invalid value: 70000: " + Messages.PortRange, error.ToString());
    }

    [Fact]
    public void ServiceNameIsRequiredAndADns1123Label()
    {
        Expect.Only(Validate(Baseline.Nginx with { Metadata = new ObjectMeta() }), Required, "metadata.name", "Required value: name or generateName is required");
        Expect.Only(Validate(Baseline.Nginx with { Metadata = new ObjectMeta { Name = "Nginx" } }), Invalid, "metadata.name", "Invalid value: \"Nginx\": " + Messages.Dns1123Label);
    }

    [Fact]
    public void ServiceNamesMayStartWithADigit() => Expect.Valid(Validate(Baseline.Nginx with { Metadata = new ObjectMeta { Name = "1nginx" } }));

    [Fact]
    public void HeadlessServiceMayHaveNoPorts() => Expect.Valid(Validate(Baseline.WithServiceSpec(s => s with { Ports = null })));

    [Fact]
    public void ClusterIpServiceNeedsPorts() =>
        Expect.Only(Validate(Baseline.WithServiceSpec(s => s with { ClusterIP = null, Ports = null })), Required, "spec.ports", "Required value");

    [Theory]
    [InlineData(ServiceType.NodePort)]
    [InlineData(ServiceType.LoadBalancer)]
    public void NoneIsOnlyForClusterIpServices(ServiceType type) =>
        Expect.Contains(
            Validate(Baseline.WithServiceSpec(s => s with { Type = type })),
            Invalid,
            "spec.clusterIPs[0]",
            "Invalid value: \"None\": may not be set to 'None' for " + type + " services");

    [Fact]
    public void SeveralPortsNeedUniqueNames() =>
        Expect.Exactly(
            Validate(Baseline.WithServiceSpec(s => s with
            {
                Ports = ValueList.Of(new ServicePort { Port = 80 }, new ServicePort { Name = "web", Port = 8080 }, new ServicePort { Name = "web", Port = 9090 }),
            })),
            (Required, "spec.ports[0].name", "Required value: a Service with more than one port must name every port (EndpointSlices identify each port by its name); give this one a name (with the DSL, the container port's name becomes the Service port's: .Port(\"metrics\", 9090))"),
            (Duplicate, "spec.ports[2].name", "Duplicate value: \"web\""));

    [Fact]
    public void PortNamesAreDns1123Labels() =>
        Expect.Only(
            Validate(Baseline.WithServiceSpec(s => s with { Ports = ValueList.Of(new ServicePort { Name = "Web", Port = 80 }) })),
            Invalid,
            "spec.ports[0].name",
            "Invalid value: \"Web\": " + Messages.Dns1123Label);

    [Fact]
    public void PortsMustBeInRangeAndTargetPortDefaultsToPort() =>
        Expect.Exactly(
            Validate(Baseline.WithServiceSpec(s => s with { Ports = ValueList.Of(new ServicePort { Name = "web", Port = 70000 }) })),
            (Invalid, "spec.ports[0].port", "Invalid value: 70000: " + Messages.PortRange),
            (Invalid, "spec.ports[0].targetPort", "Invalid value: 70000: " + Messages.PortRange));

    [Fact]
    public void StringTargetPortMustBeAnIanaName() =>
        Expect.Only(
            Validate(Baseline.WithServiceSpec(s => s with { Ports = ValueList.Of(new ServicePort { Name = "web", Port = 80, TargetPort = "http_port" }) })),
            Invalid,
            "spec.ports[0].targetPort",
            "Invalid value: \"http_port\": must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-)");

    [Fact]
    public void HeadlessTargetPortDifferentFromPortIsTolerated() =>
        Expect.Valid(Validate(Baseline.WithServiceSpec(s => s with { Ports = ValueList.Of(new ServicePort { Name = "web", Port = 80, TargetPort = 8080 }) })));

    [Fact]
    public void SameProtocolAndPortTwiceIsADuplicate() =>
        Expect.Only(
            Validate(Baseline.WithServiceSpec(s => s with { Ports = ValueList.Of(new ServicePort { Name = "a", Port = 80 }, new ServicePort { Name = "b", Port = 80, TargetPort = 81 }) })),
            Duplicate,
            "spec.ports[1]",
            "Duplicate value: {\"protocol\":\"TCP\",\"port\":80}");

    [Fact]
    public void SamePortWithAnotherProtocolIsAccepted() =>
        Expect.Valid(Validate(Baseline.WithServiceSpec(s => s with
        {
            Ports = ValueList.Of(new ServicePort { Name = "dns", Port = 53 }, new ServicePort { Name = "dns-udp", Port = 53, Protocol = Protocol.UDP }),
        })));

    [Fact]
    public void UnknownProtocolTypeAndAffinityAreNotSupported() =>
        Expect.Exactly(
            Validate(Baseline.WithServiceSpec(s => s with
            {
                Type = new EnumValue<ServiceType>("Headless"),
                SessionAffinity = new EnumValue<SessionAffinity>("Sticky"),
                Ports = ValueList.Of(new ServicePort { Name = "web", Port = 80, Protocol = new EnumValue<Protocol>("HTTP") }),
            })),
            (NotSupported, "spec.ports[0].protocol", "Unsupported value: \"HTTP\": supported values: \"SCTP\", \"TCP\", \"UDP\""),
            (NotSupported, "spec.sessionAffinity", "Unsupported value: \"Sticky\": supported values: \"ClientIP\", \"None\""),
            (NotSupported, "spec.type", "Unsupported value: \"Headless\": supported values: \"ClusterIP\", \"ExternalName\", \"LoadBalancer\", \"NodePort\""));

    [Fact]
    public void SelectorIsALabelMap() =>
        Expect.Only(
            Validate(Baseline.WithServiceSpec(s => s with { Selector = ValueMap.Of(("app", "nginx web")) })),
            Invalid,
            "spec.selector",
            "Invalid value: \"nginx web\": " + Messages.LabelValue);

    [Fact]
    public void ClusterIpMustBeAnIpOrNone() =>
        Expect.Only(
            Validate(Baseline.WithServiceSpec(s => s with { ClusterIP = "none" })),
            Invalid,
            "spec.clusterIPs[0]",
            "Invalid value: \"none\": must be a valid IP address, (e.g. 10.9.8.7 or 2001:db8::ffff)");

    [Fact]
    public void ClusterIpsMustStartWithClusterIp() =>
        Expect.Only(
            Validate(Baseline.WithServiceSpec(s => s with { ClusterIP = "10.0.0.10", ClusterIPs = ValueList.Of("10.0.0.11") })),
            Invalid,
            "spec.clusterIPs",
            "Invalid value: [\"10.0.0.11\"]: first value must match `clusterIP`");

    [Fact]
    public void NodePortIsNotForClusterIpServices() =>
        Expect.Only(
            Validate(Baseline.WithServiceSpec(s => s with { ClusterIP = null, Ports = ValueList.Of(new ServicePort { Name = "web", Port = 80, NodePort = 30080 }) })),
            Forbidden,
            "spec.ports[0].nodePort",
            "Forbidden: may not be used when `type` is 'ClusterIP'");

    [Fact]
    public void ExternalTrafficPolicyOnlyForExternalServices() =>
        Expect.Only(
            Validate(Baseline.WithServiceSpec(s => s with { ExternalTrafficPolicy = TrafficPolicy.Local })),
            Invalid,
            "spec.externalTrafficPolicy",
            "Invalid value: \"Local\": may only be set for externally-accessible services");

    [Fact]
    public void LoadBalancerFieldsOnlyForLoadBalancers() =>
        Expect.Exactly(
            Validate(Baseline.WithServiceSpec(s => s with { LoadBalancerSourceRanges = ValueList.Of("10.0.0.0/8"), LoadBalancerClass = "example.com/lb" })),
            (Forbidden, "spec.LoadBalancerSourceRanges", "Forbidden: may only be used when `type` is 'LoadBalancer'"),
            (Forbidden, "spec.loadBalancerClass", "Forbidden: may only be used when `type` is 'LoadBalancer'"));

    [Fact]
    public void ClientIpAffinityTimeoutMustBeInRange() =>
        Expect.Only(
            Validate(Baseline.WithServiceSpec(s => s with
            {
                SessionAffinity = SessionAffinity.ClientIP,
                SessionAffinityConfig = new SessionAffinityConfig { ClientIP = new ClientIPConfig { TimeoutSeconds = 0 } },
            })),
            Invalid,
            "spec.sessionAffinityConfig.clientIP.timeoutSeconds",
            "Invalid value: 0: must be greater than 0 and less than 86400");

    [Fact]
    public void ExternalNameServiceNeedsAName() =>
        Expect.Only(
            Validate(Baseline.WithServiceSpec(s => s with { Type = ServiceType.ExternalName, ClusterIP = null, Ports = null })),
            Required,
            "spec.externalName",
            "Required value");

    [Fact]
    public void ExternalNameServicesTakeNoClusterIpsOrFamilies() =>
        Expect.Exactly(
            Validate(Baseline.WithServiceSpec(s => s with { Type = ServiceType.ExternalName, ExternalName = "db.example.com.", IpFamilyPolicy = IpFamilyPolicy.SingleStack })),
            (Forbidden, "spec.clusterIPs", "Forbidden: may not be set for ExternalName services"),
            (Forbidden, "spec.ipFamilyPolicy", "Forbidden: may not be set for ExternalName services"));

    [Fact]
    public void NoneMustBeTheOnlyClusterIp() =>
        Expect.Only(
            Validate(Baseline.WithServiceSpec(s => s with { ClusterIPs = ValueList.Of("None", "10.0.0.1") })),
            Invalid,
            "spec.clusterIPs",
            "Invalid value: [\"None\",\"10.0.0.1\"]: 'None' must be the first and only value");

    [Fact]
    public void AtMostTwoClusterIps() =>
        Expect.Only(
            Validate(Baseline.WithServiceSpec(s => s with { ClusterIP = "10.0.0.1", ClusterIPs = ValueList.Of("10.0.0.1", "2001:db8::1", "10.0.0.2") })),
            Invalid,
            "spec.clusterIPs",
            "Invalid value: [\"10.0.0.1\",\"2001:db8::1\",\"10.0.0.2\"]: may only hold up to 2 values");

    [Fact]
    public void IpFamiliesMayNotRepeat() =>
        Expect.Only(
            Validate(Baseline.WithServiceSpec(s => s with { IpFamilies = ValueList.Of<EnumValue<IpFamily>>(IpFamily.IPv4, IpFamily.IPv4) })),
            Duplicate,
            "spec.ipFamilies[1]",
            "Duplicate value: \"IPv4\"");

    [Fact]
    public void NodePortsMayNotRepeat() =>
        Expect.Only(
            Validate(Baseline.WithServiceSpec(s => s with
            {
                ClusterIP = null,
                Type = ServiceType.NodePort,
                Ports = ValueList.Of(new ServicePort { Name = "a", Port = 80, NodePort = 30080 }, new ServicePort { Name = "b", Port = 81, NodePort = 30080 }),
            })),
            Duplicate,
            "spec.ports[1].nodePort",
            "Duplicate value: 30080");

    [Fact]
    public void HealthCheckNodePortOnlyForLocalLoadBalancers() =>
        Expect.Only(
            Validate(Baseline.WithServiceSpec(s => s with { ClusterIP = null, Type = ServiceType.NodePort, HealthCheckNodePort = 32000 })),
            Invalid,
            "spec.healthCheckNodePort",
            "Invalid value: 32000: may only be set when `type` is 'LoadBalancer' and `externalTrafficPolicy` is 'Local'");

    [Fact]
    public void LocalLoadBalancerIsAccepted() =>
        Expect.Valid(Validate(Baseline.WithServiceSpec(s => s with
        {
            ClusterIP = null,
            Type = ServiceType.LoadBalancer,
            ExternalTrafficPolicy = TrafficPolicy.Local,
            HealthCheckNodePort = 32000,
            LoadBalancerSourceRanges = ValueList.Of("10.0.0.0/8"),
            AllocateLoadBalancerNodePorts = true,
            LoadBalancerClass = "example.com/internal",
        })));

    [Fact]
    public void TopologyAnnotationsMustAgree() =>
        Expect.Only(
            Validate(Baseline.Nginx with
            {
                Metadata = Baseline.Nginx.Metadata! with
                {
                    Annotations = ValueMap.Of(("service.kubernetes.io/topology-aware-hints", "Auto"), ("service.kubernetes.io/topology-mode", "Disabled")),
                },
            }),
            Invalid,
            "metadata.annotations[service.kubernetes.io/topology-mode]",
            "Invalid value: \"Disabled\": must match annotations[service.kubernetes.io/topology-aware-hints] when both are specified");

    [Fact]
    public void TrafficDistributionMustBeKnown() =>
        Expect.Only(
            Validate(Baseline.WithServiceSpec(s => s with { TrafficDistribution = "PreferNearby" })),
            NotSupported,
            "spec.trafficDistribution",
            "Unsupported value: \"PreferNearby\": supported values: \"PreferClose\", \"PreferSameZone\", \"PreferSameNode\"");

    [Fact]
    public void AffinityConfigOnlyWithClientIp() =>
        Expect.Only(
            Validate(Baseline.WithServiceSpec(s => s with { SessionAffinityConfig = new SessionAffinityConfig() })),
            Forbidden,
            "spec.sessionAffinityConfig",
            "Forbidden: must not be set when session affinity is None");

    [Fact]
    public void AppProtocolIsAQualifiedNameAndExternalIpsAreIps() =>
        Expect.Exactly(
            Validate(Baseline.WithServiceSpec(s => s with
            {
                ExternalIPs = ValueList.Of("example.com"),
                Ports = ValueList.Of(new ServicePort { Name = "web", Port = 80, AppProtocol = "http 2" }),
            })),
            (Invalid, "spec.ports[0].appProtocol", "Invalid value: \"http 2\": " + Messages.QualifiedNamePart),
            (Invalid, "spec.externalIPs[0]", "Invalid value: \"example.com\": must be a valid IP address, (e.g. 10.9.8.7 or 2001:db8::ffff)"));

    [Fact]
    public void UnknownTypeGetsNoTypeSpecificChecks() =>
        Expect.Only(
            Validate(Baseline.WithServiceSpec(s => s with { Type = new EnumValue<ServiceType>("Internal"), Ports = ValueList.Of(new ServicePort { Name = "web", Port = 80, NodePort = 30080 }) })),
            NotSupported,
            "spec.type",
            "Unsupported value: \"Internal\": supported values: \"ClusterIP\", \"ExternalName\", \"LoadBalancer\", \"NodePort\"");

    private static IReadOnlyList<FieldError> Validate(Service service) => WorkloadValidator.ValidateService(service);
}
