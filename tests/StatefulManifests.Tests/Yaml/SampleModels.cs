using StatefulManifests.Model;

namespace StatefulManifests.Tests.Yaml;

/// <summary>Model objects for YAML tests, built directly from the records (no DSL).</summary>
internal static class SampleModels
{
    /// <summary>The Kubernetes docs "web" StatefulSet: nginx, 3 replicas, a 1Gi claim.</summary>
    public static StatefulSet Web() => new()
    {
        Metadata = new ObjectMeta { Name = "web", Labels = ValueMap.Of(("app", "nginx")) },
        Spec = new StatefulSetSpec
        {
            ServiceName = "nginx",
            Replicas = 3,
            MinReadySeconds = 10,
            Selector = new LabelSelector { MatchLabels = ValueMap.Of(("app", "nginx")) },
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
                        Resources = new ResourceRequirements
                        {
                            Requests = ValueMap.Of(("cpu", Quantity.Parse("500m")), ("memory", Quantity.Parse("1.5Gi"))),
                        },
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
                    Resources = new VolumeResourceRequirements { Requests = ValueMap.Of(("storage", Quantity.Parse("1Gi"))) },
                },
            }),
        },
    };

    /// <summary>The headless Service of <see cref="Web"/>.</summary>
    public static Service Nginx() => new()
    {
        Metadata = new ObjectMeta { Name = "nginx", Labels = ValueMap.Of(("app", "nginx")) },
        Spec = new ServiceSpec
        {
            ClusterIP = "None",
            Selector = ValueMap.Of(("app", "nginx")),
            Ports = ValueList.Of(new ServicePort { Name = "web", Port = 80, TargetPort = "web" }),
        },
    };

    /// <summary><see cref="Web"/> carrying <paramref name="strings"/> in labels, annotations, env values, args and command.</summary>
    public static StatefulSet Carrying(IReadOnlyList<string> strings)
    {
        var web = Web();
        var container = web.Spec!.Template!.Spec!.Containers![0] with
        {
            Args = strings.ToValueList(),
            Command = strings.Reverse().ToValueList(),
            Env = strings.Select((s, i) => new EnvVar { Name = "V" + i, Value = s }).ToValueList(),
        };
        return web with
        {
            Metadata = web.Metadata! with
            {
                Labels = strings.Select((s, i) => new KeyValuePair<string, string>(s + "#" + i, s)).ToValueMap(),
                Annotations = strings.Select((s, i) => new KeyValuePair<string, string>("k" + i, s)).ToValueMap(),
            },
            Spec = web.Spec with
            {
                Template = web.Spec.Template with
                {
                    Spec = web.Spec.Template.Spec with { Containers = ValueList.Of(container) },
                },
            },
        };
    }
}
