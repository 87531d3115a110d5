using StatefulManifests.Model;
using StatefulManifests.Rules.Support;

namespace StatefulManifests.Rules.Reliability;

/// <summary>SM2016: ReadWriteOnce lets every pod on one node mount the volume; ReadWriteOncePod guarantees one writer.</summary>
internal sealed class ReadWriteOnceRule : WorkloadRule
{
    public override RuleDescriptor Descriptor => RuleCatalog.ReadWriteOnceClaim;

    public override IEnumerable<Finding> Check(WorkloadContext workload)
    {
        var claims = workload.Spec.VolumeClaimTemplates ?? ValueList<PersistentVolumeClaim>.Empty;
        for (var i = 0; i < claims.Count; i++)
        {
            var modes = claims[i].Spec?.AccessModes ?? ValueList<EnumValue<AccessMode>>.Empty;
            for (var j = 0; j < modes.Count; j++)
            {
                if (modes[j].Known == AccessMode.ReadWriteOnce)
                {
                    yield return Descriptor.At(Paths.ClaimTemplates.Index(i).Child("spec", "accessModes").Index(j), claims[i].Metadata?.Name);
                }
            }
        }
    }
}

/// <summary>
/// SM2017: a claim template without resources.requests.storage. Since v1.34 the API server rejects it at the same
/// path (Required; this finding replaces that error); before, the StatefulSet was accepted and claim creation failed.
/// </summary>
internal sealed class ClaimStorageRequestRule : WorkloadRule
{
    public override RuleDescriptor Descriptor => RuleCatalog.ClaimWithoutStorageRequest;

    public override IEnumerable<Finding> Check(WorkloadContext workload)
    {
        var claims = workload.Spec.VolumeClaimTemplates ?? ValueList<PersistentVolumeClaim>.Empty;
        for (var i = 0; i < claims.Count; i++)
        {
            if (claims[i].Spec?.Resources?.Requests is not { } requests || !requests.ContainsKey("storage"))
            {
                yield return Descriptor.At(Paths.ClaimTemplates.Index(i).Child("spec", "resources").Key("storage"), claims[i].Metadata?.Name);
            }
        }
    }
}
