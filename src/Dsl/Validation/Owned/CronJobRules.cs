using StatefulManifests.Model;

namespace StatefulManifests.Validation;

/// <summary>
/// A CronJob on create (<c>ValidateCronJobSpec</c>): a schedule, a known concurrency policy, non-negative history
/// limits and deadline.
/// </summary>
internal static class CronJobRules
{
    /// <summary>Validates <paramref name="cronJob"/>'s spec into <paramref name="errors"/>.</summary>
    public static void Validate(CronJob cronJob, ValidationErrors errors)
    {
        var spec = cronJob.Spec ?? new CronJobSpec();
        var path = FieldPath.Root("spec");
        if (string.IsNullOrEmpty(spec.Schedule))
        {
            errors.Required(path.Child("schedule"));
        }

        ValueRules.KnownOrDefaulted(errors, path.Child("concurrencyPolicy"), spec.ConcurrencyPolicy, ValueRules.Declared<ConcurrencyPolicy>());
        ValueRules.NonNegative(errors, path.Child("startingDeadlineSeconds"), spec.StartingDeadlineSeconds);
        ValueRules.NonNegative(errors, path.Child("successfulJobsHistoryLimit"), spec.SuccessfulJobsHistoryLimit);
        ValueRules.NonNegative(errors, path.Child("failedJobsHistoryLimit"), spec.FailedJobsHistoryLimit);
    }
}
