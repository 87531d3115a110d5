namespace StatefulManifests.Rules;

/// <summary>How serious a finding is (maps onto Roslyn's Info / Warning / Error).</summary>
public enum FindingSeverity
{
    /// <summary>A suggestion: worth knowing, often fine to keep.</summary>
    Info,

    /// <summary>Likely to hurt in production; fix it or suppress it on purpose.</summary>
    Warning,

    /// <summary>Certain to fail: the API server rejects it, or the workload can never run as written.</summary>
    Error,
}
