using StatefulManifests.Model;
using StatefulManifests.Versions;

namespace StatefulManifests.Validation;

/// <summary>
/// Every create-time rule the Kubernetes API server (v1.36) applies to a StatefulSet, its governing Service and
/// its PodDisruptionBudget (reference §C), plus the limits validation misses but that break clusters (a name too
/// long for the pods' revision label, pod hostnames over 63 characters, claim-template labels). Rules are grouped
/// by the object they check (<c>StatefulSetRules</c>, <c>PodSpecRules</c>, <c>ContainerRules</c> ...); see
/// <c>docs/validation-rules.md</c> for the rule-by-rule table.
/// </summary>
/// <remarks>
/// Validation runs on the model as written, and applies Kubernetes' defaulting first the way the API server does
/// (an unset podManagementPolicy is OrderedReady, not an error). It never throws: nulls anywhere are normal and are
/// validated as the API server would validate the missing field. Errors come back all at once, in the API
/// server's order, each with its Kubernetes field path and type.
/// </remarks>
public static class WorkloadValidator
{
    /// <summary>Validates a StatefulSet and, when given, its Service and PodDisruptionBudget. Returns every error at once.</summary>
    /// <param name="statefulSet">The StatefulSet; its errors have paths relative to it and no <see cref="FieldError.Object"/>.</param>
    /// <param name="service">The governing Service; its errors carry <c>Object = Service "name"</c>.</param>
    /// <param name="disruptionBudget">The PodDisruptionBudget; its errors carry <c>Object = PodDisruptionBudget "name"</c>.</param>
    public static IReadOnlyList<FieldError> Validate(StatefulSet statefulSet, Service? service = null, PodDisruptionBudget? disruptionBudget = null) =>
        Validate(statefulSet, service, disruptionBudget, TargetCluster.Default);

    /// <summary>
    /// Validates a StatefulSet, its Service and its PodDisruptionBudget for <paramref name="target"/>'s Kubernetes
    /// release and feature gates: a field the release does not have is an error, a field whose gate is off is dropped
    /// before the rest is validated (as the API server drops it).
    /// </summary>
    public static IReadOnlyList<FieldError> Validate(StatefulSet statefulSet, Service? service, PodDisruptionBudget? disruptionBudget, TargetCluster target)
    {
        var errors = new ValidationErrors();
        errors.AddRange(ValidateStatefulSet(statefulSet, target));
        if (service is not null)
        {
            errors.AddRange(ValidateService(service));
        }

        if (disruptionBudget is not null)
        {
            errors.AddRange(ValidateDisruptionBudget(disruptionBudget));
        }

        return errors.ToList();
    }

    /// <summary>Validates a StatefulSet on its own (paths relative to it), for the newest release with its default gates.</summary>
    public static IReadOnlyList<FieldError> ValidateStatefulSet(StatefulSet statefulSet) => ValidateStatefulSet(statefulSet, TargetCluster.Default);

    /// <summary>Validates a StatefulSet on its own for <paramref name="target"/> (see <see cref="Validate(StatefulSet, Service?, PodDisruptionBudget?, TargetCluster)"/>).</summary>
    public static IReadOnlyList<FieldError> ValidateStatefulSet(StatefulSet statefulSet, TargetCluster target)
    {
        var errors = new ValidationErrors();
        statefulSet ??= new StatefulSet();
        TextValueRules.Validate(statefulSet, FieldPath.Document, errors);
        StatefulSetRules.Validate(TargetVersionRules.Apply(statefulSet, target ?? TargetCluster.Default, errors), errors);
        return errors.ToList();
    }

    /// <summary>Validates a Service on its own; each error's <see cref="FieldError.Object"/> names it.</summary>
    public static IReadOnlyList<FieldError> ValidateService(Service service)
    {
        service ??= new Service();
        var errors = new ValidationErrors(Subject("Service", service.Metadata));
        TextValueRules.Validate(service, FieldPath.Document, errors);
        ServiceRules.Validate(service, errors);
        return errors.ToList();
    }

    /// <summary>Validates a PodDisruptionBudget on its own; each error's <see cref="FieldError.Object"/> names it.</summary>
    public static IReadOnlyList<FieldError> ValidateDisruptionBudget(PodDisruptionBudget disruptionBudget)
    {
        disruptionBudget ??= new PodDisruptionBudget();
        var errors = new ValidationErrors(Subject("PodDisruptionBudget", disruptionBudget.Metadata));
        TextValueRules.Validate(disruptionBudget, FieldPath.Document, errors);
        DisruptionBudgetRules.Validate(disruptionBudget, errors);
        return errors.ToList();
    }

    internal static string Subject(string kind, ObjectMeta? meta) =>
        string.IsNullOrEmpty(meta?.Name) ? kind : kind + " \"" + meta!.Name + "\"";
}
