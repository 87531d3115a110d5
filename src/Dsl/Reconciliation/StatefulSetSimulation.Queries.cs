using System.Globalization;
using StatefulManifests.Model;

namespace StatefulManifests.Reconciliation;

public sealed partial class StatefulSetSimulation
{
    /// <summary>The stored StatefulSet (defaulted, with generation and status), or null once it is deleted.</summary>
    public StatefulSet? StatefulSet => store.StatefulSet;

    /// <summary>True while the StatefulSet object exists (including while it is being deleted in the foreground).</summary>
    public bool Exists => store.StatefulSet is not null;

    /// <summary>The stored status (empty once the set is gone). It changes only when a pass writes it.</summary>
    public StatefulSetStatus Status => store.StatefulSet?.Status ?? new StatefulSetStatus();

    /// <summary><c>metadata.generation</c> of the stored set (0 once it is gone).</summary>
    public long Generation => store.StatefulSet?.Metadata?.Generation ?? 0;

    /// <summary>The set's name.</summary>
    public string Name => store.StatefulSet?.Metadata?.Name ?? lastKnownName;

    /// <summary>The pods named after the set (owned or not), by ordinal.</summary>
    public IReadOnlyList<SimulatedPod> Pods =>
        store.Pods.Values.Where(p => PodIdentity.ParentName(p.Name) == Name).OrderBy(p => p.Ordinal).ToList();

    /// <summary>Every claim in the namespace, by template then ordinal.</summary>
    public IReadOnlyList<SimulatedClaim> Claims =>
        store.Claims.Values.OrderBy(c => c.TemplateName, StringComparer.Ordinal).ThenBy(c => c.Ordinal).ToList();

    /// <summary>The set's ControllerRevisions (owned, or orphans its selector matches), by revision number.</summary>
    public IReadOnlyList<SimulatedRevision> Revisions =>
        store.StatefulSet is { } set
            ? new RevisionHistory(new ControllerContext(api, recorder, Options)).ListOwned(set)
            : store.Revisions.Values.OrderBy(r => r.Revision).ToList();

    /// <summary>The revision named by status.currentRevision, or null before the first pass.</summary>
    public SimulatedRevision? CurrentRevision => RevisionNamed(Status.CurrentRevision);

    /// <summary>The revision named by status.updateRevision, or null before the first pass.</summary>
    public SimulatedRevision? UpdateRevision => RevisionNamed(Status.UpdateRevision);

    /// <summary>The headless Service's DNS records as of now.</summary>
    public DnsView Dns => new(store, Options.ClusterDomain);

    /// <summary>The governing Service, if one was given.</summary>
    public Service? Service => store.Service;

    /// <summary>The pod at <paramref name="ordinal"/>; throws with the list of existing pods when there is none.</summary>
    public SimulatedPod Pod(int ordinal) =>
        FindPod(ordinal) ?? throw new InvalidOperationException(
            "there is no pod " + PodIdentity.PodName(Name, ordinal) + "; pods: " + (Pods.Count == 0 ? "none" : string.Join(", ", Pods.Select(p => p.Name))));

    /// <summary>The pod at <paramref name="ordinal"/>, or null.</summary>
    public SimulatedPod? FindPod(int ordinal) =>
        store.Pods.TryGetValue(PodIdentity.PodName(Name, ordinal), out var pod) ? pod : null;

    /// <summary>The claim of <paramref name="template"/> at <paramref name="ordinal"/>; throws when there is none.</summary>
    public SimulatedClaim Claim(string template, int ordinal) =>
        FindClaim(template, ordinal) ?? throw new InvalidOperationException(
            "there is no claim " + PodIdentity.ClaimName(template, Name, ordinal) + "; claims: " + (store.Claims.Count == 0 ? "none" : string.Join(", ", Claims.Select(c => c.Name))));

    /// <summary>The claim of <paramref name="template"/> at <paramref name="ordinal"/>, or null.</summary>
    public SimulatedClaim? FindClaim(string template, int ordinal) =>
        store.Claims.TryGetValue(PodIdentity.ClaimName(template, Name, ordinal), out var claim) ? claim : null;

    /// <summary>The revision with this name, or null.</summary>
    public SimulatedRevision? RevisionNamed(string? name) =>
        name is not null && store.Revisions.TryGetValue(name, out var revision) ? revision : null;

    /// <summary>The revision the pod at <paramref name="ordinal"/> was built from.</summary>
    public SimulatedRevision? RevisionOf(int ordinal) => RevisionNamed(Pod(ordinal).Revision);

    /// <summary>The pods as <c>kubectl get pods -o wide</c> would list them, plus each pod's revision.</summary>
    public string DescribePods()
    {
        var rows = new List<string[]> { new[] { "NAME", "READY", "STATUS", "RESTARTS", "AGE", "IP", "NODE", "REVISION" } };
        foreach (var pod in Pods)
        {
            var containers = pod.Spec.Containers?.Count ?? 0;
            rows.Add(new[]
            {
                pod.Name,
                (pod.Ready ? containers : 0).ToString(CultureInfo.InvariantCulture) + "/" + containers.ToString(CultureInfo.InvariantCulture),
                pod.DisplayStatus,
                pod.RestartCount.ToString(CultureInfo.InvariantCulture),
                VirtualClock.FormatAge(Clock.Now - pod.CreationTimestamp),
                pod.PodIP ?? "<none>",
                pod.NodeName ?? "<none>",
                pod.Revision ?? "<none>",
            });
        }

        return TextTable.Render(rows);
    }
}
