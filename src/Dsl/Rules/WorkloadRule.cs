namespace StatefulManifests.Rules;

/// <summary>
/// One rule: a pure function of the workload (StatefulSet, Service?, PodDisruptionBudget?) that returns findings
/// with the field path of each offending value. Rules never throw on odd input; missing parts mean "nothing to check".
/// </summary>
internal abstract class WorkloadRule
{
    /// <summary>The rule's descriptor (ID, message format, severity).</summary>
    public abstract RuleDescriptor Descriptor { get; }

    /// <summary>Checks the workload.</summary>
    public abstract IEnumerable<Finding> Check(WorkloadContext workload);
}
