using System.Globalization;

namespace StatefulManifests.Reconciliation;

/// <summary>The DNS record types a headless Service publishes.</summary>
public enum DnsRecordType
{
    /// <summary>An address record: name → pod IP.</summary>
    A,

    /// <summary>A service record: <c>_port._proto.service</c> → pod host name and port.</summary>
    Srv,
}

/// <summary>One DNS record served by cluster DNS for the headless Service.</summary>
/// <param name="Name">The fully qualified name queried.</param>
/// <param name="Type">A or SRV.</param>
/// <param name="Value">For A: the IP. For SRV: the target host name.</param>
/// <param name="Port">For SRV: the port; 0 for A.</param>
public sealed record DnsRecord(string Name, DnsRecordType Type, string Value, int Port = 0)
{
    /// <inheritdoc />
    public override string ToString() => Type == DnsRecordType.A
        ? Name + " A " + Value
        : Name + " SRV 0 100 " + Port.ToString(CultureInfo.InvariantCulture) + " " + Value;
}
