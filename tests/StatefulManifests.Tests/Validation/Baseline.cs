using StatefulManifests.Model;

namespace StatefulManifests.Tests.Validation;

/// <summary>
/// The valid models every validation test starts from (the Kubernetes docs <c>web</c> example: nginx, headless
/// Service <c>nginx</c>, 3 replicas, claim <c>www</c> of 1Gi) and small helpers to change one part with <c>with</c>.
/// </summary>
internal static class Baseline
{
    public static StatefulSet Web { get; } = new()
    {
        Metadata = new ObjectMeta { Name = "web", Namespace = "default" },
        Spec = new StatefulSetSpec
        {
            Selector = new LabelSelector { MatchLabels = ValueMap.Of(("app", "nginx")) },
            ServiceName = "nginx",
            Replicas = 3,
            MinReadySeconds = 10,
            Template = new PodTemplateSpec
            {
                Metadata = new ObjectMeta { Labels = ValueMap.Of(("app", "nginx")) },
                Spec = new PodSpec
                {
                    TerminationGracePeriodSeconds = 10,
                    Containers = ValueList.Of(new Container
                    {
                        Name = "nginx",
                        Image = "registry.k8s.io/nginx-slim:0.24",
                        Ports = ValueList.Of(new ContainerPort { Name = "web", ContainerPortValue = 80 }),
                        VolumeMounts = ValueList.Of(new VolumeMount { Name = "www", MountPath = "/usr/share/nginx/html" }),
                    }),
                },
            },
            VolumeClaimTemplates = ValueList.Of(new PersistentVolumeClaim
            {
                Metadata = new ObjectMeta { Name = "www" },
                Spec = new PersistentVolumeClaimSpec
                {
                    AccessModes = ValueList.Of<EnumValue<AccessMode>>(AccessMode.ReadWriteOnce),
                    StorageClassName = "my-storage-class",
                    Resources = new VolumeResourceRequirements { Requests = ValueMap.Of(("storage", Quantity.FromText("1Gi"))) },
                },
            }),
        },
    };

    public static Service Nginx { get; } = new()
    {
        Metadata = new ObjectMeta { Name = "nginx", Namespace = "default", Labels = ValueMap.Of(("app", "nginx")) },
        Spec = new ServiceSpec
        {
            ClusterIP = "None",
            Selector = ValueMap.Of(("app", "nginx")),
            Ports = ValueList.Of(new ServicePort { Name = "web", Port = 80 }),
        },
    };

    public static PodDisruptionBudget Budget { get; } = new()
    {
        Metadata = new ObjectMeta { Name = "web", Namespace = "default" },
        Spec = new PodDisruptionBudgetSpec
        {
            MaxUnavailable = 1,
            Selector = new LabelSelector { MatchLabels = ValueMap.Of(("app", "nginx")) },
        },
    };

    /// <summary>The web StatefulSet with its spec changed.</summary>
    public static StatefulSet WithSpec(Func<StatefulSetSpec, StatefulSetSpec> change) => Web with { Spec = change(Web.Spec!) };

    /// <summary>The web StatefulSet with its pod spec changed.</summary>
    public static StatefulSet WithPod(Func<PodSpec, PodSpec> change) =>
        WithSpec(s => s with { Template = s.Template! with { Spec = change(s.Template!.Spec!) } });

    /// <summary>The web StatefulSet with its (only) container changed.</summary>
    public static StatefulSet WithContainer(Func<Container, Container> change) =>
        WithPod(p => p with { Containers = ValueList.Of(change(p.Containers![0])) });

    /// <summary>The web StatefulSet with its claim template's spec changed.</summary>
    public static StatefulSet WithClaim(Func<PersistentVolumeClaimSpec, PersistentVolumeClaimSpec> change) =>
        WithSpec(s => s with { VolumeClaimTemplates = ValueList.Of(s.VolumeClaimTemplates![0] with { Spec = change(s.VolumeClaimTemplates[0].Spec!) }) });

    /// <summary>The web StatefulSet with its metadata changed.</summary>
    public static StatefulSet WithMeta(Func<ObjectMeta, ObjectMeta> change) => Web with { Metadata = change(Web.Metadata!) };

    /// <summary>The nginx Service with its spec changed.</summary>
    public static Service WithServiceSpec(Func<ServiceSpec, ServiceSpec> change) => Nginx with { Spec = change(Nginx.Spec!) };

    /// <summary>The budget with its spec changed.</summary>
    public static PodDisruptionBudget WithBudgetSpec(Func<PodDisruptionBudgetSpec, PodDisruptionBudgetSpec> change) => Budget with { Spec = change(Budget.Spec!) };
}
