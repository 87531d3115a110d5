using System.Globalization;
using StatefulManifests.Model;
using StatefulManifests.Validation;

namespace StatefulManifests.Rules.Updates;

/// <summary>
/// The changes of a StatefulSet against its released version: each immutable field that changed (the fields
/// <see cref="StatefulSetUpdateRules.ImmutableChanges"/> names — the validator's own comparison), then the data risks
/// of its claims.
/// </summary>
internal static class StatefulSetChanges
{
    private static readonly FieldPath Spec = FieldPath.Root("spec");

    public static IEnumerable<UpdateChange> Find(StatefulSet baseline, StatefulSet updated)
    {
        var before = baseline.Spec ?? new StatefulSetSpec();
        var after = updated.Spec ?? new StatefulSetSpec();
        var changes = new List<UpdateChange>();
        foreach (var field in StatefulSetUpdateRules.ImmutableChanges(after, before))
        {
            switch (field)
            {
                case "selector":
                    changes.Add(Immutable(Spec.Child("selector"), field, Json(before.Selector), Json(after.Selector)));
                    break;
                case "volumeClaimTemplates":
                    changes.AddRange(ClaimTemplateChanges(before, after));
                    break;
                case "serviceName":
                    changes.Add(Immutable(Spec.Child("serviceName"), field, Quoted(before.ServiceName), Quoted(after.ServiceName)));
                    break;
                default:
                    changes.Add(Immutable(Spec.Child("podManagementPolicy"), field, Policy(before), Policy(after)));
                    break;
            }
        }

        var name = updated.Metadata?.Name ?? baseline.Metadata?.Name ?? string.Empty;
        changes.AddRange(ClaimRisks(name, before, after));
        changes.AddRange(ScaleDownRisk(name, before, after));
        var ns = string.IsNullOrEmpty(updated.Metadata?.Namespace) ? null : updated.Metadata!.Namespace;
        return changes.Select(c => c with { ObjectName = name, Namespace = ns });
    }

    private static UpdateChange Immutable(FieldPath path, string field, string? before, string? after) =>
        new(UpdateChangeKind.ImmutableField, FindingSubject.StatefulSet, path, field, before, after);

    // One change per claim template added, removed or changed (by name), or one for a new order of the same templates.
    private static IEnumerable<UpdateChange> ClaimTemplateChanges(StatefulSetSpec before, StatefulSetSpec after)
    {
        var path = Spec.Child("volumeClaimTemplates");
        var released = Templates(before);
        var current = Templates(after);
        var found = false;
        foreach (var (templateName, index, template) in current)
        {
            if (Lookup(released, templateName) is not { } old)
            {
                found = true;
                yield return Immutable(path.Index(index), "volumeClaimTemplates", null, Quoted(templateName));
            }
            else if (!Equals(StatefulSetUpdateRules.Normalized(old.Template), StatefulSetUpdateRules.Normalized(template)))
            {
                found = true;
                yield return Immutable(path.Index(index), "claim template", Quoted(templateName), string.Join(", ", ChangedFields(old.Template, template)));
            }
        }

        foreach (var templateName in Names(released).Where(n => Lookup(current, n) is null))
        {
            found = true;
            yield return Immutable(path, "volumeClaimTemplates", Quoted(templateName), null);
        }

        if (!found)
        {
            // Same templates, other order (or duplicates collapsed differently): still a different list.
            yield return Immutable(path, "claim template order", string.Join(", ", Names(released).Select(Quoted)), string.Join(", ", Names(current).Select(Quoted)));
        }
    }

    private static IEnumerable<UpdateChange> ClaimRisks(string setName, StatefulSetSpec before, StatefulSetSpec after)
    {
        var released = Templates(before);
        var current = Templates(after);
        var path = Spec.Child("volumeClaimTemplates");
        var removed = Names(released).Where(n => Lookup(current, n) is null).ToList();
        var added = Names(current).Where(n => Lookup(released, n) is null).ToList();
        foreach (var templateName in removed)
        {
            // One removed and one added: most likely a rename.
            var renamedTo = removed.Count == 1 && added.Count == 1 ? added[0] : null;
            yield return new UpdateChange(UpdateChangeKind.ClaimTemplateRemoved, FindingSubject.StatefulSet, path, "volumeClaimTemplates", templateName, renamedTo)
            {
                Template = templateName,
                Claims = Claims(setName, templateName, Ordinals(before)).ToValueList(),
            };
        }

        foreach (var (templateName, index, template) in current)
        {
            if (Lookup(released, templateName) is not { } old)
            {
                continue;
            }

            var claims = Claims(setName, templateName, Ordinals(before).Intersect(Ordinals(after))).ToValueList();
            var specPath = path.Index(index).Child("spec");
            var oldSize = Storage(old.Template);
            var newSize = Storage(template);
            if (oldSize != newSize)
            {
                yield return new UpdateChange(UpdateChangeKind.ClaimTemplateStorageChanged, FindingSubject.StatefulSet, specPath.Child("resources", "requests").Key("storage"), "storage request", oldSize?.ToString(), newSize?.ToString())
                {
                    Template = templateName,
                    Claims = claims,
                };
            }

            var oldClass = old.Template?.Spec?.StorageClassName;
            var newClass = template?.Spec?.StorageClassName;
            if (!string.Equals(oldClass, newClass, StringComparison.Ordinal))
            {
                yield return new UpdateChange(UpdateChangeKind.ClaimTemplateStorageChanged, FindingSubject.StatefulSet, specPath.Child("storageClassName"), "storage class", StorageClass(oldClass), StorageClass(newClass))
                {
                    Template = templateName,
                    Claims = claims,
                };
            }
        }
    }

    // The controller deletes the claims of condemned pods only under whenScaled: Delete (reference §B.9), as the new spec says.
    private static IEnumerable<UpdateChange> ScaleDownRisk(string setName, StatefulSetSpec before, StatefulSetSpec after)
    {
        if (ValueRules.Wire(after.PersistentVolumeClaimRetentionPolicy?.WhenScaled) != nameof(ClaimRetentionPolicy.Delete))
        {
            yield break;
        }

        var condemned = Ordinals(before).Except(Ordinals(after)).ToList();
        var templates = Names(Templates(after)).ToList();
        if (condemned.Count == 0 || templates.Count == 0)
        {
            yield break;
        }

        var replicasShrink = (after.Replicas ?? 1) < (before.Replicas ?? 1);
        var path = replicasShrink ? Spec.Child("replicas") : Spec.Child("ordinals.start");
        yield return new UpdateChange(
            UpdateChangeKind.ScaleDownDeletesClaims,
            FindingSubject.StatefulSet,
            path,
            replicasShrink ? "replicas" : "ordinals",
            replicasShrink ? Number(before.Replicas ?? 1) : Number(before.Ordinals?.Start ?? 0),
            replicasShrink ? Number(after.Replicas ?? 1) : Number(after.Ordinals?.Start ?? 0))
        {
            Pods = condemned.OrderBy(o => o).Select(o => StatefulSetNames.PodName(setName, o)).ToValueList(),
            Claims = templates.SelectMany(t => Claims(setName, t, condemned)).ToValueList(),
        };
    }

    // Which parts of a claim template differ, compared as stored (defaulted), e.g. "spec.resources, metadata.labels".
    private static IEnumerable<string> ChangedFields(PersistentVolumeClaim? before, PersistentVolumeClaim? after)
    {
        var old = StatefulSetUpdateRules.Normalized(before);
        var now = StatefulSetUpdateRules.Normalized(after);
        var parts = new (string Name, object? Old, object? New)[]
        {
            ("metadata.labels", old.Metadata?.Labels, now.Metadata?.Labels),
            ("metadata.annotations", old.Metadata?.Annotations, now.Metadata?.Annotations),
            ("spec.accessModes", old.Spec?.AccessModes, now.Spec?.AccessModes),
            ("spec.storageClassName", old.Spec?.StorageClassName, now.Spec?.StorageClassName),
            ("spec.volumeMode", old.Spec?.VolumeMode, now.Spec?.VolumeMode),
            ("spec.resources", old.Spec?.Resources, now.Spec?.Resources),
            ("spec.selector", old.Spec?.Selector, now.Spec?.Selector),
            ("spec.volumeName", old.Spec?.VolumeName, now.Spec?.VolumeName),
            ("spec.dataSource", old.Spec?.DataSource, now.Spec?.DataSource),
            ("spec.dataSourceRef", old.Spec?.DataSourceRef, now.Spec?.DataSourceRef),
            ("spec.volumeAttributesClassName", old.Spec?.VolumeAttributesClassName, now.Spec?.VolumeAttributesClassName),
        };
        var changed = parts.Where(p => !Equals(p.Old, p.New)).Select(p => p.Name).ToList();
        return changed.Count > 0 ? changed : ["status"];
    }

    // By name, first occurrence (duplicates collapse in Kubernetes' map too), in declaration order.
    internal static List<(string Name, int Index, PersistentVolumeClaim? Template)> Templates(StatefulSetSpec spec)
    {
        var templates = new List<(string, int, PersistentVolumeClaim?)>();
        var names = new HashSet<string>(StringComparer.Ordinal);
        var list = spec.VolumeClaimTemplates ?? ValueList<PersistentVolumeClaim>.Empty;
        for (var i = 0; i < list.Count; i++)
        {
            var name = list[i]?.Metadata?.Name ?? string.Empty;
            if (names.Add(name))
            {
                templates.Add((name, i, list[i]));
            }
        }

        return templates;
    }

    private static IEnumerable<string> Names(List<(string Name, int Index, PersistentVolumeClaim? Template)> templates) => templates.Select(t => t.Name);

    private static (string Name, int Index, PersistentVolumeClaim? Template)? Lookup(List<(string Name, int Index, PersistentVolumeClaim? Template)> templates, string name)
    {
        foreach (var template in templates)
        {
            if (template.Name == name)
            {
                return template;
            }
        }

        return null;
    }

    internal static IEnumerable<int> Ordinals(StatefulSetSpec spec)
    {
        var start = spec.Ordinals?.Start ?? 0;
        return Enumerable.Range(start, Math.Max(0, spec.Replicas ?? 1));
    }

    private static IEnumerable<string> Claims(string setName, string templateName, IEnumerable<int> ordinals) =>
        ordinals.OrderBy(o => o).Select(o => StatefulSetNames.ClaimName(templateName, StatefulSetNames.PodName(setName, o)));

    private static Quantity? Storage(PersistentVolumeClaim? template) =>
        template?.Spec?.Resources?.Requests is { } requests && requests.TryGetValue("storage", out var size) ? size : null;

    private static string StorageClass(string? name) => name switch
    {
        null => "the cluster's default class",
        "" => "\"\" (no class: statically provisioned volumes)",
        _ => Quoted(name),
    };

    private static string Policy(StatefulSetSpec spec) => ValueRules.Wire(spec.PodManagementPolicy) ?? nameof(PodManagementPolicy.OrderedReady);

    private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Quoted(string? text) => FieldError.FormatValue(text ?? string.Empty);

    private static string Json(object? value) => FieldError.FormatValue(value);
}
