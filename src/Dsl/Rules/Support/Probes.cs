using StatefulManifests.Model;

namespace StatefulManifests.Rules.Support;

/// <summary>Facts about the probes of a pod template's regular containers (init containers cannot be probed).</summary>
internal static class Probes
{
    /// <summary>True when the pod has containers and none of them has a readiness probe.</summary>
    public static bool NoReadiness(WorkloadContext workload) =>
        workload.Containers.Count > 0 && workload.Containers.All(c => c.Container.ReadinessProbe is null);

    /// <summary>True when some container has a readiness probe.</summary>
    public static bool AnyReadiness(WorkloadContext workload) => workload.Containers.Any(c => c.Container.ReadinessProbe is not null);

    /// <summary>
    /// True when two probes run the same check (kube-score's comparison: the handler, not the timings): the same
    /// HTTP path and port, TCP port, command, or gRPC port and service.
    /// </summary>
    public static bool SameCheck(Probe a, Probe b) =>
        (a.HttpGet is { } ha && b.HttpGet is { } hb && ha.Path == hb.Path && Equals(ha.Port, hb.Port))
        || (a.TcpSocket is { } ta && b.TcpSocket is { } tb && Equals(ta.Port, tb.Port))
        || (a.Exec is { } ea && b.Exec is { } eb && Equals(ea.Command ?? ValueList<string>.Empty, eb.Command ?? ValueList<string>.Empty))
        || (a.Grpc is { } ga && b.Grpc is { } gb && ga.Port == gb.Port && ga.Service == gb.Service);

    /// <summary>The probes of a container with their field names.</summary>
    public static IEnumerable<(string Field, Probe Probe)> Of(Container container)
    {
        if (container.LivenessProbe is { } liveness)
        {
            yield return ("livenessProbe", liveness);
        }

        if (container.ReadinessProbe is { } readiness)
        {
            yield return ("readinessProbe", readiness);
        }

        if (container.StartupProbe is { } startup)
        {
            yield return ("startupProbe", startup);
        }
    }
}
