using System.Globalization;
using StatefulManifests.Model;

namespace StatefulManifests.Reconciliation;

/// <summary>
/// Judges where <see cref="StatefulSetSimulation.RunUntilStable"/> ended and explains it: what is unhealthy, where
/// the controller stops and why, which faults are involved, and which documented behaviour of the reference this is
/// (the stuck rollout of §B.11 — docs: StatefulSet forced rollback, kubernetes#67250, the scale-down deadlock and livelock of §B.12 — ValidateStatefulSetStatus in pkg/apis/apps/validation/validation.go, a pod stuck on a lost node …). The
/// texts cite Kubernetes itself (source files and functions, docs pages, KEPs, issues), never the internal reference.
/// </summary>
internal static class ConvergenceAnalysis
{
    public static StabilityReport Analyze(StatefulSetSimulation sim, bool settled, int steps)
    {
        var problems = FindProblems(sim);
        var converged = settled && problems.Count == 0;
        string explanation;
        if (converged)
        {
            explanation = ConvergedText(sim, steps);
        }
        else if (settled)
        {
            explanation = "Stuck after " + N(steps) + " steps: nothing changes any more, but " + string.Join("; ", problems) + ".\n" + Diagnose(sim);
        }
        else
        {
            explanation = "Did not settle within " + N(steps) + " steps. " + Churn(sim) +
                          (problems.Count == 0 ? string.Empty : "\nProblems now: " + string.Join("; ", problems) + ".") + "\n" + Diagnose(sim);
        }

        return new StabilityReport { Settled = settled, Converged = converged, Steps = steps, Problems = problems, Explanation = explanation.TrimEnd() };
    }

    private static List<string> FindProblems(StatefulSetSimulation sim)
    {
        var problems = new List<string>();
        var set = sim.StatefulSet;
        if (set is null)
        {
            problems.AddRange(sim.Pods.Select(p => p.Name + " still exists (" + p.DisplayStatus + OnNode(sim, p) + ") although its StatefulSet is gone"));
            return problems;
        }

        var spec = set.Spec!;
        var status = set.Status ?? new StatefulSetStatus();
        var start = spec.Ordinals?.Start ?? 0;
        var replicas = spec.Replicas ?? 0;
        var minReady = spec.MinReadySeconds ?? 0;
        if (set.Metadata?.DeletionTimestamp is not null)
        {
            problems.Add("the StatefulSet is being deleted and waits for " + string.Join(", ", sim.Pods.Select(p => p.Name)));
            return problems;
        }

        if ((status.ObservedGeneration ?? 0) != (set.Metadata?.Generation ?? 0))
        {
            problems.Add("status.observedGeneration is " + N(status.ObservedGeneration ?? 0) + " but the generation is " + N(set.Metadata?.Generation ?? 0));
        }

        var update = status.UpdateRevision;
        var partition = spec.UpdateStrategy?.RollingUpdate?.Partition ?? 0;
        var rolling = spec.UpdateStrategy?.Type?.Known == UpdateStrategyType.RollingUpdate;
        for (var index = 0; index < replicas; index++)
        {
            // Counting by index, not ordinal: the highest ordinal may be int.MaxValue.
            var ordinal = start + index;
            var pod = sim.FindPod(ordinal);
            var name = PodIdentity.PodName(sim.Name, ordinal);
            if (pod is null)
            {
                problems.Add(name + " does not exist");
            }
            else if (OwnerReferences.ControllerOf(pod.OwnerReferences)?.Uid != set.Metadata?.Uid)
            {
                problems.Add(name + " is not owned by the StatefulSet");
            }
            else if (pod.IsTerminating || !pod.IsRunningAndReady || !pod.IsAvailable(minReady, sim.Clock.Now))
            {
                problems.Add(name + " is " + pod.DisplayStatus + (pod.Ready ? ", Ready but not available" : ", not Ready") + OnNode(sim, pod));
            }
            else if (rolling && ordinal - start >= partition && update is not null && pod.Revision != update)
            {
                problems.Add(name + " is still on revision " + pod.Revision + ", not the update revision " + update);
            }
        }

        if (problems.Count == 0 && (status.Replicas != replicas || status.ReadyReplicas != replicas || status.AvailableReplicas != replicas))
        {
            problems.Add("the status reports " + N(status.Replicas ?? 0) + " replicas, " + N(status.ReadyReplicas ?? 0) + " ready, " + N(status.AvailableReplicas ?? 0) + " available, for " + N(replicas) + " wanted");
        }

        foreach (var pod in sim.Pods.Where(p => p.Ordinal >= 0 && (p.Ordinal < start || p.Ordinal >= (long)start + replicas)))
        {
            problems.Add(pod.Name + " is outside the ordinal range but still exists (" + pod.DisplayStatus + ")");
        }

        return problems;
    }

    private static string ConvergedText(StatefulSetSimulation sim, int steps)
    {
        var set = sim.StatefulSet;
        if (set is null)
        {
            return "Converged after " + N(steps) + " steps: the StatefulSet and its pods are gone.";
        }

        var status = sim.Status;
        var text = "Converged after " + N(steps) + " steps: " + N(set.Spec?.Replicas ?? 0) + " pods Running and Ready; updateRevision " + status.UpdateRevision + ", currentRevision " + status.CurrentRevision + ".";
        if (set.Spec?.UpdateStrategy?.Type?.Known == UpdateStrategyType.OnDelete)
        {
            var old = sim.Pods.Count(p => p.Revision != status.UpdateRevision);
            if (old > 0)
            {
                text += " OnDelete: " + N(old) + " pod(s) keep the old revision until someone deletes them.";
            }

            if (status.CurrentRevision != status.UpdateRevision)
            {
                text += " With OnDelete, currentRevision never catches up before v1.37 (kubernetes#73492; fixed by kubernetes#136833, which drops the strategy check from the completion rule in pkg/controller/statefulset/stateful_set_control.go).";
            }
        }
        else if (status.CurrentRevision != status.UpdateRevision)
        {
            text += " The partition keeps the pods below it on the current revision.";
        }

        return text;
    }

    private static string Diagnose(StatefulSetSimulation sim)
    {
        var last = sim.LastPass;
        if (last is null)
        {
            return "No controller pass has run.";
        }

        var lines = new List<string> { "The last pass stopped in " + Stage(last.StoppedIn) + (last.BlockingPod is null ? string.Empty : " at " + last.BlockingPod) + ": " + last.Reason + "." };
        if (last.Error is not null)
        {
            lines.Add("It failed with: " + last.Error + "." + (last.Error.Contains("already exists") ? " A pod with that name exists but is not the set's (released or owned by someone else; the controller only adopts pods its selector matches, getPodsForStatefulSet in pkg/controller/statefulset/stateful_set.go): delete it or restore its labels." : string.Empty));
        }

        if (last.StatusWrite == StatusWriteOutcome.Rejected)
        {
            lines.Add("The API server rejects the status it computes (" + string.Join("; ", last.StatusErrors) + "), so the stored status, observedGeneration included, stays stale (ValidateStatefulSetStatus in pkg/apis/apps/validation/validation.go).");
        }

        var set = sim.StatefulSet;
        var monotonic = set?.Spec?.PodManagementPolicy?.Known != PodManagementPolicy.Parallel;
        var pod = last.BlockingPod is null ? null : sim.Store.Pods.TryGetValue(last.BlockingPod, out var p) ? p : null;
        if (pod is not null)
        {
            var faults = sim.Faults.Rules.Where(r => r.Match.Matches(pod)).ToList();
            if (faults.Count > 0)
            {
                lines.Add(pod.Name + " is held back by " + string.Join(", ", faults) + ".");
            }

            if (pod.IsTerminating && pod.NodeName is { } node && sim.Faults.LostNodes.Contains(node))
            {
                lines.Add(pod.Name + " is Terminating on lost node " + node + ": the kubelet cannot confirm the deletion, and the StatefulSet never runs two pods with one identity, so no replacement is created. Restore the node or force-delete the pod.");
            }
            else if (last.StoppedIn == PassStage.ReplicaPhase && monotonic && !pod.IsRunningAndReady && set?.Spec?.UpdateStrategy?.Type?.Known == UpdateStrategyType.RollingUpdate)
            {
                var onUpdate = pod.Revision == sim.Status.UpdateRevision;
                lines.Add("This is the \"broken state that requires manual intervention\" (https://kubernetes.io/docs/concepts/workloads/controllers/statefulset/#forced-rollback, kubernetes#67250): under OrderedReady every pass stops at the unready pod, so the rolling update is never reached" +
                          (onUpdate ? string.Empty : " — and " + pod.Name + " runs revision " + pod.Revision + ", not the update revision " + sim.Status.UpdateRevision + ", so reverting the template alone does not help") +
                          ". Fix or revert the template, then delete " + pod.Name + " (sim.DeletePod(" + N(pod.Ordinal) + ")).");
            }
        }

        if (last.StoppedIn == PassStage.ScaleDown && last.Reason.Contains("first unavailable"))
        {
            lines.Add("OrderedReady scale-down removes an unhealthy condemned pod only if it is the first unavailable one, so two or more unhealthy condemned pods deadlock it (processCondemned in pkg/controller/statefulset/stateful_set_control.go) until one recovers or is deleted.");
        }

        if (last.StoppedIn == PassStage.RollingUpdate && last.Reason.Contains("used up") && !sim.Options.MaxUnavailableParallelFix)
        {
            lines.Add("Without the v1.36 fix, old-revision pods that can never become available use up the maxUnavailable budget (kubernetes#137409, fixed by kubernetes#137666).");
        }

        return string.Join("\n", lines);
    }

    private static string Churn(StatefulSetSimulation sim)
    {
        var recent = sim.Passes.Skip(Math.Max(0, sim.Passes.Count - 6)).ToList();
        var recreated = recent.Count == 0 ? new List<string>() : recent
            .Select(p => new HashSet<string>(p.Actions.Where(a => a.Kind == ControllerActionKind.CreatePod && a.Succeeded).Select(a => a.Target).Intersect(p.Actions.Where(a => a.Kind == ControllerActionKind.DeletePod).Select(a => a.Target)), StringComparer.Ordinal))
            .Aggregate((a, b) =>
            {
                a.IntersectWith(b);
                return a;
            }).OrderBy(n => n, StringComparer.Ordinal).ToList();
        if (recreated.Count > 0)
        {
            var last = recent[recent.Count - 1];
            return "Livelock: every pass creates " + string.Join(", ", recreated) + " and deletes it again in the same pass" +
                   (last.StatusWrite == StatusWriteOutcome.Rejected ? ", and the status write is rejected (" + string.Join("; ", last.StatusErrors) + ")" : string.Empty) +
                   " (the status write fails ValidateStatefulSetStatus in pkg/apis/apps/validation/validation.go when currentReplicas goes negative).";
        }

        var flapping = sim.Faults.Rules.Where(r => r.Kind == FaultKind.FlappingReadiness).ToList();
        if (flapping.Count > 0)
        {
            return "Readiness keeps changing (" + string.Join(", ", flapping) + "), so the set never settles.";
        }

        return "The cluster keeps changing; the last passes: " + string.Join(" | ", recent.Select(p => p.ToString())) + ".";
    }

    private static string OnNode(StatefulSetSimulation sim, SimulatedPod pod) =>
        pod.NodeName is { } node && sim.Faults.LostNodes.Contains(node) ? " on lost node " + node : string.Empty;

    private static string Stage(PassStage stage) => stage switch
    {
        PassStage.ReplicaPhase => "the replica phase (processReplica in " + ControlSource + ")",
        PassStage.CondemnedClaims => "the condemned-claim fix-up (fixPodClaim in " + ControlSource + ")",
        PassStage.ScaleDown => "the scale-down (processCondemned in " + ControlSource + ")",
        PassStage.OnDelete => "the OnDelete stop (updateStatefulSet in " + ControlSource + " returns before the rolling update)",
        PassStage.RollingUpdate => "the rolling update (updateStatefulSet in " + ControlSource + "; with the MaxUnavailableStatefulSet gate, KEP-961)",
        PassStage.Deleting => "status-only mode while the set is deleted (updateStatefulSet in " + ControlSource + " stops at the deletionTimestamp)",
        _ => "the sync (the set does not exist)",
    };

    /// <summary>The upstream file the pass stages are named after (kubernetes/kubernetes).</summary>
    private const string ControlSource = "pkg/controller/statefulset/stateful_set_control.go";

    private static string N(long value) => value.ToString(CultureInfo.InvariantCulture);
}
