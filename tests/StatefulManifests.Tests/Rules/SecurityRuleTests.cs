using StatefulManifests.Model;
using StatefulManifests.Rules;
using StatefulManifests.Rules.Security;
using static StatefulManifests.Tests.Rules.CleanWorkload;

namespace StatefulManifests.Tests.Rules;

/// <summary>SM3001-SM3011: the security rules (kube-score security context, kube-linter checks).</summary>
public class SecurityRuleTests
{
    private const string Ctx = "spec.template.spec.containers[0].securityContext";

    [Fact]
    public void SM3001_fires_when_a_container_may_run_as_root()
    {
        FindingAssert.Single(
            Lint(WithSecurity(s => s with { RunAsNonRoot = null, RunAsUser = null })),
            RuleIds.RunAsRoot,
            Ctx + ".runAsNonRoot",
            Ctx + ".runAsNonRoot: container \"web\" may run as root (runAsNonRoot is not true and runAsUser is not above 0); set runAsNonRoot: true and a non-zero runAsUser in the pod or container securityContext");
    }

    [Fact]
    public void SM3001_fires_when_run_as_non_root_meets_user_zero_from_the_pod()
    {
        var set = WithPod(p => p with { SecurityContext = new PodSecurityContext { RunAsUser = 0 } }, WithSecurity(s => s with { RunAsUser = null }));

        FindingAssert.Single(
            Lint(set),
            RuleIds.RunAsRoot,
            "spec.template.spec.securityContext.runAsUser",
            "spec.template.spec.securityContext.runAsUser: container \"web\" sets runAsNonRoot: true with runAsUser: 0, so the kubelet refuses to start it; set runAsNonRoot: true and a non-zero runAsUser in the pod or container securityContext");
    }

    [Fact]
    public void SM3001_accepts_a_non_zero_user_or_run_as_non_root_from_the_pod()
    {
        var userOnly = WithSecurity(s => s with { RunAsNonRoot = null, RunAsUser = 10001 });
        var fromPod = WithPod(p => p with { SecurityContext = new PodSecurityContext { RunAsNonRoot = true } }, WithSecurity(s => s with { RunAsNonRoot = null, RunAsUser = null }));

        FindingAssert.None(Lint(userOnly), RuleIds.RunAsRoot);
        FindingAssert.None(Lint(fromPod), RuleIds.RunAsRoot);
    }

    [Fact]
    public void SM3002_fires_on_low_or_unset_user_and_group_ids()
    {
        var findings = Lint(WithSecurity(s => s with { RunAsUser = 999, RunAsGroup = null }));

        var low = FindingAssert.Of(findings, RuleIds.LowUserOrGroupId);
        Assert.Equal(2, low.Count);
        Assert.Equal(Ctx + ".runAsGroup", low[0].Path.ToString());
        Assert.Equal(Ctx + ".runAsGroup: container \"web\" sets no runAsGroup, so it runs with the image's group; use a user and group ID of 10000 or more so it cannot collide with a user on the host", low[0].Message);
        Assert.Equal(Ctx + ".runAsUser", low[1].Path.ToString());
        Assert.Equal(Ctx + ".runAsUser: container \"web\" runs with user ID 999; use a user and group ID of 10000 or more so it cannot collide with a user on the host", low[1].Message);
    }

    [Fact]
    public void SM3002_reports_at_the_pod_when_the_id_comes_from_there_and_accepts_high_pod_ids()
    {
        var lowFromPod = WithPod(p => p with { SecurityContext = new PodSecurityContext { RunAsUser = 1000, RunAsGroup = 10001 } }, WithSecurity(s => s with { RunAsUser = null, RunAsGroup = null }));
        var highFromPod = WithPod(p => p with { SecurityContext = new PodSecurityContext { RunAsUser = 10001, RunAsGroup = 10001 } }, WithSecurity(s => s with { RunAsUser = null, RunAsGroup = null }));

        FindingAssert.Single(
            Lint(lowFromPod),
            RuleIds.LowUserOrGroupId,
            "spec.template.spec.securityContext.runAsUser",
            "spec.template.spec.securityContext.runAsUser: container \"web\" runs with user ID 1000; use a user and group ID of 10000 or more so it cannot collide with a user on the host");
        FindingAssert.None(Lint(highFromPod), RuleIds.LowUserOrGroupId);
    }

    [Fact]
    public void SM3003_fires_on_privileged_containers_only()
    {
        FindingAssert.Single(
            Lint(WithSecurity(s => s with { Privileged = true })),
            RuleIds.PrivilegedContainer,
            Ctx + ".privileged",
            Ctx + ".privileged: container \"web\" is privileged and has full access to the node; remove privileged: true and add only the capabilities it needs");
        FindingAssert.None(Lint(WithSecurity(s => s with { Privileged = null })), RuleIds.PrivilegedContainer);
    }

    [Fact]
    public void SM3004_fires_when_privilege_escalation_is_allowed_or_not_disabled()
    {
        FindingAssert.Single(
            Lint(WithSecurity(s => s with { AllowPrivilegeEscalation = true })),
            RuleIds.PrivilegeEscalation,
            Ctx + ".allowPrivilegeEscalation",
            Ctx + ".allowPrivilegeEscalation: container \"web\" sets allowPrivilegeEscalation: true; set allowPrivilegeEscalation: false");
        FindingAssert.Single(
            Lint(WithSecurity(s => s with { AllowPrivilegeEscalation = null })),
            RuleIds.PrivilegeEscalation,
            Ctx + ".allowPrivilegeEscalation",
            Ctx + ".allowPrivilegeEscalation: container \"web\" does not set allowPrivilegeEscalation, so its processes may gain privileges (setuid binaries); set allowPrivilegeEscalation: false");
    }

    [Fact]
    public void SM3005_fires_on_a_writable_root_filesystem()
    {
        FindingAssert.Single(
            Lint(WithSecurity(s => s with { ReadOnlyRootFilesystem = false })),
            RuleIds.WritableRootFilesystem,
            Ctx + ".readOnlyRootFilesystem",
            Ctx + ".readOnlyRootFilesystem: container \"web\" has a writable root filesystem; set readOnlyRootFilesystem: true and mount volumes where it must write");
    }

    [Fact]
    public void SM3006_fires_on_host_path_volumes_and_marks_sensitive_ones()
    {
        var set = WithPod(p => p with
        {
            Volumes = ValueList.Of(
                new Volume { Name = "cache", EmptyDir = new EmptyDirVolumeSource() },
                new Volume { Name = "host-etc", HostPath = new HostPathVolumeSource { Path = "/etc/" } },
                new Volume { Name = "srv", HostPath = new HostPathVolumeSource { Path = "/srv/data" } }),
        });

        var findings = FindingAssert.Of(Lint(set), RuleIds.HostPathVolume);

        Assert.Equal(
            [
                "spec.template.spec.volumes[1].hostPath: volume \"host-etc\" mounts host path \"/etc/\" (a sensitive host directory); use a volume claim template or an emptyDir instead",
                "spec.template.spec.volumes[2].hostPath: volume \"srv\" mounts host path \"/srv/data\"; use a volume claim template or an emptyDir instead",
            ],
            findings.Select(f => f.Message));
    }

    [Fact]
    public void SM3007_fires_for_each_shared_host_namespace()
    {
        var set = WithPod(p => p with { HostNetwork = true, HostPID = true, HostIPC = false });

        var findings = FindingAssert.Of(Lint(set), RuleIds.HostNamespace);

        Assert.Equal(
            [
                "spec.template.spec.hostNetwork: the pods share the node's network namespace; remove hostNetwork: true",
                "spec.template.spec.hostPID: the pods share the node's process (PID) namespace; remove hostPID: true",
            ],
            findings.Select(f => f.Message));
    }

    [Fact]
    public void SM3008_fires_on_a_literal_secret_in_the_environment()
    {
        var set = WithContainer(c => c with
        {
            Env = ValueList.Of(
                new EnvVar { Name = "CASSANDRA_KEYSPACE", Value = "orders" },
                new EnvVar { Name = "DB_ROOT_PASSWORD", Value = "hunter2" }),
        });

        FindingAssert.Single(
            Lint(set),
            RuleIds.SecretInEnvLiteral,
            "spec.template.spec.containers[0].env[1].value",
            "spec.template.spec.containers[0].env[1].value: environment variable \"DB_ROOT_PASSWORD\" of container \"web\" holds a literal secret; read it from a Secret with valueFrom.secretKeyRef");
    }

    [Theory]
    [InlineData("apiKey", "abc123", true)]
    [InlineData("MINIO_SECRET_KEY", "minio123", true)]
    [InlineData("github-token", "ghp_x", true)]
    [InlineData("MYSQL_ALLOW_EMPTY_PASSWORD", "yes", false)]
    [InlineData("TLS_KEY_FILE", "/etc/tls/key.pem", false)]
    [InlineData("DB_PASSWORD", "$(PASSWORD_FROM_SECRET)", false)]
    [InlineData("MONKEY", "banana", false)]
    [InlineData("KEYSPACE", "orders", false)]
    [InlineData("DB_PASSWORD", "", false)]
    public void SM3008_tells_secrets_from_switches_paths_and_references(string name, string value, bool expected)
    {
        var set = WithContainer(c => c with { Env = ValueList.Of(new EnvVar { Name = name, Value = value }) });

        Assert.Equal(expected, FindingAssert.Of(Lint(set), RuleIds.SecretInEnvLiteral).Count == 1);
    }

    [Fact]
    public void SM3008_does_not_fire_for_secret_key_refs()
    {
        var set = WithContainer(c => c with
        {
            Env = ValueList.Of(new EnvVar
            {
                Name = "DB_PASSWORD",
                ValueFrom = new EnvVarSource { SecretKeyRef = new SecretKeySelector { Name = "db", Key = "password" } },
            }),
        });

        FindingAssert.None(Lint(set), RuleIds.SecretInEnvLiteral);
    }

    [Fact]
    public void SM3009_fires_when_net_raw_is_not_dropped()
    {
        FindingAssert.Single(
            Lint(WithSecurity(s => s with { Capabilities = new Capabilities { Drop = ValueList.Of("SYS_ADMIN") } })),
            RuleIds.CapabilitiesNotDropped,
            Ctx + ".capabilities.drop",
            Ctx + ".capabilities.drop: container \"web\" does not drop NET_RAW, which lets it craft raw packets; add ALL (or at least NET_RAW) to securityContext.capabilities.drop");
        FindingAssert.None(Lint(WithSecurity(s => s with { Capabilities = new Capabilities { Drop = ValueList.Of("CAP_NET_RAW") } })), RuleIds.CapabilitiesNotDropped);
    }

    [Fact]
    public void SM3010_fires_on_the_default_service_account()
    {
        FindingAssert.Single(
            Lint(WithPod(p => p with { ServiceAccountName = null })),
            RuleIds.DefaultServiceAccount,
            "spec.template.spec.serviceAccountName",
            "spec.template.spec.serviceAccountName: the pods use the namespace's default service account; create a dedicated service account and set serviceAccountName");
        Assert.Single(FindingAssert.Of(Lint(WithPod(p => p with { ServiceAccountName = "default" })), RuleIds.DefaultServiceAccount));
        FindingAssert.None(Lint(WithPod(p => p with { ServiceAccountName = null, ServiceAccount = "web" })), RuleIds.DefaultServiceAccount);
    }

    [Fact]
    public void SM3011_fires_on_a_node_port_service()
    {
        FindingAssert.Single(
            Lint(service: CleanService with { Spec = CleanService.Spec! with { Type = ServiceType.NodePort } }),
            RuleIds.NodePortService,
            "spec.type",
            "spec.type: Service \"web\" is of type NodePort, which opens its port on every node and bypasses NetworkPolicies; use a headless or ClusterIP Service (behind an Ingress or LoadBalancer if it must be reachable)",
            FindingSubject.Service);
        FindingAssert.None(Lint(service: CleanService with { Spec = CleanService.Spec! with { Type = ServiceType.ClusterIP } }), RuleIds.NodePortService);
    }

    [Fact]
    public void Security_rules_check_init_containers_too()
    {
        var init = new Container { Name = "init", Image = "busybox:1.36", SecurityContext = new SecurityContext { Privileged = true } };

        var findings = Lint(WithPod(p => p with { InitContainers = ValueList.Of(init) }));

        Assert.Contains(findings, f => f.RuleId == RuleIds.PrivilegedContainer && f.Path.ToString() == "spec.template.spec.initContainers[0].securityContext.privileged");
        Assert.Contains(findings, f => f.RuleId == RuleIds.RunAsRoot && f.Path.ToString() == "spec.template.spec.initContainers[0].securityContext.runAsNonRoot");
        Assert.True(SecretInEnvRule.IsSecretName("RootPassword"));
    }
}
