using StatefulManifests.Model;

namespace StatefulManifests.Reconciliation;

/// <summary>Builds and reads the owner references the controller and garbage collector work with.</summary>
internal static class OwnerReferences
{
    public const string StatefulSetKind = "StatefulSet";
    public const string PodKind = "Pod";

    /// <summary>The controller reference a StatefulSet puts on its pods and revisions.</summary>
    public static OwnerReference ControllerRefTo(StatefulSet set) => new()
    {
        ApiVersion = "apps/v1",
        Kind = StatefulSetKind,
        Name = set.Metadata?.Name,
        Uid = set.Metadata?.Uid,
        Controller = true,
        BlockOwnerDeletion = true,
    };

    /// <summary>The reference a claim gets to the set under whenDeleted=Delete (§B.9 — KEP-1847, stateful_pod_control.go).</summary>
    public static OwnerReference ClaimRefTo(StatefulSet set) => new()
    {
        ApiVersion = "apps/v1",
        Kind = StatefulSetKind,
        Name = set.Metadata?.Name,
        Uid = set.Metadata?.Uid,
        Controller = true,
    };

    /// <summary>The reference a claim of a condemned pod gets under whenScaled=Delete (§B.9 — KEP-1847, stateful_pod_control.go).</summary>
    public static OwnerReference ClaimRefTo(string podName, string podUid) => new()
    {
        ApiVersion = "v1",
        Kind = PodKind,
        Name = podName,
        Uid = podUid,
        Controller = true,
    };

    /// <summary>The controller reference (controller: true), if any.</summary>
    public static OwnerReference? ControllerOf(ValueList<OwnerReference> references)
    {
        for (var i = 0; i < references.Count; i++)
        {
            if (references[i].Controller == true)
            {
                return references[i];
            }
        }

        return null;
    }

    /// <summary>True when a reference names this kind and name and UID.</summary>
    public static bool Matches(OwnerReference reference, string kind, string? name, string? uid) =>
        reference.Kind == kind && reference.Name == name && reference.Uid == uid;

    /// <summary>True when a reference names this kind and name but another UID (an object that was recreated).</summary>
    public static bool IsStale(OwnerReference reference, string kind, string? name, string? uid) =>
        reference.Kind == kind && reference.Name == name && reference.Uid != uid;
}
