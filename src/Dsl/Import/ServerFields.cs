using StatefulManifests.Model;

namespace StatefulManifests.Import;

/// <summary>
/// What the API server writes into an object (<c>kubectl get -o yaml</c> output) and a declaration never says:
/// <c>status</c>, and in <c>metadata</c> <c>uid</c>, <c>resourceVersion</c>, <c>generation</c>,
/// <c>creationTimestamp</c>, <c>deletionTimestamp</c>, <c>deletionGracePeriodSeconds</c>, <c>selfLink</c> and
/// <c>managedFields</c> (also on the pod template and claim templates). Import drops them, and says so.
/// </summary>
internal static class ServerFields
{
    /// <summary>The object without server-written fields, and the names of those it had.</summary>
    public static T Strip<T>(T obj, List<string> dropped)
        where T : class, IKubernetesObject => obj switch
        {
            StatefulSet s => (T)(object)Strip(s, dropped),
            Service s => (T)(object)(s with { Metadata = Meta(s.Metadata, "metadata", dropped), Status = Dropped(s.Status, "status", dropped) }),
            PodDisruptionBudget p => (T)(object)(p with { Metadata = Meta(p.Metadata, "metadata", dropped), Status = Dropped(p.Status, "status", dropped) }),
            _ => obj,
        };

    private static StatefulSet Strip(StatefulSet set, List<string> dropped)
    {
        var spec = set.Spec;
        if (spec is not null)
        {
            spec = spec with
            {
                Template = spec.Template is { } t ? t with { Metadata = Meta(t.Metadata, "spec.template.metadata", dropped) } : null,
                VolumeClaimTemplates = spec.VolumeClaimTemplates?.Select((c, i) => c with
                {
                    Metadata = Meta(c.Metadata, "spec.volumeClaimTemplates[" + i + "].metadata", dropped),
                    Status = Dropped(c.Status, "spec.volumeClaimTemplates[" + i + "].status", dropped),
                }).ToValueList(),
            };
        }

        return set with { Metadata = Meta(set.Metadata, "metadata", dropped), Spec = spec, Status = Dropped(set.Status, "status", dropped) };
    }

    private static T? Dropped<T>(T? value, string field, List<string> dropped)
        where T : class
    {
        if (value is not null)
        {
            dropped.Add(field);
        }

        return null;
    }

    private static ObjectMeta? Meta(ObjectMeta? meta, string field, List<string> dropped)
    {
        if (meta is null)
        {
            return null;
        }

        var stripped = meta with
        {
            Uid = null,
            ResourceVersion = null,
            Generation = null,
            CreationTimestamp = null,
            DeletionTimestamp = null,
            DeletionGracePeriodSeconds = null,
            SelfLink = null,
            ManagedFields = null,
        };
        if (stripped != meta)
        {
            dropped.Add(field + " (server-written fields)");
        }

        return stripped;
    }
}
