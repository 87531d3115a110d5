namespace StatefulManifests.Reconciliation;

/// <summary>The outcome of <see cref="StatefulSetSimulation.RunUntilStable"/>.</summary>
public sealed record StabilityReport
{
    /// <summary>True when the cluster reached a fixed point: another step would change nothing.</summary>
    public bool Settled { get; init; }

    /// <summary>
    /// True when it settled with every replica Running, Ready and available, no pod outside the ordinal range, the
    /// status observed for the current generation, and (for RollingUpdate) every pod from the partition up on the
    /// update revision.
    /// </summary>
    public bool Converged { get; init; }

    /// <summary>Steps taken.</summary>
    public int Steps { get; init; }

    /// <summary>What is wrong, one item per problem (empty when converged).</summary>
    public IReadOnlyList<string> Problems { get; init; } = Array.Empty<string>();

    /// <summary>A readable account: why the set converged, or why it never will and what would fix it.</summary>
    public string Explanation { get; init; } = string.Empty;

    /// <inheritdoc />
    public override string ToString() => Explanation;
}

/// <summary>Thrown by <see cref="StatefulSetSimulation.RunUntilConverged"/> when the set did not converge.</summary>
public sealed class SimulationDidNotConvergeException : Exception
{
    /// <summary>Creates the exception from a stability report and the rendered timeline.</summary>
    public SimulationDidNotConvergeException(StabilityReport report, string timeline)
        : base(report.Explanation + "\n\n" + timeline)
    {
        Report = report;
        Timeline = timeline;
    }

    /// <summary>Creates the exception with a message and the rendered timeline.</summary>
    public SimulationDidNotConvergeException(string message, string timeline)
        : base(message + "\n\n" + timeline)
    {
        Timeline = timeline;
    }

    /// <summary>The stability report, when the exception came from <see cref="StatefulSetSimulation.RunUntilConverged"/>.</summary>
    public StabilityReport? Report { get; }

    /// <summary>The timeline at the time of failure.</summary>
    public string Timeline { get; }
}
