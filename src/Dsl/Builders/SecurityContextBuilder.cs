using StatefulManifests.Model;

namespace StatefulManifests;

/// <summary>Builds a container's <c>securityContext</c> (it overrides the pod's <c>securityContext</c> where both set a field).</summary>
public sealed class SecurityContextBuilder : ModelBuilder<SecurityContextBuilder, SecurityContext>
{
    internal SecurityContextBuilder(SecurityContext model)
        : base(model, ValueList<LocalOrigin>.Empty)
    {
    }

    private SecurityContextBuilder(SecurityContext model, ValueList<LocalOrigin> origins)
        : base(model, origins)
    {
    }

    /// <summary>Sets <c>runAsUser</c> (default: the image's user).</summary>
    public SecurityContextBuilder RunAsUser(long uid) => Set("runAsUser", s => s with { RunAsUser = uid });

    /// <summary>Sets <c>runAsGroup</c> (default: the image's group).</summary>
    public SecurityContextBuilder RunAsGroup(long gid) => Set("runAsGroup", s => s with { RunAsGroup = gid });

    /// <summary>Sets <c>runAsNonRoot</c> (default when called: true): the kubelet refuses to start the container as UID 0.</summary>
    public SecurityContextBuilder RunAsNonRoot(bool value = true) => Set("runAsNonRoot", s => s with { RunAsNonRoot = value });

    /// <summary>Sets <c>readOnlyRootFilesystem</c> (default when called: true).</summary>
    public SecurityContextBuilder ReadOnlyRootFilesystem(bool value = true) => Set("readOnlyRootFilesystem", s => s with { ReadOnlyRootFilesystem = value });

    /// <summary>Sets <c>allowPrivilegeEscalation</c> (Kubernetes' default is true unless privileged or CAP_SYS_ADMIN).</summary>
    public SecurityContextBuilder AllowPrivilegeEscalation(bool value) => Set("allowPrivilegeEscalation", s => s with { AllowPrivilegeEscalation = value });

    /// <summary>Sets <c>privileged</c> (default when called: true; Kubernetes' default is false).</summary>
    public SecurityContextBuilder Privileged(bool value = true) => Set("privileged", s => s with { Privileged = value });

    /// <summary>Appends to <c>capabilities.add</c> (e.g. <c>"IPC_LOCK"</c>).</summary>
    public SecurityContextBuilder AddCapabilities(params string[] capabilities) =>
        Set(RelativePath.Of("capabilities", "add"), s => s with
        {
            Capabilities = (s.Capabilities ?? new Capabilities()) with { Add = (s.Capabilities?.Add ?? ValueList<string>.Empty).AddRange(ModelLists.Strings(capabilities)) },
        });

    /// <summary>Appends to <c>capabilities.drop</c> (e.g. <c>"ALL"</c>).</summary>
    public SecurityContextBuilder DropCapabilities(params string[] capabilities) =>
        Set(RelativePath.Of("capabilities", "drop"), s => s with
        {
            Capabilities = (s.Capabilities ?? new Capabilities()) with { Drop = (s.Capabilities?.Drop ?? ValueList<string>.Empty).AddRange(ModelLists.Strings(capabilities)) },
        });

    /// <summary>Sets <c>seccompProfile</c>; <paramref name="localhostProfile"/> only with <see cref="SeccompProfileType.Localhost"/>.</summary>
    public SecurityContextBuilder SeccompProfile(SeccompProfileType type, string? localhostProfile = null) =>
        Set("seccompProfile", s => s with { SeccompProfile = new SeccompProfile { Type = type, LocalhostProfile = localhostProfile } });

    /// <summary>Sets <c>procMount</c> (default: Default).</summary>
    public SecurityContextBuilder ProcMount(ProcMountType type) => Set("procMount", s => s with { ProcMount = type });

    /// <summary>Sets <c>seLinuxOptions</c>; unset parts are left to the container runtime.</summary>
    public SecurityContextBuilder SeLinuxOptions(string? user = null, string? role = null, string? type = null, string? level = null) =>
        Set("seLinuxOptions", s => s with { SeLinuxOptions = new SELinuxOptions { User = user, Role = role, Type = type, Level = level } });

    /// <summary>
    /// Model-level escape hatch: applies <paramref name="update"/> to the security context built so far (e.g. a field the DSL
    /// has no method for). Compile-time evaluation may not support arbitrary lambdas; prefer DSL methods in declarations.
    /// </summary>
    public SecurityContextBuilder Modify(Func<SecurityContext, SecurityContext> update) => ModifyModel(update);

    private protected override SecurityContextBuilder With(SecurityContext model, ValueList<LocalOrigin> origins) => new(model, origins);
}
