namespace StatefulManifests.Validation.Scheduling;

/// <summary>
/// Validates a CronJob's <c>spec.timeZone</c> as the API server does (<c>validateTimeZone</c> in
/// pkg/apis/batch/validation): not empty; every <c>/</c>-separated part 1-14 characters of
/// <c>A-Z a-z 0-9 . - _ +</c>, not <c>.</c> or <c>..</c> and not starting with <c>-</c>; not <c>Local</c> (any
/// case); and Go's <c>time.LoadLocation</c> must find it.
/// </summary>
/// <remarks>
/// <c>time.LoadLocation</c> looks names up in a tz database, case-sensitively (<c>america/new_york</c> is unknown).
/// The database here is embedded (see <see cref="TzdataVersion"/>), never read from the machine, so the answer is
/// the same everywhere. It holds the IANA zone and link names; files a Linux host may have besides them
/// (<c>posix/…</c>, <c>right/…</c>, <c>posixrules</c>, <c>localtime</c>) are not zones and are rejected here.
/// </remarks>
public static partial class TimeZoneNames
{
    /// <summary>The tzdata release the embedded names come from.</summary>
    public const string TzdataVersion = "2025b";

    private const string LocalMessage = "timeZone must be an explicit time zone as defined in https://www.iana.org/time-zones";

    // Static fields of the two partial files initialize in no defined order, so the set is built on first use.
    private static readonly Lazy<HashSet<string>> KnownNames = new(() => new HashSet<string>(Names, StringComparer.Ordinal));

    private static HashSet<string> Known => KnownNames.Value;

    /// <summary>Every zone and link name of the tz database, sorted ordinally.</summary>
    public static IReadOnlyList<string> All => Names;

    /// <summary>Whether <paramref name="name"/> is a tz database name, exactly as written (case-sensitive).</summary>
    public static bool IsKnown(string? name) => name is not null && Known.Contains(name);

    /// <summary>
    /// Returns the API server's first message for <paramref name="timeZone"/>, or null when it is accepted (null,
    /// meaning the field is not set, is accepted).
    /// </summary>
    public static string? Validate(string? timeZone)
    {
        var problems = Check(timeZone);
        return problems.Count == 0 ? null : problems[0];
    }

    /// <summary>Every message the API server reports for <paramref name="timeZone"/>, in its order; empty when valid.</summary>
    public static IReadOnlyList<string> Check(string? timeZone)
    {
        if (timeZone is null)
        {
            return [];
        }

        if (timeZone.Length == 0)
        {
            return ["timeZone must be nil or non-empty string"];
        }

        if (timeZone.Split('/').Any(part => !IsValidPart(part)))
        {
            return ["unknown time zone " + timeZone];
        }

        var problems = new List<string>();
        if (string.Equals(timeZone, "Local", StringComparison.OrdinalIgnoreCase))
        {
            problems.Add(LocalMessage);
        }

        if (LoadError(timeZone) is { } error)
        {
            problems.Add(error);
        }

        return problems;
    }

    /// <summary>
    /// Go's <c>time.LoadLocation</c> against the embedded names: null when it loads, otherwise Go's error. The empty
    /// name, <c>UTC</c> and <c>Local</c> always load.
    /// </summary>
    internal static string? LoadError(string name)
    {
        if (name.Length == 0 || name == "UTC" || name == "Local")
        {
            return null;
        }

        if (name.Contains("..") || name[0] == '/' || name[0] == '\\')
        {
            return "time: invalid location name";
        }

        return Known.Contains(name) ? null : "unknown time zone " + name;
    }

    // The IANA naming rules Kubernetes enforces before loading, with digits and '+' tolerated for legacy names.
    private static bool IsValidPart(string part) =>
        part.Length is >= 1 and <= 14
        && part != "."
        && part != ".."
        && part[0] != '-'
        && part.All(c => c is (>= 'A' and <= 'Z') or (>= 'a' and <= 'z') or (>= '0' and <= '9') or '.' or '-' or '_' or '+');
}
