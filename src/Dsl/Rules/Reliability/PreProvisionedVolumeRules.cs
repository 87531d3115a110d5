using StatefulManifests.Model;
using StatefulManifests.Validation;

namespace StatefulManifests.Rules.Reliability;

/// <summary>
/// SM2050: a PersistentVolume holding one of the set's claims (pre-provisioned, in YAML bound by <c>claimRef</c>)
/// whose reclaim policy erases the data once the claim goes. A volume created by hand defaults to Retain, so only
/// an explicit Delete (or the deprecated Recycle, which scrubs the volume) is reported.
/// </summary>
internal sealed class PreProvisionedVolumeDeletesDataRule : WorkloadRule
{
    public override RuleDescriptor Descriptor => RuleCatalog.PreProvisionedVolumeDeletesData;

    public override IEnumerable<Finding> Check(WorkloadContext workload)
    {
        foreach (var volume in workload.OwnedOf<PersistentVolume>())
        {
            if (volume.Spec?.PersistentVolumeReclaimPolicy is { } policy
                && policy.Known is PersistentVolumeReclaimPolicy.Delete or PersistentVolumeReclaimPolicy.Recycle)
            {
                yield return Descriptor.InOwned(volume, FieldPath.Root("spec").Child("persistentVolumeReclaimPolicy"), policy.Value) with
                {
                    Value = policy.Value,
                };
            }
        }
    }
}
