using StatefulManifests.Model;
using static StatefulManifests.Validation.FieldErrorType;

namespace StatefulManifests.Tests.Validation;

/// <summary>Pod and container security contexts.</summary>
public sealed class SecurityContextRulesTests
{
    private const string Pod = "spec.template.spec.securityContext";
    private const string Container = "spec.template.spec.containers[0].securityContext";

    [Fact]
    public void HardenedContextsAreAccepted() =>
        Expect.Valid(Baseline.WithPod(p => p with
        {
            SecurityContext = new PodSecurityContext
            {
                RunAsUser = 1000, RunAsGroup = 1000, FsGroup = 2000, RunAsNonRoot = true,
                FsGroupChangePolicy = FsGroupChangePolicy.OnRootMismatch,
                SeccompProfile = new SeccompProfile { Type = SeccompProfileType.RuntimeDefault },
                Sysctls = ValueList.Of(new Sysctl { Name = "net.core.somaxconn", Value = "1024" }),
            },
            Containers = ValueList.Of(p.Containers![0] with
            {
                SecurityContext = new SecurityContext
                {
                    AllowPrivilegeEscalation = false, ReadOnlyRootFilesystem = true,
                    Capabilities = new Capabilities { Drop = ValueList.Of("ALL") },
                    SeccompProfile = new SeccompProfile { Type = SeccompProfileType.Localhost, LocalhostProfile = "profiles/nginx.json" },
                },
            }),
        }));

    [Fact]
    public void IdsMustBeUnsigned32Bit() =>
        Expect.Exactly(
            Expect.Errors(Baseline.WithPod(p => p with { SecurityContext = new PodSecurityContext { RunAsUser = -1, SupplementalGroups = ValueList.Of(5000000000L) } })),
            (Invalid, Pod + ".runAsUser", "Invalid value: -1: must be between 0 and 4294967295, inclusive"),
            (Invalid, Pod + ".supplementalGroups[0]", "Invalid value: 5000000000: must be between 0 and 4294967295, inclusive"));

    [Fact]
    public void SeccompTypeIsRequiredAndLocalhostNeedsAProfile() =>
        Expect.Exactly(
            Expect.Errors(Baseline.WithPod(p => p with
            {
                SecurityContext = new PodSecurityContext { SeccompProfile = new SeccompProfile() },
                Containers = ValueList.Of(p.Containers![0] with { SecurityContext = new SecurityContext { SeccompProfile = new SeccompProfile { Type = SeccompProfileType.Localhost } } }),
            })),
            (Required, Container + ".seccompProfile.localhostProfile", "Required value: must be set when seccomp type is Localhost"),
            (Required, Pod + ".seccompProfile.type", "Required value: type is required when seccompProfile is set"));

    [Fact]
    public void SeccompProfileOnlyWithLocalhost() =>
        Expect.Only(
            WithContainerContext(new SecurityContext { SeccompProfile = new SeccompProfile { Type = SeccompProfileType.RuntimeDefault, LocalhostProfile = "x.json" } }),
            Invalid,
            Container + ".seccompProfile.localhostProfile",
            "Invalid value: {\"type\":\"RuntimeDefault\",\"localhostProfile\":\"x.json\"}: can only be set when seccomp type is Localhost");

    [Fact]
    public void PrivilegedContainersCannotDisableEscalation() =>
        Expect.Only(
            WithContainerContext(new SecurityContext { Privileged = true, AllowPrivilegeEscalation = false }),
            Invalid,
            Container,
            "Invalid value: {\"privileged\":true,\"allowPrivilegeEscalation\":false}: cannot set `allowPrivilegeEscalation` to false and `privileged` to true");

    [Fact]
    public void UnmaskedProcMountNeedsUserNamespaces() =>
        Expect.Only(
            WithContainerContext(new SecurityContext { ProcMount = ProcMountType.Unmasked }),
            Forbidden,
            Container + ".procMount",
            "Forbidden: `hostUsers` must be false to use `Unmasked`");

    [Fact]
    public void UnmaskedProcMountWithUserNamespacesIsAccepted() =>
        Expect.Valid(Baseline.WithPod(p => p with
        {
            HostUsers = false,
            Containers = ValueList.Of(p.Containers![0] with { SecurityContext = new SecurityContext { ProcMount = ProcMountType.Unmasked } }),
        }));

    [Fact]
    public void AppArmorLocalhostNeedsAProfile() =>
        Expect.Only(
            WithContainerContext(new SecurityContext { AppArmorProfile = new AppArmorProfile { Type = AppArmorProfileType.Localhost } }),
            Required,
            Container + ".appArmorProfile.localhostProfile",
            "Required value: must be set when AppArmor type is Localhost");

    [Fact]
    public void SysctlNamesAreCheckedAndUnique() =>
        Expect.Exactly(
            Expect.Errors(Baseline.WithPod(p => p with
            {
                HostNetwork = true,
                SecurityContext = new PodSecurityContext
                {
                    Sysctls = ValueList.Of(new Sysctl { Name = "Net.Core" }, new Sysctl { Name = "net.ipv4.tcp_syncookies" }, new Sysctl { Name = "kernel.msgmax" }, new Sysctl { Name = "kernel.msgmax" }),
                },
            })),
            (Invalid, Pod + ".sysctls[0].name", "Invalid value: \"Net.Core\": must have at most 253 characters and match regex ^([a-z0-9]([-_a-z0-9]*[a-z0-9])?[\\./])*[a-z0-9]([-_a-z0-9]*[a-z0-9])?$"),
            (Invalid, Pod + ".sysctls[1].name", "Invalid value: \"net.ipv4.tcp_syncookies\": may not be specified when 'hostNetwork' is true"),
            (Duplicate, Pod + ".sysctls[3].name", "Duplicate value: \"kernel.msgmax\""));

    [Fact]
    public void UnknownFsGroupChangePolicyIsNotSupported() =>
        Expect.Only(
            Baseline.WithPod(p => p with { SecurityContext = new PodSecurityContext { FsGroupChangePolicy = new EnumValue<FsGroupChangePolicy>("Never") } }),
            NotSupported,
            Pod + ".fsGroupChangePolicy",
            "Unsupported value: \"Never\": supported values: \"Always\", \"OnRootMismatch\"");

    [Fact]
    public void ShareProcessNamespaceExcludesHostPid() =>
        Expect.Only(
            Baseline.WithPod(p => p with { ShareProcessNamespace = true, HostPID = true, SecurityContext = new PodSecurityContext() }),
            Invalid,
            Pod + ".shareProcessNamespace",
            "Invalid value: true: ShareProcessNamespace and HostPID cannot both be enabled");

    [Fact]
    public void AppArmorProfileOnlyWithLocalhostAndWithoutPadding() =>
        Expect.Exactly(
            Expect.Errors(Baseline.WithPod(p => p with
            {
                SecurityContext = new PodSecurityContext { AppArmorProfile = new AppArmorProfile { Type = AppArmorProfileType.RuntimeDefault, LocalhostProfile = "x" } },
                Containers = ValueList.Of(p.Containers![0] with
                {
                    SecurityContext = new SecurityContext { AppArmorProfile = new AppArmorProfile { Type = AppArmorProfileType.Localhost, LocalhostProfile = " x " } },
                }),
            })),
            (Invalid, Container + ".appArmorProfile.localhostProfile", "Invalid value: \" x \": must not be padded with whitespace"),
            (Invalid, Pod + ".appArmorProfile.localhostProfile", "Invalid value: \"x\": can only be set when AppArmor type is Localhost"));

    [Fact]
    public void SysAdminCapabilityNeedsPrivilegeEscalation() =>
        Expect.Only(
            WithContainerContext(new SecurityContext { AllowPrivilegeEscalation = false, Capabilities = new Capabilities { Add = ValueList.Of("CAP_SYS_ADMIN") } }),
            Invalid,
            Container,
            "Invalid value: {\"capabilities\":{\"add\":[\"CAP_SYS_ADMIN\"]},\"allowPrivilegeEscalation\":false}: cannot set `allowPrivilegeEscalation` to false and `capabilities.Add` CAP_SYS_ADMIN");

    [Fact]
    public void ContainerGroupIdMustBeInRange() =>
        Expect.Only(WithContainerContext(new SecurityContext { RunAsGroup = -5 }), Invalid, Container + ".runAsGroup", "Invalid value: -5: must be between 0 and 4294967295, inclusive");

    [Fact]
    public void IpcSysctlsConflictWithHostIpc() =>
        Expect.Only(
            Baseline.WithPod(p => p with { HostIPC = true, SecurityContext = new PodSecurityContext { Sysctls = ValueList.Of(new Sysctl { Name = "kernel.shmmax", Value = "1" }) } }),
            Invalid,
            Pod + ".sysctls[0].name",
            "Invalid value: \"kernel.shmmax\": may not be specified when 'hostIPC' is true");

    [Fact]
    public void GroupsAndSeLinuxPoliciesMustBeKnown() =>
        Expect.Exactly(
            Expect.Errors(Baseline.WithPod(p => p with { SecurityContext = new PodSecurityContext { SupplementalGroupsPolicy = "Replace", SeLinuxChangePolicy = "Never" } })),
            (NotSupported, Pod + ".supplementalGroupsPolicy", "Unsupported value: \"Replace\": supported values: \"Merge\", \"Strict\""),
            (NotSupported, Pod + ".seLinuxChangePolicy", "Unsupported value: \"Never\": supported values: \"MountOption\", \"Recursive\""));

    private static StatefulSet WithContainerContext(SecurityContext context) => Baseline.WithContainer(c => c with { SecurityContext = context });
}
