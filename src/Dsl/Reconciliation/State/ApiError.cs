namespace StatefulManifests.Reconciliation;

/// <summary>Why the simulated API server refused a write (the subset of Kubernetes status reasons the model needs).</summary>
internal enum ApiErrorReason
{
    AlreadyExists,
    NotFound,
    Invalid,
}

/// <summary>A refused write, with the message the API server would return.</summary>
internal sealed record ApiError(ApiErrorReason Reason, string Message)
{
    public static ApiError AlreadyExists(string resource, string name) => new(ApiErrorReason.AlreadyExists, resource + " \"" + name + "\" already exists");

    public static ApiError NotFound(string resource, string name) => new(ApiErrorReason.NotFound, resource + " \"" + name + "\" not found");

    public override string ToString() => Message;
}
