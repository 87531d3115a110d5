using StatefulManifests.Model;

namespace StatefulManifests.Rules.Security;

/// <summary>
/// SM3003 (kube-score, kube-linter privileged-container): privileged: true. Unlike kube-score, an unset field is
/// not reported: it defaults to false.
/// </summary>
internal sealed class PrivilegedRule : WorkloadRule
{
    public override RuleDescriptor Descriptor => RuleCatalog.PrivilegedContainer;

    public override IEnumerable<Finding> Check(WorkloadContext workload) =>
        workload.AllContainers
            .Where(s => s.Container.SecurityContext?.Privileged == true)
            .Select(s => Descriptor.At(s.SecurityContextPath.Child("privileged"), s.Name) with { Replacement = "false" });
}

/// <summary>
/// SM3004 (kube-linter privilege-escalation-container; Pod Security "restricted"): allowPrivilegeEscalation must be
/// false. kube-linter reports only an explicit true; an unset field is reported too because Linux then allows
/// escalation (no_new_privs is not set).
/// </summary>
internal sealed class PrivilegeEscalationRule : WorkloadRule
{
    public override RuleDescriptor Descriptor => RuleCatalog.PrivilegeEscalation;

    public override IEnumerable<Finding> Check(WorkloadContext workload)
    {
        foreach (var site in workload.AllContainers)
        {
            var allow = site.Container.SecurityContext?.AllowPrivilegeEscalation;
            if (allow != false)
            {
                var detail = allow == true
                    ? "sets allowPrivilegeEscalation: true"
                    : "does not set allowPrivilegeEscalation, so its processes may gain privileges (setuid binaries)";
                yield return Descriptor.At(site.SecurityContextPath.Child("allowPrivilegeEscalation"), site.Name, detail)
                    with { Replacement = allow == true ? "false" : null };
            }
        }
    }
}

/// <summary>SM3005 (kube-score, kube-linter no-read-only-root-fs): readOnlyRootFilesystem must be true.</summary>
internal sealed class ReadOnlyRootFilesystemRule : WorkloadRule
{
    public override RuleDescriptor Descriptor => RuleCatalog.WritableRootFilesystem;

    public override IEnumerable<Finding> Check(WorkloadContext workload) =>
        workload.AllContainers
            .Where(s => s.Container.SecurityContext?.ReadOnlyRootFilesystem != true)
            .Select(s => Descriptor.At(s.SecurityContextPath.Child("readOnlyRootFilesystem"), s.Name)
                with { Replacement = s.Container.SecurityContext?.ReadOnlyRootFilesystem == false ? "true" : null });
}

/// <summary>SM3009 (kube-linter drop-net-raw-capability): capabilities.drop must include NET_RAW or ALL.</summary>
internal sealed class DropNetRawRule : WorkloadRule
{
    public override RuleDescriptor Descriptor => RuleCatalog.CapabilitiesNotDropped;

    public override IEnumerable<Finding> Check(WorkloadContext workload)
    {
        foreach (var site in workload.AllContainers)
        {
            var dropped = site.Container.SecurityContext?.Capabilities?.Drop ?? ValueList<string>.Empty;
            if (!dropped.Any(IsNetRawOrAll))
            {
                yield return Descriptor.At(site.SecurityContextPath.Child("capabilities", "drop"), site.Name);
            }
        }
    }

    // Container runtimes accept capability names with or without the CAP_ prefix, in any case.
    private static bool IsNetRawOrAll(string capability)
    {
        var name = capability.StartsWith("CAP_", StringComparison.OrdinalIgnoreCase) ? capability.Substring(4) : capability;
        return string.Equals(name, "NET_RAW", StringComparison.OrdinalIgnoreCase) || string.Equals(name, "ALL", StringComparison.OrdinalIgnoreCase);
    }
}
