using StatefulManifests.Model;
using StatefulManifests.Validation;

namespace StatefulManifests.Reconciliation;

/// <summary>
/// One pass of Kubernetes' <c>UpdateStatefulSet</c> (reference §B.3 — getStatefulSetRevisions in stateful_set_control.go, §B.4 — updateStatefulSet in stateful_set_control.go): resolve revisions, partition the pods,
/// run the replica phase, the condemned-claim fix-up, the scale-down, then the rolling update (classic or §B.7 — KEP-961, updateStatefulSetAfterInvariantEstablished),
/// compute and write the status (§B.8 — computeReplicaStatus / completeRollingUpdate, validated per §B.12 — ValidateStatefulSetStatus in pkg/apis/apps/validation/validation.go), and truncate history.
/// </summary>
internal sealed class ReconcilePass
{
    private readonly ControllerContext context;
    private readonly RevisionHistory history;
    private readonly ReplicaPhase replicaPhase;
    private readonly CondemnedClaimsPhase condemnedClaims;
    private readonly ScaleDownPhase scaleDown;
    private readonly ClassicRollingUpdate classicUpdate;
    private readonly MaxUnavailableRollingUpdate maxUnavailableUpdate;

    public ReconcilePass(ControllerContext context)
    {
        this.context = context;
        var pods = new PodControl(context);
        history = new RevisionHistory(context);
        replicaPhase = new ReplicaPhase(pods);
        condemnedClaims = new CondemnedClaimsPhase(pods);
        scaleDown = new ScaleDownPhase(pods);
        classicUpdate = new ClassicRollingUpdate(pods);
        maxUnavailableUpdate = new MaxUnavailableRollingUpdate(pods, context.Options.MaxUnavailableParallelFix);
    }

    public PassReport Run(StatefulSet set, IReadOnlyList<SimulatedPod> ownedPods, int number)
    {
        var revisions = history.ListOwned(set);
        var pair = history.Resolve(set, revisions);
        var state = new PassState(set, pair, ownedPods, context.Now);
        int? budget = null, unavailable = null;

        PassStop stop;
        if (set.Metadata?.DeletionTimestamp is not null)
        {
            stop = new PassStop(PassStage.Deleting, null, "the StatefulSet is being deleted: status only, no pod or claim actions");
        }
        else
        {
            stop = replicaPhase.Run(state)
                ?? condemnedClaims.Run(state)
                ?? scaleDown.Run(state)
                ?? RunUpdate(state, ref budget, ref unavailable);
        }

        var computed = StatusCalculator.Compute(state, state.Replicas.Where(p => p is not null).Concat(state.Condemned)!);
        var status = StatusCalculator.CompleteRollingUpdate(set, computed);
        var (outcome, statusErrors) = WriteStatus(status, set.Status);
        history.Truncate(set, ownedPods, revisions, pair);

        var minReady = set.Spec?.MinReadySeconds ?? 0;
        return new PassReport
        {
            Number = number,
            Time = context.Now,
            Generation = set.Metadata?.Generation ?? 0,
            CurrentRevision = pair.Current.Name,
            UpdateRevision = pair.Update.Name,
            Actions = context.Actions.ToList(),
            StoppedIn = stop.Stage,
            BlockingPod = stop.Pod,
            Reason = stop.Reason,
            Error = stop.Error?.Message,
            ComputedStatus = status,
            StatusWrite = outcome,
            StatusErrors = statusErrors,
            RequeueAfter = minReady > 0 && status.AvailableReplicas != (set.Spec?.Replicas ?? 0) ? TimeSpan.FromSeconds(minReady) : null,
            MaxUnavailable = budget,
            UnavailableReplicas = unavailable,
        };
    }

    private PassStop RunUpdate(PassState state, ref int? budget, ref int? unavailable)
    {
        if (state.Set.Spec?.UpdateStrategy?.Type?.Known == UpdateStrategyType.OnDelete)
        {
            return new PassStop(PassStage.OnDelete, null, "OnDelete: pods are replaced only when someone deletes them");
        }

        if (!context.Gates.MaxUnavailableStatefulSet)
        {
            return classicUpdate.Run(state);
        }

        var stop = maxUnavailableUpdate.Run(state, out var b, out var u);
        budget = b;
        unavailable = u;
        return stop;
    }

    private (StatusWriteOutcome Outcome, IReadOnlyList<FieldError> Errors) WriteStatus(StatefulSetStatus status, StatefulSetStatus? stored)
    {
        if (!StatusCalculator.DiffersFromStored(status, stored))
        {
            return (StatusWriteOutcome.Unchanged, Array.Empty<FieldError>());
        }

        var errors = context.Api.UpdateStatefulSetStatus(status);
        return errors.Count == 0 ? (StatusWriteOutcome.Written, errors) : (StatusWriteOutcome.Rejected, errors);
    }
}
