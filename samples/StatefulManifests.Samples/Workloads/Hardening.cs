using StatefulManifests.Model;

namespace StatefulManifests.Samples;

/// <summary>
/// The hardening the database samples share, as plain DSL functions: workloads compose them like any other call and
/// the generator evaluates them at compile time.
/// </summary>
public static class Hardening
{
    /// <summary>
    /// A pod that runs as <paramref name="id"/> (user, group and volume group: the image's own account, so the data
    /// directory on the claim is writable) under the runtime's default seccomp profile.
    /// </summary>
    /// <param name="pod">The pod security context.</param>
    /// <param name="id">The image's non-root user and group id.</param>
    public static PodSecurityContextBuilder NonRootPod(PodSecurityContextBuilder pod, long id) => pod
        .RunAsNonRoot()
        .RunAsUser(id)
        .RunAsGroup(id)
        .FsGroup(id)
        .SeccompProfile(SeccompProfileType.RuntimeDefault);

    /// <summary>A container that cannot gain privileges, writes only to its mounts and holds no capabilities.</summary>
    /// <param name="container">The container security context.</param>
    public static SecurityContextBuilder LockedDown(SecurityContextBuilder container) => container
        .AllowPrivilegeEscalation(false)
        .ReadOnlyRootFilesystem()
        .DropCapabilities("ALL");
}
