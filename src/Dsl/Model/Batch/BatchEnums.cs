namespace StatefulManifests.Model;

/// <summary>A CronJob's <c>concurrencyPolicy</c>: what happens when a run is due while the previous one is still running.</summary>
public enum ConcurrencyPolicy
{
    /// <summary>Runs may overlap (the default).</summary>
    Allow,

    /// <summary>The new run is skipped.</summary>
    Forbid,

    /// <summary>The running job is replaced by the new one.</summary>
    Replace,
}
