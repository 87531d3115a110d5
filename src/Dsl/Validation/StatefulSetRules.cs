using StatefulManifests.Model;

namespace StatefulManifests.Validation;

/// <summary>
/// The StatefulSet's own create-time rules (reference §C.1, <c>ValidateStatefulSet</c> /
/// <c>ValidateStatefulSetSpec</c>), evaluated as the API server evaluates them: after defaulting. A missing
/// <c>podManagementPolicy</c>, <c>updateStrategy.type</c> or retention-policy member is therefore not an error
/// (it becomes <c>OrderedReady</c>, <c>RollingUpdate</c>, <c>Retain</c>); an unknown one is.
/// </summary>
internal static class StatefulSetRules
{
    /// <summary>Validates <paramref name="statefulSet"/> into <paramref name="errors"/>.</summary>
    public static void Validate(StatefulSet statefulSet, ValidationErrors errors)
    {
        ObjectMetaRules.Validate(statefulSet.Metadata, NameRules.NameIsDnsLabel, FieldPath.Root("metadata"), errors);
        ValidateSpec(statefulSet.Spec ?? new StatefulSetSpec(), SpecChecks.Create, errors);
        ClusterLimitRules.Validate(statefulSet, errors);
    }

    /// <summary>
    /// <c>ValidateStatefulSetSpec</c> at <c>spec</c>; <paramref name="checks"/> says which parts an update skips
    /// (reference §C.2).
    /// </summary>
    public static void ValidateSpec(StatefulSetSpec spec, SpecChecks checks, ValidationErrors errors)
    {
        var path = FieldPath.Root("spec");
        ValidatePodManagementPolicy(spec.PodManagementPolicy, path.Child("podManagementPolicy"), errors);
        ValidateUpdateStrategy(spec.UpdateStrategy, path.Child("updateStrategy"), errors);
        ValidateRetentionPolicy(spec.PersistentVolumeClaimRetentionPolicy, path.Child("persistentVolumeClaimRetentionPolicy"), errors);

        var claimTemplates = spec.VolumeClaimTemplates ?? ValueList<PersistentVolumeClaim>.Empty;
        for (var i = 0; i < claimTemplates.Count; i++)
        {
            var claimPath = path.Child("volumeClaimTemplates").Index(i);
            if (checks.ClaimTemplateSpecs)
            {
                ClaimTemplateRules.ValidateSpec(claimTemplates[i]?.Spec, claimPath.Child("spec"), errors);
            }

            ClaimTemplateRules.ValidateStatusQuantities(claimTemplates[i]?.Status, claimPath.Child("status"), errors);
        }

        ValueRules.NonNegative(errors, path.Child("replicas"), spec.Replicas);
        ValueRules.NonNegative(errors, path.Child("minReadySeconds"), spec.MinReadySeconds);
        if (spec.Ordinals is not null)
        {
            // Kubernetes builds this path as one segment, so it prints as spec.ordinals.start.
            ValueRules.NonNegative(errors, path.Child("ordinals.start"), spec.Ordinals.Start ?? 0);
        }

        if (checks.ServiceName && !string.IsNullOrEmpty(spec.ServiceName))
        {
            errors.Invalid(path.Child("serviceName"), spec.ServiceName, NameRules.IsDns1123Label(spec.ServiceName!));
        }

        var selector = spec.Selector;
        if (selector is null)
        {
            errors.Required(path.Child("selector"));
        }
        else
        {
            LabelSelectorRules.Validate(selector, path.Child("selector"), errors);
            if (LabelSelectorRules.IsEmpty(selector))
            {
                errors.Invalid(path.Child("selector"), selector, "empty selector is invalid for statefulset");
            }
        }

        var template = spec.Template ?? new PodTemplateSpec();
        if (!LabelSelectorRules.CanConvert(selector))
        {
            // The API server cannot build a matcher from this selector, so it stops here: neither the label match
            // nor the pod template is checked.
            errors.Invalid(path.Child("selector"), selector, string.Empty);
        }
        else
        {
            ValidateSelectorMatchesTemplate(selector, template, path.Child("template"), errors);
            if (checks.PodTemplate)
            {
                ValidatePodTemplate(spec, errors);
            }
        }

        var restartPolicy = ValueRules.Wire(template.Spec?.RestartPolicy);
        if (restartPolicy is not null && restartPolicy != "Always")
        {
            errors.NotSupported(path.Child("template", "spec", "restartPolicy"), restartPolicy, ["Always"]);
        }

        if (template.Spec?.ActiveDeadlineSeconds is not null)
        {
            errors.Forbidden(path.Child("template", "spec", "activeDeadlineSeconds"), "activeDeadlineSeconds in StatefulSet is not Supported");
        }
    }

    /// <summary>Row 26: the pod template, with one PVC volume injected per claim template.</summary>
    public static void ValidatePodTemplate(StatefulSetSpec spec, ValidationErrors errors)
    {
        var path = FieldPath.Root("spec");
        var claimTemplates = spec.VolumeClaimTemplates ?? ValueList<PersistentVolumeClaim>.Empty;
        PodTemplateRules.Validate(spec.Template ?? new PodTemplateSpec(), ClaimVolumes(claimTemplates, path.Child("volumeClaimTemplates")), path.Child("template"), errors);
    }

    private static void ValidatePodManagementPolicy(EnumValue<PodManagementPolicy>? policy, FieldPath path, ValidationErrors errors)
    {
        // Empty is defaulted to OrderedReady before validation, so row 5 (Required) cannot fire after defaulting.
        var value = ValueRules.Wire(policy);
        if (value is not null && !policy!.Value.IsKnown)
        {
            errors.Invalid(path, value, "must be 'OrderedReady' or 'Parallel'");
        }
    }

    private static void ValidateUpdateStrategy(StatefulSetUpdateStrategy? strategy, FieldPath path, ValidationErrors errors)
    {
        if (strategy is null)
        {
            return;
        }

        // An empty type is defaulted to RollingUpdate (row 7 cannot fire after defaulting).
        var type = ValueRules.Wire(strategy.Type);
        switch (type is null ? UpdateStrategyType.RollingUpdate : strategy.Type!.Value.Known)
        {
            case UpdateStrategyType.OnDelete:
                if (strategy.RollingUpdate is not null)
                {
                    errors.Invalid(path.Child("rollingUpdate"), strategy.RollingUpdate, "only allowed for updateStrategy 'RollingUpdate'");
                }

                break;
            case UpdateStrategyType.RollingUpdate:
                if (strategy.RollingUpdate is not null)
                {
                    ValidateRollingUpdate(strategy.RollingUpdate, path.Child("rollingUpdate"), errors);
                }

                break;
            default:
                errors.Invalid(path, strategy, "must be 'RollingUpdate' or 'OnDelete'");
                break;
        }
    }

    /// <remarks>
    /// <c>maxUnavailable</c> is validated whenever it is still present: with the MaxUnavailableStatefulSet gate off
    /// (the v1.36 default) the API server drops it before validation, and so does the validator
    /// (<see cref="TargetVersionRules"/>), so only a target with the gate on checks it (rows 11–14).
    /// </remarks>
    private static void ValidateRollingUpdate(RollingUpdateStatefulSetStrategy rollingUpdate, FieldPath path, ValidationErrors errors)
    {
        ValueRules.NonNegative(errors, path.Child("partition"), rollingUpdate.Partition);
        if (rollingUpdate.MaxUnavailable is { } maxUnavailable)
        {
            var maxPath = path.Child("maxUnavailable");
            ValueRules.IntOrPercent(errors, maxPath, maxUnavailable);
            if (ValueRules.IntOrPercentValue(maxUnavailable) == 0)
            {
                errors.Invalid(maxPath, maxUnavailable, "cannot be 0");
            }

            ValueRules.NotMoreThan100Percent(errors, maxPath, maxUnavailable);
        }
    }

    private static void ValidateRetentionPolicy(StatefulSetPersistentVolumeClaimRetentionPolicy? policy, FieldPath path, ValidationErrors errors)
    {
        if (policy is null)
        {
            return;
        }

        // Each empty member is defaulted to Retain; anything else must be exactly Retain or Delete.
        ValueRules.KnownOrDefaulted(errors, path.Child("whenDeleted"), policy.WhenDeleted, ValueRules.Declared<ClaimRetentionPolicy>());
        ValueRules.KnownOrDefaulted(errors, path.Child("whenScaled"), policy.WhenScaled, ValueRules.Declared<ClaimRetentionPolicy>());
    }

    private static void ValidateSelectorMatchesTemplate(LabelSelector? selector, PodTemplateSpec template, FieldPath path, ValidationErrors errors)
    {
        var labels = template.Metadata?.Labels;

        // A missing selector matches nothing (so this fires too); an empty one matches everything and is skipped.
        var mismatch = selector is null
            || (!LabelSelectorRules.IsEmpty(selector) && !selector.Matches(labels ?? ValueMap<string>.Empty));
        if (mismatch)
        {
            errors.Invalid(path.Child("metadata", "labels"), labels, "`selector` does not match template `labels`");
        }
    }

    /// <summary>
    /// The volumes the API server injects into the copy of the template it validates: one PVC volume per claim
    /// template, in declaration order, duplicates collapsed (they would collapse in Kubernetes' map too).
    /// </summary>
    private static IReadOnlyList<ClaimVolume> ClaimVolumes(ValueList<PersistentVolumeClaim> claimTemplates, FieldPath path)
    {
        var volumes = new List<ClaimVolume>();
        var names = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < claimTemplates.Count; i++)
        {
            var name = claimTemplates[i]?.Metadata?.Name ?? string.Empty;
            if (names.Add(name))
            {
                volumes.Add(new ClaimVolume(name, path.Index(i).Child("metadata", "name")));
            }
        }

        return volumes;
    }
}

/// <summary>Which parts of <c>ValidateStatefulSetSpec</c> run: all on create; an update skips some (reference §C.2).</summary>
/// <param name="ServiceName">The DNS-1123 check of <c>serviceName</c> (create only).</param>
/// <param name="ClaimTemplateSpecs">The new-PVC checks of each claim template's spec (create only).</param>
/// <param name="PodTemplate">The full pod-template validation (skipped on update when the stored template already fails it).</param>
internal sealed record SpecChecks(bool ServiceName, bool ClaimTemplateSpecs, bool PodTemplate)
{
    /// <summary>Everything, as on create.</summary>
    public static SpecChecks Create { get; } = new(true, true, true);
}

/// <summary>A pod volume injected for a claim template, and where the template's name is written.</summary>
/// <param name="Name">The claim template's name (also the volume's name).</param>
/// <param name="NamePath">
/// <c>spec.volumeClaimTemplates[i].metadata.name</c>: errors about the injected volume's name are reported
/// there, because the injected volume has no position of its own in the manifest.
/// </param>
internal sealed record ClaimVolume(string Name, FieldPath NamePath);
