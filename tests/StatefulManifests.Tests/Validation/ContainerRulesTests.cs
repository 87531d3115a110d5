using StatefulManifests.Model;
using static StatefulManifests.Validation.FieldErrorType;

namespace StatefulManifests.Tests.Validation;

/// <summary>Containers and init containers of the pod template (reference §C.1 row 26).</summary>
public sealed class ContainerRulesTests
{
    private const string C0 = "spec.template.spec.containers[0]";

    private static Container Sidecar(string name = "helper") => new() { Name = name, Image = "busybox:1.36" };

    [Fact]
    public void ContainerNameIsRequired() =>
        Expect.Only(Baseline.WithContainer(c => c with { Name = null }), Required, C0 + ".name", "Required value");

    [Fact]
    public void ContainerNameMustBeADns1123Label() =>
        Expect.Only(Baseline.WithContainer(c => c with { Name = "Nginx_1" }), Invalid, C0 + ".name", "Invalid value: \"Nginx_1\": " + Messages.Dns1123Label);

    [Fact]
    public void ContainerNamesMustBeUnique() =>
        Expect.Only(
            Baseline.WithPod(p => p with { Containers = p.Containers!.Add(Sidecar("nginx")) }),
            Duplicate,
            "spec.template.spec.containers[1].name",
            "Duplicate value: \"nginx\"");

    [Fact]
    public void InitContainerNamesMustDifferFromContainerNames() =>
        Expect.Only(
            Baseline.WithPod(p => p with { InitContainers = ValueList.Of(Sidecar("nginx")) }),
            Duplicate,
            "spec.template.spec.initContainers[0].name",
            "Duplicate value: \"nginx\"");

    [Fact]
    public void InitContainerNamesMustBeUniqueAmongThemselves() =>
        Expect.Only(
            Baseline.WithPod(p => p with { InitContainers = ValueList.Of(Sidecar("init"), Sidecar("init")) }),
            Duplicate,
            "spec.template.spec.initContainers[1].name",
            "Duplicate value: \"init\"");

    [Fact]
    public void DistinctContainersAndInitContainersAreAccepted() =>
        Expect.Valid(Baseline.WithPod(p => p with { Containers = p.Containers!.Add(Sidecar("metrics")), InitContainers = ValueList.Of(Sidecar("init")) }));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    public void ImageIsRequired(string? image) =>
        Expect.Only(Baseline.WithContainer(c => c with { Image = image }), Required, C0 + ".image", "Required value");

    [Fact]
    public void UnknownPullPolicyIsNotSupported() =>
        Expect.Only(
            Baseline.WithContainer(c => c with { ImagePullPolicy = new EnumValue<PullPolicy>("Sometimes") }),
            NotSupported,
            C0 + ".imagePullPolicy",
            "Unsupported value: \"Sometimes\": supported values: \"Always\", \"IfNotPresent\", \"Never\"");

    [Fact]
    public void EmptyPullPolicyIsDefaulted() =>
        Expect.Valid(Baseline.WithContainer(c => c with { ImagePullPolicy = new EnumValue<PullPolicy>(string.Empty) }));

    [Fact]
    public void UnknownTerminationMessagePolicyIsNotSupported() =>
        Expect.Only(
            Baseline.WithContainer(c => c with { TerminationMessagePolicy = new EnumValue<TerminationMessagePolicy>("Logs") }),
            NotSupported,
            C0 + ".terminationMessagePolicy",
            "Unsupported value: \"Logs\": supported values: \"File\", \"FallbackToLogsOnError\"");

    [Fact]
    public void PortNameMustBeAnIanaServiceName() =>
        Expect.Exactly(
            Expect.Errors(Port(new ContainerPort { Name = "Web--Port-Number", ContainerPortValue = 80 })),
            (Invalid, C0 + ".ports[0].name", "Invalid value: \"Web--Port-Number\": must be no more than 15 characters"),
            (Invalid, C0 + ".ports[0].name", "Invalid value: \"Web--Port-Number\": must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-)"),
            (Invalid, C0 + ".ports[0].name", "Invalid value: \"Web--Port-Number\": must not contain consecutive hyphens"));

    [Fact]
    public void PortNameNeedsALetterAndNoOuterHyphen() =>
        Expect.Exactly(
            Expect.Errors(Port(new ContainerPort { Name = "-80", ContainerPortValue = 80 })),
            (Invalid, C0 + ".ports[0].name", "Invalid value: \"-80\": must contain at least one letter (a-z)"),
            (Invalid, C0 + ".ports[0].name", "Invalid value: \"-80\": must not begin or end with a hyphen"));

    [Fact]
    public void PortNamesMustBeUniqueWithinAContainer() =>
        Expect.Only(
            Port(new ContainerPort { Name = "web", ContainerPortValue = 80 }, new ContainerPort { Name = "web", ContainerPortValue = 8080 }),
            Duplicate,
            C0 + ".ports[1].name",
            "Duplicate value: \"web\"");

    [Fact]
    public void ContainerPortIsRequired() =>
        Expect.Only(Port(new ContainerPort { Name = "web" }), Required, C0 + ".ports[0].containerPort", "Required value");

    [Theory]
    [InlineData(-1)]
    [InlineData(65536)]
    public void ContainerPortMustBeInRange(int port) =>
        Expect.Only(Port(new ContainerPort { ContainerPortValue = port }), Invalid, C0 + ".ports[0].containerPort", $"Invalid value: {port}: {Messages.PortRange}");

    [Fact]
    public void HostPortMustBeInRange() =>
        Expect.Only(Port(new ContainerPort { ContainerPortValue = 80, HostPort = 70000 }), Invalid, C0 + ".ports[0].hostPort", "Invalid value: 70000: " + Messages.PortRange);

    [Fact]
    public void UnknownProtocolIsNotSupported() =>
        Expect.Only(
            Port(new ContainerPort { ContainerPortValue = 80, Protocol = new EnumValue<Protocol>("tcp") }),
            NotSupported,
            C0 + ".ports[0].protocol",
            "Unsupported value: \"tcp\": supported values: \"SCTP\", \"TCP\", \"UDP\"");

    [Fact]
    public void PortsWithKnownProtocolsAndHostPortsAreAccepted() =>
        Expect.Valid(Port(
            new ContainerPort { Name = "web", ContainerPortValue = 80, HostPort = 8080 },
            new ContainerPort { Name = "dns", ContainerPortValue = 53, Protocol = Protocol.UDP },
            new ContainerPort { Name = "sctp", ContainerPortValue = 9, Protocol = Protocol.SCTP }));

    [Fact]
    public void HostPortsMayNotCollideAcrossContainers() =>
        Expect.Only(
            Baseline.WithPod(p => p with
            {
                Containers = ValueList.Of(
                    p.Containers![0] with { Ports = ValueList.Of(new ContainerPort { ContainerPortValue = 80, HostPort = 8080 }) },
                    Sidecar() with { Ports = ValueList.Of(new ContainerPort { ContainerPortValue = 81, HostPort = 8080 }) }),
            }),
            Duplicate,
            "spec.template.spec.containers[1].ports[0].hostPort",
            "Duplicate value: \"TCP//8080\"");

    [Fact]
    public void InitContainersMayReuseAHostPortOfAnotherContainer() =>
        Expect.Valid(Baseline.WithPod(p => p with
        {
            Containers = ValueList.Of(p.Containers![0] with { Ports = ValueList.Of(new ContainerPort { ContainerPortValue = 80, HostPort = 8080 }) }),
            InitContainers = ValueList.Of(Sidecar() with { Ports = ValueList.Of(new ContainerPort { ContainerPortValue = 81, HostPort = 8080 }) }),
        }));

    [Fact]
    public void RegularContainersMayNotSetRestartPolicy() =>
        Expect.Only(
            Baseline.WithContainer(c => c with { RestartPolicy = ContainerRestartPolicy.Always }),
            Forbidden,
            C0 + ".restartPolicy",
            "Forbidden: may not be set for non-init containers");

    [Fact]
    public void InitContainerRestartPolicyMayOnlyBeAlways() =>
        Expect.Only(
            Baseline.WithPod(p => p with { InitContainers = ValueList.Of(Sidecar() with { RestartPolicy = new EnumValue<ContainerRestartPolicy>("OnFailure") }) }),
            NotSupported,
            "spec.template.spec.initContainers[0].restartPolicy",
            "Unsupported value: \"OnFailure\": supported values: \"Always\"");

    [Fact]
    public void PlainInitContainersMayNotHaveProbesOrLifecycle() =>
        Expect.Exactly(
            Expect.Errors(Baseline.WithPod(p => p with
            {
                InitContainers = ValueList.Of(Sidecar() with
                {
                    Lifecycle = new Lifecycle { PreStop = new LifecycleHandler { Exec = new ExecAction { Command = ValueList.Of("true") } } },
                    ReadinessProbe = new Probe { Exec = new ExecAction { Command = ValueList.Of("true") } },
                }),
            })),
            (Forbidden, "spec.template.spec.initContainers[0].lifecycle", "Forbidden: may not be set for init containers without restartPolicy=Always"),
            (Forbidden, "spec.template.spec.initContainers[0].readinessProbe", "Forbidden: may not be set for init containers without restartPolicy=Always"));

    [Fact]
    public void SidecarInitContainersMayHaveProbesAndTheyAreValidated() =>
        Expect.Only(
            Baseline.WithPod(p => p with
            {
                InitContainers = ValueList.Of(Sidecar() with
                {
                    RestartPolicy = ContainerRestartPolicy.Always,
                    ReadinessProbe = new Probe { Exec = new ExecAction { Command = ValueList.Of("true") } },
                    LivenessProbe = new Probe { Exec = new ExecAction { Command = ValueList.Of("true") }, SuccessThreshold = 2 },
                }),
            }),
            Invalid,
            "spec.template.spec.initContainers[0].livenessProbe.successThreshold",
            "Invalid value: 2: must be 1");

    [Fact]
    public void NonSidecarInitContainersMayNotRestartToResize() =>
        Expect.Only(
            Baseline.WithPod(p => p with
            {
                InitContainers = ValueList.Of(Sidecar() with
                {
                    ResizePolicy = ValueList.Of(new ContainerResizePolicy { ResourceName = "cpu", RestartPolicy = ResizeRestartPolicy.RestartContainer }),
                }),
            }),
            Invalid,
            "spec.template.spec.initContainers[0].resizePolicy[0].restartPolicy",
            "Invalid value: \"RestartContainer\": must not be set to 'RestartContainer' for non-sidecar initContainers");

    [Fact]
    public void ResizePolicyResourcesMustBeCpuOrMemoryAndUnique() =>
        Expect.Exactly(
            Expect.Errors(Baseline.WithContainer(c => c with
            {
                ResizePolicy = ValueList.Of(
                    new ContainerResizePolicy { ResourceName = "cpu", RestartPolicy = ResizeRestartPolicy.NotRequired },
                    new ContainerResizePolicy { ResourceName = "cpu", RestartPolicy = new EnumValue<ResizeRestartPolicy>("Later") },
                    new ContainerResizePolicy { ResourceName = "gpu", RestartPolicy = ResizeRestartPolicy.NotRequired }),
            })),
            (Duplicate, C0 + ".resizePolicy[1]", "Duplicate value: \"cpu\""),
            (NotSupported, C0 + ".resizePolicy", "Unsupported value: \"Later\": supported values: \"NotRequired\", \"RestartContainer\""),
            (NotSupported, C0 + ".resizePolicy", "Unsupported value: \"gpu\": supported values: \"cpu\", \"memory\""));

    [Fact]
    public void EphemeralContainersAreCheckedBeforeBeingForbidden() =>
        Expect.Exactly(
            Expect.Errors(Baseline.WithPod(p => p with
            {
                EphemeralContainers = ValueList.Of(new EphemeralContainer
                {
                    Name = "nginx",
                    Image = "busybox",
                    TargetContainerName = "db",
                    Ports = ValueList.Of(new ContainerPort { ContainerPortValue = 80 }),
                    VolumeMounts = ValueList.Of(new VolumeMount { Name = "www", MountPath = "/d", SubPath = "x" }),
                }),
            })),
            (Duplicate, "spec.template.spec.ephemeralContainers[0].name", "Duplicate value: \"nginx\""),
            (NotFound, "spec.template.spec.ephemeralContainers[0].targetContainerName", "Not found: \"db\""),
            (Forbidden, "spec.template.spec.ephemeralContainers[0].ports", "Forbidden: cannot be set for an Ephemeral Container"),
            (Forbidden, "spec.template.spec.ephemeralContainers[0].volumeMounts[0].subPath", "Forbidden: cannot be set for an Ephemeral Container"),
            (Forbidden, "spec.template.spec.ephemeralContainers", "Forbidden: ephemeral containers not allowed in pod template"));

    private static StatefulSet Port(params ContainerPort[] ports) => Baseline.WithContainer(c => c with { Ports = ValueList.Of(ports) });
}
