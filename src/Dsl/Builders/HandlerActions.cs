using StatefulManifests.Model;

namespace StatefulManifests;

/// <summary>Builds the handler actions probes and lifecycle hooks share (exec, httpGet, tcpSocket).</summary>
internal static class HandlerActions
{
    public static ExecAction Exec(string[] command) => new() { Command = ModelLists.Strings(command) };

    public static HTTPGetAction HttpGet(string path, IntOrString port, UriScheme? scheme, string? host) => new()
    {
        Path = path,
        Port = port,
        Scheme = scheme is { } s ? s : null,
        Host = host,
    };

    public static HTTPGetAction WithHeader(HTTPGetAction? action, string name, string value) =>
        (action ?? new HTTPGetAction()) with { HttpHeaders = ModelLists.Append(action?.HttpHeaders, new HTTPHeader { Name = name, Value = value }) };

    public static TCPSocketAction TcpSocket(IntOrString port, string? host) => new() { Port = port, Host = host };
}
