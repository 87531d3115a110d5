using System.Globalization;
using StatefulManifests.Model;
using StatefulManifests.Tests.Support;
using StatefulManifests.Validation;
using StatefulManifests.Yaml;
using Xunit.Abstractions;
using static StatefulManifests.Validation.FieldErrorType;

namespace StatefulManifests.Tests.Validation;

/// <summary>The validator never throws, whatever is null or missing, and its output does not depend on the culture.</summary>
public sealed class RobustnessTests(ITestOutputHelper output)
{
    [Fact]
    public void AnEmptyStatefulSetReportsWhatIsMissing() =>
        Expect.Exactly(
            WorkloadValidator.Validate(new StatefulSet(), new Service(), new PodDisruptionBudget()),
            (Required, "metadata.name", "Required value: name or generateName is required"),
            (Required, "spec.selector", "Required value"),
            (Invalid, "spec.template.metadata.labels", "Invalid value: null: `selector` does not match template `labels`"),
            (Required, "spec.template.spec.containers", "Required value"),
            (Required, "metadata.name", "Required value: name or generateName is required"),
            (Required, "spec.ports", "Required value"),
            (Required, "metadata.name", "Required value: name or generateName is required"));

    [Fact]
    public void NullTopLevelObjectsAreValidatedAsEmpty()
    {
        Assert.NotEmpty(WorkloadValidator.Validate(null!));
        Assert.NotEmpty(WorkloadValidator.ValidateService(null!));
        Assert.NotEmpty(WorkloadValidator.ValidateDisruptionBudget(null!));
    }

    [Fact]
    public void NullListElementsAndEmptyObjectsDoNotThrow()
    {
        var statefulSet = Baseline.WithSpec(s => s with
        {
            UpdateStrategy = new StatefulSetUpdateStrategy { RollingUpdate = new RollingUpdateStatefulSetStrategy() },
            PersistentVolumeClaimRetentionPolicy = new StatefulSetPersistentVolumeClaimRetentionPolicy(),
            VolumeClaimTemplates = ValueList.Of<PersistentVolumeClaim>(null!, new PersistentVolumeClaim()),
            Template = new PodTemplateSpec
            {
                Metadata = new ObjectMeta { Labels = ValueMap.Of(("app", "nginx")), OwnerReferences = NullItem<OwnerReference>() },
                Spec = new PodSpec
                {
                    Containers = ValueList.Of<Container>(null!, new Container
                    {
                        Ports = NullItem<ContainerPort>(),
                        Env = ValueList.Of<EnvVar>(null!, new EnvVar { ValueFrom = new EnvVarSource { FieldRef = new ObjectFieldSelector(), ResourceFieldRef = new ResourceFieldSelector() } }),
                        EnvFrom = NullItem<EnvFromSource>(),
                        VolumeMounts = NullItem<VolumeMount>(),
                        VolumeDevices = NullItem<VolumeDevice>(),
                        LivenessProbe = new Probe { HttpGet = new HTTPGetAction { HttpHeaders = NullItem<HTTPHeader>() } },
                        Lifecycle = new Lifecycle { PreStop = new LifecycleHandler { Sleep = new SleepAction() } },
                        Resources = new ResourceRequirements { Claims = NullItem<ResourceClaim>() },
                        ResizePolicy = NullItem<ContainerResizePolicy>(),
                        SecurityContext = new SecurityContext { Capabilities = new Capabilities(), SeccompProfile = new SeccompProfile(), AppArmorProfile = new AppArmorProfile() },
                    }),
                    InitContainers = NullItem<Container>(),
                    Volumes = ValueList.Of<Volume>(null!, new Volume
                    {
                        Name = "p",
                        Projected = new ProjectedVolumeSource { Sources = ValueList.Of<VolumeProjection>(null!, new VolumeProjection { ClusterTrustBundle = new ClusterTrustBundleProjection() }) },
                    }),
                    Tolerations = NullItem<Toleration>(),
                    TopologySpreadConstraints = NullItem<TopologySpreadConstraint>(),
                    Affinity = new Affinity
                    {
                        NodeAffinity = new NodeAffinity { RequiredDuringSchedulingIgnoredDuringExecution = new NodeSelector { NodeSelectorTerms = NullItem<NodeSelectorTerm>() } },
                        PodAffinity = new PodAffinity { RequiredDuringSchedulingIgnoredDuringExecution = NullItem<PodAffinityTerm>() },
                        PodAntiAffinity = new PodAntiAffinity
                        {
                            RequiredDuringSchedulingIgnoredDuringExecution = ValueList.Of(new PodAffinityTerm
                            {
                                TopologyKey = "kubernetes.io/hostname",
                                LabelSelector = new LabelSelector { MatchExpressions = NullItem<LabelSelectorRequirement>() },
                            }),
                        },
                    },
                    DnsConfig = new PodDNSConfig { Nameservers = NullItem<string>(), Options = NullItem<PodDNSConfigOption>() },
                    HostAliases = NullItem<HostAlias>(),
                    SecurityContext = new PodSecurityContext { Sysctls = NullItem<Sysctl>() },
                    ResourceClaims = NullItem<PodResourceClaim>(),
                    Os = new PodOS(),
                },
            },
        });
        var service = Baseline.WithServiceSpec(s => s with { Ports = NullItem<ServicePort>(), ClusterIPs = NullItem<string>(), ExternalIPs = NullItem<string>() });
        var errors = WorkloadValidator.Validate(statefulSet, service, new PodDisruptionBudget { Spec = new PodDisruptionBudgetSpec() });
        output.WriteLine(Expect.Describe(errors));

        // The whole template was walked: errors come from its deepest parts as well as from the companions.
        Expect.Contains(errors, Required, "spec.template.spec.containers[0].name", "Required value");
        Expect.Contains(errors, Required, "spec.template.spec.containers[1].image", "Required value");
        Expect.Contains(errors, Invalid, "spec.template.spec.containers[1].livenessProbe.httpGet.port", "Invalid value: 0: " + Messages.PortRange);
        Expect.Contains(errors, Invalid, "spec.template.spec.affinity.podAntiAffinity.requiredDuringSchedulingIgnoredDuringExecution[0].labelSelector.matchExpressions[0].operator", "Invalid value: \"\": not a valid selector operator");
        Expect.Contains(errors, Required, "spec.template.spec.os.name", "Required value");
        Expect.Contains(errors, Invalid, "spec.ports[0].port", "Invalid value: 0: " + Messages.PortRange);
    }

    [Fact]
    public void TheEverythingSetFixtureValidatesWithoutThrowing()
    {
        if (SharedFiles.Missing(SharedFiles.CorpusDir, output, "the manifest corpus"))
        {
            return;
        }

        const string File = "k8s-api-fixture-v1.32.0-apps.v1.StatefulSet.yaml";
        var statefulSet = Assert.Single(ManifestYaml.Read(System.IO.File.ReadAllText(Path.Combine(SharedFiles.CorpusDir!, File)), File).StatefulSets);
        var errors = WorkloadValidator.ValidateStatefulSet(statefulSet);
        output.WriteLine(Expect.Describe(errors));

        // Placeholder values everywhere: plenty is wrong, and every error must still carry a path.
        Assert.NotEmpty(errors);
        Assert.All(errors, e => Assert.NotEqual(string.Empty, e.Path.ToString()));
    }

    [Fact]
    public void OutputIsTheSameInEveryCulture()
    {
        var statefulSet = Baseline.WithMeta(m => m with
        {
            Name = "WEB-İ",
            Labels = ValueMap.Of(("TITLE", "İstanbul"), ("Id", "1")),
            Annotations = ValueMap.Of(("Example.COM/İ", "x")),
        }) with
        {
            Spec = Baseline.Web.Spec! with { Replicas = -1, UpdateStrategy = new StatefulSetUpdateStrategy { RollingUpdate = new RollingUpdateStatefulSetStrategy { MaxUnavailable = "1.5%" } } },
        };

        var invariant = Run(CultureInfo.InvariantCulture);
        Assert.Equal(invariant, Run(new CultureInfo("tr-TR")));
        Assert.Equal(invariant, Run(new CultureInfo("ar-SA")));
        Assert.Contains("spec.replicas: Invalid value: -1: must be greater than or equal to 0", invariant, StringComparison.Ordinal);

        string Run(CultureInfo culture)
        {
            var previous = CultureInfo.CurrentCulture;
            try
            {
                CultureInfo.CurrentCulture = culture;
                CultureInfo.CurrentUICulture = culture;
                return string.Join("\n", WorkloadValidator.Validate(statefulSet).Select(e => e.ToString()));
            }
            finally
            {
                CultureInfo.CurrentCulture = previous;
                CultureInfo.CurrentUICulture = previous;
            }
        }
    }

    /// <summary>A list holding one null item (what a YAML list entry of <c>~</c> could become).</summary>
    private static ValueList<T> NullItem<T>()
        where T : class => new T[] { null! }.ToValueList();

    [Fact]
    public void ValidationIsDeterministic() =>
        Assert.Equal(
            WorkloadValidator.Validate(Baseline.WithMeta(m => m with { Labels = ValueMap.Of(("z", "-"), ("a", "-")) })).Select(e => e.ToString()),
            WorkloadValidator.Validate(Baseline.WithMeta(m => m with { Labels = ValueMap.Of(("a", "-"), ("z", "-")) })).Select(e => e.ToString()));
}
