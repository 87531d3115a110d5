namespace StatefulManifests.Reconciliation;

/// <summary>
/// Where a client Service's name leads (a ClusterIP Service: its virtual IP, load-balanced over the backends; a
/// headless one: the backends' IPs themselves): the pods it selects that are ready and not terminating (or every
/// selected pod with an IP, with <c>publishNotReadyAddresses</c>), as its EndpointSlices list them.
/// </summary>
/// <param name="Name">The Service's name (<c>db-client</c>, or <c>db-0</c> for a per-ordinal Service).</param>
/// <param name="Fqdn">The fully qualified name clients use (<c>db-client.data.svc.cluster.local</c>).</param>
/// <param name="Pods">The backend pods' names, by ordinal.</param>
/// <param name="Ips">Their IPs, in the same order.</param>
public sealed record ClientServiceView(string Name, string Fqdn, IReadOnlyList<string> Pods, IReadOnlyList<string> Ips)
{
    /// <inheritdoc />
    public override string ToString() =>
        "; " + Fqdn + " -> " + (Pods.Count == 0 ? "(no ready backends)" : string.Join(", ", Pods.Select((p, i) => p + " " + Ips[i])));

    /// <summary>Value equality over the lists' contents.</summary>
    public bool Equals(ClientServiceView? other) =>
        other is not null && Name == other.Name && Fqdn == other.Fqdn && Pods.SequenceEqual(other.Pods) && Ips.SequenceEqual(other.Ips);

    /// <inheritdoc />
    public override int GetHashCode() => (Name, Fqdn, string.Join(",", Pods)).GetHashCode();
}
