using StatefulManifests.Model;
using StatefulManifests.Validation;

namespace StatefulManifests.Rules.Reliability;

/// <summary>
/// SM2051: a backup CronJob of the set whose runs may overlap. The API server defaults an unset
/// <c>concurrencyPolicy</c> to Allow, so in YAML an unset policy is reported too; the DSL's <c>Backup</c> writes Forbid,
/// so there only an explicit Allow fires. Replace is not reported: it never runs two at once (it cancels the older run).
/// </summary>
internal sealed class BackupRunsOverlapRule : WorkloadRule
{
    public override RuleDescriptor Descriptor => RuleCatalog.BackupRunsOverlap;

    public override IEnumerable<Finding> Check(WorkloadContext workload)
    {
        foreach (var cronJob in workload.OwnedOf<CronJob>())
        {
            var policy = cronJob.Spec?.ConcurrencyPolicy;
            if (policy is null || policy.Value.Known == ConcurrencyPolicy.Allow)
            {
                var path = FieldPath.Root("spec").Child("concurrencyPolicy");
                yield return policy is { } allow
                    ? Descriptor.InOwned(cronJob, path, "concurrencyPolicy: " + allow.Value) with { Value = allow.Value }
                    : Descriptor.InOwned(cronJob, path, "no concurrencyPolicy (the API server defaults it to Allow)");
            }
        }
    }
}
