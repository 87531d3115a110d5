using StatefulManifests.Versions;

namespace StatefulManifests.Rules.Api;

/// <summary>
/// SM1010: a field the target release does not have (the validator's unknown-field error, said in terms of the
/// release to target instead).
/// </summary>
internal sealed class FieldNotInTargetVersionRule : WorkloadRule
{
    public override RuleDescriptor Descriptor => RuleCatalog.FieldNotInTargetVersion;

    public override IEnumerable<Finding> Check(WorkloadContext workload) =>
        from field in KubernetesFeatures.Fields
        where workload.Target.Version < field.Introduced
        from path in field.UsesIn(workload.StatefulSet)
        select Descriptor.At(path, field.Feature, field.Introduced.ReleaseName, field.Gate.Name, workload.Target.Version);
}

/// <summary>
/// SM1011: a field the target's feature gates make the API server drop (the field exists in the release, its gate is
/// off). maxUnavailable has its own rule, SM2014, which also says what the rollout does instead.
/// </summary>
internal sealed class FieldDroppedByFeatureGateRule : WorkloadRule
{
    public override RuleDescriptor Descriptor => RuleCatalog.FieldDroppedByFeatureGate;

    public override IEnumerable<Finding> Check(WorkloadContext workload)
    {
        DisabledFields.Drop(workload.StatefulSet, null, workload.Target.FeatureGates, out var dropped);
        return dropped
            .Where(d => d.Field.Gate != KubernetesFeatures.MaxUnavailableStatefulSet && workload.Target.Version >= d.Field.Introduced)
            .Select(d => Descriptor.At(d.Path, d.Field.Feature, d.Field.Gate.Name, workload.Target, Remedy(d.Field.Gate, workload.Target.Version)));
    }

    // What makes the field count: the gate on, or a release where it is on by default.
    internal static string Remedy(FeatureGateHistory gate, KubernetesVersion version)
    {
        if (gate.DefaultAt(version))
        {
            return "it is on by default in Kubernetes " + version + ": remove the setting that turns " + gate.Name + " off, or remove the field";
        }

        var later = gate.Stages.FirstOrDefault(s => s.Default && s.Since > version);
        return later is null
            ? "turn " + gate.Name + " on in the cluster (and in the target), or remove the field"
            : "turn " + gate.Name + " on in the cluster (and in the target), target Kubernetes " + later.Since.ReleaseName + " or later (on by default), or remove the field";
    }
}
