using StatefulManifests.Model;

namespace StatefulManifests;

/// <summary>
/// Builds a container or init container of the pod template (<c>spec.template.spec.containers[]</c> /
/// <c>initContainers[]</c>). Lists keyed by name are updated in place: a second <c>Port("web", ...)</c>,
/// <c>Env("A", ...)</c> or <c>Mount(..., "/data")</c> on the same name (mount path) replaces the first, so a shared
/// base declaration can be specialised.
/// </summary>
public sealed partial class ContainerBuilder : ModelBuilder<ContainerBuilder, Container>
{
    internal ContainerBuilder(Container model)
        : base(model, ValueList<LocalOrigin>.Empty)
    {
    }

    private ContainerBuilder(Container model, ValueList<LocalOrigin> origins)
        : base(model, origins)
    {
    }

    /// <summary>Sets <c>image</c> (required by Kubernetes; pin a tag or digest rather than <c>latest</c>).</summary>
    public ContainerBuilder Image(string image) => Set("image", c => c with { Image = image });

    /// <summary>Sets <c>imagePullPolicy</c> (Kubernetes' default: Always for <c>:latest</c> or no tag, otherwise IfNotPresent).</summary>
    public ContainerBuilder ImagePullPolicy(PullPolicy policy) => Set("imagePullPolicy", c => c with { ImagePullPolicy = policy });

    /// <summary>Sets <c>command</c> (replaces the image's ENTRYPOINT; default: the image's).</summary>
    public ContainerBuilder Command(params string[] command) => Set("command", c => c with { Command = ModelLists.Strings(command) });

    /// <summary>Sets <c>args</c> (replaces the image's CMD; default: the image's).</summary>
    public ContainerBuilder Args(params string[] args) => Set("args", c => c with { Args = ModelLists.Strings(args) });

    /// <summary>Sets <c>workingDir</c> (default: the image's).</summary>
    public ContainerBuilder WorkingDir(string path) => Set("workingDir", c => c with { WorkingDir = path });

    /// <summary>
    /// Adds a named entry to <c>ports</c> (<c>name</c>, <c>containerPort</c>, <c>protocol</c> — default TCP, left
    /// unset —, <c>hostPort</c>). By default the headless Service publishes it under the same name.
    /// A port with the same name is replaced.
    /// </summary>
    public ContainerBuilder Port(string name, int containerPort, Protocol? protocol = null, int? hostPort = null) =>
        UpsertPort(p => p.Name == name, new ContainerPort { Name = name, ContainerPortValue = containerPort, Protocol = Wire(protocol), HostPort = hostPort });

    /// <summary>Adds an unnamed entry to <c>ports</c> (replacing an unnamed one with the same number and protocol).</summary>
    public ContainerBuilder Port(int containerPort, Protocol? protocol = null, int? hostPort = null) =>
        UpsertPort(
            p => p.Name is null && p.ContainerPortValue == containerPort && p.Protocol == Wire(protocol),
            new ContainerPort { ContainerPortValue = containerPort, Protocol = Wire(protocol), HostPort = hostPort });

    /// <summary>
    /// Adds a <c>volumeMounts</c> entry: mounts the claim template or pod volume <paramref name="volume"/> at
    /// <paramref name="mountPath"/> (a claim template needs no pod volume: the StatefulSet controller adds it).
    /// A mount at the same path is replaced.
    /// </summary>
    /// <param name="volume">The <c>name</c>: a claim template's or a pod volume's name.</param>
    /// <param name="mountPath">The <c>mountPath</c>.</param>
    /// <param name="readOnly">The <c>readOnly</c> flag (default: unset, read-write).</param>
    /// <param name="subPath">The <c>subPath</c> within the volume (default: its root).</param>
    /// <param name="subPathExpr">The <c>subPathExpr</c> (expands <c>$(VAR)</c> from env; exclusive with subPath).</param>
    /// <param name="propagation">The <c>mountPropagation</c> (default: None).</param>
    public ContainerBuilder Mount(string volume, string mountPath, bool? readOnly = null, string? subPath = null, string? subPathExpr = null, MountPropagation? propagation = null)
    {
        var mount = new VolumeMount
        {
            Name = volume,
            MountPath = mountPath,
            ReadOnly = readOnly,
            SubPath = subPath,
            SubPathExpr = subPathExpr,
            MountPropagation = propagation is { } p ? (EnumValue<MountPropagation>)p : null,
        };
        var mounts = ModelLists.Upsert(Model.VolumeMounts, m => m.MountPath == mountPath, _ => mount, out var index);
        return Set(RelativePath.Of("volumeMounts").Index(index), c => c with { VolumeMounts = mounts });
    }

    /// <summary>
    /// Sets <c>resources.requests</c> for cpu, memory and ephemeral-storage (a null argument leaves that resource
    /// as it is). Quantities in Kubernetes syntax: <c>"500m"</c>, <c>"1Gi"</c>; a bad one is reported by validation.
    /// </summary>
    public ContainerBuilder Requests(string? cpu = null, string? memory = null, string? ephemeralStorage = null) =>
        Set(RelativePath.Of("resources", "requests"), c => c with { Resources = Resources(c) with { Requests = Standard(Resources(c).Requests, cpu, memory, ephemeralStorage) } });

    /// <summary>Sets <c>resources.limits</c> for cpu, memory and ephemeral-storage (a null argument leaves that resource as it is).</summary>
    public ContainerBuilder Limits(string? cpu = null, string? memory = null, string? ephemeralStorage = null) =>
        Set(RelativePath.Of("resources", "limits"), c => c with { Resources = Resources(c) with { Limits = Standard(Resources(c).Limits, cpu, memory, ephemeralStorage) } });

    /// <summary>Sets <c>resources.requests[resource]</c> for any resource name (e.g. <c>nvidia.com/gpu</c>).</summary>
    public ContainerBuilder Request(string resource, string quantity) =>
        Set(RelativePath.Of("resources", "requests").Key(resource), c => c with { Resources = Resources(c) with { Requests = ModelLists.SetQuantity(Resources(c).Requests, resource, quantity) } });

    /// <summary>Sets <c>resources.limits[resource]</c> for any resource name.</summary>
    public ContainerBuilder Limit(string resource, string quantity) =>
        Set(RelativePath.Of("resources", "limits").Key(resource), c => c with { Resources = Resources(c) with { Limits = ModelLists.SetQuantity(Resources(c).Limits, resource, quantity) } });

    /// <summary>Configures <c>livenessProbe</c> (default: none; the kubelet restarts the container when it fails).</summary>
    public ContainerBuilder LivenessProbe(Func<ProbeBuilder, ProbeBuilder> configure) =>
        Nest(RelativePath.Of("livenessProbe"), new ProbeBuilder(Model.LivenessProbe ?? new Probe()), configure, (c, p) => c with { LivenessProbe = p.Model });

    /// <summary>Configures <c>readinessProbe</c> (default: none; ready as soon as started). StatefulSets wait for readiness between ordinals.</summary>
    public ContainerBuilder ReadinessProbe(Func<ProbeBuilder, ProbeBuilder> configure) =>
        Nest(RelativePath.Of("readinessProbe"), new ProbeBuilder(Model.ReadinessProbe ?? new Probe()), configure, (c, p) => c with { ReadinessProbe = p.Model });

    /// <summary>Configures <c>startupProbe</c> (default: none); liveness and readiness wait until it succeeds.</summary>
    public ContainerBuilder StartupProbe(Func<ProbeBuilder, ProbeBuilder> configure) =>
        Nest(RelativePath.Of("startupProbe"), new ProbeBuilder(Model.StartupProbe ?? new Probe()), configure, (c, p) => c with { StartupProbe = p.Model });

    /// <summary>Configures <c>lifecycle.postStart</c>, run right after the container starts.</summary>
    public ContainerBuilder PostStart(Func<LifecycleHandlerBuilder, LifecycleHandlerBuilder> configure) =>
        Nest(
            RelativePath.Of("lifecycle", "postStart"),
            new LifecycleHandlerBuilder(Model.Lifecycle?.PostStart ?? new LifecycleHandler()),
            configure,
            (c, h) => c with { Lifecycle = (c.Lifecycle ?? new Lifecycle()) with { PostStart = h.Model } });

    /// <summary>Configures <c>lifecycle.preStop</c>, run before the container is stopped (within the grace period).</summary>
    public ContainerBuilder PreStop(Func<LifecycleHandlerBuilder, LifecycleHandlerBuilder> configure) =>
        Nest(
            RelativePath.Of("lifecycle", "preStop"),
            new LifecycleHandlerBuilder(Model.Lifecycle?.PreStop ?? new LifecycleHandler()),
            configure,
            (c, h) => c with { Lifecycle = (c.Lifecycle ?? new Lifecycle()) with { PreStop = h.Model } });

    /// <summary>Configures the container's <c>securityContext</c> (default: none; the pod's applies).</summary>
    public ContainerBuilder SecurityContext(Func<SecurityContextBuilder, SecurityContextBuilder> configure) =>
        Nest(RelativePath.Of("securityContext"), new SecurityContextBuilder(Model.SecurityContext ?? new SecurityContext()), configure, (c, s) => c with { SecurityContext = s.Model });

    /// <summary>Sets <c>terminationMessagePath</c> (default <c>/dev/termination-log</c>).</summary>
    public ContainerBuilder TerminationMessagePath(string path) => Set("terminationMessagePath", c => c with { TerminationMessagePath = path });

    /// <summary>Sets <c>terminationMessagePolicy</c> (default File).</summary>
    public ContainerBuilder TerminationMessagePolicy(TerminationMessagePolicy policy) => Set("terminationMessagePolicy", c => c with { TerminationMessagePolicy = policy });

    /// <summary>Sets <c>restartPolicy</c>; on an init container, <see cref="ContainerRestartPolicy.Always"/> makes it a sidecar.</summary>
    public ContainerBuilder RestartPolicy(ContainerRestartPolicy policy) => Set("restartPolicy", c => c with { RestartPolicy = policy });

    /// <summary>Sets <c>stdin</c> (default when called: true; Kubernetes' default false).</summary>
    public ContainerBuilder Stdin(bool value = true) => Set("stdin", c => c with { Stdin = value });

    /// <summary>Sets <c>tty</c> (default when called: true; Kubernetes' default false).</summary>
    public ContainerBuilder Tty(bool value = true) => Set("tty", c => c with { Tty = value });

    /// <summary>
    /// Model-level escape hatch: applies <paramref name="update"/> to the container built so far (e.g. a field the DSL
    /// has no method for). Compile-time evaluation may not support arbitrary lambdas; prefer DSL methods in declarations.
    /// </summary>
    public ContainerBuilder Modify(Func<Container, Container> update) => ModifyModel(update);

    private protected override ContainerBuilder With(Container model, ValueList<LocalOrigin> origins) => new(model, origins);

    private static EnumValue<Protocol>? Wire(Protocol? protocol) => protocol is { } p ? p : null;

    private static ResourceRequirements Resources(Container c) => c.Resources ?? new ResourceRequirements();

    private static ValueMap<Quantity>? Standard(ValueMap<Quantity>? map, string? cpu, string? memory, string? ephemeralStorage)
    {
        map = ModelLists.SetQuantity(map, "cpu", cpu);
        map = ModelLists.SetQuantity(map, "memory", memory);
        return ModelLists.SetQuantity(map, "ephemeral-storage", ephemeralStorage);
    }

    private ContainerBuilder UpsertPort(Func<ContainerPort, bool> matches, ContainerPort port)
    {
        var ports = ModelLists.Upsert(Model.Ports, matches, _ => port, out var index);
        return Set(RelativePath.Of("ports").Index(index), c => c with { Ports = ports });
    }
}
