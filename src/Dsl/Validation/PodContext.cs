namespace StatefulManifests.Validation;

/// <summary>What the container-level rules need to know about the pod they belong to.</summary>
/// <param name="Errors">The collector.</param>
/// <param name="Volumes">The volumes a mount may name (name → claim-backed), including the claim templates.</param>
/// <param name="ResourceClaimNames">The names in <c>spec.resourceClaims</c>.</param>
/// <param name="GracePeriod"><c>terminationGracePeriodSeconds</c> after defaulting (30 when unset).</param>
/// <param name="HostUsers"><c>hostUsers</c> after defaulting (true when unset).</param>
internal sealed record PodContext(
    ValidationErrors Errors,
    IReadOnlyDictionary<string, bool> Volumes,
    IReadOnlyCollection<string> ResourceClaimNames,
    long GracePeriod,
    bool HostUsers);
