using System.Text;
using StatefulManifests.Model;

namespace StatefulManifests.Reconciliation;

/// <summary>
/// What cluster DNS answers for the governing headless Service (reference §A.2 — docs: StatefulSet "Stable Network ID"), computed from the pods as they are
/// now. A pod gets <c>&lt;pod&gt;.&lt;service&gt;.&lt;namespace&gt;.svc.&lt;domain&gt;</c> when its subdomain is the
/// service, the service selects it, it has an IP and has not finished, and it is Ready and not terminating — or
/// always, when the service sets <c>publishNotReadyAddresses</c> (EndpointSlice rules). The service name resolves to
/// every published pod; every named port has SRV records <c>_&lt;port&gt;._&lt;proto&gt;.&lt;service&gt;…</c>.
/// </summary>
public sealed class DnsView
{
    private readonly List<DnsRecord> records;

    internal DnsView(ClusterStore store, string clusterDomain)
    {
        records = new List<DnsRecord>();
        ClientServices = store.ClientServices
            .Where(c => !string.IsNullOrEmpty(c.Metadata?.Name) && c.Spec is not null)
            .Select(c => ClientView(store, c, clusterDomain))
            .ToList();
        var service = store.Service;
        var serviceName = service?.Metadata?.Name;
        if (service?.Spec is not { } spec || string.IsNullOrEmpty(serviceName))
        {
            Problem = "no Service: pods have no DNS records";
            return;
        }

        if (spec.ClusterIP != "None")
        {
            Problem = "service " + serviceName + " is not headless (clusterIP: None): it has no per-pod records";
            return;
        }

        var zone = StatefulSetNames.ServiceDomain(serviceName!, store.Namespace, clusterDomain);
        ServiceName = zone;
        var published = store.Pods.Values
            .Where(p => IsPublished(p, spec, serviceName!))
            .OrderBy(p => p.Ordinal).ThenBy(p => p.Name, StringComparer.Ordinal)
            .ToList();
        foreach (var pod in published)
        {
            records.Add(new DnsRecord(pod.Spec.Hostname + "." + zone, DnsRecordType.A, pod.PodIP!));
        }

        foreach (var pod in published)
        {
            records.Add(new DnsRecord(zone, DnsRecordType.A, pod.PodIP!));
        }

        foreach (var port in spec.Ports ?? ValueList<ServicePort>.Empty)
        {
            if (string.IsNullOrEmpty(port.Name))
            {
                continue;
            }

            var protocol = (port.Protocol?.Value ?? "TCP").ToLowerInvariant();
            foreach (var pod in published)
            {
                if (TargetPort(port, pod) is { } number)
                {
                    records.Add(new DnsRecord("_" + port.Name + "._" + protocol + "." + zone, DnsRecordType.Srv, pod.Spec.Hostname + "." + zone, number));
                }
            }
        }
    }

    /// <summary>The service's own name (<c>&lt;service&gt;.&lt;namespace&gt;.svc.&lt;domain&gt;</c>), or null without a headless Service.</summary>
    public string? ServiceName { get; }

    /// <summary>
    /// The client and per-ordinal Services (<see cref="StatefulSetSimulation.ApplyClientService"/>) and the ready pods
    /// each leads to, in the order applied; independent of the governing Service.
    /// </summary>
    public IReadOnlyList<ClientServiceView> ClientServices { get; }

    /// <summary>
    /// The IPs of the pods a client Service's name leads to (<c>db-client.data.svc.cluster.local</c> or just
    /// <c>db-client</c>): empty for a name that is no client Service or while none of its pods is ready.
    /// </summary>
    public IReadOnlyList<string> ResolveClient(string name) =>
        ClientServices.FirstOrDefault(c => string.Equals(c.Fqdn, name, StringComparison.OrdinalIgnoreCase) || string.Equals(c.Name, name, StringComparison.Ordinal))?.Ips ?? [];

    /// <summary>Why there are no records at all (no Service, not headless), or null.</summary>
    public string? Problem { get; }

    /// <summary>Every record: per-pod A records, then the service A records, then SRV records.</summary>
    public IReadOnlyList<DnsRecord> Records => records;

    /// <summary>The IPs a name resolves to (A records), empty when it does not resolve.</summary>
    public IReadOnlyList<string> ResolveA(string name) =>
        records.Where(r => r.Type == DnsRecordType.A && string.Equals(r.Name, name, StringComparison.OrdinalIgnoreCase)).Select(r => r.Value).ToList();

    /// <summary>The SRV records of a name (<c>_http._tcp.web.default.svc.cluster.local</c>).</summary>
    public IReadOnlyList<DnsRecord> ResolveSrv(string name) =>
        records.Where(r => r.Type == DnsRecordType.Srv && string.Equals(r.Name, name, StringComparison.OrdinalIgnoreCase)).ToList();

    /// <summary>A zone-file-like listing of every record.</summary>
    public string Render()
    {
        var text = new StringBuilder();
        if (Problem is not null)
        {
            text.Append("; ").Append(Problem).Append('\n');
        }

        foreach (var record in records)
        {
            text.Append(record).Append('\n');
        }

        foreach (var client in ClientServices)
        {
            text.Append(client).Append('\n');
        }

        return text.ToString();
    }

    /// <inheritdoc />
    public override string ToString() => Render();

    private static ClientServiceView ClientView(ClusterStore store, Service service, string clusterDomain)
    {
        var spec = service.Spec!;
        var backends = store.Pods.Values
            .Where(p => IsBackend(p, spec))
            .OrderBy(p => p.Ordinal).ThenBy(p => p.Name, StringComparer.Ordinal)
            .ToList();
        var name = service.Metadata!.Name!;
        return new ClientServiceView(
            name,
            StatefulSetNames.ServiceDomain(name, service.Metadata.Namespace ?? store.Namespace, clusterDomain),
            backends.Select(p => p.Name).ToList(),
            backends.Select(p => p.PodIP!).ToList());
    }

    // A client Service's endpoints: selected, with an IP, running, and ready unless it publishes not-ready addresses.
    // No subdomain condition: that only decides the per-pod names of the governing Service.
    private static bool IsBackend(SimulatedPod pod, ServiceSpec spec) =>
        pod.PodIP is not null
        && pod.Phase is not (PodPhase.Failed or PodPhase.Succeeded)
        && spec.Selector is { Count: > 0 } selector
        && selector.All(s => pod.Labels.TryGetValue(s.Key, out var v) && v == s.Value)
        && (spec.PublishNotReadyAddresses == true || (pod.Ready && !pod.IsTerminating));

    private static bool IsPublished(SimulatedPod pod, ServiceSpec spec, string serviceName)
    {
        if (pod.PodIP is null || pod.Phase is PodPhase.Failed or PodPhase.Succeeded || pod.Spec.Subdomain != serviceName || string.IsNullOrEmpty(pod.Spec.Hostname))
        {
            return false;
        }

        if (spec.Selector is not { Count: > 0 } selector || selector.Any(s => !pod.Labels.TryGetValue(s.Key, out var v) || v != s.Value))
        {
            return false;
        }

        // EndpointSlice: ready = publishNotReadyAddresses || (serving && !terminating); DNS publishes ready endpoints.
        return spec.PublishNotReadyAddresses == true || (pod.Ready && !pod.IsTerminating);
    }

    private static int? TargetPort(ServicePort port, SimulatedPod pod)
    {
        if (port.TargetPort is not { } target)
        {
            return port.Port;
        }

        if (!target.IsString)
        {
            return target.IntValue;
        }

        // A named target port resolves against the pod's container ports; a pod without it has no SRV record.
        return pod.Spec.Containers?.SelectMany(c => c.Ports ?? ValueList<ContainerPort>.Empty).FirstOrDefault(p => p.Name == target.StringValue)?.ContainerPortValue;
    }
}
