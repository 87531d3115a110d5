namespace StatefulManifests.Reconciliation;

/// <summary>Records events on behalf of a cluster component, stamped with the virtual clock.</summary>
internal sealed class EventRecorder
{
    private readonly EventLog log;
    private readonly VirtualClock clock;

    public EventRecorder(EventLog log, VirtualClock clock)
    {
        this.log = log;
        this.clock = clock;
    }

    public void Normal(string source, string obj, string reason, string message) =>
        log.Add(new ClusterEvent(clock.Now, EventType.Normal, reason, obj, message, source));

    public void Warning(string source, string obj, string reason, string message) =>
        log.Add(new ClusterEvent(clock.Now, EventType.Warning, reason, obj, message, source));
}
