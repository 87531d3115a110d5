using StatefulManifests.Model;
using StatefulManifests.Validation;

namespace StatefulManifests.Rules.Updates;

/// <summary>
/// The Service update errors the new Service would get on top of its create-time errors: what the update rules
/// (<see cref="UpdateValidator.ValidateUpdate(Service, Service)"/>) reject because of the released version.
/// </summary>
internal static class ServiceChanges
{
    public static IEnumerable<UpdateChange> Find(Service baseline, Service updated)
    {
        // Errors the new Service has anyway are reported by validation (SM1xxx); these are the update's own.
        var onCreate = new HashSet<string>(WorkloadValidator.ValidateService(updated).Select(e => e.ToString()), StringComparer.Ordinal);
        foreach (var error in UpdateValidator.ValidateUpdate(baseline, updated))
        {
            if (!onCreate.Contains(error.ToString()))
            {
                yield return new UpdateChange(UpdateChangeKind.ServiceUpdateRejected, FindingSubject.Service, WrittenAt(error.Path, updated), error.Path.ToString(), null, error.Path + ": " + error.Message)
                {
                    ObjectName = updated.Metadata?.Name ?? string.Empty,
                    Namespace = string.IsNullOrEmpty(updated.Metadata?.Namespace) ? null : updated.Metadata!.Namespace,
                };
            }
        }
    }

    // The API server reports cluster IPs at spec.clusterIPs[i] even when the manifest only writes spec.clusterIP
    // (it normalises one into the other): point at what the manifest says.
    private static FieldPath WrittenAt(FieldPath path, Service updated) =>
        path.ToString().StartsWith("spec.clusterIPs", StringComparison.Ordinal) && updated.Spec?.ClusterIPs is not { Count: > 0 }
            ? FieldPath.Root("spec").Child("clusterIP")
            : path;
}
