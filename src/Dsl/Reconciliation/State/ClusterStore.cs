using System.Globalization;
using StatefulManifests.Model;

namespace StatefulManifests.Reconciliation;

/// <summary>
/// The simulated API server's storage: one StatefulSet, its governing Service, and the pods, claims and
/// ControllerRevisions of the namespace, each keyed by name (so at most one object per name, as in Kubernetes).
/// Objects are immutable records; a change replaces the stored value and bumps <see cref="Version"/>, which lets
/// the simulation notice when nothing happens any more.
/// </summary>
internal sealed class ClusterStore
{
    private long lastUid;

    public ClusterStore(string @namespace) => Namespace = @namespace;

    private ClusterStore(ClusterStore other)
    {
        Namespace = other.Namespace;
        StatefulSet = other.StatefulSet;
        Service = other.Service;
        ClientServices = other.ClientServices;
        Pods = new Dictionary<string, SimulatedPod>(other.Pods, StringComparer.Ordinal);
        Claims = new Dictionary<string, SimulatedClaim>(other.Claims, StringComparer.Ordinal);
        Revisions = new Dictionary<string, SimulatedRevision>(other.Revisions, StringComparer.Ordinal);
        Version = other.Version;
        RevisionVersion = other.RevisionVersion;
        lastUid = other.lastUid;
    }

    public string Namespace { get; }

    /// <summary>The stored StatefulSet (defaulted, with metadata and status), or null once it is gone.</summary>
    public StatefulSet? StatefulSet { get; private set; }

    /// <summary>The governing Service, if one was given.</summary>
    public Service? Service { get; private set; }

    /// <summary>The other Services selecting the set's pods (client and per-ordinal Services), in the order applied.</summary>
    public IReadOnlyList<Service> ClientServices { get; private set; } = [];

    public Dictionary<string, SimulatedPod> Pods { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, SimulatedClaim> Claims { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, SimulatedRevision> Revisions { get; } = new(StringComparer.Ordinal);

    /// <summary>Incremented on every change to a stored object.</summary>
    public long Version { get; private set; }

    /// <summary>Incremented on every change to a ControllerRevision (a part of <see cref="Version"/>).</summary>
    public long RevisionVersion { get; private set; }

    /// <summary>A new, never reused UID (deterministic: a counter).</summary>
    public string NewUid()
    {
        lastUid++;
        return "uid-" + lastUid.ToString("D4", CultureInfo.InvariantCulture);
    }

    /// <summary>The pod IP that belongs to a pod UID (deterministic, so independent of kubelet iteration order).</summary>
    public static string PodIpFor(string uid)
    {
        var digits = uid.Substring(uid.LastIndexOf('-') + 1);
        var n = long.Parse(digits, NumberStyles.None, CultureInfo.InvariantCulture);
        return string.Format(CultureInfo.InvariantCulture, "10.244.{0}.{1}", n / 250 % 256, (n % 250) + 2);
    }

    public void SetStatefulSet(StatefulSet? statefulSet)
    {
        StatefulSet = statefulSet;
        Version++;
    }

    public void SetService(Service? service)
    {
        Service = service;
        Version++;
    }

    /// <summary>Creates or replaces a client Service (by name).</summary>
    public void PutClientService(Service service)
    {
        ClientServices = ClientServices.Where(s => s.Metadata?.Name != service.Metadata?.Name).Append(service).ToList();
        Version++;
    }

    public void PutPod(SimulatedPod pod)
    {
        Pods[pod.Name] = pod;
        Version++;
    }

    /// <summary>Stores a pod change nothing reacts to (kubelet bookkeeping such as restart counts).</summary>
    public void PutPodWithoutVersionChange(SimulatedPod pod) => Pods[pod.Name] = pod;

    public void RemovePod(string name)
    {
        if (Pods.Remove(name))
        {
            Version++;
        }
    }

    public void PutClaim(SimulatedClaim claim)
    {
        Claims[claim.Name] = claim;
        Version++;
    }

    public void RemoveClaim(string name)
    {
        if (Claims.Remove(name))
        {
            Version++;
        }
    }

    public void PutRevision(SimulatedRevision revision)
    {
        Revisions[revision.Name] = revision;
        Version++;
        RevisionVersion++;
    }

    public void RemoveRevision(string name)
    {
        if (Revisions.Remove(name))
        {
            Version++;
            RevisionVersion++;
        }
    }

    /// <summary>True when an object of this kind with this name and UID exists (unknown kinds are assumed to exist).</summary>
    public bool OwnerExists(OwnerReference reference) => reference.Kind switch
    {
        OwnerReferences.StatefulSetKind => StatefulSet?.Metadata?.Name == reference.Name && StatefulSet?.Metadata?.Uid == reference.Uid,
        OwnerReferences.PodKind => reference.Name is not null && Pods.TryGetValue(reference.Name, out var pod) && pod.Uid == reference.Uid,
        _ => true,
    };

    public ClusterStore Clone() => new(this);
}
