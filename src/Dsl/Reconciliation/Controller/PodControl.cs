using StatefulManifests.Model;

namespace StatefulManifests.Reconciliation;

/// <summary>
/// The controller's pod and claim writes (Kubernetes' <c>StatefulPodControl</c>): claims before pods, retention
/// owner refs after, identity repair, and the events the real controller records on the StatefulSet.
/// </summary>
internal sealed class PodControl
{
    private readonly ControllerContext context;

    public PodControl(ControllerContext context) => this.context = context;

    /// <summary>Creates the pod's missing claims, then the pod, then sets claim owner refs (§B.4 step 8b — processReplica in stateful_set_control.go, §B.9 — KEP-1847, stateful_pod_control.go).</summary>
    public ApiError? CreateStatefulPod(StatefulSet set, SimulatedPod pod, string why)
    {
        var claimsError = CreateMissingClaims(set, pod);
        if (claimsError is not null)
        {
            context.Record(ControllerActionKind.CreatePod, pod.Name, why, claimsError);
            RecordPodEvent("create", set, pod.Name, claimsError);
            return claimsError;
        }

        var error = context.Api.CreatePod(pod, out var created);
        context.Record(ControllerActionKind.CreatePod, pod.Name, why, error);
        if (error?.Reason == ApiErrorReason.AlreadyExists)
        {
            // The real controller sinks AlreadyExists without an event; the pass still ends with the error.
            return error;
        }

        if (created is not null)
        {
            var retentionError = UpdateClaimsForRetentionPolicy(set, created);
            if (retentionError is not null)
            {
                RecordPodEvent("update", set, pod.Name, retentionError);
                return retentionError;
            }
        }

        RecordPodEvent("create", set, pod.Name, error);
        return error;
    }

    /// <summary>Deletes a pod (by name: a pod created earlier in the same pass is the stored one).</summary>
    public ApiError? DeleteStatefulPod(StatefulSet set, string podName, string why)
    {
        var error = context.Api.DeletePod(podName);
        context.Record(ControllerActionKind.DeletePod, podName, why, error);
        RecordPodEvent("delete", set, podName, error);
        return error;
    }

    /// <summary>
    /// <c>UpdateStatefulPod</c> (§B.4 step 8e — processReplica / UpdateStatefulPod): repairs identity labels, storage and claim refs in place. A storage
    /// repair changes pod volumes, which the API server rejects: that surfaces as a sync error.
    /// </summary>
    public ApiError? UpdateStatefulPod(StatefulSet set, SimulatedPod pod)
    {
        var consistent = true;
        if (!PodIdentity.IdentityMatches(set, pod))
        {
            pod = PodIdentity.WithIdentity(pod);
            consistent = false;
        }

        if (!PodIdentity.StorageMatches(set, pod))
        {
            pod = PodIdentity.WithStorage(set, pod);
            consistent = false;
            var claimsError = CreateMissingClaims(set, pod);
            if (claimsError is not null)
            {
                RecordPodEvent("update", set, pod.Name, claimsError);
                return claimsError;
            }
        }

        if (!ClaimsMatchRetentionPolicy(set, pod))
        {
            var retentionError = UpdateClaimsForRetentionPolicy(set, pod);
            if (retentionError is not null)
            {
                RecordPodEvent("update", set, pod.Name, retentionError);
                return retentionError;
            }

            consistent = false;
        }

        if (consistent)
        {
            return null;
        }

        var error = context.Api.UpdatePod(pod);
        context.Record(ControllerActionKind.UpdatePod, pod.Name, "repair identity, storage or claim references", error);
        RecordPodEvent("update", set, pod.Name, error);
        return error;
    }

    /// <summary>
    /// <c>createPersistentVolumeClaims</c>: creates absent claims; existing ones are reused without comparing specs;
    /// a claim that is being deleted is an error (§B.9 — KEP-1847, stateful_pod_control.go).
    /// </summary>
    public ApiError? CreateMissingClaims(StatefulSet set, SimulatedPod pod)
    {
        var errors = new List<string>();
        foreach (var template in PodIdentity.ClaimTemplates(set))
        {
            var claim = NewClaim(set, template, pod.Ordinal);
            if (context.Api.Store.Claims.TryGetValue(claim.Name, out var existing))
            {
                if (existing.IsTerminating)
                {
                    errors.Add("pvc " + claim.Name + " is being deleted");
                }

                continue;
            }

            var error = context.Api.CreateClaim(claim, out _);
            context.Record(ControllerActionKind.CreateClaim, claim.Name, "for pod " + pod.Name, error);
            if (error is not null)
            {
                errors.Add("failed to create PVC " + claim.Name + ": " + error.Message);
            }

            if (error?.Reason != ApiErrorReason.AlreadyExists)
            {
                RecordClaimEvent(set, pod.Name, claim.Name, error);
            }
        }

        return errors.Count == 0 ? null : new ApiError(ApiErrorReason.Invalid, string.Join("; ", errors));
    }

    /// <summary><c>ClaimsMatchRetentionPolicy</c>: every existing claim of the pod carries the refs the policy wants (missing claims are fine).</summary>
    public bool ClaimsMatchRetentionPolicy(StatefulSet set, SimulatedPod pod)
    {
        var templates = PodIdentity.ClaimTemplates(set);
        for (var t = 0; t < templates.Count; t++)
        {
            var template = templates[t];
            var name = PodIdentity.ClaimName(template.Metadata?.Name ?? string.Empty, set.Metadata!.Name!, pod.Ordinal);
            if (context.Api.Store.Claims.TryGetValue(name, out var claim) &&
                !ClaimRetention.IsUpToDate(claim, set, pod.Name, pod.Uid, pod.Ordinal))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary><c>UpdatePodClaimForRetentionPolicy</c>: rewrites the owner refs of the pod's claims for the policy.</summary>
    public ApiError? UpdateClaimsForRetentionPolicy(StatefulSet set, SimulatedPod pod)
    {
        foreach (var template in PodIdentity.ClaimTemplates(set))
        {
            var name = PodIdentity.ClaimName(template.Metadata?.Name ?? string.Empty, set.Metadata!.Name!, pod.Ordinal);
            if (!context.Api.Store.Claims.TryGetValue(name, out var claim) ||
                ClaimRetention.IsUpToDate(claim, set, pod.Name, pod.Uid, pod.Ordinal))
            {
                continue;
            }

            var updated = ClaimRetention.WithPolicyRefs(claim, set, pod.Name, pod.Uid, pod.Ordinal, out var conflicting);
            if (conflicting)
            {
                context.Events.Warning(ControllerContext.Component, SetObject(set), "ConflictingController",
                    "PersistentVolumeClaim " + name + " has a conflicting OwnerReference that acts as a managing controller, the retention policy is ignored for this claim");
            }

            if (updated == claim)
            {
                continue;
            }

            var error = context.Api.UpdateClaim(updated);
            context.Record(ControllerActionKind.UpdateClaim, name, DescribeRefs(updated), error);
            if (error is not null)
            {
                return new ApiError(error.Reason, "could not update claim " + name + " for delete policy ownerRefs: " + error.Message);
            }
        }

        return null;
    }

    /// <summary>
    /// <c>PodClaimIsStale</c> (§B.4 step 8b — processReplica in stateful_set_control.go): under whenScaled=Delete, a claim of this ordinal that is owned by an
    /// earlier pod of the same name (another UID) must be garbage collected before the pod is created again.
    /// </summary>
    public bool ClaimIsStale(StatefulSet set, string podName, int ordinal)
    {
        if (!ClaimRetention.WhenScaledDelete(set))
        {
            return false;
        }

        foreach (var template in PodIdentity.ClaimTemplates(set))
        {
            var name = PodIdentity.ClaimName(template.Metadata?.Name ?? string.Empty, set.Metadata!.Name!, ordinal);
            if (context.Api.Store.Claims.TryGetValue(name, out var claim) &&
                claim.OwnerReferences.Any(r => OwnerReferences.IsStale(r, OwnerReferences.PodKind, podName, string.Empty)))
            {
                return true;
            }
        }

        return false;
    }

    public static string SetObject(StatefulSet set) => "statefulset/" + set.Metadata?.Name;

    private static SimulatedClaim NewClaim(StatefulSet set, PersistentVolumeClaim template, int ordinal)
    {
        var templateName = template.Metadata?.Name ?? string.Empty;
        var labels = PodIdentity.ClaimLabels(template, set);
        return new SimulatedClaim
        {
            Name = PodIdentity.ClaimName(templateName, set.Metadata!.Name!, ordinal),
            TemplateName = templateName,
            Ordinal = ordinal,
            Labels = labels,
            Spec = template.Spec ?? new PersistentVolumeClaimSpec(),
        };
    }

    private static string DescribeRefs(SimulatedClaim claim) =>
        claim.OwnerReferences.Count == 0 ? "no owners" : "owners: " + string.Join(", ", claim.OwnerReferences.Select(r => r.Kind + "/" + r.Name));

    private void RecordPodEvent(string verb, StatefulSet set, string podName, ApiError? error)
    {
        var title = char.ToUpperInvariant(verb[0]) + verb.Substring(1);
        if (error is null)
        {
            context.Events.Normal(ControllerContext.Component, SetObject(set), "Successful" + title,
                verb + " Pod " + podName + " in StatefulSet " + set.Metadata?.Name + " successful");
        }
        else
        {
            context.Events.Warning(ControllerContext.Component, SetObject(set), "Failed" + title,
                verb + " Pod " + podName + " in StatefulSet " + set.Metadata?.Name + " failed error: " + error.Message);
        }
    }

    private void RecordClaimEvent(StatefulSet set, string podName, string claimName, ApiError? error)
    {
        if (error is null)
        {
            context.Events.Normal(ControllerContext.Component, SetObject(set), "SuccessfulCreate",
                "create Claim " + claimName + " Pod " + podName + " in StatefulSet " + set.Metadata?.Name + " success");
        }
        else
        {
            context.Events.Warning(ControllerContext.Component, SetObject(set), "FailedCreate",
                "create Claim " + claimName + " for Pod " + podName + " in StatefulSet " + set.Metadata?.Name + " failed error: " + error.Message);
        }
    }
}
