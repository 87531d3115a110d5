using StatefulManifests.Model;
using static StatefulManifests.Import.ImportValues;

namespace StatefulManifests.Import;

/// <summary>Containers and init containers as <c>Container(name, c =&gt; ...)</c> chains.</summary>
internal static class ContainerCalls
{
    /// <summary>
    /// Every container of <paramref name="containers"/> through <paramref name="method"/> (<c>Container</c> or
    /// <c>InitContainer</c>), in order; nothing when a name is missing or repeated (the DSL upserts by name).
    /// </summary>
    public static void All(DslChain chain, string method, ValueList<Container>? containers)
    {
        var list = containers ?? ValueList<Container>.Empty;
        if (list.Any(c => c.Name is null) || list.Select(c => c.Name).Distinct(StringComparer.Ordinal).Count() != list.Count)
        {
            return;
        }

        foreach (var container in list)
        {
            chain.Call(method, container.Name!, Body(container));
        }
    }

    private static DslChain Body(Container container)
    {
        var chain = new DslChain(typeof(ContainerBuilder));
        PodCalls.Text(chain, nameof(ContainerBuilder.Image), container.Image);
        PodCalls.Known(chain, nameof(ContainerBuilder.ImagePullPolicy), ImportValues.Enum(container.ImagePullPolicy, out var pullKnown), pullKnown);
        if (container.Command is { } command)
        {
            chain.Call(nameof(ContainerBuilder.Command), command.ToArray());
        }

        if (container.Args is { } args)
        {
            chain.Call(nameof(ContainerBuilder.Args), args.ToArray());
        }

        PodCalls.Text(chain, nameof(ContainerBuilder.WorkingDir), container.WorkingDir);
        Ports(chain, container.Ports);
        EnvFrom(chain, container.EnvFrom);
        Env(chain, container.Env);
        Resources(chain, container.Resources);
        Mounts(chain, container.VolumeMounts);
        Probe(chain, nameof(ContainerBuilder.LivenessProbe), container.LivenessProbe);
        Probe(chain, nameof(ContainerBuilder.ReadinessProbe), container.ReadinessProbe);
        Probe(chain, nameof(ContainerBuilder.StartupProbe), container.StartupProbe);
        Handler(chain, nameof(ContainerBuilder.PostStart), container.Lifecycle?.PostStart);
        Handler(chain, nameof(ContainerBuilder.PreStop), container.Lifecycle?.PreStop);
        if (container.SecurityContext is { } security)
        {
            chain.Call(nameof(ContainerBuilder.SecurityContext), SecurityContextCalls.Container(security));
        }

        PodCalls.Text(chain, nameof(ContainerBuilder.TerminationMessagePath), container.TerminationMessagePath);
        PodCalls.Known(chain, nameof(ContainerBuilder.TerminationMessagePolicy), ImportValues.Enum(container.TerminationMessagePolicy, out var messageKnown), messageKnown);
        PodCalls.Known(chain, nameof(ContainerBuilder.RestartPolicy), ImportValues.Enum(container.RestartPolicy, out var restartKnown), restartKnown);
        PodCalls.Flag(chain, nameof(ContainerBuilder.Stdin), container.Stdin);
        PodCalls.Flag(chain, nameof(ContainerBuilder.Tty), container.Tty);
        return chain;
    }

    private static void Ports(DslChain chain, ValueList<ContainerPort>? ports)
    {
        var list = ports ?? ValueList<ContainerPort>.Empty;
        var keys = list.Select(p => p.Name ?? p.ContainerPortValue + "/" + p.Protocol).ToList();
        if (list.Any(p => p.ContainerPortValue is null || p.Protocol is { IsKnown: false }) || keys.Distinct(StringComparer.Ordinal).Count() != keys.Count)
        {
            return;
        }

        foreach (var port in list)
        {
            var protocol = Opt(port.Protocol?.Known);
            if (port.Name is { } name)
            {
                chain.Call(nameof(ContainerBuilder.Port), name, port.ContainerPortValue!.Value, protocol, Opt(port.HostPort));
            }
            else
            {
                chain.Call(nameof(ContainerBuilder.Port), port.ContainerPortValue!.Value, protocol, Opt(port.HostPort));
            }
        }
    }

    private static void EnvFrom(DslChain chain, ValueList<EnvFromSource>? sources)
    {
        var list = sources ?? ValueList<EnvFromSource>.Empty;
        if (list.Any(s => !(s.ConfigMapRef is { Name: not null } ^ s.SecretRef is { Name: not null })))
        {
            return;
        }

        foreach (var source in list)
        {
            if (source.ConfigMapRef is { } configMap)
            {
                chain.Call(nameof(ContainerBuilder.EnvFromAllOfConfigMap), configMap.Name!, Opt(source.Prefix), Opt(configMap.Optional));
            }
            else
            {
                chain.Call(nameof(ContainerBuilder.EnvFromAllOfSecret), source.SecretRef!.Name!, Opt(source.Prefix), Opt(source.SecretRef.Optional));
            }
        }
    }

    private static void Env(DslChain chain, ValueList<EnvVar>? variables)
    {
        var list = variables ?? ValueList<EnvVar>.Empty;
        var calls = new List<Action>();
        foreach (var variable in list)
        {
            if (EnvCall(chain, variable) is not { } call)
            {
                // One the DSL cannot say would shift every later entry: the whole list is left to a patch.
                return;
            }

            calls.Add(call);
        }

        if (list.Select(v => v.Name).Distinct(StringComparer.Ordinal).Count() == list.Count)
        {
            calls.ForEach(c => c());
        }
    }

    private static Action? EnvCall(DslChain chain, EnvVar variable)
    {
        var name = variable.Name;
        var from = variable.ValueFrom;
        if (name is null)
        {
            return null;
        }

        if (from is null)
        {
            return variable.Value is { } value ? () => chain.Call(nameof(ContainerBuilder.Env), name, value) : null;
        }

        if (variable.Value is not null || new[] { (object?)from.SecretKeyRef, from.ConfigMapKeyRef, from.FieldRef, from.ResourceFieldRef }.Count(s => s is not null) != 1)
        {
            return null;
        }

        return from switch
        {
            { SecretKeyRef: { Name: { } secret, Key: { } key } s } => () => chain.Call(nameof(ContainerBuilder.EnvFromSecret), name, secret, key, Opt(s.Optional)),
            { ConfigMapKeyRef: { Name: { } map, Key: { } key } c } => () => chain.Call(nameof(ContainerBuilder.EnvFromConfigMap), name, map, key, Opt(c.Optional)),
            { FieldRef: { FieldPath: { } path } f } => () => chain.Call(nameof(ContainerBuilder.EnvFromField), name, path, Opt(f.ApiVersion)),
            { ResourceFieldRef: { Resource: { } resource } r } => () => chain.Call(nameof(ContainerBuilder.EnvFromResource), name, resource, Opt(r.ContainerName), Opt(r.Divisor?.ToString())),
            _ => null,
        };
    }

    private static void Resources(DslChain chain, ResourceRequirements? resources)
    {
        Quantities(chain, nameof(ContainerBuilder.Requests), nameof(ContainerBuilder.Request), resources?.Requests);
        Quantities(chain, nameof(ContainerBuilder.Limits), nameof(ContainerBuilder.Limit), resources?.Limits);
    }

    // Requests(cpu: ..., memory: ...) for the standard resources, Request("nvidia.com/gpu", "1") for any other.
    private static void Quantities(DslChain chain, string standard, string single, ValueMap<Quantity>? map)
    {
        if (map is null)
        {
            return;
        }

        string? Get(string key) => map.TryGetValue(key, out var q) ? q.ToString() : null;
        var (cpu, memory, ephemeral) = (Get("cpu"), Get("memory"), Get("ephemeral-storage"));
        if ((cpu ?? memory ?? ephemeral) is not null)
        {
            chain.Call(standard, Opt(cpu), Opt(memory), Opt(ephemeral));
        }

        foreach (var entry in map.Where(e => e.Key is not ("cpu" or "memory" or "ephemeral-storage")))
        {
            chain.Call(single, entry.Key, entry.Value.ToString());
        }
    }

    private static void Mounts(DslChain chain, ValueList<VolumeMount>? mounts)
    {
        var list = mounts ?? ValueList<VolumeMount>.Empty;
        if (list.Any(m => m.Name is null || m.MountPath is null || m.MountPropagation is { IsKnown: false })
            || list.Select(m => m.MountPath).Distinct(StringComparer.Ordinal).Count() != list.Count)
        {
            return;
        }

        foreach (var m in list)
        {
            chain.Call(nameof(ContainerBuilder.Mount), m.Name!, m.MountPath!, Opt(m.ReadOnly), Opt(m.SubPath), Opt(m.SubPathExpr), Opt(m.MountPropagation?.Known));
        }
    }

    private static void Probe(DslChain chain, string method, Probe? probe)
    {
        if (probe is null)
        {
            return;
        }

        var body = new DslChain(typeof(ProbeBuilder));
        Action(body, probe.Exec, probe.HttpGet, probe.TcpSocket);
        if (probe.Grpc is { Port: { } grpcPort } grpc)
        {
            body.Call(nameof(ProbeBuilder.Grpc), grpcPort, Opt(grpc.Service));
        }

        Int(body, nameof(ProbeBuilder.InitialDelaySeconds), probe.InitialDelaySeconds);
        Int(body, nameof(ProbeBuilder.TimeoutSeconds), probe.TimeoutSeconds);
        Int(body, nameof(ProbeBuilder.PeriodSeconds), probe.PeriodSeconds);
        Int(body, nameof(ProbeBuilder.SuccessThreshold), probe.SuccessThreshold);
        Int(body, nameof(ProbeBuilder.FailureThreshold), probe.FailureThreshold);
        if (probe.TerminationGracePeriodSeconds is { } grace)
        {
            body.Call(nameof(ProbeBuilder.TerminationGracePeriodSeconds), grace);
        }

        chain.Call(method, body);
    }

    private static void Handler(DslChain chain, string method, LifecycleHandler? handler)
    {
        if (handler is null)
        {
            return;
        }

        var body = new DslChain(typeof(LifecycleHandlerBuilder));
        Action(body, handler.Exec, handler.HttpGet, handler.TcpSocket is { Port.IsString: false } ? handler.TcpSocket : null);
        if (handler.Sleep?.Seconds is { } seconds)
        {
            body.Call(nameof(LifecycleHandlerBuilder.Sleep), seconds);
        }

        chain.Call(method, body);
    }

    // The handler kinds probes and lifecycle hooks share (both builders spell them the same).
    private static void Action(DslChain body, ExecAction? exec, HTTPGetAction? http, TCPSocketAction? tcp)
    {
        if (exec is not null)
        {
            body.Call("Exec", (exec.Command ?? ValueList<string>.Empty).ToArray());
        }

        if (http is { Port: { } port })
        {
            body.Call("HttpGet", http.Path, IntOrText(port), Opt(http.Scheme?.Known), Opt(http.Host));
            foreach (var header in http.HttpHeaders ?? ValueList<HTTPHeader>.Empty)
            {
                if (header.Name is null || header.Value is null)
                {
                    break;
                }

                body.Call("HttpHeader", header.Name, header.Value);
            }
        }

        if (tcp is { Port: { } tcpPort })
        {
            body.Call("TcpSocket", IntOrText(tcpPort), Opt(tcp.Host));
        }
    }

    private static void Int(DslChain chain, string method, int? value)
    {
        if (value is { } number)
        {
            chain.Call(method, number);
        }
    }
}
