using StatefulManifests.Model;

namespace StatefulManifests;

/// <summary>
/// Builds a container probe (<c>livenessProbe</c>, <c>readinessProbe</c>, <c>startupProbe</c>). A probe has exactly
/// one handler: setting one (<see cref="Exec"/>, <see cref="HttpGet(string, int, UriScheme?, string?)"/>,
/// <see cref="TcpSocket(int, string?)"/>, <see cref="Grpc"/>) replaces any other. Timings left unset take
/// Kubernetes' defaults (period 10 s, timeout 1 s, success 1, failure 3, no initial delay).
/// </summary>
public sealed class ProbeBuilder : ModelBuilder<ProbeBuilder, Probe>
{
    internal ProbeBuilder(Probe model)
        : base(model, ValueList<LocalOrigin>.Empty)
    {
    }

    private ProbeBuilder(Probe model, ValueList<LocalOrigin> origins)
        : base(model, origins)
    {
    }

    /// <summary>Sets <c>exec.command</c>: run a command in the container; exit code 0 is success.</summary>
    public ProbeBuilder Exec(params string[] command) => Handler("exec", p => p with { Exec = HandlerActions.Exec(command) });

    /// <summary>Sets <c>httpGet</c> on a port number: a status of 200-399 is success. Scheme defaults to HTTP, host to the pod IP.</summary>
    /// <param name="path">The <c>httpGet.path</c>, e.g. <c>/healthz</c>.</param>
    /// <param name="port">The <c>httpGet.port</c> number.</param>
    /// <param name="scheme">The <c>httpGet.scheme</c> (default: unset, meaning HTTP).</param>
    /// <param name="host">The <c>httpGet.host</c> (default: unset, meaning the pod IP).</param>
    public ProbeBuilder HttpGet(string path, int port, UriScheme? scheme = null, string? host = null) =>
        Handler("httpGet", p => p with { HttpGet = HandlerActions.HttpGet(path, port, scheme, host) });

    /// <summary>Sets <c>httpGet</c> on a named container port (<c>.HttpGet("/healthz", "web")</c>).</summary>
    /// <param name="path">The <c>httpGet.path</c>.</param>
    /// <param name="portName">The <c>httpGet.port</c>, a container port name.</param>
    /// <param name="scheme">The <c>httpGet.scheme</c> (default: unset, meaning HTTP).</param>
    /// <param name="host">The <c>httpGet.host</c> (default: unset, meaning the pod IP).</param>
    public ProbeBuilder HttpGet(string path, string portName, UriScheme? scheme = null, string? host = null) =>
        Handler("httpGet", p => p with { HttpGet = HandlerActions.HttpGet(path, portName, scheme, host) });

    /// <summary>Adds an entry to <c>httpGet.httpHeaders</c> (call after <c>HttpGet</c>).</summary>
    public ProbeBuilder HttpHeader(string name, string value) =>
        Set(RelativePath.Of("httpGet", "httpHeaders"), p => p with { HttpGet = HandlerActions.WithHeader(p.HttpGet, name, value) });

    /// <summary>Sets <c>tcpSocket</c> on a port number: an open connection is success.</summary>
    public ProbeBuilder TcpSocket(int port, string? host = null) => Handler("tcpSocket", p => p with { TcpSocket = HandlerActions.TcpSocket(port, host) });

    /// <summary>Sets <c>tcpSocket</c> on a named container port.</summary>
    public ProbeBuilder TcpSocket(string portName, string? host = null) => Handler("tcpSocket", p => p with { TcpSocket = HandlerActions.TcpSocket(portName, host) });

    /// <summary>Sets <c>grpc</c>: the gRPC health-checking protocol on <paramref name="port"/>, optionally for <paramref name="service"/> (<c>grpc.service</c>).</summary>
    public ProbeBuilder Grpc(int port, string? service = null) => Handler("grpc", p => p with { Grpc = new GRPCAction { Port = port, Service = service } });

    /// <summary>Sets <c>initialDelaySeconds</c> (default 0): seconds after start before the first probe.</summary>
    public ProbeBuilder InitialDelaySeconds(int seconds) => Set("initialDelaySeconds", p => p with { InitialDelaySeconds = seconds });

    /// <summary>Sets <c>timeoutSeconds</c> (default 1).</summary>
    public ProbeBuilder TimeoutSeconds(int seconds) => Set("timeoutSeconds", p => p with { TimeoutSeconds = seconds });

    /// <summary>Sets <c>periodSeconds</c> (default 10).</summary>
    public ProbeBuilder PeriodSeconds(int seconds) => Set("periodSeconds", p => p with { PeriodSeconds = seconds });

    /// <summary>Sets <c>successThreshold</c> (default 1; must be 1 for liveness and startup probes).</summary>
    public ProbeBuilder SuccessThreshold(int count) => Set("successThreshold", p => p with { SuccessThreshold = count });

    /// <summary>Sets <c>failureThreshold</c> (default 3).</summary>
    public ProbeBuilder FailureThreshold(int count) => Set("failureThreshold", p => p with { FailureThreshold = count });

    /// <summary>Sets the probe-level <c>terminationGracePeriodSeconds</c> (default: the pod's), used when a liveness or startup probe fails.</summary>
    public ProbeBuilder TerminationGracePeriodSeconds(long seconds) => Set("terminationGracePeriodSeconds", p => p with { TerminationGracePeriodSeconds = seconds });

    /// <summary>
    /// Model-level escape hatch: applies <paramref name="update"/> to the probe built so far (e.g. a field the DSL
    /// has no method for). Compile-time evaluation may not support arbitrary lambdas; prefer DSL methods in declarations.
    /// </summary>
    public ProbeBuilder Modify(Func<Probe, Probe> update) => ModifyModel(update);

    private protected override ProbeBuilder With(Probe model, ValueList<LocalOrigin> origins) => new(model, origins);

    private ProbeBuilder Handler(string field, Func<Probe, Probe> set) =>
        Set(field, p => set(p with { Exec = null, HttpGet = null, TcpSocket = null, Grpc = null }));
}
