namespace StatefulManifests.Reconciliation;

/// <summary>Why a phase of the pass stopped (a block in OrderedReady mode, or a sync error in either mode).</summary>
internal sealed record PassStop(PassStage Stage, string? Pod, string Reason, ApiError? Error = null);

/// <summary>
/// Kubernetes' <c>runForAll</c>: OrderedReady runs the pods one by one and stops at the first block or error;
/// Parallel runs them in slow-start batches (1, 2, 4, … at most 500) and stops only after a batch that had an error.
/// </summary>
internal static class PodBatches
{
    private const int MaxBatch = 500;

    public static PassStop? RunForAll(int count, bool monotonic, Func<int, PassStop?> action)
    {
        if (monotonic)
        {
            for (var i = 0; i < count; i++)
            {
                if (action(i) is { } stop)
                {
                    return stop;
                }
            }

            return null;
        }

        var next = 0;
        for (var batch = Math.Min(1, count); next < count; batch = Math.Min(Math.Min(2 * batch, MaxBatch), count - next))
        {
            PassStop? firstError = null;
            for (var i = next; i < next + batch; i++)
            {
                if (action(i) is { Error: not null } stop && firstError is null)
                {
                    firstError = stop;
                }
            }

            next += batch;
            if (firstError is not null)
            {
                return firstError;
            }
        }

        return null;
    }
}
