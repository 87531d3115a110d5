using System.Globalization;
using StatefulManifests.Model;

namespace StatefulManifests.Rules.Updates;

/// <summary>
/// Says each <see cref="UpdateChange"/> as a finding of SM5001–SM5005: what changed, what the API server or the
/// controller does with it, and what to do instead (the migration path).
/// </summary>
internal static class UpdateFindings
{
    private const int ListedClaims = 4;

    public static Finding Of(UpdateChange change) => change.Kind switch
    {
        UpdateChangeKind.ImmutableField => RuleCatalog.ForbiddenStatefulSetUpdate.At(change.Path, Describe(change), Target(change), Hint(change.Field)),
        UpdateChangeKind.ClaimTemplateRemoved => RuleCatalog.ClaimTemplateRemoved.At(change.Path, change.Template, change.After is { } renamed ? " (renamed to \"" + renamed + "\"?)" : string.Empty, List(change.Claims)),
        UpdateChangeKind.ClaimTemplateStorageChanged => RuleCatalog.ClaimTemplateStorageChanged.At(change.Path, change.Field, change.Template, change.Before ?? "none", change.After ?? "none", List(change.Claims), StorageAdvice(change)),
        UpdateChangeKind.ScaleDownDeletesClaims => RuleCatalog.ScaleDownDeletesClaims.At(change.Path, Condemned(change), List(change.Claims)),
        _ => RuleCatalog.ForbiddenServiceUpdate.At(FindingSubject.Service, change.Path, change.After, Target(change)),
    } with { Subject = change.Subject };

    /// <summary>The kubectl target of a delete: the name, and <c>-n</c> with the namespace when the manifest states one.</summary>
    internal static string Target(UpdateChange change) => change.ObjectName + (change.Namespace is { } ns ? " -n " + ns : string.Empty);

    private static string Describe(UpdateChange change) => change.Field switch
    {
        "volumeClaimTemplates" when change.Before is null => "claim template " + change.After + " was added",
        "volumeClaimTemplates" => "claim template " + change.Before + " was removed",
        "claim template" => "claim template " + change.Before + " changed (" + change.After + ")",
        "claim template order" => "the claim templates changed order from " + change.Before + " to " + change.After,
        _ => change.Field + " changed from " + (change.Before ?? "nothing") + " to " + (change.After ?? "nothing"),
    };

    private static string Hint(string field) => field switch
    {
        "selector" => "; pods the new selector does not match are not adopted — delete those one at a time and the controller recreates them on their claims",
        "volumeClaimTemplates" or "claim template" or "claim template order" => "; existing claims keep their old spec (the controller never changes a claim), only claims created from now on follow the new templates",
        "serviceName" => "; adopted pods keep their old DNS subdomain until they are recreated",
        _ => string.Empty,
    };

    private static string StorageAdvice(UpdateChange change)
    {
        if (change.Field == "storage class")
        {
            return "only claims created from now on (new ordinals) get the new class — to move existing replicas, copy their data to claims of the new class (backup and restore, or a volume snapshot) before their pods are recreated";
        }

        var grows = change.Before is null || (change.After is { } after && Quantity.FromText(after).CompareTo(Quantity.FromText(change.Before)) > 0);
        return grows
            ? "to resize them, expand each claim (kubectl patch pvc <claim> -p '{\"spec\":{\"resources\":{\"requests\":{\"storage\":\"" + change.After + "\"}}}}'; its storage class must allow volume expansion), then orphan-delete the StatefulSet (kubectl delete statefulset " + Target(change) + " --cascade=orphan) and apply"
            : "a claim cannot shrink: only claims created from now on get the smaller size";
    }

    private static string Condemned(UpdateChange change)
    {
        return (change.Pods.Count == 1 ? "pod " : "pods ") + List(change.Pods);
    }

    private static string List(IReadOnlyList<string> names)
    {
        if (names.Count == 0)
        {
            return "none yet";
        }

        var shown = string.Join(", ", names.Take(ListedClaims));
        return names.Count <= ListedClaims ? shown : shown + " and " + (names.Count - ListedClaims).ToString(CultureInfo.InvariantCulture) + " more";
    }
}
