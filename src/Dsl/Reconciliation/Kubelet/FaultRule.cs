using System.Globalization;

namespace StatefulManifests.Reconciliation;

/// <summary>A lasting fault: a condition the kubelet imposes on matching pods for as long as the rule exists.</summary>
public enum FaultKind
{
    /// <summary>Containers run but readiness never passes (a failing readiness probe): Running, not Ready.</summary>
    NeverReady,

    /// <summary>The container keeps crashing: Running, not Ready, <c>CrashLoopBackOff</c>, restarts growing.</summary>
    CrashLoop,

    /// <summary>The image cannot be pulled: the pod stays Pending (<c>ImagePullBackOff</c>).</summary>
    ImagePullFailure,

    /// <summary>No node fits: the pod stays Pending and unscheduled.</summary>
    Unschedulable,

    /// <summary>The pod starts late: extra ticks Pending, then extra ticks Running but not Ready.</summary>
    SlowStart,

    /// <summary>Readiness flips every <see cref="FaultRule.Period"/> ticks.</summary>
    FlappingReadiness,
}

/// <summary>A lasting fault and the pods it applies to. Remove it with <see cref="PodFaults.Remove"/> to heal.</summary>
/// <param name="Kind">What goes wrong.</param>
/// <param name="Match">Which pods it applies to.</param>
/// <param name="PendingTicks">For <see cref="FaultKind.SlowStart"/>: ticks Pending.</param>
/// <param name="UnreadyTicks">For <see cref="FaultKind.SlowStart"/>: ticks Running but not Ready.</param>
/// <param name="Period">For <see cref="FaultKind.FlappingReadiness"/>: ticks between flips.</param>
public sealed record FaultRule(FaultKind Kind, PodMatch Match, int PendingTicks = 0, int UnreadyTicks = 0, int Period = 1)
{
    /// <inheritdoc />
    public override string ToString() => Kind switch
    {
        FaultKind.SlowStart => "SlowStart(" + Match + ", pending " + PendingTicks.ToString(CultureInfo.InvariantCulture) + ", unready " + UnreadyTicks.ToString(CultureInfo.InvariantCulture) + " ticks)",
        FaultKind.FlappingReadiness => "FlappingReadiness(" + Match + ", every " + Period.ToString(CultureInfo.InvariantCulture) + " ticks)",
        _ => Kind + "(" + Match + ")",
    };
}
