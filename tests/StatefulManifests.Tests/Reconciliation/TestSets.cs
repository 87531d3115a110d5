using StatefulManifests.Model;
using StatefulManifests.Reconciliation;

namespace StatefulManifests.Tests.Reconciliation;

/// <summary>Valid StatefulSets (every rule of reference §C satisfied) for the simulation tests.</summary>
internal static class TestSets
{
    public const string Image = "nginx:1.25";
    public const string NextImage = "nginx:1.27";
    public const string BrokenImage = "nginx:broken";

    /// <summary>The classic <c>web</c> set: nginx, headless service <c>web</c>, one claim template <c>data</c>.</summary>
    public static StatefulSet Web(int replicas = 3, PodManagementPolicy policy = PodManagementPolicy.OrderedReady, string image = Image, bool claims = true) => new()
    {
        Metadata = new ObjectMeta { Name = "web" },
        Spec = new StatefulSetSpec
        {
            Replicas = replicas,
            ServiceName = "web",
            PodManagementPolicy = policy,
            Selector = new LabelSelector { MatchLabels = ValueMap.Of(("app", "web")) },
            Template = new PodTemplateSpec
            {
                Metadata = new ObjectMeta { Labels = ValueMap.Of(("app", "web")) },
                Spec = new PodSpec
                {
                    Containers = ValueList.Of(new Container
                    {
                        Name = "nginx",
                        Image = image,
                        Ports = ValueList.Of(new ContainerPort { Name = "web", ContainerPortValue = 80 }),
                        VolumeMounts = claims ? ValueList.Of(new VolumeMount { Name = "data", MountPath = "/usr/share/nginx/html" }) : null,
                    }),
                },
            },
            VolumeClaimTemplates = claims
                ? ValueList.Of(new PersistentVolumeClaim
                {
                    Metadata = new ObjectMeta { Name = "data", Labels = ValueMap.Of(("tier", "storage")) },
                    Spec = new PersistentVolumeClaimSpec
                    {
                        AccessModes = ValueList.Of<EnumValue<AccessMode>>(AccessMode.ReadWriteOnce),
                        Resources = new VolumeResourceRequirements { Requests = ValueMap.Of(("storage", Quantity.FromText("1Gi"))) },
                    },
                })
                : null,
        },
    };

    /// <summary>Parallel pod management.</summary>
    public static StatefulSet ParallelWeb(int replicas = 3) => Web(replicas, PodManagementPolicy.Parallel);

    /// <summary>The governing headless Service of <see cref="Web"/>.</summary>
    public static Service HeadlessService(bool publishNotReadyAddresses = false) => new()
    {
        Metadata = new ObjectMeta { Name = "web" },
        Spec = new ServiceSpec
        {
            ClusterIP = "None",
            PublishNotReadyAddresses = publishNotReadyAddresses ? true : null,
            Selector = ValueMap.Of(("app", "web")),
            Ports = ValueList.Of(new ServicePort { Name = "web", Port = 80, TargetPort = IntOrString.FromString("web") }),
        },
    };

    /// <summary>Options with the MaxUnavailableStatefulSet gate on.</summary>
    public static SimulationOptions MaxUnavailableGateOn(SimulationOptions? options = null) =>
        (options ?? new SimulationOptions()) with { FeatureGates = FeatureGates.Kubernetes136 with { MaxUnavailableStatefulSet = true } };

    /// <summary>A running, converged simulation.</summary>
    public static StatefulSetSimulation Converged(StatefulSet set, SimulationOptions? options = null, Service? service = null)
    {
        var sim = StatefulSetSimulation.Create(set, service, options);
        var outcome = sim.RunUntilStable();
        Assert.True(outcome.Converged, outcome.Explanation + "\n" + sim.Timeline.RenderText());
        return sim;
    }

    /// <summary>The revision labels of the pods in ordinal order, for example "A A B".</summary>
    public static string Revisions(StatefulSetSimulation sim) =>
        string.Join(" ", sim.Pods.Select(p => sim.Timeline.LabelOf(p.Revision)));
}
