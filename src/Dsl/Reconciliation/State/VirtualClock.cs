using System.Globalization;

namespace StatefulManifests.Reconciliation;

/// <summary>
/// The simulation's clock. Nothing in the simulation reads the wall clock: readiness transition times,
/// <c>minReadySeconds</c> availability, event times and node eviction all use this clock, which only moves when a
/// test (or <see cref="StatefulSetSimulation.Tick"/>) moves it.
/// </summary>
public sealed class VirtualClock
{
    internal VirtualClock(DateTimeOffset start)
    {
        Start = start;
        Now = start;
    }

    /// <summary>The time the simulation started.</summary>
    public DateTimeOffset Start { get; }

    /// <summary>The current virtual time.</summary>
    public DateTimeOffset Now { get; private set; }

    /// <summary>Time elapsed since <see cref="Start"/>.</summary>
    public TimeSpan Elapsed => Now - Start;

    /// <summary>Moves the clock forward. Nothing else happens: run a pass or a step to let the cluster react.</summary>
    /// <exception cref="ArgumentOutOfRangeException">When <paramref name="duration"/> is negative.</exception>
    public void Advance(TimeSpan duration)
    {
        if (duration < TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(duration), duration, "the virtual clock cannot go backwards");
        }

        Now += duration;
    }

    /// <inheritdoc />
    public override string ToString() => Now.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    internal VirtualClock Clone() => new(Start) { Now = Now };

    /// <summary>Formats a time as Kubernetes does in metadata (RFC 3339, seconds, UTC).</summary>
    internal static string Format(DateTimeOffset time) =>
        time.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    /// <summary>Formats a duration the way kubectl prints ages: <c>0s</c>, <c>45s</c>, <c>3m12s</c>, <c>2h5m</c>.</summary>
    internal static string FormatAge(TimeSpan age)
    {
        var seconds = (long)Math.Floor(age.TotalSeconds);
        if (seconds < 0)
        {
            seconds = 0;
        }

        if (seconds < 120)
        {
            return seconds.ToString(CultureInfo.InvariantCulture) + "s";
        }

        if (seconds < 3600)
        {
            return (seconds / 60).ToString(CultureInfo.InvariantCulture) + "m" + (seconds % 60).ToString(CultureInfo.InvariantCulture) + "s";
        }

        return (seconds / 3600).ToString(CultureInfo.InvariantCulture) + "h" + (seconds % 3600 / 60).ToString(CultureInfo.InvariantCulture) + "m";
    }
}
