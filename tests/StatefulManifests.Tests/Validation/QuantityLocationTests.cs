using System.Reflection;
using StatefulManifests.Model;
using StatefulManifests.Validation;
using static StatefulManifests.Validation.FieldErrorType;

namespace StatefulManifests.Tests.Validation;

/// <summary>
/// Every place a quantity can appear in a StatefulSet reports one that failed to parse, with its path and the
/// parser's reason (an API server rejects such a manifest before it even validates it).
/// </summary>
public sealed class QuantityLocationTests
{
    private static readonly Quantity Bad = Quantity.FromText("2 GB");

    // Every Quantity-typed property of the model, as "Type.Property"; the theory below covers each of them.
    private static readonly string[] KnownLocations =
    [
        "EmptyDirVolumeSource.SizeLimit",
        "MetricTarget.AverageValue",
        "MetricTarget.Value",
        "MetricValueStatus.AverageValue",
        "MetricValueStatus.Value",
        "PersistentVolumeClaimStatus.AllocatedResources",
        "PersistentVolumeClaimStatus.Capacity",
        "PersistentVolumeSpec.Capacity",
        "PodSpec.Overhead",
        "ResourceFieldSelector.Divisor",
        "ResourceRequirements.Limits",
        "ResourceRequirements.Requests",
        "VolumeResourceRequirements.Limits",
        "VolumeResourceRequirements.Requests",
    ];

    public static TheoryData<string, string> Locations => new()
    {
        { "container limits", "spec.template.spec.containers[0].resources.limits[memory]" },
        { "container requests", "spec.template.spec.containers[0].resources.requests[cpu]" },
        { "init container limits", "spec.template.spec.initContainers[0].resources.limits[memory]" },
        { "pod resources", "spec.template.spec.resources.requests[memory]" },
        { "overhead", "spec.template.spec.overhead.limits[cpu]" },
        { "emptyDir", "spec.template.spec.volumes[0].emptyDir.sizeLimit" },
        { "env divisor", "spec.template.spec.containers[0].env[0].valueFrom.resourceFieldRef.divisor" },
        { "downwardAPI divisor", "spec.template.spec.volumes[0].downwardAPI.resourceFieldRef.divisor" },
        { "ephemeral claim", "spec.template.spec.volumes[0].ephemeral.volumeClaimTemplate.spec.resources.limits[storage]" },
        { "claim template limits", "spec.volumeClaimTemplates[0].spec.resources.limits[storage]" },
        { "claim template status", "spec.volumeClaimTemplates[0].status.allocatedResources[storage]" },
    };

    [Fact]
    public void EveryQuantityPropertyOfTheModelIsKnown()
    {
        var found = typeof(Quantity).Assembly.GetTypes()
            .Where(t => t.Namespace == "StatefulManifests.Model" && t.IsClass)
            .SelectMany(t => t.GetProperties(BindingFlags.Public | BindingFlags.Instance).Select(p => (Type: t, Property: p)))
            .Where(x => x.Property.PropertyType == typeof(Quantity?) || x.Property.PropertyType == typeof(ValueMap<Quantity>))
            .Select(x => x.Type.Name + "." + x.Property.Name)
            .OrderBy(x => x, StringComparer.Ordinal);
        Assert.Equal(KnownLocations, found);
    }

    // Where a quantity is in an owned object; an autoscaler's status (MetricValueStatus) is the controller's to
    // write and is not validated on create, like a claim template's status fields the API server resets.
    public static TheoryData<string, string> OwnedLocations => new()
    {
        { "volume capacity", "spec.capacity[storage]" },
        { "metric average value", "spec.metrics[0].pods.target.averageValue" },
        { "metric value", "spec.metrics[0].object.target.value" },
    };

    [Theory]
    [MemberData(nameof(OwnedLocations))]
    public void UnparsableQuantityInAnOwnedObjectIsReportedWhereItIs(string location, string path)
    {
        IKubernetesObject owned = location switch
        {
            "volume capacity" => new PersistentVolume
            {
                Metadata = new ObjectMeta { Name = "data" },
                Spec = new PersistentVolumeSpec { Capacity = ValueMap.Of(("storage", Bad)), AccessModes = ValueList.Of<EnumValue<AccessMode>>(AccessMode.ReadWriteOnce) },
            },
            _ => new HorizontalPodAutoscaler
            {
                Metadata = new ObjectMeta { Name = "web" },
                Spec = new HorizontalPodAutoscalerSpec
                {
                    ScaleTargetRef = new CrossVersionObjectReference { ApiVersion = "apps/v1", Kind = "StatefulSet", Name = "web" },
                    MaxReplicas = 3,
                    Metrics = ValueList.Of(location == "metric value"
                        ? new MetricSpec { Type = "Object", Object = new ObjectMetricSource { Target = new MetricTarget { Type = "Value", Value = Bad } } }
                        : new MetricSpec { Type = "Pods", Pods = new PodsMetricSource { Target = new MetricTarget { Type = "AverageValue", AverageValue = Bad } } }),
                },
            },
        };
        Expect.Contains(OwnedObjectsValidator.ValidateObject(owned), Invalid, path, "Invalid value: \"2 GB\": " + Bad.Error);
    }

    [Theory]
    [MemberData(nameof(Locations))]
    public void UnparsableQuantityIsReportedWhereItIs(string location, string path)
    {
        _ = location;
        Expect.Contains(Expect.Errors(Build(location)), Invalid, path, "Invalid value: \"2 GB\": " + Bad.Error);
    }

    private static StatefulSet Build(string location)
    {
        var memory = ValueMap.Of(("memory", Bad));
        var claim = new PersistentVolumeClaimSpec
        {
            AccessModes = ValueList.Of<EnumValue<AccessMode>>(AccessMode.ReadWriteOnce),
            Resources = new VolumeResourceRequirements { Requests = ValueMap.Of(("storage", Quantity.FromText("1Gi"))), Limits = ValueMap.Of(("storage", Bad)) },
        };
        return location switch
        {
            "container limits" => Baseline.WithContainer(c => c with { Resources = new ResourceRequirements { Limits = memory } }),
            "container requests" => Baseline.WithContainer(c => c with { Resources = new ResourceRequirements { Requests = ValueMap.Of(("cpu", Bad)) } }),
            "init container limits" => Baseline.WithPod(p => p with { InitContainers = ValueList.Of(new Container { Name = "init", Image = "busybox", Resources = new ResourceRequirements { Limits = memory } }) }),
            "pod resources" => Baseline.WithPod(p => p with { Resources = new ResourceRequirements { Requests = memory } }),
            "overhead" => Baseline.WithPod(p => p with { Overhead = ValueMap.Of(("cpu", Bad)) }),
            "emptyDir" => Baseline.WithPod(p => p with { Volumes = ValueList.Of(new Volume { Name = "tmp", EmptyDir = new EmptyDirVolumeSource { SizeLimit = Bad } }) }),
            "env divisor" => Baseline.WithContainer(c => c with
            {
                Env = ValueList.Of(new EnvVar { Name = "MEM", ValueFrom = new EnvVarSource { ResourceFieldRef = new ResourceFieldSelector { Resource = "limits.memory", Divisor = Bad } } }),
            }),
            "downwardAPI divisor" => Baseline.WithPod(p => p with
            {
                Volumes = ValueList.Of(new Volume
                {
                    Name = "info",
                    DownwardAPI = new DownwardAPIVolumeSource
                    {
                        Items = ValueList.Of(new DownwardAPIVolumeFile
                        {
                            Path = "mem",
                            ResourceFieldRef = new ResourceFieldSelector { ContainerName = "nginx", Resource = "limits.memory", Divisor = Bad },
                        }),
                    },
                }),
            }),
            "ephemeral claim" => Baseline.WithPod(p => p with
            {
                Volumes = ValueList.Of(new Volume { Name = "scratch", Ephemeral = new EphemeralVolumeSource { VolumeClaimTemplate = new PersistentVolumeClaimTemplate { Spec = claim } } }),
            }),
            "claim template limits" => Baseline.WithClaim(_ => claim),
            "claim template status" => Baseline.WithSpec(s => s with
            {
                VolumeClaimTemplates = ValueList.Of(s.VolumeClaimTemplates![0] with { Status = new PersistentVolumeClaimStatus { AllocatedResources = ValueMap.Of(("storage", Bad)) } }),
            }),
            _ => throw new ArgumentOutOfRangeException(nameof(location), location, null),
        };
    }
}
