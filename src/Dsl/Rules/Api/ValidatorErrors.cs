using StatefulManifests.Model;
using StatefulManifests.Validation;

namespace StatefulManifests.Rules.Api;

/// <summary>
/// Runs the validator and says which object each error belongs to. <see cref="FieldError"/> paths do not name
/// their object, so the StatefulSet is validated alone first; the errors that appear only once the Service (or the
/// PodDisruptionBudget) is added are that object's.
/// </summary>
internal static class ValidatorErrors
{
    public static List<(FieldError Error, FindingSubject Subject)> Collect(StatefulSet statefulSet, Service? service, PodDisruptionBudget? disruptionBudget)
    {
        var own = WorkloadValidator.Validate(statefulSet);
        var result = own.Select(e => (e, FindingSubject.StatefulSet)).ToList();
        if (service is not null)
        {
            result.AddRange(Added(own, WorkloadValidator.Validate(statefulSet, service)).Select(e => (e, FindingSubject.Service)));
        }

        if (disruptionBudget is not null)
        {
            result.AddRange(Added(own, WorkloadValidator.Validate(statefulSet, null, disruptionBudget)).Select(e => (e, FindingSubject.PodDisruptionBudget)));
        }

        return result;
    }

    // The errors of `combined` that are not in `baseline` (a multiset difference: duplicates are counted).
    internal static IEnumerable<FieldError> Added(IReadOnlyList<FieldError> baseline, IReadOnlyList<FieldError> combined)
    {
        var remaining = baseline.GroupBy(e => e).ToDictionary(g => g.Key, g => g.Count());
        foreach (var error in combined)
        {
            if (remaining.TryGetValue(error, out var count) && count > 0)
            {
                remaining[error] = count - 1;
            }
            else
            {
                yield return error;
            }
        }
    }
}
