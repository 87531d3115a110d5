using StatefulManifests.Model;
using StatefulManifests.Rules;

namespace StatefulManifests.Tests.Rules;

/// <summary>
/// A workload that satisfies every rule (the baseline test asserts it has no finding at all), and helpers that change
/// one thing in it, so each rule test shows the smallest change that makes its rule fire.
/// </summary>
internal static class CleanWorkload
{
    public static readonly ValueMap<string> Labels = ValueMap.Of(("app.kubernetes.io/name", "web"));

    public static Container CleanContainer { get; } = new()
    {
        Name = "web",
        Image = "registry.example.com/web:1.4.2",
        ImagePullPolicy = PullPolicy.Always,
        Ports = ValueList.Of(new ContainerPort { Name = "http", ContainerPortValue = 8080 }),
        Resources = new ResourceRequirements
        {
            Requests = ValueMap.Of(("cpu", Quantity.Parse("250m")), ("memory", Quantity.Parse("256Mi")), ("ephemeral-storage", Quantity.Parse("1Gi"))),
            Limits = ValueMap.Of(("cpu", Quantity.Parse("500m")), ("memory", Quantity.Parse("256Mi")), ("ephemeral-storage", Quantity.Parse("1Gi"))),
        },
        ReadinessProbe = new Probe { HttpGet = new HTTPGetAction { Path = "/ready", Port = "http" } },
        LivenessProbe = new Probe { HttpGet = new HTTPGetAction { Path = "/alive", Port = "http" } },
        SecurityContext = new SecurityContext
        {
            RunAsNonRoot = true,
            RunAsUser = 10001,
            RunAsGroup = 10001,
            ReadOnlyRootFilesystem = true,
            AllowPrivilegeEscalation = false,
            Privileged = false,
            Capabilities = new Capabilities { Drop = ValueList.Of("ALL") },
        },
        VolumeMounts = ValueList.Of(new VolumeMount { Name = "data", MountPath = "/var/lib/web" }),
    };

    public static StatefulSet CleanSet { get; } = new()
    {
        Metadata = new ObjectMeta { Name = "web", Namespace = "shop" },
        Spec = new StatefulSetSpec
        {
            Replicas = 3,
            ServiceName = "web",
            Selector = new LabelSelector { MatchLabels = Labels },
            Template = new PodTemplateSpec
            {
                Metadata = new ObjectMeta { Labels = Labels },
                Spec = new PodSpec
                {
                    ServiceAccountName = "web",
                    Affinity = new Affinity
                    {
                        PodAntiAffinity = new PodAntiAffinity
                        {
                            PreferredDuringSchedulingIgnoredDuringExecution = ValueList.Of(new WeightedPodAffinityTerm
                            {
                                Weight = 100,
                                PodAffinityTerm = new PodAffinityTerm
                                {
                                    TopologyKey = "kubernetes.io/hostname",
                                    LabelSelector = new LabelSelector { MatchLabels = Labels },
                                },
                            }),
                        },
                    },
                    Containers = ValueList.Of(CleanContainer),
                },
            },
            VolumeClaimTemplates = ValueList.Of(new PersistentVolumeClaim
            {
                Metadata = new ObjectMeta { Name = "data" },
                Spec = new PersistentVolumeClaimSpec
                {
                    AccessModes = ValueList.Of<EnumValue<AccessMode>>(AccessMode.ReadWriteOncePod),
                    Resources = new VolumeResourceRequirements { Requests = ValueMap.Of(("storage", Quantity.Parse("1Gi"))) },
                },
            }),
        },
    };

    public static Service CleanService { get; } = new()
    {
        Metadata = new ObjectMeta { Name = "web", Namespace = "shop" },
        Spec = new ServiceSpec
        {
            ClusterIP = "None",
            Selector = Labels,
            Ports = ValueList.Of(new ServicePort { Name = "http", Port = 8080 }),
        },
    };

    public static PodDisruptionBudget CleanBudget { get; } = new()
    {
        Metadata = new ObjectMeta { Name = "web", Namespace = "shop" },
        Spec = new PodDisruptionBudgetSpec { MaxUnavailable = 1, Selector = new LabelSelector { MatchLabels = Labels } },
    };

    /// <summary>A policy admitting only the peers, for ingress and egress (SM3031, kube-score pod-networkpolicy).</summary>
    public static NetworkPolicy CleanNetworkPolicy { get; } = new()
    {
        ApiVersion = "networking.k8s.io/v1",
        Kind = "NetworkPolicy",
        Metadata = new ObjectMeta { Name = "web" },
        Spec = new NetworkPolicySpec
        {
            PodSelector = new LabelSelector { MatchLabels = Labels },
            PolicyTypes = ValueList.Of<EnumValue<PolicyType>>(PolicyType.Ingress, PolicyType.Egress),
            Ingress = ValueList.Of(new NetworkPolicyIngressRule { From = ValueList.Of(new NetworkPolicyPeer { PodSelector = new LabelSelector { MatchLabels = Labels } }) }),
            Egress = ValueList.Of(new NetworkPolicyEgressRule { To = ValueList.Of(new NetworkPolicyPeer { PodSelector = new LabelSelector { MatchLabels = Labels } }) }),
        },
    };

    public static StatefulSet WithMetadata(Func<ObjectMeta, ObjectMeta> change) => CleanSet with { Metadata = change(CleanSet.Metadata!) };

    public static StatefulSet WithSpec(Func<StatefulSetSpec, StatefulSetSpec> change, StatefulSet? from = null) =>
        (from ?? CleanSet) with { Spec = change((from ?? CleanSet).Spec!) };

    public static StatefulSet WithPod(Func<PodSpec, PodSpec> change, StatefulSet? from = null) =>
        WithSpec(s => s with { Template = s.Template! with { Spec = change(s.Template.Spec!) } }, from);

    public static StatefulSet WithContainer(Func<Container, Container> change, StatefulSet? from = null) =>
        WithPod(p => p with { Containers = ValueList.Of(change(p.Containers![0])) }, from);

    public static StatefulSet WithSecurity(Func<SecurityContext, SecurityContext> change) =>
        WithContainer(c => c with { SecurityContext = change(c.SecurityContext!) });

    public static StatefulSet WithClaim(Func<PersistentVolumeClaim, PersistentVolumeClaim> change) =>
        WithSpec(s => s with { VolumeClaimTemplates = ValueList.Of(change(s.VolumeClaimTemplates![0])) });

    /// <summary>Lints with the clean Service, budget and NetworkPolicy unless others are given (pass <c>withService: false</c> to omit).</summary>
    public static IReadOnlyList<Finding> Lint(StatefulSet? statefulSet = null, Service? service = null, PodDisruptionBudget? budget = null, bool withService = true, bool withBudget = true) =>
        WorkloadLinter.Lint(statefulSet ?? CleanSet, withService ? service ?? CleanService : null, withBudget ? budget ?? CleanBudget : null, [CleanNetworkPolicy], StatefulManifests.Versions.TargetCluster.Default);
}
