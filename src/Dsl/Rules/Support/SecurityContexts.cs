using StatefulManifests.Model;

namespace StatefulManifests.Rules.Support;

/// <summary>
/// The security settings a container effectively runs with: a container's own securityContext wins over the
/// pod's for the fields both have (runAsUser, runAsGroup, runAsNonRoot), as the kubelet applies them.
/// </summary>
internal static class SecurityContexts
{
    public static long? RunAsUser(PodSpec pod, Container container) => container.SecurityContext?.RunAsUser ?? pod.SecurityContext?.RunAsUser;

    public static long? RunAsGroup(PodSpec pod, Container container) => container.SecurityContext?.RunAsGroup ?? pod.SecurityContext?.RunAsGroup;

    public static bool? RunAsNonRoot(PodSpec pod, Container container) => container.SecurityContext?.RunAsNonRoot ?? pod.SecurityContext?.RunAsNonRoot;
}
