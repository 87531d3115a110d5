namespace StatefulManifests.Validation.Scheduling;

/// <summary>
/// One reason the API server rejects a CronJob schedule: a message that names the field and the value, and the API
/// server's own words (robfig/cron's error, or the CronJob validation's), which is what <c>kubectl apply</c> prints
/// after <c>spec.schedule: Invalid value: "...": </c>.
/// </summary>
/// <param name="Message">What is wrong, e.g. <c>minute 61 is out of range 0-59</c>.</param>
/// <param name="ApiServerMessage">The API server's detail, e.g. <c>end of range (61) above maximum (59): 61</c>.</param>
public sealed record CronScheduleError(string Message, string ApiServerMessage)
{
    /// <inheritdoc/>
    public override string ToString() => Message;
}
