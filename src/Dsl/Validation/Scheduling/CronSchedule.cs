namespace StatefulManifests.Validation.Scheduling;

/// <summary>
/// Validates a CronJob's <c>spec.schedule</c> as the API server does (<c>validateScheduleFormat</c> in
/// pkg/apis/batch/validation): robfig/cron v3's <c>ParseStandard</c> must accept it, and a schedule that contains
/// <c>TZ</c> (the <c>TZ=</c> / <c>CRON_TZ=</c> prefix) is rejected on create, because the zone belongs in
/// <c>spec.timeZone</c>.
/// </summary>
/// <remarks>
/// The standard parser takes five fields (minute hour day-of-month month day-of-week, see <see cref="CronField"/>)
/// or one descriptor: <c>@yearly</c>, <c>@annually</c>, <c>@monthly</c>, <c>@weekly</c>, <c>@daily</c>,
/// <c>@midnight</c>, <c>@hourly</c> (exactly, lower case) or <c>@every &lt;Go duration&gt;</c>. Fields are split on
/// Unicode white space. Impossible dates such as <c>0 0 31 2 *</c> are valid syntax and simply never run.
/// </remarks>
public static class CronSchedule
{
    private const string TimeZoneMarker = "TZ";
    private const string TimeZoneInSchedule = "cannot use TZ or CRON_TZ in schedule, use timeZone field instead";
    private const string BothTimeZones = "cannot use both timeZone field and TZ or CRON_TZ in schedule";
    private const string Every = "@every ";

    private static readonly string[] Descriptors = ["@yearly", "@annually", "@monthly", "@weekly", "@daily", "@midnight", "@hourly"];

    /// <summary>
    /// Returns what is wrong with <paramref name="schedule"/> for a new CronJob (the first problem), or null when the
    /// API server accepts it.
    /// </summary>
    public static string? Validate(string? schedule)
    {
        var problems = Check(schedule);
        return problems.Count == 0 ? null : problems[0].Message;
    }

    /// <summary>
    /// Every problem the API server reports for <paramref name="schedule"/>, in its order (the parse error, then the
    /// time-zone one); empty when valid.
    /// </summary>
    /// <param name="schedule">The schedule; null or empty is the Required error.</param>
    /// <param name="timeZoneSet">Whether <c>spec.timeZone</c> is set (matters only on update, see below).</param>
    /// <param name="oldSchedule">
    /// On update, the stored schedule: when it already contains <c>TZ</c> the new one may keep it, unless
    /// <c>spec.timeZone</c> is set too. Null for a create.
    /// </param>
    public static IReadOnlyList<CronScheduleError> Check(string? schedule, bool timeZoneSet = false, string? oldSchedule = null)
    {
        if (string.IsNullOrEmpty(schedule))
        {
            return [new CronScheduleError("a schedule is required", "Required value")];
        }

        var problems = new List<CronScheduleError>();
        if (Parse(schedule!) is { } parseProblem)
        {
            problems.Add(parseProblem);
        }

        var allowInSchedule = oldSchedule is not null && oldSchedule.Contains(TimeZoneMarker);
        var hasMarker = schedule!.Contains(TimeZoneMarker);
        if (allowInSchedule && hasMarker && timeZoneSet)
        {
            problems.Add(new CronScheduleError("the schedule's TZ= or CRON_TZ= and spec.timeZone cannot both be set; keep only spec.timeZone", BothTimeZones));
        }
        else if (!allowInSchedule && hasMarker)
        {
            problems.Add(new CronScheduleError("the schedule must not contain TZ or CRON_TZ; set the zone in spec.timeZone instead", TimeZoneInSchedule));
        }

        return problems;
    }

    /// <summary>robfig/cron v3 <c>ParseStandard</c>: null when it parses, otherwise its error.</summary>
    private static CronScheduleError? Parse(string spec)
    {
        if (spec.StartsWith("TZ=", StringComparison.Ordinal) || spec.StartsWith("CRON_TZ=", StringComparison.Ordinal))
        {
            var space = spec.IndexOf(' ');
            if (space < 0)
            {
                // robfig slices up to the first space without checking for one: the parser panics and the API
                // server answers with an internal error instead of a validation message.
                return new CronScheduleError(
                    "a TZ= or CRON_TZ= prefix must be followed by a space and the schedule",
                    "runtime error: slice bounds out of range");
            }

            var equals = spec.IndexOf('=');
            var zone = spec.Substring(equals + 1, space - equals - 1);
            if (TimeZoneNames.LoadError(zone) is { } zoneError)
            {
                return new CronScheduleError("unknown time zone " + GoText.Quote(zone) + " in the schedule", "provided bad location " + zone + ": " + zoneError);
            }

            spec = spec.Substring(space).Trim();
        }

        if (spec.StartsWith("@", StringComparison.Ordinal))
        {
            return ParseDescriptor(spec);
        }

        var fields = spec.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        if (fields.Length != CronField.Standard.Count)
        {
            return new CronScheduleError(
                "a schedule has 5 fields (minute hour day-of-month month day-of-week) or is a descriptor such as @daily; found "
                    + fields.Length.ToString(System.Globalization.CultureInfo.InvariantCulture) + " fields",
                "expected exactly 5 fields, found " + fields.Length.ToString(System.Globalization.CultureInfo.InvariantCulture) + ": [" + string.Join(" ", fields) + "]");
        }

        for (var i = 0; i < fields.Length; i++)
        {
            if (CronField.Standard[i].Check(fields[i]) is { } problem)
            {
                return problem;
            }
        }

        return null;
    }

    private static CronScheduleError? ParseDescriptor(string descriptor)
    {
        if (Array.IndexOf(Descriptors, descriptor) >= 0)
        {
            return null;
        }

        if (descriptor.StartsWith(Every, StringComparison.Ordinal))
        {
            // Any Go duration is accepted, even zero or negative (robfig runs those every second).
            var duration = descriptor.Substring(Every.Length);
            return GoDuration.Validate(duration) is { } error
                ? new CronScheduleError(
                    "@every takes a Go duration such as 90m or 1h30m; " + GoText.Quote(duration) + " is not one",
                    "failed to parse duration " + descriptor + ": " + error)
                : null;
        }

        return new CronScheduleError(
            "unknown descriptor " + GoText.Quote(descriptor) + "; use @yearly, @annually, @monthly, @weekly, @daily, @midnight, @hourly or @every <duration>",
            "unrecognized descriptor: " + descriptor);
    }
}
