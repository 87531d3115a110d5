using System.Reflection;
using StatefulManifests.Model;
using StatefulManifests.Validation;
using static StatefulManifests.Validation.FieldErrorType;

namespace StatefulManifests.Tests.Validation;

/// <summary>
/// Every closed-set field of the model reports a value it does not know (NotSupported with the supported values,
/// or Invalid where Kubernetes words it so), at the field's path.
/// </summary>
public sealed class EnumCoverageTests
{
    private const string Bogus = "Bogus";

    // Status fields the API server ignores on create (it resets a Service's status; nothing validates a claim
    // template's status), so an unknown value there is not an error.
    private static readonly string[] IgnoredStatusFields = ["PersistentVolumeClaimStatus.AccessModes", "PortStatus.Protocol"];

    public static TheoryData<string, FieldErrorType, string> Fields => new()
    {
        { "AppArmorProfile.Type", NotSupported, "spec.template.spec.containers[0].securityContext.appArmorProfile.type" },
        { "Container.ImagePullPolicy", NotSupported, "spec.template.spec.containers[0].imagePullPolicy" },
        { "Container.RestartPolicy", NotSupported, "spec.template.spec.initContainers[0].restartPolicy" },
        { "Container.TerminationMessagePolicy", NotSupported, "spec.template.spec.containers[0].terminationMessagePolicy" },
        { "ContainerPort.Protocol", NotSupported, "spec.template.spec.containers[0].ports[0].protocol" },
        { "ContainerResizePolicy.RestartPolicy", NotSupported, "spec.template.spec.containers[0].resizePolicy" },
        { "CronJobSpec.ConcurrencyPolicy", NotSupported, "spec.concurrencyPolicy" },
        { "EphemeralContainer.ImagePullPolicy", NotSupported, "spec.template.spec.ephemeralContainers[0].imagePullPolicy" },
        { "EphemeralContainer.RestartPolicy", Forbidden, "spec.template.spec.ephemeralContainers[0].restartPolicy" },
        { "EphemeralContainer.TerminationMessagePolicy", NotSupported, "spec.template.spec.ephemeralContainers[0].terminationMessagePolicy" },
        { "HTTPGetAction.Scheme", NotSupported, "spec.template.spec.containers[0].livenessProbe.httpGet.scheme" },
        { "ImageVolumeSource.PullPolicy", NotSupported, "spec.template.spec.volumes[0].image.pullPolicy" },
        { "LabelSelectorRequirement.Operator", Invalid, "spec.selector.matchExpressions[0].operator" },
        { "NetworkPolicyPort.Protocol", NotSupported, "spec.ingress[0].ports[0].protocol" },
        { "NetworkPolicySpec.PolicyTypes", NotSupported, "spec.policyTypes[0]" },
        { "NodeSelectorRequirement.Operator", Invalid, "spec.template.spec.affinity.nodeAffinity.requiredDuringSchedulingIgnoredDuringExecution.nodeSelectorTerms[0].matchExpressions[0].operator" },
        { "PersistentVolumeClaimSpec.AccessModes", NotSupported, "spec.volumeClaimTemplates[0].spec.accessModes" },
        { "PersistentVolumeClaimSpec.VolumeMode", NotSupported, "spec.volumeClaimTemplates[0].spec.volumeMode" },
        { "PersistentVolumeSpec.AccessModes", NotSupported, "spec.accessModes[0]" },
        { "PersistentVolumeSpec.PersistentVolumeReclaimPolicy", NotSupported, "spec.persistentVolumeReclaimPolicy" },
        { "PersistentVolumeSpec.VolumeMode", NotSupported, "spec.volumeMode" },
        { "PodDisruptionBudgetSpec.UnhealthyPodEvictionPolicy", NotSupported, "spec.unhealthyPodEvictionPolicy" },
        { "PodSecurityContext.FsGroupChangePolicy", NotSupported, "spec.template.spec.securityContext.fsGroupChangePolicy" },
        { "PodSpec.DnsPolicy", NotSupported, "spec.template.spec.dnsPolicy" },
        { "PodSpec.PreemptionPolicy", NotSupported, "spec.template.spec.preemptionPolicy" },
        { "PodSpec.RestartPolicy", NotSupported, "spec.template.spec.restartPolicy" },
        { "SeccompProfile.Type", NotSupported, "spec.template.spec.securityContext.seccompProfile.type" },
        { "SecurityContext.ProcMount", NotSupported, "spec.template.spec.containers[0].securityContext.procMount" },
        { "ServicePort.Protocol", NotSupported, "spec.ports[0].protocol" },
        { "ServiceSpec.ExternalTrafficPolicy", NotSupported, "spec.externalTrafficPolicy" },
        { "ServiceSpec.InternalTrafficPolicy", NotSupported, "spec.internalTrafficPolicy" },
        { "ServiceSpec.IpFamilies", NotSupported, "spec.ipFamilies[0]" },
        { "ServiceSpec.IpFamilyPolicy", NotSupported, "spec.ipFamilyPolicy" },
        { "ServiceSpec.SessionAffinity", NotSupported, "spec.sessionAffinity" },
        { "ServiceSpec.Type", NotSupported, "spec.type" },
        { "StatefulSetPersistentVolumeClaimRetentionPolicy.WhenDeleted", NotSupported, "spec.persistentVolumeClaimRetentionPolicy.whenDeleted" },
        { "StatefulSetPersistentVolumeClaimRetentionPolicy.WhenScaled", NotSupported, "spec.persistentVolumeClaimRetentionPolicy.whenScaled" },
        { "StatefulSetSpec.PodManagementPolicy", Invalid, "spec.podManagementPolicy" },
        { "StatefulSetUpdateStrategy.Type", Invalid, "spec.updateStrategy" },
        { "Toleration.Effect", NotSupported, "spec.template.spec.tolerations[0].effect" },
        { "Toleration.Operator", NotSupported, "spec.template.spec.tolerations[0].operator" },
        { "TopologySpreadConstraint.NodeAffinityPolicy", NotSupported, "spec.template.spec.topologySpreadConstraints[0].nodeAffinityPolicy" },
        { "TopologySpreadConstraint.NodeTaintsPolicy", NotSupported, "spec.template.spec.topologySpreadConstraints[0].nodeTaintsPolicy" },
        { "TopologySpreadConstraint.WhenUnsatisfiable", NotSupported, "spec.template.spec.topologySpreadConstraints[0].whenUnsatisfiable" },
        { "VolumeMount.MountPropagation", NotSupported, "spec.template.spec.containers[0].volumeMounts.mountPropagation" },
    };

    [Fact]
    public void EveryEnumFieldOfTheModelIsCovered()
    {
        var found = typeof(EnumValue<>).Assembly.GetTypes()
            .Where(t => t.Namespace == "StatefulManifests.Model" && t.IsClass)
            .SelectMany(t => t.GetProperties(BindingFlags.Public | BindingFlags.Instance).Select(p => (Type: t, Property: p)))
            .Where(x => IsEnumValue(x.Property.PropertyType))
            .Select(x => x.Type.Name + "." + x.Property.Name)
            .OrderBy(x => x, StringComparer.Ordinal)
            .ToArray();
        var covered = Fields.Select(row => (string)row[0]).Concat(IgnoredStatusFields).OrderBy(x => x, StringComparer.Ordinal).ToArray();
        Assert.Equal(covered, found);
    }

    [Theory]
    [MemberData(nameof(Fields))]
    public void UnknownValueIsReported(string field, FieldErrorType type, string path)
    {
        var errors = Validate(field);
        var match = errors.FirstOrDefault(e => e.Type == type && e.Path.ToString() == path && (type == Forbidden || e.Message.Contains("\"" + Bogus + "\"", StringComparison.Ordinal)));
        Assert.True(match is not null, $"expected {type} at {path} for {Bogus}, got:\n" + Expect.Describe(errors));
        if (type == NotSupported)
        {
            Assert.StartsWith("supported values: \"", match!.Detail, StringComparison.Ordinal);
        }
    }

    private static bool IsEnumValue(Type type)
    {
        var t = Nullable.GetUnderlyingType(type) ?? type;
        if (t.IsGenericType && t.GetGenericTypeDefinition() == typeof(ValueList<>))
        {
            t = Nullable.GetUnderlyingType(t.GetGenericArguments()[0]) ?? t.GetGenericArguments()[0];
        }

        return t.IsGenericType && t.GetGenericTypeDefinition() == typeof(EnumValue<>);
    }

    private static EnumValue<T> B<T>()
        where T : struct, Enum => new(Bogus);

    private static IReadOnlyList<FieldError> Validate(string field)
    {
        return field switch
        {
            "AppArmorProfile.Type" => Sts(Baseline.WithContainer(c => c with { SecurityContext = new SecurityContext { AppArmorProfile = new AppArmorProfile { Type = B<AppArmorProfileType>() } } })),
            "Container.ImagePullPolicy" => Sts(Baseline.WithContainer(c => c with { ImagePullPolicy = B<PullPolicy>() })),
            "Container.RestartPolicy" => Sts(Baseline.WithPod(p => p with { InitContainers = ValueList.Of(new Container { Name = "i", Image = "i", RestartPolicy = B<ContainerRestartPolicy>() }) })),
            "Container.TerminationMessagePolicy" => Sts(Baseline.WithContainer(c => c with { TerminationMessagePolicy = B<TerminationMessagePolicy>() })),
            "ContainerPort.Protocol" => Sts(Baseline.WithContainer(c => c with { Ports = ValueList.Of(new ContainerPort { ContainerPortValue = 80, Protocol = B<Protocol>() }) })),
            "CronJobSpec.ConcurrencyPolicy" => Owned(new CronJob { Metadata = new ObjectMeta { Name = "backup" }, Spec = new CronJobSpec { Schedule = "0 * * * *", ConcurrencyPolicy = B<ConcurrencyPolicy>() } }),
            "NetworkPolicyPort.Protocol" => Owned(new NetworkPolicy
            {
                Metadata = new ObjectMeta { Name = "web" },
                Spec = new NetworkPolicySpec { PodSelector = new LabelSelector(), Ingress = ValueList.Of(new NetworkPolicyIngressRule { Ports = ValueList.Of(new NetworkPolicyPort { Port = 80, Protocol = B<Protocol>() }) }) },
            }),
            "NetworkPolicySpec.PolicyTypes" => Owned(new NetworkPolicy { Metadata = new ObjectMeta { Name = "web" }, Spec = new NetworkPolicySpec { PodSelector = new LabelSelector(), PolicyTypes = ValueList.Of(B<PolicyType>()) } }),
            "PersistentVolumeSpec.AccessModes" => Volume(s => s with { AccessModes = ValueList.Of(B<AccessMode>()) }),
            "PersistentVolumeSpec.PersistentVolumeReclaimPolicy" => Volume(s => s with { PersistentVolumeReclaimPolicy = B<PersistentVolumeReclaimPolicy>() }),
            "PersistentVolumeSpec.VolumeMode" => Volume(s => s with { VolumeMode = B<VolumeMode>() }),
            "ContainerResizePolicy.RestartPolicy" => Sts(Baseline.WithContainer(c => c with { ResizePolicy = ValueList.Of(new ContainerResizePolicy { ResourceName = "cpu", RestartPolicy = B<ResizeRestartPolicy>() }) })),
            "EphemeralContainer.ImagePullPolicy" => Ephemeral(new EphemeralContainer { Name = "e", Image = "e", ImagePullPolicy = B<PullPolicy>() }),
            "EphemeralContainer.RestartPolicy" => Ephemeral(new EphemeralContainer { Name = "e", Image = "e", RestartPolicy = B<ContainerRestartPolicy>() }),
            "EphemeralContainer.TerminationMessagePolicy" => Ephemeral(new EphemeralContainer { Name = "e", Image = "e", TerminationMessagePolicy = B<TerminationMessagePolicy>() }),
            "HTTPGetAction.Scheme" => Sts(Baseline.WithContainer(c => c with { LivenessProbe = new Probe { HttpGet = new HTTPGetAction { Port = 80, Scheme = B<UriScheme>() } } })),
            "ImageVolumeSource.PullPolicy" => Sts(Baseline.WithPod(p => p with { Volumes = ValueList.Of(new Volume { Name = "img", Image = new ImageVolumeSource { Reference = "x", PullPolicy = B<PullPolicy>() } }) })),
            "LabelSelectorRequirement.Operator" => Sts(Baseline.WithSpec(s => s with { Selector = s.Selector! with { MatchExpressions = ValueList.Of(new LabelSelectorRequirement { Key = "app", Operator = B<LabelSelectorOperator>() }) } })),
            "NodeSelectorRequirement.Operator" => Sts(Baseline.WithPod(p => p with
            {
                Affinity = new Affinity
                {
                    NodeAffinity = new NodeAffinity
                    {
                        RequiredDuringSchedulingIgnoredDuringExecution = new NodeSelector
                        {
                            NodeSelectorTerms = ValueList.Of(new NodeSelectorTerm { MatchExpressions = ValueList.Of(new NodeSelectorRequirement { Key = "zone", Operator = B<NodeSelectorOperator>() }) }),
                        },
                    },
                },
            })),
            "PersistentVolumeClaimSpec.AccessModes" => Sts(Baseline.WithClaim(c => c with { AccessModes = ValueList.Of(B<AccessMode>()) })),
            "PersistentVolumeClaimSpec.VolumeMode" => Sts(Baseline.WithClaim(c => c with { VolumeMode = B<VolumeMode>() })),
            "PodDisruptionBudgetSpec.UnhealthyPodEvictionPolicy" => WorkloadValidator.ValidateDisruptionBudget(Baseline.WithBudgetSpec(s => s with { UnhealthyPodEvictionPolicy = B<UnhealthyPodEvictionPolicy>() })),
            "PodSecurityContext.FsGroupChangePolicy" => Sts(Baseline.WithPod(p => p with { SecurityContext = new PodSecurityContext { FsGroupChangePolicy = B<FsGroupChangePolicy>() } })),
            "PodSpec.DnsPolicy" => Sts(Baseline.WithPod(p => p with { DnsPolicy = B<DnsPolicy>() })),
            "PodSpec.PreemptionPolicy" => Sts(Baseline.WithPod(p => p with { PreemptionPolicy = B<PreemptionPolicy>() })),
            "PodSpec.RestartPolicy" => Sts(Baseline.WithPod(p => p with { RestartPolicy = B<RestartPolicy>() })),
            "SeccompProfile.Type" => Sts(Baseline.WithPod(p => p with { SecurityContext = new PodSecurityContext { SeccompProfile = new SeccompProfile { Type = B<SeccompProfileType>() } } })),
            "SecurityContext.ProcMount" => Sts(Baseline.WithContainer(c => c with { SecurityContext = new SecurityContext { ProcMount = B<ProcMountType>() } })),
            "ServicePort.Protocol" => Svc(s => s with { Ports = ValueList.Of(new ServicePort { Name = "web", Port = 80, Protocol = B<Protocol>() }) }),
            "ServiceSpec.ExternalTrafficPolicy" => Svc(s => s with { ClusterIP = null, Type = ServiceType.NodePort, ExternalTrafficPolicy = B<TrafficPolicy>() }),
            "ServiceSpec.InternalTrafficPolicy" => Svc(s => s with { InternalTrafficPolicy = B<TrafficPolicy>() }),
            "ServiceSpec.IpFamilies" => Svc(s => s with { IpFamilies = ValueList.Of(B<IpFamily>()) }),
            "ServiceSpec.IpFamilyPolicy" => Svc(s => s with { IpFamilyPolicy = B<IpFamilyPolicy>() }),
            "ServiceSpec.SessionAffinity" => Svc(s => s with { SessionAffinity = B<SessionAffinity>() }),
            "ServiceSpec.Type" => Svc(s => s with { Type = B<ServiceType>() }),
            "StatefulSetPersistentVolumeClaimRetentionPolicy.WhenDeleted" => Sts(Baseline.WithSpec(s => s with { PersistentVolumeClaimRetentionPolicy = new StatefulSetPersistentVolumeClaimRetentionPolicy { WhenDeleted = B<ClaimRetentionPolicy>() } })),
            "StatefulSetPersistentVolumeClaimRetentionPolicy.WhenScaled" => Sts(Baseline.WithSpec(s => s with { PersistentVolumeClaimRetentionPolicy = new StatefulSetPersistentVolumeClaimRetentionPolicy { WhenScaled = B<ClaimRetentionPolicy>() } })),
            "StatefulSetSpec.PodManagementPolicy" => Sts(Baseline.WithSpec(s => s with { PodManagementPolicy = B<PodManagementPolicy>() })),
            "StatefulSetUpdateStrategy.Type" => Sts(Baseline.WithSpec(s => s with { UpdateStrategy = new StatefulSetUpdateStrategy { Type = B<UpdateStrategyType>() } })),
            "Toleration.Effect" => Sts(Baseline.WithPod(p => p with { Tolerations = ValueList.Of(new Toleration { Key = "k", Effect = B<TaintEffect>() }) })),
            "Toleration.Operator" => Sts(Baseline.WithPod(p => p with { Tolerations = ValueList.Of(new Toleration { Key = "k", Operator = B<TolerationOperator>() }) })),
            "TopologySpreadConstraint.NodeAffinityPolicy" => Spread(new TopologySpreadConstraint { MaxSkew = 1, TopologyKey = "zone", WhenUnsatisfiable = WhenUnsatisfiable.DoNotSchedule, NodeAffinityPolicy = B<NodeInclusionPolicy>() }),
            "TopologySpreadConstraint.NodeTaintsPolicy" => Spread(new TopologySpreadConstraint { MaxSkew = 1, TopologyKey = "zone", WhenUnsatisfiable = WhenUnsatisfiable.DoNotSchedule, NodeTaintsPolicy = B<NodeInclusionPolicy>() }),
            "TopologySpreadConstraint.WhenUnsatisfiable" => Spread(new TopologySpreadConstraint { MaxSkew = 1, TopologyKey = "zone", WhenUnsatisfiable = B<WhenUnsatisfiable>() }),
            "VolumeMount.MountPropagation" => Sts(Baseline.WithContainer(c => c with { VolumeMounts = ValueList.Of(new VolumeMount { Name = "www", MountPath = "/d", MountPropagation = B<MountPropagation>() }) })),
            _ => throw new ArgumentOutOfRangeException(nameof(field), field, "no case for this field: add one"),
        };

        IReadOnlyList<FieldError> Sts(StatefulSet statefulSet) => WorkloadValidator.ValidateStatefulSet(statefulSet);
        IReadOnlyList<FieldError> Svc(Func<ServiceSpec, ServiceSpec> change) => WorkloadValidator.ValidateService(Baseline.WithServiceSpec(change));
        IReadOnlyList<FieldError> Ephemeral(EphemeralContainer container) => Sts(Baseline.WithPod(p => p with { EphemeralContainers = ValueList.Of(container) }));
        IReadOnlyList<FieldError> Owned(IKubernetesObject obj) => OwnedObjectsValidator.ValidateObject(obj);
        IReadOnlyList<FieldError> Volume(Func<PersistentVolumeSpec, PersistentVolumeSpec> change) => Owned(new PersistentVolume
        {
            Metadata = new ObjectMeta { Name = "data-0" },
            Spec = change(new PersistentVolumeSpec
            {
                Capacity = ValueMap.Of(("storage", Quantity.FromText("1Gi"))),
                AccessModes = ValueList.Of<EnumValue<AccessMode>>(AccessMode.ReadWriteOnce),
                HostPath = new HostPathVolumeSource { Path = "/data" },
            }),
        });
        IReadOnlyList<FieldError> Spread(TopologySpreadConstraint constraint) => Sts(Baseline.WithPod(p => p with { TopologySpreadConstraints = ValueList.Of(constraint) }));
    }
}
