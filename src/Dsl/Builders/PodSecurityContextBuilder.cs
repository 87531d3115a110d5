using StatefulManifests.Model;

namespace StatefulManifests;

/// <summary>Builds the pod's <c>spec.template.spec.securityContext</c> (defaults for every container, plus pod-only settings such as <c>fsGroup</c>).</summary>
public sealed class PodSecurityContextBuilder : ModelBuilder<PodSecurityContextBuilder, PodSecurityContext>
{
    internal PodSecurityContextBuilder(PodSecurityContext model)
        : base(model, ValueList<LocalOrigin>.Empty)
    {
    }

    private PodSecurityContextBuilder(PodSecurityContext model, ValueList<LocalOrigin> origins)
        : base(model, origins)
    {
    }

    /// <summary>Sets <c>runAsUser</c> (default: the image's user).</summary>
    public PodSecurityContextBuilder RunAsUser(long uid) => Set("runAsUser", s => s with { RunAsUser = uid });

    /// <summary>Sets <c>runAsGroup</c> (default: the image's group).</summary>
    public PodSecurityContextBuilder RunAsGroup(long gid) => Set("runAsGroup", s => s with { RunAsGroup = gid });

    /// <summary>Sets <c>runAsNonRoot</c> (default when called: true).</summary>
    public PodSecurityContextBuilder RunAsNonRoot(bool value = true) => Set("runAsNonRoot", s => s with { RunAsNonRoot = value });

    /// <summary>Sets <c>fsGroup</c>: volumes are made group-owned by this GID.</summary>
    public PodSecurityContextBuilder FsGroup(long gid) => Set("fsGroup", s => s with { FsGroup = gid });

    /// <summary>Sets <c>fsGroupChangePolicy</c> (default: Always).</summary>
    public PodSecurityContextBuilder FsGroupChangePolicy(FsGroupChangePolicy policy) => Set("fsGroupChangePolicy", s => s with { FsGroupChangePolicy = policy });

    /// <summary>Appends to <c>supplementalGroups</c>.</summary>
    public PodSecurityContextBuilder SupplementalGroups(params long[] gids) =>
        Set("supplementalGroups", s => s with { SupplementalGroups = (s.SupplementalGroups ?? ValueList<long>.Empty).AddRange(gids ?? []) });

    /// <summary>Sets <c>seccompProfile</c>; <paramref name="localhostProfile"/> only with <see cref="SeccompProfileType.Localhost"/>.</summary>
    public PodSecurityContextBuilder SeccompProfile(SeccompProfileType type, string? localhostProfile = null) =>
        Set("seccompProfile", s => s with { SeccompProfile = new SeccompProfile { Type = type, LocalhostProfile = localhostProfile } });

    /// <summary>Appends a namespaced kernel parameter to <c>sysctls</c>.</summary>
    public PodSecurityContextBuilder Sysctl(string name, string value) =>
        Set("sysctls", s => s with { Sysctls = ModelLists.Append(s.Sysctls, new Sysctl { Name = name, Value = value }) });

    /// <summary>Sets <c>seLinuxOptions</c>; unset parts are left to the container runtime.</summary>
    public PodSecurityContextBuilder SeLinuxOptions(string? user = null, string? role = null, string? type = null, string? level = null) =>
        Set("seLinuxOptions", s => s with { SeLinuxOptions = new SELinuxOptions { User = user, Role = role, Type = type, Level = level } });

    /// <summary>
    /// Model-level escape hatch: applies <paramref name="update"/> to the pod security context built so far (e.g. a field the DSL
    /// has no method for). Compile-time evaluation may not support arbitrary lambdas; prefer DSL methods in declarations.
    /// </summary>
    public PodSecurityContextBuilder Modify(Func<PodSecurityContext, PodSecurityContext> update) => ModifyModel(update);

    private protected override PodSecurityContextBuilder With(PodSecurityContext model, ValueList<LocalOrigin> origins) => new(model, origins);
}
