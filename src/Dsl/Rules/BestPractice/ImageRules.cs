using StatefulManifests.Model;
using StatefulManifests.Rules.Support;

namespace StatefulManifests.Rules.BestPractice;

/// <summary>SM4001 (kube-score container-image-tag, kube-linter latest-tag): an image with no tag or the latest tag.</summary>
internal sealed class ImageTagRule : WorkloadRule
{
    public override RuleDescriptor Descriptor => RuleCatalog.ImageTagNotPinned;

    public override IEnumerable<Finding> Check(WorkloadContext workload)
    {
        foreach (var site in workload.AllContainers)
        {
            if (site.Container.Image is { Length: > 0 } image && ImageReference.Parse(image) is { IsLatestLike: true } reference)
            {
                var detail = reference.Tag is null ? "with no tag (which means latest)" : "with the latest tag";
                yield return Descriptor.At(site.Path.Child("image"), site.Name, image, detail);
            }
        }
    }
}

/// <summary>
/// SM4002 (kube-score container-image-pull-policy): imagePullPolicy should be Always. As in kube-score, an unset
/// policy counts as Always when the image floats (Kubernetes then defaults to Always) and as IfNotPresent when it is
/// pinned. Unlike kube-score, digest-pinned images are accepted with any policy: their content cannot change.
/// </summary>
internal sealed class ImagePullPolicyRule : WorkloadRule
{
    public override RuleDescriptor Descriptor => RuleCatalog.ImagePullPolicyNotAlways;

    public override IEnumerable<Finding> Check(WorkloadContext workload)
    {
        foreach (var site in workload.AllContainers)
        {
            var reference = ImageReference.Parse(site.Container.Image ?? string.Empty);
            var policy = site.Container.ImagePullPolicy;
            if (reference.Digest is not null || policy?.Known == PullPolicy.Always)
            {
                continue;
            }

            string? detail = policy is { } set
                ? reference.IsLatestLike
                    ? "has imagePullPolicy: " + set.Value + " with a floating tag, so each node keeps running whatever image it pulled first"
                    : "has imagePullPolicy: " + set.Value
                : reference.IsLatestLike ? null : "sets no imagePullPolicy, so with a pinned tag it defaults to IfNotPresent";
            if (detail is not null)
            {
                yield return Descriptor.At(site.Path.Child("imagePullPolicy"), site.Name, detail)
                    with { Replacement = policy is null ? null : nameof(PullPolicy.Always) };
            }
        }
    }
}
