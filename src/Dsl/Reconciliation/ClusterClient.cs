using StatefulManifests.Model;

namespace StatefulManifests.Reconciliation;

/// <summary>
/// Edits a test makes as some other API client would (kubectl label, kubectl edit, another controller), to set up
/// the situations of §B.1 — sync in stateful_set.go, §B.3 — getStatefulSetRevisions in stateful_set_control.go and §B.9 — KEP-1847, stateful_pod_control.go: drifted pod labels, claims owned by a foreign controller, a revision whose
/// name collides, a revision stored by an older Kubernetes version.
/// </summary>
public sealed class ClusterClient
{
    private readonly StatefulSetSimulation simulation;

    internal ClusterClient(StatefulSetSimulation simulation) => this.simulation = simulation;

    /// <summary><c>kubectl label pod</c>: sets (or, with a null value, removes) a label on the pod at an ordinal.</summary>
    public void LabelPod(int ordinal, string key, string? value)
    {
        var pod = simulation.Pod(ordinal);
        var labels = value is null ? pod.Labels.Remove(key) : pod.Labels.SetItem(key, value);
        simulation.Api.UpdatePod(pod with { Labels = labels });
        simulation.Note("label pod " + pod.Name + " " + key + (value is null ? "-" : "=" + value));
    }

    /// <summary>
    /// Creates a pod the way some other client would (not from the set's template): a single container running
    /// <paramref name="image"/>, the given labels, no claim volumes, and <paramref name="controller"/> as owner (none
    /// by default, making it an orphan the set may adopt, §B.1 — sync in stateful_set.go).
    /// </summary>
    public SimulatedPod CreatePod(string name, ValueMap<string> labels, OwnerReference? controller = null, string image = "busybox:1.36")
    {
        var pod = new SimulatedPod
        {
            Name = name,
            Ordinal = PodIdentity.ParseOrdinal(name),
            Labels = labels,
            OwnerReferences = controller is null ? ValueList<OwnerReference>.Empty : ValueList.Of(controller),
            Spec = new PodSpec { Containers = ValueList.Of(new Container { Name = "main", Image = image }) },
        };
        var error = simulation.Api.CreatePod(pod, out var created);
        if (error is not null)
        {
            throw new InvalidOperationException(error.Message);
        }

        simulation.Note("create pod " + name + (controller is null ? " (orphan)" : " owned by " + controller.Kind + "/" + controller.Name));
        return created!;
    }

    /// <summary>
    /// Creates a claim ahead of the controller, as an admin pre-provisioning storage would (seed 002), or as
    /// <see cref="StatefulWorkload.Simulate"/> does for the workload's owned claims. The controller looks a pod's
    /// claims up by name and reuses one that exists without comparing specs (§B.9), so a claim named
    /// <c>&lt;template&gt;-&lt;set&gt;-&lt;ordinal&gt;</c> is adopted: the pod's volume points at it and its UID is kept.
    /// </summary>
    /// <param name="claim">The claim; its name decides which template and ordinal it stands for.</param>
    public SimulatedClaim CreateClaim(PersistentVolumeClaim claim)
    {
        if (claim is null)
        {
            throw new ArgumentNullException(nameof(claim));
        }

        var name = claim.Metadata?.Name ?? string.Empty;
        var set = simulation.Store.StatefulSet!;
        var template = PodIdentity.ClaimTemplates(set)
            .Select(t => t.Metadata?.Name ?? string.Empty)
            .FirstOrDefault(t => name.StartsWith(t + "-", StringComparison.Ordinal) &&
                                 PodIdentity.IsClaimName(name, t, set.Metadata!.Name!, PodIdentity.ParseOrdinal(name)));
        var error = simulation.Api.CreateClaim(
            new SimulatedClaim
            {
                Name = name,
                TemplateName = template ?? string.Empty,
                Ordinal = template is null ? -1 : PodIdentity.ParseOrdinal(name),
                Labels = claim.Metadata?.Labels ?? ValueMap<string>.Empty,
                Spec = claim.Spec ?? new PersistentVolumeClaimSpec(),
            },
            out var created);
        if (error is not null)
        {
            throw new InvalidOperationException(error.Message);
        }

        simulation.Note("create claim " + name + (template is null ? "" : " (pre-provisioned for " + template + ")"));
        return created!;
    }

    /// <summary>Adds an owner reference to a claim (for example another controller's, which makes the set ignore the retention policy for it, §B.9 — KEP-1847, stateful_pod_control.go).</summary>
    public void AddClaimOwnerReference(string claimName, OwnerReference reference)
    {
        var claim = FindClaim(claimName);
        simulation.Api.UpdateClaim(claim with { OwnerReferences = claim.OwnerReferences.Add(reference) });
        simulation.Note("claim " + claimName + " gets owner " + reference.Kind + "/" + reference.Name);
    }

    /// <summary>Removes every owner reference from a claim.</summary>
    public void ClearClaimOwnerReferences(string claimName)
    {
        var claim = FindClaim(claimName);
        simulation.Api.UpdateClaim(claim with { OwnerReferences = ValueList<OwnerReference>.Empty });
        simulation.Note("claim " + claimName + " loses its owners");
    }

    /// <summary>
    /// Creates an unrelated ControllerRevision (owned by another controller, with different data) under
    /// <paramref name="name"/>, so that the set's next revision with that name collides (§B.3 — getStatefulSetRevisions in stateful_set_control.go: collisionCount).
    /// Use <see cref="RevisionNaming"/> and <see cref="RevisionData"/> to predict the name.
    /// </summary>
    public void PlantRevision(string name)
    {
        var revision = new SimulatedRevision
        {
            Name = name,
            Revision = 1,
            Data = "planted by a test: not a pod template",
            Labels = ValueMap.Of(("owner", "someone-else")),
            OwnerReferences = ValueList.Of(new OwnerReference { ApiVersion = "apps/v1", Kind = "DaemonSet", Name = "someone-else", Uid = "uid-foreign", Controller = true }),
        };
        simulation.Api.CreateRevision(revision, out _);
        simulation.Note("plant revision " + name);
    }

    /// <summary>
    /// Rewrites a revision's stored data as <paramref name="storedTemplate"/> serialised without the API server's
    /// defaults — what an older Kubernetes version may have stored for the same template. With
    /// StatefulSetSemanticRevisionComparison on, the controller still recognises it; off, it starts a spurious
    /// rollout (§B.3 step 3 — kubernetes#134773, #134773).
    /// </summary>
    public void OverwriteRevisionData(string revisionName, PodTemplateSpec storedTemplate)
    {
        var revision = simulation.RevisionNamed(revisionName) ?? throw new InvalidOperationException("there is no revision " + revisionName);
        simulation.Api.UpdateRevision(revision with { Template = storedTemplate, Data = RevisionData.Serialize(storedTemplate) });
        simulation.Note("revision " + revisionName + " data rewritten");
    }

    private SimulatedClaim FindClaim(string name) =>
        simulation.Store.Claims.TryGetValue(name, out var claim) ? claim : throw new InvalidOperationException("there is no claim " + name);
}
