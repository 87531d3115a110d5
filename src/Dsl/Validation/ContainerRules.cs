using StatefulManifests.Model;

namespace StatefulManifests.Validation;

/// <summary>
/// Containers and init containers (<c>validateContainers</c>, <c>validateInitContainers</c>,
/// <c>validateContainerCommon</c>): names are DNS-1123 labels unique across both lists, an image is required,
/// ports, env, mounts, pull policy, resources and probes are checked; init containers take lifecycle hooks and
/// probes only as sidecars (<c>restartPolicy: Always</c>).
/// </summary>
internal static class ContainerRules
{
    private const string InitContainerField = "may not be set for init containers without restartPolicy=Always";

    /// <summary>Validates <c>spec.containers</c>.</summary>
    public static void ValidateContainers(ValueList<Container>? containers, PodContext pod, FieldPath path)
    {
        var errors = pod.Errors;
        if (containers is null || containers.Count == 0)
        {
            errors.Required(path);
            return;
        }

        var names = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < containers.Count; i++)
        {
            var container = containers[i] ?? new Container();
            var containerPath = path.Index(i);
            ValidateCommon(container, pod, containerPath);
            var name = container.Name ?? string.Empty;
            if (!names.Add(name))
            {
                errors.Duplicate(containerPath.Child("name"), name);
            }

            if (container.Lifecycle is not null)
            {
                ProbeRules.ValidateLifecycle(container.Lifecycle, pod, containerPath.Child("lifecycle"));
            }

            ProbeRules.ValidateLiveness(container.LivenessProbe, pod, containerPath.Child("livenessProbe"));
            ProbeRules.ValidateReadiness(container.ReadinessProbe, pod, containerPath.Child("readinessProbe"));
            ProbeRules.ValidateStartup(container.StartupProbe, pod, containerPath.Child("startupProbe"));

            // Container-level restart rules (KEP-5307) are not modelled: as with that gate off, only init containers
            // may set restartPolicy.
            if (container.RestartPolicy is not null)
            {
                errors.Forbidden(containerPath.Child("restartPolicy"), "may not be set for non-init containers");
            }
        }

        // Host ports may not collide across the regular containers, which all run at once.
        ValidateHostPortConflicts(containers.Select((c, i) => ((Container?)c, i)), path, errors);
    }

    /// <summary>Validates <c>spec.initContainers</c> (names must also differ from the regular containers').</summary>
    public static void ValidateInitContainers(ValueList<Container>? initContainers, ValueList<Container>? containers, PodContext pod, FieldPath path)
    {
        var errors = pod.Errors;
        var names = new HashSet<string>((containers ?? ValueList<Container>.Empty).Select(c => c?.Name ?? string.Empty), StringComparer.Ordinal);
        var list = initContainers ?? ValueList<Container>.Empty;
        for (var i = 0; i < list.Count; i++)
        {
            var container = list[i] ?? new Container();
            var containerPath = path.Index(i);
            ValidateCommon(container, pod, containerPath);

            var sidecar = false;
            if (container.RestartPolicy is { } restartPolicy)
            {
                sidecar = restartPolicy.IsKnown;
                if (!sidecar)
                {
                    errors.NotSupported(containerPath.Child("restartPolicy"), restartPolicy.Value, ValueRules.Declared<ContainerRestartPolicy>());
                }
            }

            var name = container.Name ?? string.Empty;
            if (names.Contains(name))
            {
                errors.Duplicate(containerPath.Child("name"), name);
            }
            else if (name.Length > 0)
            {
                names.Add(name);
            }

            // Init containers run one at a time, so host ports only collide within one of them.
            ValidateHostPortConflicts([(container, i)], path, errors);

            if (sidecar)
            {
                if (container.Lifecycle is not null)
                {
                    ProbeRules.ValidateLifecycle(container.Lifecycle, pod, containerPath.Child("lifecycle"));
                }

                ProbeRules.ValidateLiveness(container.LivenessProbe, pod, containerPath.Child("livenessProbe"));
                ProbeRules.ValidateReadiness(container.ReadinessProbe, pod, containerPath.Child("readinessProbe"));
                ProbeRules.ValidateStartup(container.StartupProbe, pod, containerPath.Child("startupProbe"));
            }
            else
            {
                ForbidIfSet(errors, container.Lifecycle, containerPath.Child("lifecycle"));
                ForbidIfSet(errors, container.LivenessProbe, containerPath.Child("livenessProbe"));
                ForbidIfSet(errors, container.ReadinessProbe, containerPath.Child("readinessProbe"));
                ForbidIfSet(errors, container.StartupProbe, containerPath.Child("startupProbe"));

                var resizePolicies = container.ResizePolicy ?? ValueList<ContainerResizePolicy>.Empty;
                for (var j = 0; j < resizePolicies.Count; j++)
                {
                    if (resizePolicies[j]?.RestartPolicy?.Known == ResizeRestartPolicy.RestartContainer)
                    {
                        errors.Invalid(
                            containerPath.Child("resizePolicy").Index(j).Child("restartPolicy"),
                            "RestartContainer",
                            "must not be set to 'RestartContainer' for non-sidecar initContainers");
                    }
                }
            }
        }
    }

    /// <summary>
    /// Validates <c>spec.ephemeralContainers</c> as Kubernetes does even in a template (where they are then
    /// forbidden): the common container rules, names unique across all containers, an existing target, and none
    /// of the fields an ephemeral container may not set.
    /// </summary>
    public static void ValidateEphemeralContainers(PodSpec spec, PodContext pod, FieldPath path)
    {
        var errors = pod.Errors;
        var list = spec.EphemeralContainers ?? ValueList<EphemeralContainer>.Empty;
        var others = (spec.Containers ?? ValueList<Container>.Empty).Concat(spec.InitContainers ?? ValueList<Container>.Empty)
            .Select(c => c?.Name ?? string.Empty)
            .ToList();
        var names = new HashSet<string>(others, StringComparer.Ordinal);
        for (var i = 0; i < list.Count; i++)
        {
            var ephemeral = list[i] ?? new EphemeralContainer();
            var containerPath = path.Index(i);
            ValidateCommon(AsContainer(ephemeral), pod, containerPath);
            var name = ephemeral.Name ?? string.Empty;
            if (!names.Add(name))
            {
                errors.Duplicate(containerPath.Child("name"), name);
            }

            if (!string.IsNullOrEmpty(ephemeral.TargetContainerName) && !others.Contains(ephemeral.TargetContainerName!, StringComparer.Ordinal))
            {
                errors.NotFound(containerPath.Child("targetContainerName"), ephemeral.TargetContainerName);
            }

            var notAllowed = new (string Key, bool Set)[]
            {
                ("ports", ephemeral.Ports is { Count: > 0 }),
                ("resources", ephemeral.Resources is { } r && (r.Limits is { Count: > 0 } || r.Requests is { Count: > 0 } || r.Claims is { Count: > 0 })),
                ("resizePolicy", ephemeral.ResizePolicy is { Count: > 0 }),
                ("restartPolicy", ephemeral.RestartPolicy is not null),
                ("livenessProbe", ephemeral.LivenessProbe is not null),
                ("readinessProbe", ephemeral.ReadinessProbe is not null),
                ("startupProbe", ephemeral.StartupProbe is not null),
                ("lifecycle", ephemeral.Lifecycle is not null),
            };
            foreach (var (key, set) in notAllowed)
            {
                if (set)
                {
                    errors.Forbidden(containerPath.Child(key), "cannot be set for an Ephemeral Container");
                }
            }

            var mounts = ephemeral.VolumeMounts ?? ValueList<VolumeMount>.Empty;
            for (var j = 0; j < mounts.Count; j++)
            {
                if (!string.IsNullOrEmpty(mounts[j]?.SubPath))
                {
                    errors.Forbidden(containerPath.Child("volumeMounts").Index(j).Child("subPath"), "cannot be set for an Ephemeral Container");
                }

                if (!string.IsNullOrEmpty(mounts[j]?.SubPathExpr))
                {
                    errors.Forbidden(containerPath.Child("volumeMounts").Index(j).Child("subPathExpr"), "cannot be set for an Ephemeral Container");
                }
            }
        }
    }

    /// <summary>The fields an ephemeral container shares with a container, for the common checks.</summary>
    private static Container AsContainer(EphemeralContainer e) => new()
    {
        Name = e.Name, Image = e.Image, ImagePullPolicy = e.ImagePullPolicy, Command = e.Command, Args = e.Args, WorkingDir = e.WorkingDir,
        Ports = e.Ports, EnvFrom = e.EnvFrom, Env = e.Env, Resources = e.Resources, ResizePolicy = e.ResizePolicy, RestartPolicy = e.RestartPolicy,
        VolumeMounts = e.VolumeMounts, VolumeDevices = e.VolumeDevices, LivenessProbe = e.LivenessProbe, ReadinessProbe = e.ReadinessProbe,
        StartupProbe = e.StartupProbe, Lifecycle = e.Lifecycle, TerminationMessagePath = e.TerminationMessagePath,
        TerminationMessagePolicy = e.TerminationMessagePolicy, SecurityContext = e.SecurityContext, Stdin = e.Stdin, StdinOnce = e.StdinOnce, Tty = e.Tty,
    };

    private static void ValidateCommon(Container container, PodContext pod, FieldPath path)
    {
        var errors = pod.Errors;
        var name = container.Name ?? string.Empty;
        if (name.Length == 0)
        {
            errors.Required(path.Child("name"));
        }
        else
        {
            errors.Invalid(path.Child("name"), name, NameRules.IsDns1123Label(name));
        }

        if (string.IsNullOrEmpty(container.Image))
        {
            errors.Required(path.Child("image"));
        }

        ValueRules.KnownOrDefaulted(errors, path.Child("terminationMessagePolicy"), container.TerminationMessagePolicy, ValueRules.Declared<TerminationMessagePolicy>());
        ValidatePorts(container.Ports, path.Child("ports"), errors);
        EnvRules.ValidateEnv(container.Env, path.Child("env"), errors);
        EnvRules.ValidateEnvFrom(container.EnvFrom, path.Child("envFrom"), errors);
        VolumeMountRules.Validate(container, pod, path);
        ValueRules.KnownOrDefaulted(errors, path.Child("imagePullPolicy"), container.ImagePullPolicy, ValueRules.Sorted<PullPolicy>());
        ResourceRules.ValidateContainer(container.Resources, pod, path.Child("resources"));
        ValidateResizePolicy(container.ResizePolicy, path.Child("resizePolicy"), errors);
        SecurityContextRules.ValidateContainer(container.SecurityContext, pod.HostUsers, path.Child("securityContext"), errors);
    }

    private static void ValidatePorts(ValueList<ContainerPort>? ports, FieldPath path, ValidationErrors errors)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        var list = ports ?? ValueList<ContainerPort>.Empty;
        for (var i = 0; i < list.Count; i++)
        {
            var port = list[i] ?? new ContainerPort();
            var portPath = path.Index(i);
            if (!string.IsNullOrEmpty(port.Name))
            {
                var messages = NameRules.IsPortName(port.Name!);
                if (messages.Count > 0)
                {
                    errors.Invalid(portPath.Child("name"), port.Name, messages);
                }
                else if (!names.Add(port.Name!))
                {
                    errors.Duplicate(portPath.Child("name"), port.Name);
                }
            }

            if ((port.ContainerPortValue ?? 0) == 0)
            {
                errors.Required(portPath.Child("containerPort"));
            }
            else
            {
                errors.Invalid(portPath.Child("containerPort"), port.ContainerPortValue!.Value, NameRules.IsPortNumber(port.ContainerPortValue.Value));
            }

            if (port.HostPort is { } hostPort && hostPort != 0)
            {
                errors.Invalid(portPath.Child("hostPort"), hostPort, NameRules.IsPortNumber(hostPort));
            }

            // An empty protocol is defaulted to TCP.
            ValueRules.KnownOrDefaulted(errors, portPath.Child("protocol"), port.Protocol, ValueRules.Sorted<Protocol>());
        }
    }

    private static void ValidateHostPortConflicts(IEnumerable<(Container? Container, int Index)> containers, FieldPath path, ValidationErrors errors)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (container, index) in containers)
        {
            var ports = container?.Ports ?? ValueList<ContainerPort>.Empty;
            for (var j = 0; j < ports.Count; j++)
            {
                var port = ports[j];
                if (port?.HostPort is not { } hostPort || hostPort == 0)
                {
                    continue;
                }

                var key = (ValueRules.Wire(port.Protocol) ?? "TCP") + "/" + port.HostIP + "/" + hostPort.ToString(System.Globalization.CultureInfo.InvariantCulture);
                if (!seen.Add(key))
                {
                    errors.Duplicate(path.Index(index).Child("ports").Index(j).Child("hostPort"), key);
                }
            }
        }
    }

    private static void ValidateResizePolicy(ValueList<ContainerResizePolicy>? policies, FieldPath path, ValidationErrors errors)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var list = policies ?? ValueList<ContainerResizePolicy>.Empty;
        for (var i = 0; i < list.Count; i++)
        {
            var policy = list[i] ?? new ContainerResizePolicy();
            var resource = policy.ResourceName ?? string.Empty;
            if (!seen.Add(resource))
            {
                errors.Duplicate(path.Index(i), resource);
            }

            // Kubernetes reports these at the list's path.
            if (resource.Length == 0)
            {
                errors.Required(path);
            }
            else if (resource != "cpu" && resource != "memory")
            {
                errors.NotSupported(path, resource, ["cpu", "memory"]);
            }

            var restart = policy.RestartPolicy?.Value ?? string.Empty;
            if (restart.Length == 0)
            {
                errors.Required(path);
            }
            else if (!policy.RestartPolicy!.Value.IsKnown)
            {
                errors.NotSupported(path, restart, ValueRules.Sorted<ResizeRestartPolicy>());
            }
        }
    }

    private static void ForbidIfSet(ValidationErrors errors, object? value, FieldPath path)
    {
        if (value is not null)
        {
            errors.Forbidden(path, InitContainerField);
        }
    }
}
