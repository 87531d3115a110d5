using StatefulManifests.Model;
using static StatefulManifests.Validation.FieldErrorType;

namespace StatefulManifests.Tests.Validation;

/// <summary>Probes and lifecycle handlers of the template's containers.</summary>
public sealed class ProbeRulesTests
{
    private const string C0 = "spec.template.spec.containers[0]";

    private static readonly ExecAction Check = new() { Command = ValueList.Of("/bin/check") };

    [Fact]
    public void AProbeNeedsAHandler() =>
        Expect.Only(Liveness(new Probe { PeriodSeconds = 5 }), Required, C0 + ".livenessProbe", "Required value: must specify a handler type");

    [Fact]
    public void AProbeMayHaveOnlyOneHandler() =>
        Expect.Exactly(
            Expect.Errors(Readiness(new Probe { Exec = Check, TcpSocket = new TCPSocketAction { Port = 80 }, Grpc = new GRPCAction { Port = 9000 } })),
            (Forbidden, C0 + ".readinessProbe.tcpSocket", "Forbidden: may not specify more than 1 handler type"),
            (Forbidden, C0 + ".readinessProbe.grpc", "Forbidden: may not specify more than 1 handler type"));

    [Theory]
    [InlineData("initialDelaySeconds")]
    [InlineData("timeoutSeconds")]
    [InlineData("periodSeconds")]
    [InlineData("failureThreshold")]
    public void TimingsMayNotBeNegative(string field)
    {
        var probe = field switch
        {
            "initialDelaySeconds" => new Probe { Exec = Check, InitialDelaySeconds = -1 },
            "timeoutSeconds" => new Probe { Exec = Check, TimeoutSeconds = -1 },
            "periodSeconds" => new Probe { Exec = Check, PeriodSeconds = -1 },
            _ => new Probe { Exec = Check, FailureThreshold = -1 },
        };
        Expect.Only(Readiness(probe), Invalid, C0 + ".readinessProbe." + field, "Invalid value: -1: must be greater than or equal to 0");
    }

    [Fact]
    public void NegativeSuccessThresholdOnALivenessProbeFailsBothChecks() =>
        Expect.Exactly(
            Expect.Errors(Liveness(new Probe { Exec = Check, SuccessThreshold = -1 })),
            (Invalid, C0 + ".livenessProbe.successThreshold", "Invalid value: -1: must be greater than or equal to 0"),
            (Invalid, C0 + ".livenessProbe.successThreshold", "Invalid value: -1: must be 1"));

    [Fact]
    public void StartupSuccessThresholdMustBeOne() =>
        Expect.Only(Startup(new Probe { Exec = Check, SuccessThreshold = 3 }), Invalid, C0 + ".startupProbe.successThreshold", "Invalid value: 3: must be 1");

    [Fact]
    public void ReadinessSuccessThresholdMayBeAboveOne() => Expect.Valid(Readiness(new Probe { Exec = Check, SuccessThreshold = 3 }));

    [Fact]
    public void ReadinessProbesMayNotSetTerminationGracePeriod() =>
        Expect.Only(
            Readiness(new Probe { Exec = Check, TerminationGracePeriodSeconds = 5 }),
            Invalid,
            C0 + ".readinessProbe.terminationGracePeriodSeconds",
            "Invalid value: 5: must not be set for readinessProbes");

    [Fact]
    public void ProbeTerminationGracePeriodMustBePositive() =>
        Expect.Only(
            Liveness(new Probe { Exec = Check, TerminationGracePeriodSeconds = 0 }),
            Invalid,
            C0 + ".livenessProbe.terminationGracePeriodSeconds",
            "Invalid value: 0: must be greater than 0");

    [Fact]
    public void LivenessTerminationGracePeriodIsAccepted() => Expect.Valid(Liveness(new Probe { Exec = Check, TerminationGracePeriodSeconds = 15 }));

    [Fact]
    public void ExecNeedsACommand() =>
        Expect.Only(Liveness(new Probe { Exec = new ExecAction() }), Required, C0 + ".livenessProbe.exec.command", "Required value");

    [Fact]
    public void HttpGetWithoutPathIsDefaultedButNeedsAValidPort() =>
        Expect.Only(Liveness(new Probe { HttpGet = new HTTPGetAction() }), Invalid, C0 + ".livenessProbe.httpGet.port", "Invalid value: 0: " + Messages.PortRange);

    [Fact]
    public void HttpGetPortNameMustBeAnIanaName() =>
        Expect.Only(
            Liveness(new Probe { HttpGet = new HTTPGetAction { Path = "/healthz", Port = "Http" } }),
            Invalid,
            C0 + ".livenessProbe.httpGet.port",
            "Invalid value: \"Http\": must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-)");

    [Fact]
    public void HttpGetWithNamedPortAndKnownSchemeIsAccepted() =>
        Expect.Valid(Liveness(new Probe { HttpGet = new HTTPGetAction { Path = "/healthz", Port = "web", Scheme = UriScheme.HTTPS } }));

    [Fact]
    public void HttpGetSchemeMustBeKnown() =>
        Expect.Only(
            Liveness(new Probe { HttpGet = new HTTPGetAction { Port = 80, Scheme = new EnumValue<UriScheme>("http") } }),
            NotSupported,
            C0 + ".livenessProbe.httpGet.scheme",
            "Unsupported value: \"http\": supported values: \"HTTP\", \"HTTPS\"");

    [Fact]
    public void HttpHeaderNamesMustBeTokens() =>
        Expect.Only(
            Liveness(new Probe { HttpGet = new HTTPGetAction { Port = 80, HttpHeaders = ValueList.Of(new HTTPHeader { Name = "X Custom", Value = "1" }) } }),
            Invalid,
            C0 + ".livenessProbe.httpGet.httpHeaders",
            "Invalid value: \"X Custom\": a valid HTTP header must consist of alphanumeric characters or '-' (e.g. 'X-Header-Name', regex used for validation is '[-A-Za-z0-9]+')");

    [Fact]
    public void TcpSocketPortMustBeValid() =>
        Expect.Only(Readiness(new Probe { TcpSocket = new TCPSocketAction { Port = 70000 } }), Invalid, C0 + ".readinessProbe.tcpSocket.port", "Invalid value: 70000: " + Messages.PortRange);

    [Fact]
    public void GrpcPortMustBeValid() =>
        Expect.Only(Readiness(new Probe { Grpc = new GRPCAction() }), Invalid, C0 + ".readinessProbe.grpc.port", "Invalid value: 0: " + Messages.PortRange);

    [Fact]
    public void LifecycleHandlersAreValidated() =>
        Expect.Only(
            Baseline.WithContainer(c => c with { Lifecycle = new Lifecycle { PostStart = new LifecycleHandler() } }),
            Required,
            C0 + ".lifecycle.postStart",
            "Required value: must specify a handler type");

    [Fact]
    public void SleepMayNotOutlastTheGracePeriod() =>
        Expect.Only(
            Baseline.WithContainer(c => c with { Lifecycle = new Lifecycle { PreStop = new LifecycleHandler { Sleep = new SleepAction { Seconds = 11 } } } }),
            Invalid,
            C0 + ".lifecycle.preStop.sleep",
            "Invalid value: 11: must be non-negative and less than terminationGracePeriodSeconds (10)");

    [Fact]
    public void SleepUsesTheDefaultGracePeriodWhenUnset() =>
        Expect.Valid(Baseline.WithPod(p => p with
        {
            TerminationGracePeriodSeconds = null,
            Containers = ValueList.Of(p.Containers![0] with { Lifecycle = new Lifecycle { PreStop = new LifecycleHandler { Sleep = new SleepAction { Seconds = 30 } } } }),
        }));

    private static StatefulSet Liveness(Probe probe) => Baseline.WithContainer(c => c with { LivenessProbe = probe });

    private static StatefulSet Readiness(Probe probe) => Baseline.WithContainer(c => c with { ReadinessProbe = probe });

    private static StatefulSet Startup(Probe probe) => Baseline.WithContainer(c => c with { StartupProbe = probe });
}
