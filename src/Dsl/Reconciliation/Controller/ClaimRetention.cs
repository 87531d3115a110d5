using StatefulManifests.Model;

namespace StatefulManifests.Reconciliation;

/// <summary>
/// The owner references a claim should carry under the retention policy (reference §B.9 — KEP-1847, stateful_pod_control.go):
/// <list type="table">
/// <listheader><term>whenScaled / whenDeleted</term><description>in-range pod's claim; condemned pod's claim</description></listheader>
/// <item><term>Retain / Retain</term><description>no refs; no refs</description></item>
/// <item><term>Retain / Delete</term><description>ref to the set; ref to the set</description></item>
/// <item><term>Delete / Retain</term><description>no refs; ref to the pod</description></item>
/// <item><term>Delete / Delete</term><description>ref to the set; ref to the pod (set ref removed)</description></item>
/// </list>
/// A ref that names the set or pod with another UID marks the claim stale (left alone); another controller's ref
/// makes the controller ignore the policy and remove its own refs.
/// </summary>
internal static class ClaimRetention
{
    public static bool WhenScaledDelete(StatefulSet set) =>
        set.Spec?.PersistentVolumeClaimRetentionPolicy?.WhenScaled?.Known == ClaimRetentionPolicy.Delete;

    public static bool WhenDeletedDelete(StatefulSet set) =>
        set.Spec?.PersistentVolumeClaimRetentionPolicy?.WhenDeleted?.Known == ClaimRetentionPolicy.Delete;

    public static bool InRange(StatefulSet set, int ordinal)
    {
        var start = set.Spec?.Ordinals?.Start ?? 0;
        return ordinal >= start && ordinal < (long)start + (set.Spec?.Replicas ?? 0);
    }

    /// <summary><c>isClaimOwnerUpToDate</c>.</summary>
    public static bool IsUpToDate(SimulatedClaim claim, StatefulSet set, string podName, string? podUid, int ordinal)
    {
        if (HasStaleRef(claim, set, podName, podUid))
        {
            return true;
        }

        var references = claim.OwnerReferences;
        bool hasSet = false, hasPod = false, notController = false;
        for (var i = 0; i < references.Count; i++)
        {
            var isSet = IsSetRef(references[i], set);
            var isPod = IsPodRef(references[i], podName);
            hasSet |= isSet;
            hasPod |= isPod;
            notController |= (isSet || isPod) && references[i].Controller != true;
        }

        if (HasUnexpectedController(claim, set, podName))
        {
            return !hasSet && !hasPod;
        }

        if (notController)
        {
            return false;
        }

        var (wantSet, wantPod) = Desired(set, ordinal);
        return hasSet == wantSet && hasPod == wantPod;
    }

    /// <summary><c>updateClaimOwnerRefForSetAndPod</c>: the claim with its refs made to match the policy.</summary>
    public static SimulatedClaim WithPolicyRefs(SimulatedClaim claim, StatefulSet set, string podName, string? podUid, int ordinal, out bool conflictingController)
    {
        conflictingController = false;
        if (HasStaleRef(claim, set, podName, podUid))
        {
            return claim;
        }

        var wantSet = false;
        var wantPod = false;
        if (HasUnexpectedController(claim, set, podName))
        {
            conflictingController = true;
        }
        else
        {
            (wantSet, wantPod) = Desired(set, ordinal);
        }

        var refs = new List<OwnerReference>();
        bool haveSet = false, havePod = false;
        foreach (var reference in claim.OwnerReferences)
        {
            if (IsSetRef(reference, set))
            {
                if (wantSet && reference.Controller == true && !haveSet)
                {
                    refs.Add(reference);
                    haveSet = true;
                }
            }
            else if (IsPodRef(reference, podName))
            {
                if (wantPod && reference.Controller == true && !havePod)
                {
                    refs.Add(reference);
                    havePod = true;
                }
            }
            else
            {
                refs.Add(reference);
            }
        }

        if (wantSet && !haveSet)
        {
            refs.Add(OwnerReferences.ClaimRefTo(set));
        }

        if (wantPod && !havePod && podUid is not null)
        {
            refs.Add(OwnerReferences.ClaimRefTo(podName, podUid));
        }

        return claim with { OwnerReferences = refs.ToValueList() };
    }

    /// <summary>True when a ref names the set or the pod but with another UID (or the pod has no UID yet).</summary>
    public static bool HasStaleRef(SimulatedClaim claim, StatefulSet set, string podName, string? podUid)
    {
        var references = claim.OwnerReferences;
        for (var i = 0; i < references.Count; i++)
        {
            if (OwnerReferences.IsStale(references[i], OwnerReferences.StatefulSetKind, set.Metadata?.Name, set.Metadata?.Uid) ||
                OwnerReferences.IsStale(references[i], OwnerReferences.PodKind, podName, podUid ?? string.Empty))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>A controller ref that is neither the set nor the pod (never under Retain/Retain, where it does not matter).</summary>
    public static bool HasUnexpectedController(SimulatedClaim claim, StatefulSet set, string podName)
    {
        if (!WhenScaledDelete(set) && !WhenDeletedDelete(set))
        {
            return false;
        }

        var references = claim.OwnerReferences;
        for (var i = 0; i < references.Count; i++)
        {
            if (references[i].Controller == true && !IsSetRef(references[i], set) && !IsPodRef(references[i], podName))
            {
                return true;
            }
        }

        return false;
    }

    private static (bool Set, bool Pod) Desired(StatefulSet set, int ordinal)
    {
        var scaledDown = !InRange(set, ordinal);
        return (WhenScaledDelete(set), WhenDeletedDelete(set)) switch
        {
            (false, false) => (false, false),
            (false, true) => (true, false),
            (true, false) => (false, scaledDown),
            _ => (!scaledDown, scaledDown),
        };
    }

    private static bool IsSetRef(OwnerReference reference, StatefulSet set) =>
        reference.Kind == OwnerReferences.StatefulSetKind && reference.Name == set.Metadata?.Name;

    private static bool IsPodRef(OwnerReference reference, string podName) =>
        reference.Kind == OwnerReferences.PodKind && reference.Name == podName;
}
