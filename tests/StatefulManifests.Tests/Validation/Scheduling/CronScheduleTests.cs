using System.Globalization;
using StatefulManifests.Validation.Scheduling;

namespace StatefulManifests.Tests.Validation.Scheduling;

/// <summary>
/// <c>spec.schedule</c> as the API server validates it on create: robfig/cron v3's standard parser, then the TZ rule.
/// The expected API messages are robfig/cron's and the CronJob validation's own words.
/// </summary>
public sealed class CronScheduleTests
{
    private const string TzMessage = "cannot use TZ or CRON_TZ in schedule, use timeZone field instead";

    [Theory]
    [InlineData("* * * * *")]
    [InlineData("0 0 * * *")]
    [InlineData("*/5 * * * *")]
    [InlineData("0 0 31 2 *")] // valid syntax, never runs
    [InlineData("0 3 * * 0")]
    [InlineData("0 3 * * 6")]
    [InlineData("59 23 31 12 6")]
    [InlineData("0-59/15 0-23 1-31 1-12 0-6")]
    [InlineData("5/15 * * * *")] // N/step is N-max/step
    [InlineData("*/61 * * * *")] // a step wider than the range keeps the first value only
    [InlineData("1,2,3 1-5,10 * * *")]
    [InlineData("1,,2 * * * *")] // empty list items are dropped
    [InlineData(", * * * *")]
    [InlineData("*-5 * * * *")] // after '*' the high end is ignored
    [InlineData("+5 * * * *")] // strconv.Atoi takes a sign
    [InlineData("00 00 01 01 00")]
    [InlineData("? ? ? ? ?")]
    [InlineData("?/5 * * * *")]
    [InlineData("0 0 1 JAN *")]
    [InlineData("0 0 1 jan-jun *")]
    [InlineData("0 0 1 Dec *")]
    [InlineData("0 0 * jan,jul sun")]
    [InlineData("0 9 * * MON-FRI")]
    [InlineData("0 9 * * mon-5")]
    [InlineData("0 9 * * FR\u0130")] // Go lower-cases U+0130 to 'i'
    [InlineData("  0 0 * * *  ")]
    [InlineData("0\t0  * *\u00a0*")] // any Unicode white space separates fields
    [InlineData("0 0 * * *\n")]
    [InlineData("@yearly")]
    [InlineData("@annually")]
    [InlineData("@monthly")]
    [InlineData("@weekly")]
    [InlineData("@daily")]
    [InlineData("@midnight")]
    [InlineData("@hourly")]
    [InlineData("@every 1h")]
    [InlineData("@every 1h30m")]
    [InlineData("@every 1.5h")]
    [InlineData("@every 300ms")]
    [InlineData("@every 2\u00b5s")]
    [InlineData("@every 2\u03bcs")]
    [InlineData("@every .5s")]
    [InlineData("@every 0")]
    [InlineData("@every -1h")] // parses; robfig runs it every second
    [InlineData("@every +10m")]
    public void AcceptedSchedules(string schedule)
    {
        Assert.Null(CronSchedule.Validate(schedule));
        Assert.Empty(CronSchedule.Check(schedule));
    }

    [Theory]
    [InlineData("61 * * * *", "minute 61 is out of range 0-59", "end of range (61) above maximum (59): 61")]
    [InlineData("60 * * * *", "minute 60 is out of range 0-59", "end of range (60) above maximum (59): 60")]
    [InlineData("0-60 * * * *", "minute 60 is out of range 0-59 in \"0-60\"", "end of range (60) above maximum (59): 0-60")]
    [InlineData("* 24 * * *", "hour 24 is out of range 0-23", "end of range (24) above maximum (23): 24")]
    [InlineData("* * 0 * *", "day of month 0 is out of range 1-31", "beginning of range (0) below minimum (1): 0")]
    [InlineData("* * 32 * *", "day of month 32 is out of range 1-31", "end of range (32) above maximum (31): 32")]
    [InlineData("* * * 0 *", "month 0 is out of range 1-12", "beginning of range (0) below minimum (1): 0")]
    [InlineData("* * * 13 *", "month 13 is out of range 1-12", "end of range (13) above maximum (12): 13")]
    [InlineData("* * * * 7", "day of week 7 is out of range 0-6", "end of range (7) above maximum (6): 7")]
    [InlineData("4294967296 * * * *", "minute 4294967296 is out of range 0-59", "end of range (4294967296) above maximum (59): 4294967296")]
    [InlineData("*/0 * * * *", "minute step must be a positive number in \"*/0\"", "step of range should be a positive number: */0")]
    [InlineData("5-3 * * * *", "minute range \"5-3\" runs backwards: 5 is after 3", "beginning of range (5) beyond end of range (3): 5-3")]
    [InlineData("* * * DEC-JAN *", "month range \"DEC-JAN\" runs backwards: 12 is after 1", "beginning of range (12) beyond end of range (1): DEC-JAN")]
    [InlineData("1-2-3 * * * *", "minute \"1-2-3\" has more than one '-'", "too many hyphens: 1-2-3")]
    [InlineData("*/2/3 * * * *", "minute \"*/2/3\" has more than one '/'", "too many slashes: */2/3")]
    [InlineData("a * * * *", "minute \"a\" is not a number", "failed to parse int from a: strconv.Atoi: parsing \"a\": invalid syntax")]
    [InlineData("* * * foo *", "month \"foo\" is not a number 1-12 or a name JAN-DEC", "failed to parse int from foo: strconv.Atoi: parsing \"foo\": invalid syntax")]
    [InlineData("* * * * MONDAY", "day of week \"MONDAY\" is not a number 0-6 or a name SUN-SAT", "failed to parse int from MONDAY: strconv.Atoi: parsing \"MONDAY\": invalid syntax")]
    [InlineData("JAN * * * *", "minute \"JAN\" is not a number", "failed to parse int from JAN: strconv.Atoi: parsing \"JAN\": invalid syntax")]
    [InlineData("* * * */JAN *", "month step \"JAN\" is not a number", "failed to parse int from JAN: strconv.Atoi: parsing \"JAN\": invalid syntax")]
    [InlineData("*/-1 * * * *", "minute step -1 is negative", "negative number (-1) not allowed: -1")]
    [InlineData("5/ * * * *", "minute step \"\" is not a number", "failed to parse int from : strconv.Atoi: parsing \"\": invalid syntax")]
    [InlineData("-5 * * * *", "minute \"\" is not a number", "failed to parse int from : strconv.Atoi: parsing \"\": invalid syntax")]
    [InlineData("1.5 * * * *", "minute \"1.5\" is not a number", "failed to parse int from 1.5: strconv.Atoi: parsing \"1.5\": invalid syntax")]
    [InlineData("99999999999999999999 * * * *", "minute \"99999999999999999999\" is not a number", "failed to parse int from 99999999999999999999: strconv.Atoi: parsing \"99999999999999999999\": value out of range")]
    [InlineData("* * * *", "a schedule has 5 fields (minute hour day-of-month month day-of-week) or is a descriptor such as @daily; found 4 fields", "expected exactly 5 fields, found 4: [* * * *]")]
    [InlineData("0 * * * * *", "a schedule has 5 fields (minute hour day-of-month month day-of-week) or is a descriptor such as @daily; found 6 fields", "expected exactly 5 fields, found 6: [0 * * * * *]")]
    [InlineData("   ", "a schedule has 5 fields (minute hour day-of-month month day-of-week) or is a descriptor such as @daily; found 0 fields", "expected exactly 5 fields, found 0: []")]
    [InlineData("daily", "a schedule has 5 fields (minute hour day-of-month month day-of-week) or is a descriptor such as @daily; found 1 fields", "expected exactly 5 fields, found 1: [daily]")]
    [InlineData("@daily ", "unknown descriptor \"@daily \"; use @yearly, @annually, @monthly, @weekly, @daily, @midnight, @hourly or @every <duration>", "unrecognized descriptor: @daily ")]
    [InlineData("@DAILY", "unknown descriptor \"@DAILY\"; use @yearly, @annually, @monthly, @weekly, @daily, @midnight, @hourly or @every <duration>", "unrecognized descriptor: @DAILY")]
    [InlineData("@reboot", "unknown descriptor \"@reboot\"; use @yearly, @annually, @monthly, @weekly, @daily, @midnight, @hourly or @every <duration>", "unrecognized descriptor: @reboot")]
    [InlineData("@every", "unknown descriptor \"@every\"; use @yearly, @annually, @monthly, @weekly, @daily, @midnight, @hourly or @every <duration>", "unrecognized descriptor: @every")]
    [InlineData("@every 1x", "@every takes a Go duration such as 90m or 1h30m; \"1x\" is not one", "failed to parse duration @every 1x: time: unknown unit \"x\" in duration \"1x\"")]
    [InlineData("@every 1d", "@every takes a Go duration such as 90m or 1h30m; \"1d\" is not one", "failed to parse duration @every 1d: time: unknown unit \"d\" in duration \"1d\"")]
    [InlineData("@every 1", "@every takes a Go duration such as 90m or 1h30m; \"1\" is not one", "failed to parse duration @every 1: time: missing unit in duration \"1\"")]
    [InlineData("@every ", "@every takes a Go duration such as 90m or 1h30m; \"\" is not one", "failed to parse duration @every : time: invalid duration \"\"")]
    [InlineData("@every 1h ", "@every takes a Go duration such as 90m or 1h30m; \"1h \" is not one", "failed to parse duration @every 1h : time: unknown unit \"h \" in duration \"1h \"")]
    [InlineData("@every h", "@every takes a Go duration such as 90m or 1h30m; \"h\" is not one", "failed to parse duration @every h: time: invalid duration \"h\"")]
    [InlineData("@every .s", "@every takes a Go duration such as 90m or 1h30m; \".s\" is not one", "failed to parse duration @every .s: time: invalid duration \".s\"")]
    [InlineData("@every 9999999999h", "@every takes a Go duration such as 90m or 1h30m; \"9999999999h\" is not one", "failed to parse duration @every 9999999999h: time: invalid duration \"9999999999h\"")]
    [InlineData("@every 2\u00e9s", "@every takes a Go duration such as 90m or 1h30m; \"2\u00e9s\" is not one", "failed to parse duration @every 2\u00e9s: time: unknown unit \"\\xc3\\xa9s\" in duration \"2\\xc3\\xa9s\"")]
    public void RejectedSchedules(string schedule, string message, string apiServerMessage)
    {
        var problem = Assert.Single(CronSchedule.Check(schedule));
        Assert.Equal(message, problem.Message);
        Assert.Equal(apiServerMessage, problem.ApiServerMessage);
        Assert.Equal(message, CronSchedule.Validate(schedule));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    public void MissingScheduleIsRequired(string? schedule)
    {
        var problem = Assert.Single(CronSchedule.Check(schedule));
        Assert.Equal("Required value", problem.ApiServerMessage);
        Assert.Equal("a schedule is required", CronSchedule.Validate(schedule));
    }

    [Theory]
    [InlineData("TZ=UTC 0 * * * *")]
    [InlineData("CRON_TZ=Europe/Paris 0 3 * * *")]
    [InlineData("TZ=America/New_York @daily")]
    public void TimeZoneInScheduleIsRejectedOnCreateEvenThoughItParses(string schedule)
    {
        var problem = Assert.Single(CronSchedule.Check(schedule));
        Assert.Equal(TzMessage, problem.ApiServerMessage);
        Assert.Contains("spec.timeZone", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void BadZoneInScheduleReportsTheParseErrorThenTheTzRule()
    {
        var problems = CronSchedule.Check("TZ=Mars/Olympus 0 * * * *");
        Assert.Equal(
            ["provided bad location Mars/Olympus: unknown time zone Mars/Olympus", TzMessage],
            problems.Select(p => p.ApiServerMessage));
    }

    [Fact]
    public void TzPrefixWithoutSpaceIsRejected()
    {
        var problems = CronSchedule.Check("TZ=UTC");
        Assert.Equal(2, problems.Count);
        Assert.Equal(TzMessage, problems[1].ApiServerMessage);
    }

    [Fact]
    public void AnyTzTextTriggersTheRuleAsInKubernetes()
    {
        // strings.Contains(schedule, "TZ"): the field is also not a number, so both errors are reported.
        var problems = CronSchedule.Check("0 0 * * TZ");
        Assert.Equal(
            ["failed to parse int from TZ: strconv.Atoi: parsing \"TZ\": invalid syntax", TzMessage],
            problems.Select(p => p.ApiServerMessage));
    }

    [Fact]
    public void LowerCaseTzPrefixIsNotAPrefixButSixFields() =>
        Assert.Equal(
            "expected exactly 5 fields, found 6: [tz=UTC 0 * * * *]",
            Assert.Single(CronSchedule.Check("tz=UTC 0 * * * *")).ApiServerMessage);

    [Fact]
    public void UpdateKeepingAnExistingTzIsAllowedUnlessTimeZoneIsAlsoSet()
    {
        const string Old = "TZ=UTC 0 * * * *";
        Assert.Empty(CronSchedule.Check("TZ=UTC 5 * * * *", timeZoneSet: false, oldSchedule: Old));
        Assert.Equal(
            "cannot use both timeZone field and TZ or CRON_TZ in schedule",
            Assert.Single(CronSchedule.Check(Old, timeZoneSet: true, oldSchedule: Old)).ApiServerMessage);
        Assert.Equal(TzMessage, Assert.Single(CronSchedule.Check(Old, oldSchedule: "0 * * * *")).ApiServerMessage);
    }

    [Fact]
    public void TheFirstBadFieldIsReported() =>
        Assert.Equal("hour 25 is out of range 0-23", CronSchedule.Validate("0 25 32 13 8"));

    [Fact]
    public void NamesAndMessagesDoNotDependOnTheCulture()
    {
        var culture = CultureInfo.CurrentCulture;
        try
        {
            // Turkish lower-cases 'I' to dotless 'ı', which would break "FRI" and "MAI"-style lookups.
            CultureInfo.CurrentCulture = new CultureInfo("tr-TR");
            CultureInfo.CurrentUICulture = new CultureInfo("tr-TR");
            Assert.Null(CronSchedule.Validate("0 9 * * FRI"));
            Assert.Null(CronSchedule.Validate("0 9 1 JUL-DEC *"));
            Assert.Equal("minute 4294967296 is out of range 0-59", CronSchedule.Validate("4294967296 * * * *"));
        }
        finally
        {
            CultureInfo.CurrentCulture = culture;
            CultureInfo.CurrentUICulture = culture;
        }
    }

    [Fact]
    public void ErrorValuesCompareByContent() =>
        Assert.Equal(CronSchedule.Check("61 * * * *")[0], new CronScheduleError("minute 61 is out of range 0-59", "end of range (61) above maximum (59): 61"));
}
