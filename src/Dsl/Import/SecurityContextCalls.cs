using StatefulManifests.Model;
using static StatefulManifests.Import.ImportValues;

namespace StatefulManifests.Import;

/// <summary>Pod and container security contexts as nested builder chains.</summary>
internal static class SecurityContextCalls
{
    /// <summary><c>spec.template.spec.securityContext</c>.</summary>
    public static DslChain Pod(PodSecurityContext context)
    {
        var chain = new DslChain(typeof(PodSecurityContextBuilder));
        Long(chain, nameof(PodSecurityContextBuilder.RunAsUser), context.RunAsUser);
        Long(chain, nameof(PodSecurityContextBuilder.RunAsGroup), context.RunAsGroup);
        PodCalls.Flag(chain, nameof(PodSecurityContextBuilder.RunAsNonRoot), context.RunAsNonRoot);
        Long(chain, nameof(PodSecurityContextBuilder.FsGroup), context.FsGroup);
        PodCalls.Known(chain, nameof(PodSecurityContextBuilder.FsGroupChangePolicy), Enum(context.FsGroupChangePolicy, out var known), known);
        if (context.SupplementalGroups is { Count: > 0 } groups)
        {
            chain.Call(nameof(PodSecurityContextBuilder.SupplementalGroups), groups.ToArray());
        }

        Seccomp(chain, context.SeccompProfile);
        foreach (var sysctl in context.Sysctls ?? ValueList<Sysctl>.Empty)
        {
            if (sysctl.Name is null || sysctl.Value is null)
            {
                break;
            }

            chain.Call(nameof(PodSecurityContextBuilder.Sysctl), sysctl.Name, sysctl.Value);
        }

        SeLinux(chain, context.SeLinuxOptions);
        return chain;
    }

    /// <summary>A container's <c>securityContext</c>.</summary>
    public static DslChain Container(SecurityContext context)
    {
        var chain = new DslChain(typeof(SecurityContextBuilder));
        Long(chain, nameof(SecurityContextBuilder.RunAsUser), context.RunAsUser);
        Long(chain, nameof(SecurityContextBuilder.RunAsGroup), context.RunAsGroup);
        PodCalls.Flag(chain, nameof(SecurityContextBuilder.RunAsNonRoot), context.RunAsNonRoot);
        PodCalls.Flag(chain, nameof(SecurityContextBuilder.ReadOnlyRootFilesystem), context.ReadOnlyRootFilesystem);
        PodCalls.Flag(chain, nameof(SecurityContextBuilder.AllowPrivilegeEscalation), context.AllowPrivilegeEscalation);
        PodCalls.Flag(chain, nameof(SecurityContextBuilder.Privileged), context.Privileged);
        if (context.Capabilities?.Add is { Count: > 0 } add)
        {
            chain.Call(nameof(SecurityContextBuilder.AddCapabilities), add.ToArray());
        }

        if (context.Capabilities?.Drop is { Count: > 0 } drop)
        {
            chain.Call(nameof(SecurityContextBuilder.DropCapabilities), drop.ToArray());
        }

        Seccomp(chain, context.SeccompProfile);
        PodCalls.Known(chain, nameof(SecurityContextBuilder.ProcMount), Enum(context.ProcMount, out var known), known);
        SeLinux(chain, context.SeLinuxOptions);
        return chain;
    }

    private static void Long(DslChain chain, string method, long? value)
    {
        if (value is { } number)
        {
            chain.Call(method, number);
        }
    }

    private static void Seccomp(DslChain chain, SeccompProfile? profile)
    {
        if (profile is not null && Enum(profile.Type, out var known) is { } type && known)
        {
            chain.Call("SeccompProfile", type, Opt(profile.LocalhostProfile));
        }
    }

    private static void SeLinux(DslChain chain, SELinuxOptions? options)
    {
        if (options is not null && (options.User ?? options.Role ?? options.Type ?? options.Level) is not null)
        {
            chain.Call("SeLinuxOptions", Opt(options.User), Opt(options.Role), Opt(options.Type), Opt(options.Level));
        }
    }
}
