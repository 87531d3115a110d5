using StatefulManifests.Model;
using StatefulManifests.Validation;

namespace StatefulManifests.Reconciliation;

/// <summary>
/// The API server's handling of a StatefulSet write, in its order (reference §C — ValidateStatefulSet in pkg/apis/apps/validation/validation.go): defaulting, the registry's
/// PrepareForCreate/PrepareForUpdate (status cleared or preserved, generation set or bumped, gated fields dropped),
/// then validation — <see cref="WorkloadValidator"/> on create, <see cref="UpdateValidator"/> on update — and finally
/// the few rules without which the simulation could not run at all.
/// </summary>
internal sealed class Admission
{
    private readonly SimulationOptions options;
    private readonly ClusterStore store;
    private readonly VirtualClock clock;

    public Admission(SimulationOptions options, ClusterStore store, VirtualClock clock)
    {
        this.options = options;
        this.store = store;
        this.clock = clock;
    }

    public StatefulSet Create(StatefulSet input)
    {
        var metadata = input.Metadata ?? new ObjectMeta();
        var set = StatefulSetDefaulting.Apply(input with { Metadata = metadata with { Namespace = metadata.Namespace ?? options.Namespace } }, options.FeatureGates);
        set = StatefulSetDefaulting.DropDisabledFields(set, null, options.FeatureGates);
        // The set is already dropped for these gates; validating for them keeps what they keep (maxUnavailable with the gate on).
        Reject(set, WithPreconditions(set, options.Validate ? WorkloadValidator.ValidateStatefulSet(set, new Versions.TargetCluster { FeatureGates = options.FeatureGates }) : []));
        return set with
        {
            Metadata = set.Metadata! with
            {
                Uid = store.NewUid(),
                Generation = 1,
                CreationTimestamp = VirtualClock.Format(clock.Now),
                DeletionTimestamp = null,
                Finalizers = null,
                ResourceVersion = null,
            },
            Status = new StatefulSetStatus { Replicas = 0, ReadyReplicas = 0, CurrentReplicas = 0, UpdatedReplicas = 0, AvailableReplicas = 0 },
        };
    }

    public StatefulSet Update(StatefulSet input, StatefulSet stored)
    {
        var metadata = input.Metadata ?? new ObjectMeta();
        var set = StatefulSetDefaulting.Apply(input with { Metadata = metadata with { Namespace = metadata.Namespace ?? stored.Metadata?.Namespace } }, options.FeatureGates);
        set = StatefulSetDefaulting.DropDisabledFields(set, stored, options.FeatureGates);
        var spec = set.Spec ?? new StatefulSetSpec();
        Reject(set, WithPreconditions(set, options.Validate ? UpdateValidator.ValidateUpdate(stored, set) : ImmutabilityErrors(set, stored)));
        return set with
        {
            Metadata = set.Metadata! with
            {
                Uid = stored.Metadata?.Uid,
                Generation = (stored.Metadata?.Generation ?? 1) + (spec == stored.Spec ? 0 : 1),
                CreationTimestamp = stored.Metadata?.CreationTimestamp,
                DeletionTimestamp = stored.Metadata?.DeletionTimestamp,
                Finalizers = stored.Metadata?.Finalizers,
                ResourceVersion = null,
            },
            Status = stored.Status,
        };
    }

    /// <summary>The scale subresource: only spec.replicas, which must not be negative.</summary>
    public StatefulSet Scale(StatefulSet stored, int replicas)
    {
        if (replicas < 0)
        {
            Reject(stored, new[] { FieldError.Invalid(FieldPath.Root("spec").Child("replicas"), replicas, "must be greater than or equal to 0") });
        }

        return stored.Spec?.Replicas == replicas
            ? stored
            : stored with { Spec = stored.Spec! with { Replicas = replicas }, Metadata = stored.Metadata! with { Generation = (stored.Metadata.Generation ?? 1) + 1 } };
    }

    // With validation switched off the update rules that keep the model coherent still apply: identity and the
    // immutable spec fields (the same functions the validator uses).
    private static IReadOnlyList<FieldError> ImmutabilityErrors(StatefulSet set, StatefulSet stored)
    {
        var errors = new ValidationErrors();
        var metadata = FieldPath.Root("metadata");
        ObjectMetaUpdateRules.Immutable(errors, metadata.Child("name"), set.Metadata?.Name ?? string.Empty, stored.Metadata?.Name ?? string.Empty);
        ObjectMetaUpdateRules.Immutable(errors, metadata.Child("namespace"), set.Metadata?.Namespace ?? string.Empty, stored.Metadata?.Namespace ?? string.Empty);
        StatefulSetUpdateRules.ValidateImmutableSpec(set.Spec ?? new StatefulSetSpec(), stored.Spec ?? new StatefulSetSpec(), errors);
        return errors.ToList();
    }

    // What the engine needs regardless (these are API-server rules too, so with the validator in place they are
    // usually reported already; duplicates by path and type are dropped).
    private static List<FieldError> WithPreconditions(StatefulSet set, IReadOnlyList<FieldError> validation)
    {
        var errors = validation.ToList();
        foreach (var error in SimulationPreconditions.Check(set))
        {
            if (!errors.Any(e => e.Type == error.Type && Equals(e.Path, error.Path)))
            {
                errors.Add(error);
            }
        }

        return errors;
    }

    private static void Reject(StatefulSet set, IReadOnlyList<FieldError> errors)
    {
        if (errors.Count > 0)
        {
            throw new StatefulSetRejectedException(set.Metadata?.Name ?? string.Empty, errors);
        }
    }
}
