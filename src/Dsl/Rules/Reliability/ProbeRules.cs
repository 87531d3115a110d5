using StatefulManifests.Model;
using StatefulManifests.Rules.Support;

namespace StatefulManifests.Rules.Reliability;

/// <summary>
/// SM2018 (kube-score pod-probes, kube-linter no-readiness-probe): pods a Service targets need a readiness probe.
/// Under OrderedReady + RollingUpdate the same gap is reported by SM2012 with its worse consequence, so this rule
/// stays quiet there.
/// </summary>
internal sealed class ReadinessProbeRule : WorkloadRule
{
    public override RuleDescriptor Descriptor => RuleCatalog.MissingReadinessProbe;

    public override IEnumerable<Finding> Check(WorkloadContext workload)
    {
        if (workload.ServiceTargetsPods && Probes.NoReadiness(workload) && !(workload.IsOrderedReady && workload.IsRollingUpdate))
        {
            yield return Descriptor.At(workload.Containers[0].Path.Child("readinessProbe"));
        }
    }
}

/// <summary>SM2019 (kube-score pod-probes, kube-linter no-liveness-probe): readiness but no liveness probe anywhere.</summary>
internal sealed class LivenessProbeRule : WorkloadRule
{
    public override RuleDescriptor Descriptor => RuleCatalog.MissingLivenessProbe;

    public override IEnumerable<Finding> Check(WorkloadContext workload)
    {
        if (Probes.AnyReadiness(workload) && workload.Containers.All(c => c.Container.LivenessProbe is null))
        {
            yield return Descriptor.At(workload.Containers[0].Path.Child("livenessProbe"));
        }
    }
}

/// <summary>SM2020 (kube-score pod-probes-identical): liveness and readiness running the same check.</summary>
internal sealed class IdenticalProbesRule : WorkloadRule
{
    public override RuleDescriptor Descriptor => RuleCatalog.IdenticalProbes;

    public override IEnumerable<Finding> Check(WorkloadContext workload)
    {
        foreach (var site in workload.Containers)
        {
            if (site.Container.LivenessProbe is { } liveness && site.Container.ReadinessProbe is { } readiness && Probes.SameCheck(liveness, readiness))
            {
                yield return Descriptor.At(site.Path.Child("livenessProbe"), site.Name);
            }
        }
    }
}

/// <summary>
/// SM2021 (kube-linter liveness-port / readiness-port / startup-port): an httpGet or tcpSocket probe on a port
/// name the container does not declare always fails; the API server accepts it.
/// </summary>
internal sealed class ProbePortRule : WorkloadRule
{
    public override RuleDescriptor Descriptor => RuleCatalog.ProbePortNotDeclared;

    public override IEnumerable<Finding> Check(WorkloadContext workload)
    {
        foreach (var site in workload.Containers)
        {
            var declared = (site.Container.Ports ?? ValueList<ContainerPort>.Empty).Select(p => p.Name).Where(n => !string.IsNullOrEmpty(n)).ToList();
            var known = declared.Count == 0 ? "it declares no named port" : "declared: " + string.Join(", ", declared);
            foreach (var (field, probe) in Probes.Of(site.Container))
            {
                var handler = probe.HttpGet is not null ? "httpGet" : probe.TcpSocket is not null ? "tcpSocket" : null;
                var port = probe.HttpGet?.Port ?? probe.TcpSocket?.Port;
                if (handler is not null && port is { IsString: true } named && !declared.Contains(named.StringValue, StringComparer.Ordinal))
                {
                    yield return Descriptor.At(site.Path.Child(field, handler, "port"), field, site.Name, named.StringValue, known);
                }
            }
        }
    }
}
