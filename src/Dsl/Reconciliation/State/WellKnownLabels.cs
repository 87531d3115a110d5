namespace StatefulManifests.Reconciliation;

/// <summary>The labels the StatefulSet controller stamps on pods and revisions (reference §A.2 — stateful_set_utils.go).</summary>
public static class WellKnownLabels
{
    /// <summary>Pod label naming the ControllerRevision the pod was built from.</summary>
    public const string ControllerRevisionHash = "controller-revision-hash";

    /// <summary>Pod label holding the pod's own name.</summary>
    public const string PodName = "statefulset.kubernetes.io/pod-name";

    /// <summary>Pod label holding the pod's ordinal (PodIndexLabel, GA in 1.32).</summary>
    public const string PodIndex = "apps.kubernetes.io/pod-index";

    /// <summary>ControllerRevision label holding the revision's hash.</summary>
    public const string RevisionHash = "controller.kubernetes.io/hash";
}
