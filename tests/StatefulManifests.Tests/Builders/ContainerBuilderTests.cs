using StatefulManifests.Model;

namespace StatefulManifests.Tests.Builders;

/// <summary>Container, env, resources, probes, lifecycle and container security context setters.</summary>
public class ContainerBuilderTests
{
    private static Container Build(Func<ContainerBuilder, ContainerBuilder> configure) =>
        Workload.StatefulSet("s").Container("main", configure).Build().Container();

    [Fact]
    public void BasicFields()
    {
        var c = Build(c => c
            .Image("mysql:5.7")
            .ImagePullPolicy(PullPolicy.IfNotPresent)
            .Command("bash", "-c")
            .Args("echo hi")
            .WorkingDir("/work")
            .TerminationMessagePath("/tmp/term")
            .TerminationMessagePolicy(TerminationMessagePolicy.FallbackToLogsOnError)
            .Stdin()
            .Tty());

        Assert.Equal(
            new Container
            {
                Name = "main",
                Image = "mysql:5.7",
                ImagePullPolicy = PullPolicy.IfNotPresent,
                Command = ValueList.Of("bash", "-c"),
                Args = ValueList.Of("echo hi"),
                WorkingDir = "/work",
                TerminationMessagePath = "/tmp/term",
                TerminationMessagePolicy = TerminationMessagePolicy.FallbackToLogsOnError,
                Stdin = true,
                Tty = true,
            },
            c);
    }

    [Fact]
    public void CommandAndArgsReplaceEarlierValues()
    {
        var c = Build(c => c.Command("a").Command("b", "c").Args("x").Args());

        Assert.Equal(ValueList.Of("b", "c"), c.Command);
        Assert.Equal(ValueList<string>.Empty, c.Args);
    }

    [Fact]
    public void PortsNamedUnnamedProtocolAndHostPort()
    {
        var c = Build(c => c.Port("web", 80).Port(9100).Port("dns", 53, Protocol.UDP, hostPort: 53));

        Assert.Equal(
            ValueList.Of(
                new ContainerPort { Name = "web", ContainerPortValue = 80 },
                new ContainerPort { ContainerPortValue = 9100 },
                new ContainerPort { Name = "dns", ContainerPortValue = 53, Protocol = Protocol.UDP, HostPort = 53 }),
            c.Ports);
    }

    [Fact]
    public void PortWithTheSameNameIsReplaced()
    {
        var c = Build(c => c.Port("web", 80).Port("admin", 9000).Port("web", 8080));

        Assert.Equal(
            ValueList.Of(new ContainerPort { Name = "web", ContainerPortValue = 8080 }, new ContainerPort { Name = "admin", ContainerPortValue = 9000 }),
            c.Ports);
    }

    [Fact]
    public void MountsWithAllOptionsAndReplacementByPath()
    {
        var c = Build(c => c
            .Mount("data", "/var/lib/mysql", subPath: "mysql")
            .Mount("conf", "/etc/mysql/conf.d", readOnly: true)
            .Mount("logs", "/logs", subPathExpr: "$(POD_NAME)", propagation: MountPropagation.HostToContainer)
            .Mount("conf2", "/etc/mysql/conf.d"));

        Assert.Equal(
            ValueList.Of(
                new VolumeMount { Name = "data", MountPath = "/var/lib/mysql", SubPath = "mysql" },
                new VolumeMount { Name = "conf2", MountPath = "/etc/mysql/conf.d" },
                new VolumeMount { Name = "logs", MountPath = "/logs", SubPathExpr = "$(POD_NAME)", MountPropagation = MountPropagation.HostToContainer }),
            c.VolumeMounts);
    }

    [Fact]
    public void EnvironmentOfEveryKindInOrder()
    {
        var c = Build(c => c
            .Env("MODE", "primary")
            .EnvFromSecret("MYSQL_ROOT_PASSWORD", secret: "mysql", key: "password")
            .EnvFromConfigMap("LOG_LEVEL", configMap: "settings", key: "log-level", optional: true)
            .EnvFromField("POD_NAME", "metadata.name")
            .EnvFromField("POD_IP", "status.podIP", apiVersion: "v1")
            .EnvFromResource("MEM_LIMIT", "limits.memory", divisor: "1Mi")
            .EnvFromAllOfConfigMap("common", prefix: "APP_")
            .EnvFromAllOfSecret("tokens", optional: false));

        Assert.Equal(
            ValueList.Of(
                new EnvVar { Name = "MODE", Value = "primary" },
                new EnvVar { Name = "MYSQL_ROOT_PASSWORD", ValueFrom = new EnvVarSource { SecretKeyRef = new SecretKeySelector { Name = "mysql", Key = "password" } } },
                new EnvVar { Name = "LOG_LEVEL", ValueFrom = new EnvVarSource { ConfigMapKeyRef = new ConfigMapKeySelector { Name = "settings", Key = "log-level", Optional = true } } },
                new EnvVar { Name = "POD_NAME", ValueFrom = new EnvVarSource { FieldRef = new ObjectFieldSelector { FieldPath = "metadata.name" } } },
                new EnvVar { Name = "POD_IP", ValueFrom = new EnvVarSource { FieldRef = new ObjectFieldSelector { FieldPath = "status.podIP", ApiVersion = "v1" } } },
                new EnvVar { Name = "MEM_LIMIT", ValueFrom = new EnvVarSource { ResourceFieldRef = new ResourceFieldSelector { Resource = "limits.memory", Divisor = Quantity.Parse("1Mi") } } }),
            c.Env);
        Assert.Equal(
            ValueList.Of(
                new EnvFromSource { Prefix = "APP_", ConfigMapRef = new ConfigMapEnvSource { Name = "common" } },
                new EnvFromSource { SecretRef = new SecretEnvSource { Name = "tokens", Optional = false } }),
            c.EnvFrom);
    }

    [Fact]
    public void EnvWithTheSameNameIsReplacedInPlace()
    {
        var c = Build(c => c.Env("A", "1").Env("B", "2").EnvFromSecret("A", "s", "k"));

        Assert.Equal(["A", "B"], c.Env!.Select(e => e.Name));
        Assert.Null(c.Env![0].Value);
        Assert.Equal("s", c.Env[0].ValueFrom!.SecretKeyRef!.Name);
    }

    [Fact]
    public void ResourcesRequestsAndLimits()
    {
        var c = Build(c => c
            .Requests(cpu: "500m", memory: "1Gi", ephemeralStorage: "2Gi")
            .Limits(memory: "2Gi")
            .Limit("nvidia.com/gpu", "1")
            .Requests(cpu: "250m"));

        Assert.Equal(
            ValueMap.Of(("cpu", Quantity.Parse("250m")), ("memory", Quantity.Parse("1Gi")), ("ephemeral-storage", Quantity.Parse("2Gi"))),
            c.Resources!.Requests);
        Assert.Equal(ValueMap.Of(("memory", Quantity.Parse("2Gi")), ("nvidia.com/gpu", Quantity.Parse("1"))), c.Resources.Limits);
    }

    [Fact]
    public void RequestForAnyResourceName()
    {
        var c = Build(c => c.Request("hugepages-2Mi", "100Mi"));

        Assert.Equal(Quantity.Parse("100Mi"), c.Resources!.Requests!["hugepages-2Mi"]);
        Assert.Null(c.Resources.Limits);
    }

    [Fact]
    public void InvalidQuantityIsKeptWithItsErrorForValidation()
    {
        var memory = Build(c => c.Limits(memory: "10GB")).Resources!.Limits!["memory"];

        Assert.False(memory.IsValid);
        Assert.Equal("10GB", memory.ToString());
        Assert.Contains("10Gi", memory.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void ProbesOfEveryKindAndTheirTimings()
    {
        var c = Build(c => c
            .ReadinessProbe(p => p.HttpGet("/healthz", "web").PeriodSeconds(5).TimeoutSeconds(2).SuccessThreshold(2).FailureThreshold(4).InitialDelaySeconds(3))
            .LivenessProbe(p => p.Exec("sh", "-c", "pg_isready").TerminationGracePeriodSeconds(15))
            .StartupProbe(p => p.TcpSocket(5432).FailureThreshold(30)));

        Assert.Equal(
            new Probe
            {
                HttpGet = new HTTPGetAction { Path = "/healthz", Port = "web" },
                PeriodSeconds = 5,
                TimeoutSeconds = 2,
                SuccessThreshold = 2,
                FailureThreshold = 4,
                InitialDelaySeconds = 3,
            },
            c.ReadinessProbe);
        Assert.Equal(new Probe { Exec = new ExecAction { Command = ValueList.Of("sh", "-c", "pg_isready") }, TerminationGracePeriodSeconds = 15 }, c.LivenessProbe);
        Assert.Equal(new Probe { TcpSocket = new TCPSocketAction { Port = 5432 }, FailureThreshold = 30 }, c.StartupProbe);
    }

    [Fact]
    public void HttpGetOnANumberWithSchemeHostAndHeaders()
    {
        var probe = Build(c => c.LivenessProbe(p => p.HttpGet("/live", 8443, UriScheme.HTTPS, "localhost").HttpHeader("X-Probe", "1"))).LivenessProbe!;

        Assert.Equal(
            new HTTPGetAction
            {
                Path = "/live",
                Port = 8443,
                Scheme = UriScheme.HTTPS,
                Host = "localhost",
                HttpHeaders = ValueList.Of(new HTTPHeader { Name = "X-Probe", Value = "1" }),
            },
            probe.HttpGet);
    }

    [Fact]
    public void GrpcAndNamedTcpProbes()
    {
        var c = Build(c => c.LivenessProbe(p => p.Grpc(9090, service: "health")).ReadinessProbe(p => p.TcpSocket("client")));

        Assert.Equal(new GRPCAction { Port = 9090, Service = "health" }, c.LivenessProbe!.Grpc);
        Assert.Equal(new TCPSocketAction { Port = "client" }, c.ReadinessProbe!.TcpSocket);
    }

    [Fact]
    public void ChoosingAnotherProbeHandlerReplacesTheFirstButKeepsTimings()
    {
        var probe = Build(c => c.ReadinessProbe(p => p.HttpGet("/", 80).PeriodSeconds(7)).ReadinessProbe(p => p.Exec("true"))).ReadinessProbe!;

        Assert.Null(probe.HttpGet);
        Assert.Equal(ValueList.Of("true"), probe.Exec!.Command);
        Assert.Equal(7, probe.PeriodSeconds);
    }

    [Fact]
    public void LifecycleHooks()
    {
        var c = Build(c => c
            .PreStop(l => l.Exec("/bin/sh", "-c", "nodetool drain"))
            .PostStart(l => l.HttpGet("/started", "web").HttpHeader("A", "b")));
        var sleeping = Build(c => c.PreStop(l => l.Sleep(5)));
        var tcp = Build(c => c.PostStart(l => l.TcpSocket(80, "localhost")));

        Assert.Equal(ValueList.Of("/bin/sh", "-c", "nodetool drain"), c.Lifecycle!.PreStop!.Exec!.Command);
        Assert.Equal(
            new HTTPGetAction { Path = "/started", Port = "web", HttpHeaders = ValueList.Of(new HTTPHeader { Name = "A", Value = "b" }) },
            c.Lifecycle.PostStart!.HttpGet);
        Assert.Equal(new LifecycleHandler { Sleep = new SleepAction { Seconds = 5 } }, sleeping.Lifecycle!.PreStop);
        Assert.Equal(new TCPSocketAction { Port = 80, Host = "localhost" }, tcp.Lifecycle!.PostStart!.TcpSocket);
    }

    [Fact]
    public void ChoosingAnotherHookActionReplacesTheFirst()
    {
        var hook = Build(c => c.PreStop(l => l.Exec("x").Sleep(3))).Lifecycle!.PreStop!;

        Assert.Equal(new LifecycleHandler { Sleep = new SleepAction { Seconds = 3 } }, hook);
    }

    [Fact]
    public void ContainerSecurityContext()
    {
        var context = Build(c => c.SecurityContext(s => s
            .RunAsNonRoot()
            .RunAsUser(1000)
            .RunAsGroup(1000)
            .ReadOnlyRootFilesystem()
            .AllowPrivilegeEscalation(false)
            .Privileged(false)
            .AddCapabilities("IPC_LOCK")
            .DropCapabilities("ALL")
            .SeccompProfile(SeccompProfileType.Localhost, "profiles/db.json")
            .ProcMount(ProcMountType.Default)
            .SeLinuxOptions(type: "spc_t"))).SecurityContext;

        Assert.Equal(
            new SecurityContext
            {
                RunAsNonRoot = true,
                RunAsUser = 1000,
                RunAsGroup = 1000,
                ReadOnlyRootFilesystem = true,
                AllowPrivilegeEscalation = false,
                Privileged = false,
                Capabilities = new Capabilities { Add = ValueList.Of("IPC_LOCK"), Drop = ValueList.Of("ALL") },
                SeccompProfile = new SeccompProfile { Type = SeccompProfileType.Localhost, LocalhostProfile = "profiles/db.json" },
                ProcMount = ProcMountType.Default,
                SeLinuxOptions = new SELinuxOptions { Type = "spc_t" },
            },
            context);
    }

    [Fact]
    public void SidecarInitContainerRestartPolicy()
    {
        var init = Workload.StatefulSet("s")
            .InitContainer("proxy", c => c.Image("envoy:1").RestartPolicy(ContainerRestartPolicy.Always))
            .Build()
            .Pod()
            .InitContainers![0];

        Assert.Equal<EnumValue<ContainerRestartPolicy>?>(ContainerRestartPolicy.Always, init.RestartPolicy);
    }

    [Fact]
    public void ContainerModifyEscapeHatch()
    {
        var c = Build(c => c.Image("x:1").Modify(m => m with { VolumeDevices = ValueList.Of(new VolumeDevice { Name = "raw", DevicePath = "/dev/xvda" }) }));

        Assert.Equal("x:1", c.Image);
        Assert.Equal("/dev/xvda", c.VolumeDevices![0].DevicePath);
    }
}
