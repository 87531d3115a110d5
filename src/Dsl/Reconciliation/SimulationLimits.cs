using System.Globalization;
using StatefulManifests.Model;

namespace StatefulManifests.Reconciliation;

/// <summary>
/// What the simulator refuses before it starts work it could never finish: more replicas than it can hold in memory,
/// and replica counts whose highest ordinal would not fit in an int32 (see <c>docs/reconciliation.md</c>).
/// </summary>
internal static class SimulationLimits
{
    /// <summary>Throws when the set's replicas exceed <see cref="StatefulSetSimulation.MaxReplicas"/>.</summary>
    public static void CheckSize(StatefulSet statefulSet, string paramName)
    {
        if (statefulSet.Spec?.Replicas is { } replicas && replicas > StatefulSetSimulation.MaxReplicas)
        {
            throw TooMany(paramName, replicas);
        }
    }

    /// <summary>Throws when <paramref name="replicas"/> is more than the simulator holds or its highest ordinal overflows.</summary>
    public static void CheckScale(StatefulSet stored, int replicas, string paramName)
    {
        if (replicas > StatefulSetSimulation.MaxReplicas)
        {
            throw TooMany(paramName, replicas);
        }

        if (HighestOrdinalOverflows(stored.Spec?.Ordinals?.Start ?? 0, replicas))
        {
            throw new ArgumentOutOfRangeException(
                paramName,
                replicas,
                "ordinals.start + replicas - 1 (the highest ordinal) must be at most " + int.MaxValue.ToString(CultureInfo.InvariantCulture));
        }
    }

    /// <summary>True when ordinals <paramref name="start"/> … start + replicas - 1 do not all fit in an int32.</summary>
    public static bool HighestOrdinalOverflows(int start, int replicas) => replicas > 0 && start >= 0 && (long)start + replicas - 1 > int.MaxValue;

    private static ArgumentOutOfRangeException TooMany(string paramName, int replicas) =>
        new(
            paramName,
            replicas,
            "the simulator holds at most " + StatefulSetSimulation.MaxReplicas.ToString(CultureInfo.InvariantCulture)
            + " replicas (every pod, claim and step is kept in memory); the API server would accept it, a simulation could not finish");
}
