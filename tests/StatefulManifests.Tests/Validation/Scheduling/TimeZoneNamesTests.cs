using StatefulManifests.Validation.Scheduling;

namespace StatefulManifests.Tests.Validation.Scheduling;

/// <summary><c>spec.timeZone</c> as the API server validates it, against the embedded tz database names.</summary>
public sealed class TimeZoneNamesTests
{
    private const string LocalMessage = "timeZone must be an explicit time zone as defined in https://www.iana.org/time-zones";

    [Theory]
    [InlineData(null)] // not set
    [InlineData("UTC")]
    [InlineData("Etc/UTC")]
    [InlineData("GMT")]
    [InlineData("Etc/GMT+5")]
    [InlineData("Etc/GMT-14")]
    [InlineData("US/Eastern")]
    [InlineData("America/New_York")]
    [InlineData("America/Argentina/Buenos_Aires")]
    [InlineData("America/Port-au-Prince")]
    [InlineData("Europe/Paris")]
    [InlineData("Europe/Kyiv")]
    [InlineData("Europe/Kiev")]
    [InlineData("Asia/Kolkata")]
    [InlineData("Asia/Calcutta")]
    [InlineData("Australia/Lord_Howe")]
    [InlineData("EST5EDT")]
    [InlineData("Zulu")]
    public void AcceptedZones(string? zone)
    {
        Assert.Null(TimeZoneNames.Validate(zone));
        Assert.Empty(TimeZoneNames.Check(zone));
    }

    [Theory]
    [InlineData("", "timeZone must be nil or non-empty string")]
    [InlineData("america/new_york", "unknown time zone america/new_york")]
    [InlineData("AMERICA/NEW_YORK", "unknown time zone AMERICA/NEW_YORK")]
    [InlineData("utc", "unknown time zone utc")]
    [InlineData("Europe/Pariss", "unknown time zone Europe/Pariss")]
    [InlineData("America/New York", "unknown time zone America/New York")]
    [InlineData(" UTC", "unknown time zone  UTC")]
    [InlineData("UTC ", "unknown time zone UTC ")]
    [InlineData("UTC\n", "unknown time zone UTC\n")]
    [InlineData("/UTC", "unknown time zone /UTC")]
    [InlineData("Europe/", "unknown time zone Europe/")]
    [InlineData("Europe//Paris", "unknown time zone Europe//Paris")]
    [InlineData("../etc/passwd", "unknown time zone ../etc/passwd")]
    [InlineData("./UTC", "unknown time zone ./UTC")]
    [InlineData("-UTC", "unknown time zone -UTC")]
    [InlineData("Europe\\Paris", "unknown time zone Europe\\Paris")]
    [InlineData("America/ABCDEFGHIJKLMNO", "unknown time zone America/ABCDEFGHIJKLMNO")] // part over 14 characters
    [InlineData("Europe/Zürich", "unknown time zone Europe/Zürich")]
    [InlineData("a..b", "time: invalid location name")]
    [InlineData("Etc/GMT+15", "unknown time zone Etc/GMT+15")]
    [InlineData("+0100", "unknown time zone +0100")]
    [InlineData("posixrules", "unknown time zone posixrules")]
    [InlineData("posix/Europe/Paris", "unknown time zone posix/Europe/Paris")]
    [InlineData("zone.tab", "unknown time zone zone.tab")]
    public void RejectedZones(string zone, string message)
    {
        Assert.Equal([message], TimeZoneNames.Check(zone));
        Assert.Equal(message, TimeZoneNames.Validate(zone));
    }

    [Fact]
    public void LocalIsRejectedButLoads() => Assert.Equal([LocalMessage], TimeZoneNames.Check("Local"));

    [Theory]
    [InlineData("local")]
    [InlineData("LOCAL")]
    public void OtherCasesOfLocalAreRejectedTwice(string zone) =>
        Assert.Equal([LocalMessage, "unknown time zone " + zone], TimeZoneNames.Check(zone));

    [Fact]
    public void TheEmbeddedListIsSortedUniqueAndHasTheLinkNames()
    {
        var all = TimeZoneNames.All;
        Assert.Equal(all.OrderBy(n => n, StringComparer.Ordinal), all);
        Assert.Equal(all.Count, all.Distinct(StringComparer.Ordinal).Count());
        Assert.Equal(598, all.Count);
        Assert.Equal("2025b", TimeZoneNames.TzdataVersion);
        foreach (var name in new[] { "UTC", "Etc/UTC", "GMT", "US/Eastern", "US/Pacific", "Europe/London", "Asia/Tokyo" })
        {
            Assert.Contains(name, all);
        }

        Assert.DoesNotContain("Local", all);
        Assert.DoesNotContain("posixrules", all);
        Assert.DoesNotContain("localtime", all);
    }

    [Fact]
    public void EveryEmbeddedNameIsAccepted() =>
        Assert.All(TimeZoneNames.All, name => Assert.Null(TimeZoneNames.Validate(name)));

    [Theory]
    [InlineData("Europe/Paris", true)]
    [InlineData("europe/paris", false)]
    [InlineData("Local", false)]
    [InlineData(null, false)]
    public void IsKnownIsCaseSensitive(string? zone, bool known) => Assert.Equal(known, TimeZoneNames.IsKnown(zone));
}
