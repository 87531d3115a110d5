using System.Collections;

namespace StatefulManifests.Reconciliation;

/// <summary>
/// Every event the simulated cluster recorded, oldest first (each occurrence is its own entry, so tests can count
/// them). <see cref="Render"/> prints them as <c>kubectl get events</c> would, folding repeats into one line.
/// </summary>
public sealed class EventLog : IReadOnlyList<ClusterEvent>
{
    private readonly List<ClusterEvent> events;
    private readonly VirtualClock clock;

    internal EventLog(VirtualClock clock, IEnumerable<ClusterEvent>? existing = null)
    {
        this.clock = clock;
        events = existing is null ? new List<ClusterEvent>() : new List<ClusterEvent>(existing);
    }

    /// <inheritdoc />
    public int Count => events.Count;

    /// <inheritdoc />
    public ClusterEvent this[int index] => events[index];

    /// <summary>The events with this reason, oldest first.</summary>
    public IReadOnlyList<ClusterEvent> WithReason(string reason) => events.Where(e => e.Reason == reason).ToList();

    /// <summary>The events about the object with this name (<c>web-0</c>, <c>web</c>, <c>data-web-0</c>), oldest first.</summary>
    public IReadOnlyList<ClusterEvent> About(string objectName) => events.Where(e => e.ObjectName == objectName).ToList();

    /// <summary>
    /// A text table in the style of <c>kubectl get events</c> (LAST SEEN, TYPE, REASON, OBJECT, MESSAGE), ages
    /// relative to the virtual clock. Identical events are folded into one line as kubectl does: LAST SEEN is the age
    /// of the last occurrence, followed by <c>(xN over T)</c> where T is the age of the first occurrence (so T is never
    /// less than the age shown); lines are in order of first occurrence.
    /// </summary>
    public string Render()
    {
        var folded = new List<(ClusterEvent First, DateTimeOffset Last, int Count)>();
        var index = new Dictionary<(EventType, string, string, string), int>();
        foreach (var e in events)
        {
            var key = (e.Type, e.Reason, e.Object, e.Message);
            if (index.TryGetValue(key, out var at))
            {
                folded[at] = (folded[at].First, e.Time, folded[at].Count + 1);
            }
            else
            {
                index[key] = folded.Count;
                folded.Add((e, e.Time, 1));
            }
        }

        var rows = new List<string[]> { new[] { "LAST SEEN", "TYPE", "REASON", "OBJECT", "MESSAGE" } };
        foreach (var (first, last, count) in folded)
        {
            var age = VirtualClock.FormatAge(clock.Now - last);
            if (count > 1)
            {
                // kubectl prints "<age of last> (x<count> over <age of first>)": the interval is measured from the first
                // occurrence to now (translateTimestampSince(e.FirstTimestamp) in k8s.io/kubectl/pkg/describe), so it
                // is never shorter than the age in front of it.
                age += " (x" + count.ToString(System.Globalization.CultureInfo.InvariantCulture) + " over " + VirtualClock.FormatAge(clock.Now - first.Time) + ")";
            }

            rows.Add(new[] { age, first.Type.ToString(), first.Reason, first.Object, first.Message });
        }

        return TextTable.Render(rows);
    }

    /// <inheritdoc />
    public IEnumerator<ClusterEvent> GetEnumerator() => events.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    /// <inheritdoc />
    public override string ToString() => Render();

    internal void Add(ClusterEvent e) => events.Add(e);

    internal EventLog Clone(VirtualClock newClock) => new(newClock, events);
}
