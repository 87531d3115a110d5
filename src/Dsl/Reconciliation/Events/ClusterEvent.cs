namespace StatefulManifests.Reconciliation;

/// <summary>An event's type, as in <c>kubectl get events</c>.</summary>
public enum EventType
{
    /// <summary>Something expected happened.</summary>
    Normal,

    /// <summary>Something went wrong or is worth a look.</summary>
    Warning,
}

/// <summary>
/// One Kubernetes event: who reported what about which object. The reasons and messages are those of the real
/// components (for example the StatefulSet controller's <c>SuccessfulCreate</c> "create Pod web-0 in StatefulSet
/// web successful").
/// </summary>
/// <param name="Time">Virtual time the event happened.</param>
/// <param name="Type">Normal or Warning.</param>
/// <param name="Reason">Short machine-readable reason (<c>SuccessfulCreate</c>, <c>FailedCreate</c>, <c>Killing</c> …).</param>
/// <param name="Object">The object the event is about, as kubectl prints it (<c>statefulset/web</c>, <c>pod/web-0</c>).</param>
/// <param name="Message">Human-readable message.</param>
/// <param name="Source">The reporting component (<c>statefulset-controller</c>, <c>kubelet</c>, …).</param>
public sealed record ClusterEvent(DateTimeOffset Time, EventType Type, string Reason, string Object, string Message, string Source)
{
    /// <summary>The name part of <see cref="Object"/> (<c>web-0</c> for <c>pod/web-0</c>).</summary>
    public string ObjectName => Object.Substring(Object.IndexOf('/') + 1);

    /// <inheritdoc />
    public override string ToString() => Type + " " + Reason + " " + Object + ": " + Message;
}
