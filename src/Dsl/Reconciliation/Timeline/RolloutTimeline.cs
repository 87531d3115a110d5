using System.Globalization;

namespace StatefulManifests.Reconciliation;

/// <summary>
/// The story of the simulation, pass by pass: every pod's revision and state, the status, the controller's writes
/// and the reason each pass stopped, with test actions and faults in between. Revisions are labelled A, B, C … in
/// order of appearance (<see cref="Legend"/>). Render it as a text table (<see cref="RenderText"/>) to see why a
/// rollout test failed, as a Mermaid Gantt chart (<see cref="RenderMermaid"/>) for documentation, or as an SVG
/// picture (<see cref="RenderSvg"/>).
/// </summary>
public sealed class RolloutTimeline
{
    /// <summary>Sets with more pods than this are recorded without per-pod cells.</summary>
    public const int MaxDrawnPods = 200;

    private readonly List<TimelineEntry> entries;
    private readonly List<string> pendingNotes;
    private readonly Dictionary<string, string> labels;
    private readonly List<(string Label, SimulatedRevision Revision)> legend;

    internal RolloutTimeline()
        : this(new List<TimelineEntry>(), new List<string>(), new Dictionary<string, string>(StringComparer.Ordinal), new List<(string, SimulatedRevision)>())
    {
    }

    private RolloutTimeline(List<TimelineEntry> entries, List<string> pendingNotes, Dictionary<string, string> labels, List<(string, SimulatedRevision)> legend)
    {
        this.entries = entries;
        this.pendingNotes = pendingNotes;
        this.labels = labels;
        this.legend = legend;
    }

    /// <summary>The rows, one per controller pass.</summary>
    public IReadOnlyList<TimelineEntry> Entries => entries;

    /// <summary>Revision labels and the revisions they stand for, in order of appearance.</summary>
    public IReadOnlyList<(string Label, SimulatedRevision Revision)> Legend => legend;

    /// <summary>The label (<c>A</c>, <c>B</c> …) of a revision, or <c>?</c> if the timeline has not seen it.</summary>
    public string LabelOf(string? revisionName) =>
        revisionName is not null && labels.TryGetValue(revisionName, out var label) ? label : "?";

    /// <summary>A text table: one line per pass, notes on their own lines, the legend at the end.</summary>
    public string RenderText() => TimelineTextRenderer.Render(this);

    /// <summary>A Mermaid Gantt chart: one section per pod, one bar per run of identical state (x axis: pass number).</summary>
    public string RenderMermaid() => TimelineMermaidRenderer.Render(this);

    /// <summary>
    /// A standalone SVG picture (pods × passes, the colour per revision, the fill per readiness, a tooltip per bar)
    /// that a browser shows as it is; the same timeline gives the same bytes.
    /// </summary>
    public string RenderSvg() => TimelineSvgRenderer.Render(this);

    /// <inheritdoc />
    public override string ToString() => RenderText();

    internal void Note(string note) => pendingNotes.Add(note);

    internal void Record(PassReport pass, ClusterStore store, IEnumerable<SimulatedRevision> revisions, DateTimeOffset now, TimeSpan elapsed)
    {
        foreach (var revision in revisions.OrderBy(r => r.Revision).ThenBy(r => r.Name, StringComparer.Ordinal))
        {
            Label(revision);
        }

        var set = store.StatefulSet;
        var status = set?.Status;
        var setName = set?.Metadata?.Name;
        var minReady = set?.Spec?.MinReadySeconds ?? 0;
        var pods = new List<TimelinePod>();
        var members = setName is null ? new List<SimulatedPod>() : store.Pods.Values.Where(p => PodIdentity.ParentName(p.Name) == setName).ToList();
        if (members.Count <= MaxDrawnPods)
        {
            pods.AddRange(members.OrderBy(p => p.Ordinal).Select(p => new TimelinePod(p.Ordinal, LabelOf(p.Revision), StateOf(p, minReady, now))));
        }

        entries.Add(new TimelineEntry
        {
            Pass = pass.Number,
            Elapsed = elapsed,
            Notes = pendingNotes.ToList(),
            Pods = pods,
            DesiredReplicas = set?.Spec?.Replicas ?? 0,
            Replicas = status?.Replicas ?? 0,
            ReadyReplicas = status?.ReadyReplicas ?? 0,
            AvailableReplicas = status?.AvailableReplicas ?? 0,
            CurrentReplicas = status?.CurrentReplicas ?? 0,
            UpdatedReplicas = status?.UpdatedReplicas ?? 0,
            CurrentRevision = status?.CurrentRevision is null ? "-" : LabelOf(status.CurrentRevision),
            UpdateRevision = status?.UpdateRevision is null ? "-" : LabelOf(status.UpdateRevision),
            Actions = pass.Actions.Select(Describe).Concat(pass.StatusWrite == StatusWriteOutcome.Rejected
                ? new[] { "status rejected (" + string.Join(", ", pass.StatusErrors.Select(e => e.Path + " " + e.BadValue)) + ")" }
                : Array.Empty<string>()).ToList(),
            Reason = pass.Error is null ? pass.Reason : pass.Reason + " (error: " + pass.Error + ")",
        });
        pendingNotes.Clear();
    }

    internal RolloutTimeline Clone() =>
        new(new List<TimelineEntry>(entries), new List<string>(pendingNotes), new Dictionary<string, string>(labels, StringComparer.Ordinal), new List<(string, SimulatedRevision)>(legend));

    internal static string StateOf(SimulatedPod pod, int minReadySeconds, DateTimeOffset now)
    {
        if (pod.IsTerminating)
        {
            return "Terminating";
        }

        return pod.Phase switch
        {
            PodPhase.Pending => "Pending",
            PodPhase.Failed => "Failed",
            PodPhase.Succeeded => "Succeeded",
            _ => !pod.Ready ? "NotReady" : pod.IsAvailable(minReadySeconds, now) ? "Ready" : "Ready~",
        };
    }

    private void Label(SimulatedRevision revision)
    {
        if (labels.ContainsKey(revision.Name))
        {
            return;
        }

        var index = labels.Count;
        var label = index < 26 ? ((char)('A' + index)).ToString() : "R" + (index + 1).ToString(CultureInfo.InvariantCulture);
        labels[revision.Name] = label;
        legend.Add((label, revision));
    }

    private string Describe(ControllerAction action)
    {
        var text = action.Kind switch
        {
            ControllerActionKind.CreatePod => "create " + action.Target + " (" + LabelOf(RevisionIn(action.Detail)) + ")",
            ControllerActionKind.DeletePod => "delete " + action.Target,
            ControllerActionKind.UpdatePod => "repair " + action.Target,
            ControllerActionKind.CreateClaim => "create claim " + action.Target,
            ControllerActionKind.UpdateClaim => "claim " + action.Target + " " + action.Detail,
            ControllerActionKind.CreateRevision => "new revision " + LabelOf(action.Target),
            ControllerActionKind.RenumberRevision => "rollback to " + LabelOf(action.Target),
            ControllerActionKind.DeleteRevision => "drop revision " + LabelOf(action.Target),
            ControllerActionKind.AdoptPod => "adopt " + action.Target,
            ControllerActionKind.ReleasePod => "release " + action.Target,
            _ => "adopt revision " + LabelOf(action.Target),
        };
        return action.Succeeded ? text : text + " FAILED";
    }

    private static string? RevisionIn(string detail)
    {
        const string Marker = "at revision ";
        var at = detail.IndexOf(Marker, StringComparison.Ordinal);
        return at < 0 ? null : detail.Substring(at + Marker.Length);
    }
}
