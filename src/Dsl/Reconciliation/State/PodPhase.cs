namespace StatefulManifests.Reconciliation;

/// <summary>A pod's <c>status.phase</c>.</summary>
public enum PodPhase
{
    /// <summary>Accepted by the API server; not all containers are running yet (the phase a new pod is stored with).</summary>
    Pending,

    /// <summary>Bound to a node, containers running (Ready is a separate condition).</summary>
    Running,

    /// <summary>All containers exited successfully; the StatefulSet controller replaces such pods (§B.10 — processReplica (isFailed/isSucceeded)).</summary>
    Succeeded,

    /// <summary>Containers failed or the pod was evicted; the StatefulSet controller replaces such pods (§B.10 — processReplica (isFailed/isSucceeded)).</summary>
    Failed,
}
