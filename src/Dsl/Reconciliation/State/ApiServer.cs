using StatefulManifests.Model;
using StatefulManifests.Validation;

namespace StatefulManifests.Reconciliation;

/// <summary>
/// The write path of the simulated API server: the rules Kubernetes applies when an object is created, updated or
/// deleted (names are unique, unscheduled and finished pods are deleted at once, running pods terminate gracefully,
/// claims in use wait for the PVC protection finalizer, pod volumes are immutable, status writes are validated).
/// Every component (controller, kubelet, garbage collector, the test itself) writes through it.
/// </summary>
internal sealed class ApiServer
{
    private const int MaxLabelValueLength = 63;

    public ApiServer(ClusterStore store, VirtualClock clock)
    {
        Store = store;
        Clock = clock;
    }

    public ClusterStore Store { get; }

    public VirtualClock Clock { get; }

    /// <summary>Creates a pod: assigns UID and creation time and stores it as Pending (§B.2 — isRunningAndReady/isRunningAndAvailable in stateful_set_utils.go "created").</summary>
    public ApiError? CreatePod(SimulatedPod pod, out SimulatedPod? created)
    {
        created = null;
        if (Store.Pods.ContainsKey(pod.Name))
        {
            return ApiError.AlreadyExists("pods", pod.Name);
        }

        if (PodErrors(pod) is { } invalid)
        {
            return new ApiError(ApiErrorReason.Invalid, "Pod \"" + pod.Name + "\" is invalid: " + invalid);
        }

        foreach (var label in pod.Labels)
        {
            // §A.2 — stateful_set_utils.go: the revision name becomes a label value, so very long set names pass validation but break here.
            if (label.Value.Length > MaxLabelValueLength)
            {
                var error = FieldError.Invalid(FieldPath.Root("metadata").Child("labels"), label.Value, "must be no more than 63 characters");
                return new ApiError(ApiErrorReason.Invalid, "Pod \"" + pod.Name + "\" is invalid: " + error);
            }
        }

        created = pod with
        {
            Namespace = Store.Namespace,
            Uid = Store.NewUid(),
            CreationTimestamp = Clock.Now,
            Phase = PodPhase.Pending,
            Ready = false,
            ReadyTransitionTime = null,
            DeletionTimestamp = null,
        };
        Store.PutPod(created);
        return null;
    }

    /// <summary>
    /// Deletes a pod. Unscheduled pods and pods in a terminal phase go at once (grace period 0, as the pod registry
    /// does); others get a deletionTimestamp and terminate when the kubelet is done. Deleting a terminating pod
    /// again changes nothing.
    /// </summary>
    public ApiError? DeletePod(string name, bool force = false)
    {
        if (!Store.Pods.TryGetValue(name, out var pod))
        {
            return ApiError.NotFound("pods", name);
        }

        if (force || string.IsNullOrEmpty(pod.Spec.NodeName) || pod.Phase is PodPhase.Failed or PodPhase.Succeeded)
        {
            Store.RemovePod(name);
        }
        else if (!pod.IsTerminating)
        {
            Store.PutPod(pod with { DeletionTimestamp = Clock.Now });
        }

        return null;
    }

    /// <summary>Updates a pod's metadata; a change to its volumes is rejected, as the API server rejects it.</summary>
    public ApiError? UpdatePod(SimulatedPod updated)
    {
        if (!Store.Pods.TryGetValue(updated.Name, out var stored) || stored.Uid != updated.Uid)
        {
            return ApiError.NotFound("pods", updated.Name);
        }

        if (!Equals(stored.Spec.Volumes, updated.Spec.Volumes))
        {
            return new ApiError(ApiErrorReason.Invalid, "Pod \"" + updated.Name + "\" is invalid: spec: Forbidden: pod updates may not change fields other than `spec.containers[*].image`, `spec.initContainers[*].image`, `spec.activeDeadlineSeconds`, `spec.tolerations` (only additions to existing tolerations), `spec.terminationGracePeriodSeconds` (allow it to be set to 1 if it was previously negative)");
        }

        Store.PutPod(updated);
        return null;
    }

    /// <summary>Replaces the status the kubelet owns (phase, readiness, IP …); never fails.</summary>
    public void UpdatePodStatus(SimulatedPod updated) => Store.PutPod(updated);

    /// <summary>Creates a claim (names are unique).</summary>
    public ApiError? CreateClaim(SimulatedClaim claim, out SimulatedClaim? created)
    {
        created = null;
        if (Store.Claims.ContainsKey(claim.Name))
        {
            return ApiError.AlreadyExists("persistentvolumeclaims", claim.Name);
        }

        if (ClaimErrors(claim) is { } invalid)
        {
            return new ApiError(ApiErrorReason.Invalid, "PersistentVolumeClaim \"" + claim.Name + "\" is invalid: " + invalid);
        }

        created = claim with { Namespace = Store.Namespace, Uid = Store.NewUid(), CreationTimestamp = Clock.Now, DeletionTimestamp = null };
        Store.PutClaim(created);
        return null;
    }

    /// <summary>Updates a claim's metadata (owner references).</summary>
    public ApiError? UpdateClaim(SimulatedClaim updated)
    {
        if (!Store.Claims.TryGetValue(updated.Name, out var stored) || stored.Uid != updated.Uid)
        {
            return ApiError.NotFound("persistentvolumeclaims", updated.Name);
        }

        Store.PutClaim(updated);
        return null;
    }

    /// <summary>
    /// Deletes a claim. Every claim carries the <c>kubernetes.io/pvc-protection</c> finalizer, so it only becomes
    /// terminating here; the protection controller removes it once no pod uses it.
    /// </summary>
    public ApiError? DeleteClaim(string name)
    {
        if (!Store.Claims.TryGetValue(name, out var claim))
        {
            return ApiError.NotFound("persistentvolumeclaims", name);
        }

        if (!claim.IsTerminating)
        {
            Store.PutClaim(claim with { DeletionTimestamp = Clock.Now });
        }

        return null;
    }

    /// <summary>Creates a ControllerRevision (names are unique).</summary>
    public ApiError? CreateRevision(SimulatedRevision revision, out SimulatedRevision? created)
    {
        created = null;
        if (Store.Revisions.ContainsKey(revision.Name))
        {
            return ApiError.AlreadyExists("controllerrevisions.apps", revision.Name);
        }

        created = revision with { Namespace = Store.Namespace, Uid = Store.NewUid(), CreationTimestamp = Clock.Now };
        Store.PutRevision(created);
        return null;
    }

    public void UpdateRevision(SimulatedRevision revision) => Store.PutRevision(revision);

    public void DeleteRevision(string name) => Store.RemoveRevision(name);

    /// <summary>
    /// Writes a StatefulSet status through the status subresource: validated by <see cref="UpdateValidator.ValidateStatefulSetStatusUpdate"/> (§B.12 — ValidateStatefulSetStatusUpdate in pkg/apis/apps/validation/validation.go); when invalid nothing is
    /// stored and the errors are returned.
    /// </summary>
    public IReadOnlyList<FieldError> UpdateStatefulSetStatus(StatefulSetStatus status)
    {
        var set = Store.StatefulSet ?? throw new InvalidOperationException("the StatefulSet is gone");
        var updated = set with { Status = status };
        var errors = UpdateValidator.ValidateStatefulSetStatusUpdate(set, updated);
        if (errors.Count == 0)
        {
            Store.SetStatefulSet(updated);
        }

        return errors;
    }

    // Pod validation of the fields a pod cannot run without. Since v1.34 the StatefulSet's template is validated on
    // create, so these only fire for sets an older API server accepted (§B.13.9 — kubernetes#131790, #132212).
    private static string? PodErrors(SimulatedPod pod)
    {
        var errors = new List<FieldError>();
        var containers = pod.Spec.Containers ?? ValueList<Container>.Empty;
        var path = FieldPath.Root("spec").Child("containers");
        if (containers.Count == 0)
        {
            errors.Add(FieldError.Required(path));
        }

        for (var i = 0; i < containers.Count; i++)
        {
            if (string.IsNullOrEmpty(containers[i].Name))
            {
                errors.Add(FieldError.Required(path.Index(i).Child("name")));
            }

            if (string.IsNullOrEmpty(containers[i].Image))
            {
                errors.Add(FieldError.Required(path.Index(i).Child("image")));
            }
        }

        return errors.Count == 0 ? null : "[" + string.Join(", ", errors) + "]";
    }

    // PVC validation of a new claim: access modes and a storage request are required.
    private static string? ClaimErrors(SimulatedClaim claim)
    {
        var errors = new List<FieldError>();
        var spec = FieldPath.Root("spec");
        if ((claim.Spec.AccessModes?.Count ?? 0) == 0)
        {
            errors.Add(FieldError.Required(spec.Child("accessModes"), "at least 1 access mode is required"));
        }

        if (claim.Spec.Resources?.Requests is not { } requests || !requests.ContainsKey("storage"))
        {
            errors.Add(FieldError.Required(spec.Child("resources").Key("storage")));
        }

        return errors.Count == 0 ? null : "[" + string.Join(", ", errors) + "]";
    }
}
