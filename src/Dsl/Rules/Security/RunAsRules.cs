using System.Globalization;
using StatefulManifests.Rules.Support;
using StatefulManifests.Validation;

namespace StatefulManifests.Rules.Security;

/// <summary>
/// SM3001 (kube-linter run-as-non-root): each container must be known not to run as root — runAsNonRoot true, or
/// a runAsUser above 0 (container value over pod value). runAsNonRoot with runAsUser 0 is reported too: the kubelet
/// refuses to start such a container.
/// </summary>
internal sealed class RunAsNonRootRule : WorkloadRule
{
    public override RuleDescriptor Descriptor => RuleCatalog.RunAsRoot;

    public override IEnumerable<Finding> Check(WorkloadContext workload)
    {
        foreach (var site in workload.AllContainers)
        {
            var nonRoot = SecurityContexts.RunAsNonRoot(workload.Pod, site.Container);
            var user = SecurityContexts.RunAsUser(workload.Pod, site.Container);
            if (nonRoot == true && user == 0)
            {
                var path = site.Container.SecurityContext?.RunAsUser is not null ? site.SecurityContextPath : Paths.PodSpec.Child("securityContext");
                yield return Descriptor.At(path.Child("runAsUser"), site.Name, "sets runAsNonRoot: true with runAsUser: 0, so the kubelet refuses to start it");
            }
            else if (nonRoot != true && !(user > 0))
            {
                yield return Descriptor.At(site.SecurityContextPath.Child("runAsNonRoot"), site.Name, "may run as root (runAsNonRoot is not true and runAsUser is not above 0)")
                    with { Replacement = site.Container.SecurityContext?.RunAsNonRoot == false ? "true" : null };
            }
        }
    }
}

/// <summary>SM3002 (kube-score container-security-context-user-group-id): user and group IDs of at least 10000.</summary>
internal sealed class HighUserGroupIdRule : WorkloadRule
{
    internal const long MinimumId = 10000;

    public override RuleDescriptor Descriptor => RuleCatalog.LowUserOrGroupId;

    public override IEnumerable<Finding> Check(WorkloadContext workload)
    {
        foreach (var site in workload.AllContainers)
        {
            var user = SecurityContexts.RunAsUser(workload.Pod, site.Container);
            if (!(user >= MinimumId))
            {
                yield return Descriptor.At(IdPath(workload, site, "runAsUser", site.Container.SecurityContext?.RunAsUser), site.Name, Describe("user", "runAsUser", user));
            }

            var group = SecurityContexts.RunAsGroup(workload.Pod, site.Container);
            if (!(group >= MinimumId))
            {
                yield return Descriptor.At(IdPath(workload, site, "runAsGroup", site.Container.SecurityContext?.RunAsGroup), site.Name, Describe("group", "runAsGroup", group));
            }
        }
    }

    // Report where the value comes from: the container's own field, else the pod's when it sets one, else the container.
    private static FieldPath IdPath(WorkloadContext workload, ContainerSite site, string field, long? containerValue)
    {
        var podValue = field == "runAsUser" ? workload.Pod.SecurityContext?.RunAsUser : workload.Pod.SecurityContext?.RunAsGroup;
        return containerValue is null && podValue is not null ? Paths.PodSpec.Child("securityContext", field) : site.SecurityContextPath.Child(field);
    }

    private static string Describe(string what, string field, long? id) => id is { } value
        ? "runs with " + what + " ID " + value.ToString(CultureInfo.InvariantCulture)
        : "sets no " + field + ", so it runs with the image's " + what;
}
