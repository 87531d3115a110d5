using System.Globalization;
using System.Text.RegularExpressions;
using StatefulManifests.Model;

namespace StatefulManifests.Validation;

/// <summary>
/// Pod and container security contexts: user and group ids in range, known seccomp/AppArmor/procMount/
/// fsGroupChangePolicy values with their dependent fields, sysctl names, and the combinations Kubernetes forbids.
/// </summary>
internal static class SecurityContextRules
{
    private const int SysctlMaxLength = 253;
    private const string SysctlFormat = "([a-z0-9]([-_a-z0-9]*[a-z0-9])?[\\./])*[a-z0-9]([-_a-z0-9]*[a-z0-9])?";
    private static readonly Regex SysctlName = new("^(?:" + SysctlFormat + ")\\z", RegexOptions.CultureInvariant);

    /// <summary>A container's <c>securityContext</c>.</summary>
    public static void ValidateContainer(SecurityContext? context, bool hostUsers, FieldPath path, ValidationErrors errors)
    {
        if (context is null)
        {
            return;
        }

        if (context.RunAsUser is { } user)
        {
            errors.Invalid(path.Child("runAsUser"), user, NameRules.IsUnixId(user));
        }

        if (context.RunAsGroup is { } group)
        {
            errors.Invalid(path.Child("runAsGroup"), group, NameRules.IsUnixId(group));
        }

        if (context.ProcMount is { } procMount)
        {
            if (!procMount.IsKnown)
            {
                errors.NotSupported(path.Child("procMount"), procMount.Value, ValueRules.Declared<ProcMountType>());
            }

            if (hostUsers && procMount.Known == ProcMountType.Unmasked)
            {
                errors.Forbidden(path.Child("procMount"), "`hostUsers` must be false to use `Unmasked`");
            }
        }

        ValidateSeccompProfile(context.SeccompProfile, path.Child("seccompProfile"), errors);
        if (context.AllowPrivilegeEscalation == false)
        {
            if (context.Privileged == true)
            {
                errors.Invalid(path, context, "cannot set `allowPrivilegeEscalation` to false and `privileged` to true");
            }

            foreach (var capability in context.Capabilities?.Add ?? ValueList<string>.Empty)
            {
                if (capability == "CAP_SYS_ADMIN")
                {
                    errors.Invalid(path, context, "cannot set `allowPrivilegeEscalation` to false and `capabilities.Add` CAP_SYS_ADMIN");
                }
            }
        }

        ValidateAppArmorProfile(context.AppArmorProfile, path.Child("appArmorProfile"), errors);
    }

    /// <summary>The pod's <c>securityContext</c> (and <c>shareProcessNamespace</c>, which Kubernetes checks with it).</summary>
    public static void ValidatePod(PodSpec spec, FieldPath path, ValidationErrors errors)
    {
        if (spec.SecurityContext is not { } context)
        {
            return;
        }

        if (context.FsGroup is { } fsGroup)
        {
            errors.Invalid(path.Child("fsGroup"), fsGroup, NameRules.IsUnixId(fsGroup));
        }

        if (context.RunAsUser is { } user)
        {
            errors.Invalid(path.Child("runAsUser"), user, NameRules.IsUnixId(user));
        }

        if (context.RunAsGroup is { } group)
        {
            errors.Invalid(path.Child("runAsGroup"), group, NameRules.IsUnixId(group));
        }

        var groups = context.SupplementalGroups ?? ValueList<long>.Empty;
        for (var i = 0; i < groups.Count; i++)
        {
            errors.Invalid(path.Child("supplementalGroups").Index(i), groups[i], NameRules.IsUnixId(groups[i]));
        }

        if (spec.ShareProcessNamespace == true && spec.HostPID == true)
        {
            errors.Invalid(path.Child("shareProcessNamespace"), true, "ShareProcessNamespace and HostPID cannot both be enabled");
        }

        ValidateSysctls(context.Sysctls, spec, path.Child("sysctls"), errors);
        if (context.FsGroupChangePolicy is { IsKnown: false } changePolicy)
        {
            errors.NotSupported(path.Child("fsGroupChangePolicy"), changePolicy.Value, ValueRules.Sorted<FsGroupChangePolicy>());
        }

        ValidateSeccompProfile(context.SeccompProfile, path.Child("seccompProfile"), errors);
        ValidateAppArmorProfile(context.AppArmorProfile, path.Child("appArmorProfile"), errors);
        if (context.SupplementalGroupsPolicy is { } groupsPolicy && groupsPolicy is not ("Merge" or "Strict"))
        {
            errors.NotSupported(path.Child("supplementalGroupsPolicy"), groupsPolicy, ["Merge", "Strict"]);
        }

        if (context.SeLinuxChangePolicy is { } seLinuxPolicy && seLinuxPolicy is not ("MountOption" or "Recursive"))
        {
            errors.NotSupported(path.Child("seLinuxChangePolicy"), seLinuxPolicy, ["MountOption", "Recursive"]);
        }
    }

    private static void ValidateSysctls(ValueList<Sysctl>? sysctls, PodSpec spec, FieldPath path, ValidationErrors errors)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        var list = sysctls ?? ValueList<Sysctl>.Empty;
        for (var i = 0; i < list.Count; i++)
        {
            var name = list[i]?.Name ?? string.Empty;
            var namePath = path.Index(i).Child("name");
            if (name.Length == 0)
            {
                errors.Required(namePath);
            }
            else if (name.Length > SysctlMaxLength || !SysctlName.IsMatch(name))
            {
                errors.Invalid(
                    namePath,
                    name,
                    "must have at most " + SysctlMaxLength.ToString(CultureInfo.InvariantCulture) + " characters and match regex ^" + SysctlFormat + "$");
            }
            else if (names.Contains(name))
            {
                errors.Duplicate(namePath, name);
            }

            // Namespaced sysctls cannot be set when the pod shares that namespace with the host.
            var normalized = name.Replace('/', '.');
            if (spec.HostNetwork == true && normalized.StartsWith("net.", StringComparison.Ordinal))
            {
                errors.Invalid(namePath, name, "may not be specified when 'hostNetwork' is true");
            }
            else if (spec.HostIPC == true && IsIpcSysctl(normalized))
            {
                errors.Invalid(namePath, name, "may not be specified when 'hostIPC' is true");
            }

            names.Add(name);
        }
    }

    private static bool IsIpcSysctl(string name) =>
        name is "kernel.sem" or "kernel.shmall" or "kernel.shmmax" or "kernel.shmmni" or "kernel.msgmax" or "kernel.msgmnb" or "kernel.msgmni" or "kernel.shm_rmid_forced"
        || name.StartsWith("fs.mqueue.", StringComparison.Ordinal);

    private static void ValidateSeccompProfile(SeccompProfile? profile, FieldPath path, ValidationErrors errors)
    {
        if (profile is null)
        {
            return;
        }

        var type = profile.Type?.Value ?? string.Empty;
        if (type.Length == 0)
        {
            errors.Required(path.Child("type"), "type is required when seccompProfile is set");
        }
        else if (!profile.Type!.Value.IsKnown)
        {
            errors.NotSupported(path.Child("type"), type, ValueRules.Sorted<SeccompProfileType>());
        }

        if (profile.Type?.Known == SeccompProfileType.Localhost)
        {
            if (profile.LocalhostProfile is null)
            {
                errors.Required(path.Child("localhostProfile"), "must be set when seccomp type is Localhost");
            }
            else
            {
                DownwardApiRules.ValidateLocalDescendingPath(profile.LocalhostProfile, path.Child("localhostProfile"), errors);
            }
        }
        else if (profile.LocalhostProfile is not null)
        {
            errors.Invalid(path.Child("localhostProfile"), profile, "can only be set when seccomp type is Localhost");
        }
    }

    private static void ValidateAppArmorProfile(AppArmorProfile? profile, FieldPath path, ValidationErrors errors)
    {
        if (profile is null)
        {
            return;
        }

        var type = profile.Type?.Value ?? string.Empty;
        switch (profile.Type?.Known)
        {
            case AppArmorProfileType.Localhost:
                var localhost = profile.LocalhostProfile;
                if (localhost is null)
                {
                    errors.Required(path.Child("localhostProfile"), "must be set when AppArmor type is Localhost");
                }
                else
                {
                    if (localhost.Trim() != localhost)
                    {
                        errors.Invalid(path.Child("localhostProfile"), localhost, "must not be padded with whitespace");
                    }
                    else if (localhost.Length == 0)
                    {
                        errors.Required(path.Child("localhostProfile"), "must be set when AppArmor type is Localhost");
                    }

                    if (NameRules.ByteLength(localhost) > 4095)
                    {
                        errors.TooLong(path.Child("localhostProfile"), 4095);
                    }
                }

                break;
            case AppArmorProfileType.RuntimeDefault:
            case AppArmorProfileType.Unconfined:
                if (profile.LocalhostProfile is not null)
                {
                    errors.Invalid(path.Child("localhostProfile"), profile.LocalhostProfile, "can only be set when AppArmor type is Localhost");
                }

                break;
            default:
                if (type.Length == 0)
                {
                    errors.Required(path.Child("type"), "type is required when appArmorProfile is set");
                }
                else
                {
                    errors.NotSupported(path.Child("type"), type, ValueRules.Sorted<AppArmorProfileType>());
                }

                break;
        }
    }
}
