using StatefulManifests.Model;
using static StatefulManifests.Validation.FieldErrorType;

namespace StatefulManifests.Tests.Validation;

/// <summary>Container, pod-level and overhead resources, and unparsable quantities.</summary>
public sealed class ResourceRulesTests
{
    private const string R = "spec.template.spec.containers[0].resources";

    [Fact]
    public void RequestsAndLimitsWithinBoundsAreAccepted() =>
        Expect.Valid(Resources(
            requests: [("cpu", "250m"), ("memory", "256Mi"), ("ephemeral-storage", "1Gi")],
            limits: [("cpu", "1"), ("memory", "256Mi"), ("ephemeral-storage", "2Gi")]));

    [Fact]
    public void RequestMayNotExceedLimit() =>
        Expect.Only(
            Resources(requests: [("memory", "1Gi")], limits: [("memory", "512Mi")]),
            Invalid,
            R + ".requests",
            "Invalid value: \"1Gi\": must be less than or equal to memory limit of 512Mi");

    [Fact]
    public void RequestAndLimitCompareNumerically() =>
        Expect.Valid(Resources(requests: [("cpu", "1000m")], limits: [("cpu", "1")]));

    [Fact]
    public void UnparsableQuantityIsInvalidWithItsReason()
    {
        var error = Expect.Only(Resources(limits: [("memory", "10GB")]), Invalid, R + ".limits[memory]", "Invalid value: \"10GB\": " + Quantity.FromText("10GB").Error);
        Assert.Contains("did you mean \"10G\" (powers of 1000) or \"10Gi\" (powers of 1024)?", error.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void NegativeQuantityIsInvalid() =>
        Expect.Only(Resources(requests: [("cpu", "-1")]), Invalid, R + ".requests[cpu]", "Invalid value: \"-1\": must be greater than or equal to 0");

    [Fact]
    public void UnknownUnprefixedResourceIsNotAContainerResource() =>
        Expect.Exactly(
            Expect.Errors(Resources(limits: [("gpu", "1")])),
            (Invalid, R + ".limits[gpu]", "Invalid value: \"gpu\": must be a standard resource type or fully qualified"),
            (Invalid, R + ".limits[gpu]", "Invalid value: \"gpu\": must be a standard resource for containers"));

    [Fact]
    public void ExtendedResourcesMustBeIntegersAndRequestsEqualLimits() =>
        Expect.Exactly(
            Expect.Errors(Resources(requests: [("example.com/gpu", "1")], limits: [("example.com/gpu", "1500m")])),
            (Invalid, R + ".limits[example.com/gpu]", "Invalid value: \"1500m\": must be an integer"),
            (Invalid, R + ".requests", "Invalid value: \"1\": must be equal to example.com/gpu limit of 1500m"));

    [Fact]
    public void ExtendedResourceRequestNeedsALimit() =>
        Expect.Only(Resources(requests: [("example.com/gpu", "1")]), Required, R + ".limits", "Required value: Limit must be set for non overcommitable resources");

    [Fact]
    public void ExtendedResourceWithEqualRequestAndLimitIsAccepted() =>
        Expect.Valid(Resources(requests: [("nvidia.com/gpu", "1")], limits: [("nvidia.com/gpu", "1")]));

    [Fact]
    public void HugePagesMustBeMultiplesOfThePageAndComeWithCpuOrMemory() =>
        Expect.Exactly(
            Expect.Errors(Resources(limits: [("hugepages-2Mi", "3Mi")], requests: [("hugepages-2Mi", "3Mi")])),
            (Invalid, R + ".limits[hugepages-2Mi]", "Invalid value: \"3Mi\": 3Mi is not positive integer multiple of hugepages-2Mi"),
            (Invalid, R + ".requests[hugepages-2Mi]", "Invalid value: \"3Mi\": 3Mi is not positive integer multiple of hugepages-2Mi"),
            (Forbidden, R, "Forbidden: HugePages require cpu or memory"));

    [Fact]
    public void ResourceClaimsMustNameAPodClaim() =>
        Expect.Only(
            Baseline.WithContainer(c => c with { Resources = new ResourceRequirements { Claims = ValueList.Of(new ResourceClaim { Name = "gpu" }) } }),
            NotFound,
            R + ".claims[0]",
            "Not found: \"gpu\": must be one of the names in pod.spec.resourceClaims which is empty");

    [Fact]
    public void ResourceClaimsNamingAPodClaimAreAccepted() =>
        Expect.Valid(Baseline.WithPod(p => p with
        {
            ResourceClaims = ValueList.Of(new PodResourceClaim { Name = "gpu", ResourceClaimTemplateName = "gpu-template" }),
            Containers = ValueList.Of(p.Containers![0] with { Resources = new ResourceRequirements { Claims = ValueList.Of(new ResourceClaim { Name = "gpu" }) } }),
        }));

    [Fact]
    public void PodResourceClaimNeedsExactlyOneSource() =>
        Expect.Only(
            Baseline.WithPod(p => p with { ResourceClaims = ValueList.Of(new PodResourceClaim { Name = "gpu" }) }),
            Invalid,
            "spec.template.spec.resourceClaims[0]",
            "Invalid value: {\"name\":\"gpu\"}: must specify one of: `resourceClaimName`, `resourceClaimTemplateName`");

    [Fact]
    public void PodLevelResourcesMayNotHaveClaimsAndOnlyCpuOrMemory() =>
        Expect.Exactly(
            Expect.Errors(Baseline.WithPod(p => p with
            {
                Resources = new ResourceRequirements
                {
                    Claims = ValueList<ResourceClaim>.Empty,
                    Limits = ValueMap.Of(("ephemeral-storage", Quantity.FromText("1Gi"))),
                },
            })),
            (Forbidden, "spec.template.spec.resources.claims", "Forbidden: claims may not be set for Resources at pod-level"),
            (NotSupported, "spec.template.spec.resources.limits[ephemeral-storage]", "Unsupported value: \"ephemeral-storage\": supported values: \"cpu\", \"hugepages-\", \"memory\""));

    [Fact]
    public void OverheadIsValidatedAsLimits() =>
        Expect.Only(
            Baseline.WithPod(p => p with { Overhead = ValueMap.Of(("cpu", Quantity.FromText("1 core"))) }),
            Invalid,
            "spec.template.spec.overhead.limits[cpu]",
            "Invalid value: \"1 core\": " + Quantity.FromText("1 core").Error);

    [Fact]
    public void ResourceNamesMustBeQualifiedNames() =>
        Expect.Exactly(
            Expect.Errors(Resources(limits: [("example.com/a b", "1")])),
            (Invalid, R + ".limits[example.com/a b]", "Invalid value: \"example.com/a b\": " + Messages.QualifiedNamePart),
            (Invalid, R + ".limits[example.com/a b]", "Invalid value: \"example.com/a b\": doesn't follow extended resource name standard"));

    [Fact]
    public void PrefixedResourceMustFollowTheExtendedResourceStandard() =>
        Expect.Only(
            Resources(limits: [("requests.example.com/gpu", "1")]),
            Invalid,
            R + ".limits[requests.example.com/gpu]",
            "Invalid value: \"requests.example.com/gpu\": doesn't follow extended resource name standard");

    private static StatefulSet Resources((string Name, string Quantity)[]? requests = null, (string Name, string Quantity)[]? limits = null) =>
        Baseline.WithContainer(c => c with
        {
            Resources = new ResourceRequirements
            {
                Requests = requests is null ? null : ValueMap.Of(requests.Select(r => (r.Name, Quantity.FromText(r.Quantity))).ToArray()),
                Limits = limits is null ? null : ValueMap.Of(limits.Select(r => (r.Name, Quantity.FromText(r.Quantity))).ToArray()),
            },
        });
}
