using StatefulManifests.Model;

namespace StatefulManifests;

/// <summary>
/// Builds a lifecycle hook (<c>lifecycle.postStart</c> or <c>lifecycle.preStop</c>). A hook has exactly one action:
/// setting one replaces any other.
/// </summary>
public sealed class LifecycleHandlerBuilder : ModelBuilder<LifecycleHandlerBuilder, LifecycleHandler>
{
    internal LifecycleHandlerBuilder(LifecycleHandler model)
        : base(model, ValueList<LocalOrigin>.Empty)
    {
    }

    private LifecycleHandlerBuilder(LifecycleHandler model, ValueList<LocalOrigin> origins)
        : base(model, origins)
    {
    }

    /// <summary>Sets <c>exec.command</c>: a command run in the container (not in a shell unless you call one).</summary>
    public LifecycleHandlerBuilder Exec(params string[] command) => Action("exec", h => h with { Exec = HandlerActions.Exec(command) });

    /// <summary>Sets <c>httpGet</c> on a port number (scheme defaults to HTTP, host to the pod IP).</summary>
    public LifecycleHandlerBuilder HttpGet(string path, int port, UriScheme? scheme = null, string? host = null) =>
        Action("httpGet", h => h with { HttpGet = HandlerActions.HttpGet(path, port, scheme, host) });

    /// <summary>Sets <c>httpGet</c> on a named container port.</summary>
    public LifecycleHandlerBuilder HttpGet(string path, string portName, UriScheme? scheme = null, string? host = null) =>
        Action("httpGet", h => h with { HttpGet = HandlerActions.HttpGet(path, portName, scheme, host) });

    /// <summary>Adds an entry to <c>httpGet.httpHeaders</c> (call after <c>HttpGet</c>).</summary>
    public LifecycleHandlerBuilder HttpHeader(string name, string value) =>
        Set(RelativePath.Of("httpGet", "httpHeaders"), h => h with { HttpGet = HandlerActions.WithHeader(h.HttpGet, name, value) });

    /// <summary>Sets <c>sleep.seconds</c>: the kubelet waits this long (a common preStop to let endpoints drain).</summary>
    public LifecycleHandlerBuilder Sleep(long seconds) => Action("sleep", h => h with { Sleep = new SleepAction { Seconds = seconds } });

    /// <summary>Sets <c>tcpSocket</c> (deprecated by Kubernetes for hooks and accepted only for compatibility).</summary>
    public LifecycleHandlerBuilder TcpSocket(int port, string? host = null) => Action("tcpSocket", h => h with { TcpSocket = HandlerActions.TcpSocket(port, host) });

    /// <summary>
    /// Model-level escape hatch: applies <paramref name="update"/> to the hook built so far (e.g. a field the DSL
    /// has no method for). Compile-time evaluation may not support arbitrary lambdas; prefer DSL methods in declarations.
    /// </summary>
    public LifecycleHandlerBuilder Modify(Func<LifecycleHandler, LifecycleHandler> update) => ModifyModel(update);

    private protected override LifecycleHandlerBuilder With(LifecycleHandler model, ValueList<LocalOrigin> origins) => new(model, origins);

    private LifecycleHandlerBuilder Action(string field, Func<LifecycleHandler, LifecycleHandler> set) =>
        Set(field, h => set(h with { Exec = null, HttpGet = null, TcpSocket = null, Sleep = null }));
}
