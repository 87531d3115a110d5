using StatefulManifests.Model;

namespace StatefulManifests.Validation;

/// <summary>
/// The API server's create-time rules for the objects a workload owns (see <see cref="OwnedObjects"/>): each object's
/// metadata with its kind's name rule, then the kind's own rules (<c>ConfigMapRules</c>, <c>RbacRules</c>,
/// <c>NetworkPolicyRules</c> ... in <c>Validation/Owned</c>), then what only a set of objects can get wrong: two
/// objects of one kind with one name, which the second <c>kubectl apply</c> would silently merge into the first.
/// Each error's <see cref="FieldError.Object"/> names its object (<c>ConfigMap "db-config"</c>); paths are relative to it.
/// </summary>
public static class OwnedObjectsValidator
{
    /// <summary>Validates every object; returns every error at once, object by object in the order given.</summary>
    /// <param name="owned">The owned objects.</param>
    public static IReadOnlyList<FieldError> Validate(IEnumerable<IKubernetesObject> owned)
    {
        var errors = new List<FieldError>();
        var seen = new HashSet<(string?, string?, string?)>();
        foreach (var obj in owned ?? [])
        {
            if (obj is null)
            {
                continue;
            }

            errors.AddRange(ValidateObject(obj));
            var name = obj.Metadata?.Name;
            if (!string.IsNullOrEmpty(name) && !seen.Add((obj.Kind, obj.Metadata?.Namespace, name)))
            {
                errors.Add(FieldError.Duplicate(FieldPath.Root("metadata").Child("name"), name) with
                {
                    Object = OwnedObjects.Subject(obj),
                });
            }
        }

        return errors;
    }

    /// <summary>Validates one owned object on its own; each error's <see cref="FieldError.Object"/> names it.</summary>
    /// <param name="obj">The object.</param>
    public static IReadOnlyList<FieldError> ValidateObject(IKubernetesObject obj)
    {
        if (obj is null)
        {
            throw new ArgumentNullException(nameof(obj));
        }

        var errors = new ValidationErrors(OwnedObjects.Subject(obj));
        TextValueRules.Validate(obj, FieldPath.Document, errors);
        var metadata = FieldPath.Root("metadata");
        switch (obj)
        {
            case Service service:
                ServiceRules.Validate(service, errors);
                break;
            case ConfigMap configMap:
                ObjectMetaRules.Validate(configMap.Metadata, NameRules.NameIsDnsSubdomain, metadata, errors);
                ConfigMapRules.Validate(configMap, errors);
                break;
            case ServiceAccount account:
                ObjectMetaRules.Validate(account.Metadata, NameRules.NameIsDnsSubdomain, metadata, errors);
                break;
            case Role role:
                ObjectMetaRules.Validate(role.Metadata, NameRules.NameIsPathSegment, metadata, errors);
                RbacRules.ValidateRole(role, errors);
                break;
            case RoleBinding binding:
                ObjectMetaRules.Validate(binding.Metadata, NameRules.NameIsPathSegment, metadata, errors);
                RbacRules.ValidateRoleBinding(binding, errors);
                break;
            case PersistentVolume volume:
                ObjectMetaRules.ValidateClusterScoped(volume.Metadata, NameRules.NameIsDnsSubdomain, metadata, errors);
                PersistentVolumeRules.Validate(volume, errors);
                break;
            case PersistentVolumeClaim claim:
                ObjectMetaRules.Validate(claim.Metadata, NameRules.NameIsDnsSubdomain, metadata, errors);
                ClaimTemplateRules.ValidateSpec(claim.Spec, FieldPath.Root("spec"), errors);
                break;
            case NetworkPolicy policy:
                ObjectMetaRules.Validate(policy.Metadata, NameRules.NameIsDnsSubdomain, metadata, errors);
                NetworkPolicyRules.Validate(policy, errors);
                break;
            case HorizontalPodAutoscaler autoscaler:
                ObjectMetaRules.Validate(autoscaler.Metadata, NameRules.NameIsDnsSubdomain, metadata, errors);
                HorizontalPodAutoscalerRules.Validate(autoscaler, errors);
                break;
            case CronJob cronJob:
                ObjectMetaRules.Validate(cronJob.Metadata, NameRules.NameIsDnsSubdomain, metadata, errors);
                CronJobRules.Validate(cronJob, errors);
                break;
            default:
                errors.Add(FieldError.NotSupported(FieldPath.Root("kind"), obj.Kind, OwnedObjects.Kinds));
                break;
        }

        return errors.ToList();
    }
}
