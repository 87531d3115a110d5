using StatefulManifests.Model;
using StatefulManifests.Validation.Scheduling;

namespace StatefulManifests.Validation;

/// <summary>
/// A CronJob on create (<c>ValidateCronJob</c>, <c>ValidateCronJobSpec</c>): a name of at most 52 characters (the
/// controller appends an 11-character suffix to name each Job), a schedule robfig/cron accepts without
/// <c>TZ=</c> (<see cref="CronSchedule"/>), a known time zone (<see cref="TimeZoneNames"/>), a known concurrency
/// policy, non-negative history limits and deadline, and a job template whose pod restarts OnFailure or Never and
/// passes the pod-template rules.
/// </summary>
internal static class CronJobRules
{
    /// <summary>The longest CronJob name (Job names are the CronJob's plus <c>-&lt;8+ digits&gt;</c>, at most 63).</summary>
    public const int MaxNameLength = 52;

    private static readonly string[] JobRestartPolicies = ["OnFailure", "Never"];

    /// <summary>Validates <paramref name="cronJob"/>'s name length and spec into <paramref name="errors"/>.</summary>
    public static void Validate(CronJob cronJob, ValidationErrors errors)
    {
        if (cronJob.Metadata?.Name is { Length: > MaxNameLength } name)
        {
            errors.Invalid(FieldPath.Root("metadata").Child("name"), name, "must be no more than 52 characters");
        }

        var spec = cronJob.Spec ?? new CronJobSpec();
        var path = FieldPath.Root("spec");
        if (string.IsNullOrEmpty(spec.Schedule))
        {
            errors.Required(path.Child("schedule"));
        }
        else
        {
            foreach (var problem in CronSchedule.Check(spec.Schedule, timeZoneSet: spec.TimeZone is not null))
            {
                errors.Invalid(path.Child("schedule"), spec.Schedule, problem.ApiServerMessage);
            }
        }

        foreach (var problem in TimeZoneNames.Check(spec.TimeZone))
        {
            errors.Invalid(path.Child("timeZone"), spec.TimeZone, problem);
        }

        ValueRules.KnownOrDefaulted(errors, path.Child("concurrencyPolicy"), spec.ConcurrencyPolicy, ValueRules.Declared<ConcurrencyPolicy>());
        ValueRules.NonNegative(errors, path.Child("startingDeadlineSeconds"), spec.StartingDeadlineSeconds);
        ValueRules.NonNegative(errors, path.Child("successfulJobsHistoryLimit"), spec.SuccessfulJobsHistoryLimit);
        ValueRules.NonNegative(errors, path.Child("failedJobsHistoryLimit"), spec.FailedJobsHistoryLimit);
        ValidateJob(spec.JobTemplate?.Spec ?? new JobSpec(), path.Child("jobTemplate", "spec"), errors);
    }

    // ValidateJobSpec (the parts a backup job sets): non-negative counts and deadlines, and the pod template.
    private static void ValidateJob(JobSpec job, FieldPath path, ValidationErrors errors)
    {
        ValueRules.NonNegative(errors, path.Child("parallelism"), job.Parallelism);
        ValueRules.NonNegative(errors, path.Child("completions"), job.Completions);
        ValueRules.NonNegative(errors, path.Child("backoffLimit"), job.BackoffLimit);
        ValueRules.NonNegative(errors, path.Child("ttlSecondsAfterFinished"), job.TtlSecondsAfterFinished);
        if (job.ActiveDeadlineSeconds is { } deadline && deadline <= 0)
        {
            errors.Invalid(path.Child("activeDeadlineSeconds"), deadline, "must be greater than 0");
        }

        var template = job.Template ?? new PodTemplateSpec();
        var podPath = path.Child("template");

        // Pod defaulting fills an unset restartPolicy with Always, which a Job then rejects. A value no pod accepts is
        // already reported by the pod rules (PodSpecRules); reporting it twice at one path helps nobody.
        var restart = ValueRules.Wire(template.Spec?.RestartPolicy) ?? "Always";
        var podAccepts = template.Spec?.RestartPolicy is not { } policy || policy.IsKnown;
        if (podAccepts && !JobRestartPolicies.Contains(restart))
        {
            errors.NotSupported(podPath.Child("spec", "restartPolicy"), restart, JobRestartPolicies);
        }

        PodTemplateRules.Validate(template, [], podPath, errors);
    }
}
