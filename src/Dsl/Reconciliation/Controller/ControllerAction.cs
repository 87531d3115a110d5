namespace StatefulManifests.Reconciliation;

/// <summary>What a controller write did.</summary>
public enum ControllerActionKind
{
    /// <summary>Created a pod.</summary>
    CreatePod,

    /// <summary>Deleted a pod (rolling update, scale-down, or a failed pod).</summary>
    DeletePod,

    /// <summary>Repaired a pod's identity labels (or tried to repair its storage).</summary>
    UpdatePod,

    /// <summary>Created a PersistentVolumeClaim.</summary>
    CreateClaim,

    /// <summary>Changed a claim's owner references for the retention policy.</summary>
    UpdateClaim,

    /// <summary>Created a ControllerRevision.</summary>
    CreateRevision,

    /// <summary>Gave an existing revision a new revision number (a rollback to an identical older template).</summary>
    RenumberRevision,

    /// <summary>Deleted an old ControllerRevision (history truncation).</summary>
    DeleteRevision,

    /// <summary>Adopted an orphan pod that matches the selector and name.</summary>
    AdoptPod,

    /// <summary>Released an owned pod that no longer matches.</summary>
    ReleasePod,

    /// <summary>Adopted an orphan ControllerRevision that matches the selector.</summary>
    AdoptRevision,
}

/// <summary>One write the controller attempted during a pass.</summary>
/// <param name="Kind">What kind of write.</param>
/// <param name="Target">The object's name (<c>web-2</c>, <c>data-web-2</c>, <c>web-7c5d9f8b4</c>).</param>
/// <param name="Detail">Why (for example <c>rolling update to web-6b9f5c4d8</c>, <c>scale down</c>, <c>failed pod</c>).</param>
/// <param name="Error">The API error when the write failed; null when it succeeded.</param>
public sealed record ControllerAction(ControllerActionKind Kind, string Target, string Detail, string? Error = null)
{
    /// <summary>True when the write succeeded.</summary>
    public bool Succeeded => Error is null;

    /// <inheritdoc />
    public override string ToString() => Kind + " " + Target + (Detail.Length == 0 ? string.Empty : " (" + Detail + ")") + (Error is null ? string.Empty : " FAILED: " + Error);
}
