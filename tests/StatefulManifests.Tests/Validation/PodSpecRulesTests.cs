using StatefulManifests.Model;
using static StatefulManifests.Validation.FieldErrorType;

namespace StatefulManifests.Tests.Validation;

/// <summary>Pod-level fields of the template and the pod-specific annotations.</summary>
public sealed class PodSpecRulesTests
{
    private const string P = "spec.template.spec";

    [Fact]
    public void UnknownDnsPolicyIsNotSupported() =>
        Expect.Only(
            Baseline.WithPod(p => p with { DnsPolicy = new EnumValue<DnsPolicy>("ClusterOnly") }),
            NotSupported,
            P + ".dnsPolicy",
            "Unsupported value: \"ClusterOnly\": supported values: \"ClusterFirstWithHostNet\", \"ClusterFirst\", \"Default\", \"None\"");

    [Fact]
    public void DnsPolicyNoneNeedsNameservers() =>
        Expect.Only(
            Baseline.WithPod(p => p with { DnsPolicy = DnsPolicy.None, DnsConfig = new PodDNSConfig() }),
            Required,
            P + ".dnsConfig.nameservers",
            "Required value: must provide at least one DNS nameserver when `dnsPolicy` is None");

    [Fact]
    public void DnsConfigValuesAreChecked() =>
        Expect.Exactly(
            Expect.Errors(Baseline.WithPod(p => p with
            {
                DnsConfig = new PodDNSConfig
                {
                    Nameservers = ValueList.Of("10.0.0.300"),
                    Searches = ValueList.Of("Bad Domain", "svc.cluster.local.", "_srv.example.com", "."),
                    Options = ValueList.Of(new PodDNSConfigOption { Value = "2" }),
                },
            })),
            (Invalid, P + ".dnsConfig.nameservers[0]", "Invalid value: \"10.0.0.300\": must be a valid IP address, (e.g. 10.9.8.7 or 2001:db8::ffff)"),
            (Invalid, P + ".dnsConfig.searches[0]", "Invalid value: \"Bad Domain\": a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '_', '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '_?[a-z0-9]([-_a-z0-9]*[a-z0-9])?(\\._?[a-z0-9]([-_a-z0-9]*[a-z0-9])?)*')"),
            (Required, P + ".dnsConfig.options[0]", "Required value: must not be empty"));

    [Fact]
    public void DnsPolicyNoneWithNameserversIsAccepted() =>
        Expect.Valid(Baseline.WithPod(p => p with { DnsPolicy = DnsPolicy.None, DnsConfig = new PodDNSConfig { Nameservers = ValueList.Of("1.1.1.1", "2001:db8::1") } }));

    [Fact]
    public void NodeSelectorIsALabelMap() =>
        Expect.Only(
            Baseline.WithPod(p => p with { NodeSelector = ValueMap.Of(("disktype", "ssd/nvme")) }),
            Invalid,
            P + ".nodeSelector",
            "Invalid value: \"ssd/nvme\": " + Messages.LabelValue);

    [Theory]
    [InlineData("serviceAccountName")]
    [InlineData("priorityClassName")]
    [InlineData("nodeName")]
    [InlineData("runtimeClassName")]
    public void NamesOfReferencedObjectsAreDnsSubdomains(string field)
    {
        var statefulSet = Baseline.WithPod(p => field switch
        {
            "serviceAccountName" => p with { ServiceAccountName = "Web_SA" },
            "priorityClassName" => p with { PriorityClassName = "Web_SA" },
            "nodeName" => p with { NodeName = "Web_SA" },
            _ => p with { RuntimeClassName = "Web_SA" },
        });
        Expect.Only(statefulSet, Invalid, P + "." + field, "Invalid value: \"Web_SA\": " + Messages.Dns1123Subdomain);
    }

    [Fact]
    public void ReferencedObjectNamesAreAccepted() =>
        Expect.Valid(Baseline.WithPod(p => p with { ServiceAccountName = "web", PriorityClassName = "high-priority", RuntimeClassName = "gvisor" }));

    [Fact]
    public void PreemptionPolicyMustBeKnownAndNotEmpty() =>
        Expect.Only(
            Baseline.WithPod(p => p with { PreemptionPolicy = new EnumValue<PreemptionPolicy>(string.Empty) }),
            Required,
            P + ".preemptionPolicy",
            "Required value");

    [Fact]
    public void HostAliasesNeedIpsAndHostnames() =>
        Expect.Exactly(
            Expect.Errors(Baseline.WithPod(p => p with { HostAliases = ValueList.Of(new HostAlias { Ip = "db", Hostnames = ValueList.Of("DB") }) })),
            (Invalid, P + ".hostAliases[0].ip", "Invalid value: \"db\": must be a valid IP address, (e.g. 10.9.8.7 or 2001:db8::ffff)"),
            (Invalid, P + ".hostAliases[0].hostnames[0]", "Invalid value: \"DB\": " + Messages.Dns1123Subdomain));

    [Fact]
    public void ReadinessAndSchedulingGatesAreQualifiedNames() =>
        Expect.Exactly(
            Expect.Errors(Baseline.WithPod(p => p with
            {
                ReadinessGates = ValueList.Of(new PodReadinessGate { ConditionType = "example.com/ready!" }),
                SchedulingGates = ValueList.Of(new PodSchedulingGate { Name = "example.com/quota" }, new PodSchedulingGate { Name = "example.com/quota" }),
            })),
            (Invalid, P + ".readinessGates[0].conditionType", "Invalid value: \"example.com/ready!\": " + Messages.QualifiedNamePart),
            (Duplicate, P + ".schedulingGates[1]", "Duplicate value: \"example.com/quota\""));

    [Fact]
    public void HostNetworkHostPortMustEqualContainerPort() =>
        Expect.Only(
            Baseline.WithPod(p => p with
            {
                HostNetwork = true,
                Containers = ValueList.Of(p.Containers![0] with { Ports = ValueList.Of(new ContainerPort { ContainerPortValue = 80, HostPort = 8080 }) }),
            }),
            Invalid,
            P + ".containers[0].ports[0].hostPort",
            "Invalid value: 8080: must match `containerPort` when `hostNetwork` is true");

    [Fact]
    public void UserNamespacesRuleOutHostPidAndIpc() =>
        Expect.Exactly(
            Expect.Errors(Baseline.WithPod(p => p with { HostUsers = false, HostPID = true, HostIPC = true })),
            (Forbidden, P + ".HostPID", "Forbidden: when `hostUsers` is false"),
            (Forbidden, P + ".HostIPC", "Forbidden: when `hostUsers` is false"));

    [Fact]
    public void OsNameMustBeLinuxOrWindows() =>
        Expect.Only(
            Baseline.WithPod(p => p with { Os = new PodOS { Name = "darwin" } }),
            NotSupported,
            P + ".os.name",
            "Unsupported value: \"darwin\": supported values: \"linux\", \"windows\"");

    [Fact]
    public void LinuxPodsMayNotSetWindowsOptions() =>
        Expect.Only(
            Baseline.WithPod(p => p with
            {
                Os = new PodOS { Name = "linux" },
                Containers = ValueList.Of(p.Containers![0] with { SecurityContext = new SecurityContext { WindowsOptions = new WindowsSecurityContextOptions { RunAsUserName = "app" } } }),
            }),
            Forbidden,
            P + ".containers[0].securityContext.windowsOptions",
            "Forbidden: windows options cannot be set for a linux pod");

    [Fact]
    public void EphemeralContainersAreNotAllowedInTemplates() =>
        Expect.Only(
            Baseline.WithPod(p => p with { EphemeralContainers = ValueList.Of(new EphemeralContainer { Name = "debug", Image = "busybox" }) }),
            Forbidden,
            P + ".ephemeralContainers",
            "Forbidden: ephemeral containers not allowed in pod template");

    [Fact]
    public void PodDeletionCostMustBeA32BitInteger() =>
        Expect.Only(
            TemplateAnnotations(("controller.kubernetes.io/pod-deletion-cost", "007")),
            Invalid,
            "spec.template.annotations[controller.kubernetes.io/pod-deletion-cost]",
            "Invalid value: \"007\": must be a 32bit integer");

    [Fact]
    public void NegativePodDeletionCostIsAccepted() => Expect.Valid(TemplateAnnotations(("controller.kubernetes.io/pod-deletion-cost", "-100")));

    [Fact]
    public void LegacySeccompAnnotationMustNameAProfile() =>
        Expect.Only(
            TemplateAnnotations(("seccomp.security.alpha.kubernetes.io/pod", "strict")),
            Invalid,
            "spec.template.annotations.seccomp.security.alpha.kubernetes.io/pod",
            "Invalid value: \"strict\": must be a valid seccomp profile");

    [Fact]
    public void LegacyAppArmorAnnotationMustNameAContainer() =>
        Expect.Only(
            TemplateAnnotations(("container.apparmor.security.beta.kubernetes.io/web", "runtime/default")),
            Invalid,
            "spec.template.annotations[container.apparmor.security.beta.kubernetes.io/web]",
            "Invalid value: \"web\": container not found");

    [Fact]
    public void MirrorPodAnnotationNeedsANodeName() =>
        Expect.Only(
            TemplateAnnotations(("kubernetes.io/config.mirror", "x")),
            Invalid,
            "spec.template.annotations[kubernetes.io/config.mirror]",
            "Invalid value: \"x\": must set spec.nodeName if mirror pod annotation is set");

    [Fact]
    public void DnsConfigListsHaveLimits() =>
        Expect.Exactly(
            Expect.Errors(Baseline.WithPod(p => p with
            {
                DnsConfig = new PodDNSConfig
                {
                    Nameservers = ValueList.Of("1.1.1.1", "1.0.0.1", "8.8.8.8", "8.8.4.4"),
                    Searches = Enumerable.Range(0, 33).Select(i => "s" + i.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToValueList(),
                },
            })),
            (Invalid, P + ".dnsConfig.nameservers", "Invalid value: [\"1.1.1.1\",\"1.0.0.1\",\"8.8.8.8\",\"8.8.4.4\"]: must not have more than 3 nameservers"),
            (Invalid, P + ".dnsConfig.searches", "Invalid value: [" + string.Join(",", Enumerable.Range(0, 33).Select(i => "\"s" + i.ToString(System.Globalization.CultureInfo.InvariantCulture) + "\"")) + "]: must not have more than 32 search paths"));

    [Fact]
    public void DnsPolicyNoneNeedsDnsConfig() =>
        Expect.Only(
            Baseline.WithPod(p => p with { DnsPolicy = DnsPolicy.None }),
            Required,
            P + ".dnsConfig",
            "Required value: must provide `dnsConfig` when `dnsPolicy` is None");

    [Fact]
    public void LegacyAppArmorAnnotationMustNameAProfile() =>
        Expect.Only(
            TemplateAnnotations(("container.apparmor.security.beta.kubernetes.io/nginx", "enforce")),
            Invalid,
            "spec.template.annotations[container.apparmor.security.beta.kubernetes.io/nginx]",
            "Invalid value: \"enforce\": invalid AppArmor profile name: \"enforce\"");

    [Fact]
    public void LegacyLocalhostSeccompProfileMustBeRelative() =>
        Expect.Only(
            TemplateAnnotations(("container.seccomp.security.alpha.kubernetes.io/nginx", "localhost/../escape.json")),
            Invalid,
            "spec.template.annotations.container.seccomp.security.alpha.kubernetes.io/nginx",
            "Invalid value: \"../escape.json\": must not contain '..'");

    private static StatefulSet TemplateAnnotations(params (string Key, string Value)[] annotations) =>
        Baseline.WithSpec(s => s with { Template = s.Template! with { Metadata = s.Template.Metadata! with { Annotations = ValueMap.Of(annotations) } } });
}
