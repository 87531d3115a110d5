using StatefulManifests.Model;
using StatefulManifests.Validation;
using StatefulManifests.Versions;

namespace StatefulManifests.Rules.Api;

/// <summary>
/// Runs the validator once per object and says which object each error belongs to (the validator checks a
/// StatefulSet, its Service and its PodDisruptionBudget independently, so no error is attributed by guesswork).
/// </summary>
internal static class ValidatorErrors
{
    public static List<(FieldError Error, FindingSubject Subject)> Collect(StatefulSet statefulSet, Service? service, PodDisruptionBudget? disruptionBudget, TargetCluster? target = null)
    {
        var result = WorkloadValidator.ValidateStatefulSet(statefulSet, target ?? TargetCluster.Default).Select(e => (e, FindingSubject.StatefulSet)).ToList();
        if (service is not null)
        {
            result.AddRange(WorkloadValidator.ValidateService(service).Select(e => (e, FindingSubject.Service)));
        }

        if (disruptionBudget is not null)
        {
            result.AddRange(WorkloadValidator.ValidateDisruptionBudget(disruptionBudget).Select(e => (e, FindingSubject.PodDisruptionBudget)));
        }

        return result;
    }

    /// <summary>The owned objects' validation errors, as findings' inputs in <see cref="FindingSubject.OwnedObject"/>.</summary>
    public static IEnumerable<(FieldError Error, FindingSubject Subject)> CollectOwned(IEnumerable<IKubernetesObject> owned) =>
        OwnedObjectsValidator.Validate(owned).Select(e => (e, FindingSubject.OwnedObject));

}
