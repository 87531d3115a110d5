namespace StatefulManifests.Reconciliation;

/// <summary>What the kubelet remembers about one pod object (by UID) between ticks: its countdowns.</summary>
internal sealed class PodRuntime
{
    public PodRuntime(int pendingTicks, int unreadyTicks)
    {
        PendingLeft = pendingTicks;
        UnreadyLeft = unreadyTicks;
    }

    /// <summary>Ticks left in Pending before the containers start.</summary>
    public int PendingLeft { get; set; }

    /// <summary>Ticks left Running before readiness passes.</summary>
    public int UnreadyLeft { get; set; }

    /// <summary>Ticks left before a terminating pod is gone; null until the kubelet first sees the deletion.</summary>
    public int? TerminationLeft { get; set; }

    /// <summary>Ticks left of a one-off crash (not Ready while the container restarts).</summary>
    public int CrashLeft { get; set; }

    /// <summary>Ticks the pod has been running (drives flapping and crash-loop restarts).</summary>
    public int RunningTicks { get; set; }

    /// <summary>The running tick at which a crash-looping container restarts next.</summary>
    public int NextRestartAt { get; set; } = 1;

    /// <summary>Reasons already reported as events, so a lasting condition is reported once (created on first use).</summary>
    private HashSet<string>? reported;

    /// <summary>Records that a reason was reported; false when it had been already.</summary>
    public bool MarkReported(string key) => (reported ??= new HashSet<string>(StringComparer.Ordinal)).Add(key);

    public PodRuntime Clone()
    {
        var copy = new PodRuntime(PendingLeft, UnreadyLeft)
        {
            TerminationLeft = TerminationLeft,
            CrashLeft = CrashLeft,
            RunningTicks = RunningTicks,
            NextRestartAt = NextRestartAt,
        };
        copy.reported = reported is null ? null : new HashSet<string>(reported, StringComparer.Ordinal);
        return copy;
    }
}
