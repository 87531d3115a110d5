using System.Globalization;

namespace StatefulManifests.Validation.Scheduling;

/// <summary>
/// One of the five fields of a standard cron schedule and how robfig/cron v3 (<c>getField</c>, <c>getRange</c>)
/// parses it: comma-separated ranges (empty items are skipped), each <c>*</c>, <c>?</c>, <c>N</c>, <c>N-M</c>
/// (the low end <c>*</c> ignores the high end), optionally <c>/step</c>; <c>N/step</c> means <c>N-max/step</c>.
/// Month and day-of-week also take three-letter names, case-insensitive.
/// </summary>
internal sealed class CronField
{
    private static readonly string[] MonthNames = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];
    private static readonly string[] DayNames = ["sun", "mon", "tue", "wed", "thu", "fri", "sat"];

    private readonly string[]? names;
    private readonly int firstNamed;

    private CronField(string name, int min, int max, string[]? names = null, int firstNamed = 0, string? namesHint = null)
    {
        Name = name;
        Min = min;
        Max = max;
        this.names = names;
        this.firstNamed = firstNamed;
        NamesHint = namesHint;
    }

    /// <summary>The five fields in schedule order.</summary>
    public static IReadOnlyList<CronField> Standard { get; } =
    [
        new("minute", 0, 59),
        new("hour", 0, 23),
        new("day of month", 1, 31),
        new("month", 1, 12, MonthNames, 1, "JAN-DEC"),
        new("day of week", 0, 6, DayNames, 0, "SUN-SAT"),
    ];

    /// <summary>The field's name in messages.</summary>
    public string Name { get; }

    /// <summary>The smallest value.</summary>
    public int Min { get; }

    /// <summary>The largest value.</summary>
    public int Max { get; }

    /// <summary>The names the field takes, for messages (null when it takes none).</summary>
    public string? NamesHint { get; }

    /// <summary>Returns the first problem of <paramref name="text"/>, or null when robfig/cron accepts it.</summary>
    public CronScheduleError? Check(string text)
    {
        // strings.FieldsFunc drops empty items, so "1,,2" and even "," are accepted.
        foreach (var range in text.Split(','))
        {
            if (range.Length == 0)
            {
                continue;
            }

            var problem = CheckRange(range);
            if (problem is not null)
            {
                return problem;
            }
        }

        return null;
    }

    private CronScheduleError? CheckRange(string expr)
    {
        var rangeAndStep = expr.Split('/');
        var lowAndHigh = rangeAndStep[0].Split('-');
        long start, end;
        if (lowAndHigh[0] == "*" || lowAndHigh[0] == "?")
        {
            start = Min;
            end = Max;
        }
        else
        {
            var low = ParseIntOrName(lowAndHigh[0], out var problem);
            if (problem is not null)
            {
                return problem;
            }

            start = low;
            switch (lowAndHigh.Length)
            {
                case 1:
                    end = start;
                    break;
                case 2:
                    end = ParseIntOrName(lowAndHigh[1], out problem);
                    if (problem is not null)
                    {
                        return problem;
                    }

                    break;
                default:
                    return new CronScheduleError(
                        Name + " \"" + expr + "\" has more than one '-'",
                        "too many hyphens: " + expr);
            }
        }

        long step;
        switch (rangeAndStep.Length)
        {
            case 1:
                step = 1;
                break;
            case 2:
                step = ParseInt(rangeAndStep[1], Name + " step", out var stepProblem);
                if (stepProblem is not null)
                {
                    return stepProblem;
                }

                if (lowAndHigh.Length == 1)
                {
                    end = Max;
                }

                break;
            default:
                return new CronScheduleError(Name + " \"" + expr + "\" has more than one '/'", "too many slashes: " + expr);
        }

        if (start < Min)
        {
            return OutOfRange(start, expr, "beginning of range (" + Text(start) + ") below minimum (" + Text(Min) + "): " + expr);
        }

        if (end > Max)
        {
            return OutOfRange(end, expr, "end of range (" + Text(end) + ") above maximum (" + Text(Max) + "): " + expr);
        }

        if (start > end)
        {
            return new CronScheduleError(
                Name + " range \"" + expr + "\" runs backwards: " + Text(start) + " is after " + Text(end),
                "beginning of range (" + Text(start) + ") beyond end of range (" + Text(end) + "): " + expr);
        }

        return step == 0
            ? new CronScheduleError(Name + " step must be a positive number in \"" + expr + "\"", "step of range should be a positive number: " + expr)
            : null;
    }

    private CronScheduleError OutOfRange(long value, string expr, string apiServerMessage)
    {
        var where = expr == Text(value) ? string.Empty : " in \"" + expr + "\"";
        return new CronScheduleError(
            Name + " " + Text(value) + " is out of range " + Text(Min) + "-" + Text(Max) + where,
            apiServerMessage);
    }

    private long ParseIntOrName(string text, out CronScheduleError? problem)
    {
        if (names is not null)
        {
            var index = Array.IndexOf(names, GoLower(text));
            if (index >= 0)
            {
                problem = null;
                return firstNamed + index;
            }
        }

        return ParseInt(text, Name, out problem);
    }

    private long ParseInt(string text, string what, out CronScheduleError? problem)
    {
        problem = null;
        var value = GoText.Atoi(text, out var error);
        if (value is null)
        {
            var expected = NamesHint is not null && what == Name ? "a number " + Text(Min) + "-" + Text(Max) + " or a name " + NamesHint : "a number";
            problem = new CronScheduleError(
                what + " " + GoText.Quote(text) + " is not " + expected,
                "failed to parse int from " + text + ": " + error);
            return 0;
        }

        if (value < 0)
        {
            problem = new CronScheduleError(what + " " + Text(value.Value) + " is negative", "negative number (" + Text(value.Value) + ") not allowed: " + text);
            return 0;
        }

        return value.Value;
    }

    /// <summary>
    /// Go's <c>strings.ToLower</c> as far as it can produce one of the ASCII names: ASCII letters, and the two
    /// non-ASCII letters whose lower case is ASCII (U+0130 İ and U+212A Kelvin sign).
    /// </summary>
    private static string GoLower(string text)
    {
        var chars = text.ToCharArray();
        for (var i = 0; i < chars.Length; i++)
        {
            chars[i] = chars[i] switch
            {
                >= 'A' and <= 'Z' => (char)(chars[i] + 32),
                '\u0130' => 'i',
                '\u212a' => 'k',
                _ => chars[i],
            };
        }

        return new string(chars);
    }

    private static string Text(long value) => value.ToString(CultureInfo.InvariantCulture);
}
